"""The web chat: the page, its static files and texts, the JSON API, and its outbox sender."""
