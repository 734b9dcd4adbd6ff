"""Telegram through python-telegram-bot: polling, the webhook, rendering and sending."""
