"""The console channel (`labbaik chat`): lines in, replies out; a real channel and the test one."""
