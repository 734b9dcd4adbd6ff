"""Choice ids as opaque tokens: what every channel carries for a button.

A choice's *action* is what the engine understands (`confirm`, `waste`,
`flow:check_status?ticket_id=MK-1234566`, ...). A channel only ever sees and
sends back a *token*: a string of the shape `CHOICE_ID` (1-64 characters of
ASCII letters, digits and `_ . : @ -`), so every platform can carry it as it
is (Telegram's 64-byte callback data, an HTML attribute, a JSON field) and an
adapter can check it by shape alone, without knowing what it means.

An action that already has that shape is its own token (`confirm`,
`flow:report_issue`). Any other (a query string, anything longer than 64
characters) gets `@` + 20 hex digits of its SHA-256, and the conversation
state remembers which action each such token stands for (`state["tokens"]`,
the last `REMEMBERED` of them), so a button pressed a few messages later still
works. A token the state no longer knows is answered as an old button.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import MutableMapping

CHOICE_ID = re.compile(r"[A-Za-z0-9_.:@-]{1,64}")
"""The shape of every choice id a channel sends or receives (web chat, Telegram, ...)."""

TOKEN_PREFIX = "@"
REMEMBERED = 64  # tokens kept in the state: enough for every button of the last few messages


def is_token(value: str) -> bool:
    return bool(CHOICE_ID.fullmatch(value))


def token_for(action: str) -> str:
    """The token a channel carries for `action` (the action itself when it has the shape)."""
    if is_token(action) and not action.startswith(TOKEN_PREFIX):
        return action
    return TOKEN_PREFIX + hashlib.sha256(action.encode("utf-8")).hexdigest()[:20]


def remember(tokens: MutableMapping[str, str], token: str, action: str) -> None:
    """Note what `token` stands for; the oldest notes go beyond `REMEMBERED`."""
    if token == action:
        return
    tokens.pop(token, None)
    tokens[token] = action
    while len(tokens) > REMEMBERED:
        tokens.pop(next(iter(tokens)))


def action_of(tokens: MutableMapping[str, str], choice: str) -> str | None:
    """The action a pressed button stands for; None for a token the state does not know."""
    if choice.startswith(TOKEN_PREFIX):
        return tokens.get(choice)
    return choice
