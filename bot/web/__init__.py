"""The one ASGI web app: web chat, channel webhooks, health and metrics (see app.py)."""
