"""NLU tests use `nlu_url` from tests/conftest.py: one real Rasa server with the current
model for the whole session (shared with the service's free-text transcripts)."""
