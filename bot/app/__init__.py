"""Wiring and the command line: settings, the running product assembled, `labbaik` commands."""
