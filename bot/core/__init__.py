"""The conversation core: the one path every message takes, effects, content, outbox, media."""
