"""NLU: the Rasa 3.6 project (trained and served in .venv-rasa) and the bot's HTTP client for it."""
