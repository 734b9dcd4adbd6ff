"""Labbaik: the conversation service, channel adapters, web app and command line."""
