"""Channels: one package per platform behind the Channel protocol (base.py); registry.py."""
