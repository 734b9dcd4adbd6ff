"""The web chat's messages: the browser's JSON and photo uploads in, `Inbound`; `Reply` out as JSON.

Later messages (a ticket's status changed, an agent's answer) reach a web chat
through the outbox like any channel: `WebChatSender` (sender.py) writes them
into the chat's history, where the open page finds them when it polls and a
closed page on the next visit.

The browser identifies itself with a random client id it keeps in localStorage
and a cookie. The id is checked for shape only and is used for nothing but
finding that browser's own conversation. Each message carries a client-made id,
so a POST the browser retries after a network error is handled once; the id is
namespaced by the client id, so one browser can never replay another's message.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

from bot.channels.fields import unstorable
from bot.core.messages import Inbound, Reply
from dialogs.model import Location, Media
from dialogs.tokens import CHOICE_ID

CHANNEL: Final = "webchat"
MAX_TEXT_CHARS = 2000
# what the page sends as a command, or the person types as "/human" (the commands of the flows)
COMMANDS = frozenset({"start", "help", "language", "status", "cancel", "human", "agent"})

_CLIENT_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")
_MESSAGE_ID = re.compile(r"[A-Za-z0-9_-]{8,48}")


class BadMessage(ValueError):
    """The browser sent something we cannot read; `code` names what, for the page."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


def parse_client_id(value: object) -> str:
    if not isinstance(value, str) or not _CLIENT_ID.fullmatch(value):
        raise BadMessage(
            "bad_client_id", "client_id must be 16-64 characters of letters, digits, '-' or '_'"
        )
    return value


def parse_message_id(value: object) -> str:
    if not isinstance(value, str) or not _MESSAGE_ID.fullmatch(value):
        raise BadMessage(
            "bad_message_id", "message_id must be 8-48 characters of letters, digits, '-' or '_'"
        )
    return value


def parse_lang(value: object, languages: Iterable[str]) -> str | None:
    """The page's chosen language, a hint for the service; unknown values are ignored."""
    return value if isinstance(value, str) and value in set(languages) else None


def _platform_message_id(client_id: str, message_id: str) -> str:
    return f"{client_id}:{message_id}"


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise BadMessage("bad_text", "text must be a non-empty string")
    if len(value) > MAX_TEXT_CHARS:
        raise BadMessage("text_too_long", f"text is longer than {MAX_TEXT_CHARS} characters")
    if (problem := unstorable(value)) is not None:  # NUL, lone surrogate, control character
        raise BadMessage("bad_text", f"text {problem}")
    return value.strip()


def _choice(value: object) -> str:
    """A button's id: an opaque token of one shape (dialogs/tokens.py), never parsed here."""
    if not isinstance(value, str) or not CHOICE_ID.fullmatch(value):
        raise BadMessage(
            "bad_choice",
            "choice must be the id of a button the bot offered "
            "(1-64 characters of letters, digits and _ . : @ -)",
        )
    return value


def _coordinate(raw: Mapping[str, Any], name: str, limit: float) -> float:
    value = raw.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadMessage("bad_location", f"location.{name} must be a number")
    if not math.isfinite(value) or abs(value) > limit:
        raise BadMessage("bad_location", f"location.{name} must be between -{limit} and {limit}")
    return float(value)


def _location(value: object) -> Location:
    if not isinstance(value, Mapping):
        raise BadMessage("bad_location", "location must be an object with lat and lon")
    return Location(lat=_coordinate(value, "lat", 90), lon=_coordinate(value, "lon", 180))


def _command(value: object) -> str:
    if not isinstance(value, str) or value not in COMMANDS:  # a list is not even hashable
        raise BadMessage("bad_command", f"command must be one of {sorted(COMMANDS)}")
    return str(value)


_PARSERS: dict[str, Callable[[object], Any]] = {
    "text": _text,
    "choice": _choice,
    "location": _location,
    "command": _command,
}


def parse_message(payload: object, *, languages: Iterable[str]) -> Inbound:
    """POST /webchat/api/messages JSON -> Inbound: one of text, choice, location or command."""
    if not isinstance(payload, Mapping):
        raise BadMessage("bad_json", "the body must be a JSON object")
    client_id = parse_client_id(payload.get("client_id"))
    message_id = parse_message_id(payload.get("message_id"))
    kinds = [k for k in _PARSERS if payload.get(k) is not None]
    if len(kinds) != 1:
        raise BadMessage("bad_kind", "send exactly one of text, choice, location or command")
    kind = kinds[0]
    value = _PARSERS[kind](payload[kind])
    if kind == "text" and (typed := _typed_command(value)) is not None:
        kind, value = "command", typed
    return Inbound(
        channel=CHANNEL,
        user_id=client_id,
        message_id=_platform_message_id(client_id, message_id),
        locale_hint=parse_lang(payload.get("lang"), languages),
        **{kind: value},
    )


def _typed_command(text: str) -> str | None:
    """'/human' typed in the text box -> the command 'human' (only the known ones)."""
    word = text.strip()
    if not word.startswith("/") or word[1:].lower() not in COMMANDS:
        return None
    return word[1:].lower()


def media_inbound(client_id: str, message_id: str, media: Media, lang: str | None) -> Inbound:
    """A checked, stored photo from POST /webchat/api/media -> Inbound."""
    return Inbound(
        channel=CHANNEL,
        user_id=client_id,
        message_id=_platform_message_id(client_id, message_id),
        media=media,
        locale_hint=lang,
    )


def reply_json(reply: Reply) -> dict[str, Any]:
    """A Reply as the page reads it; the page inserts `text` with textContent only."""
    return {
        "key": reply.key,
        "text": reply.text,
        "lang": reply.lang,
        "rtl": reply.rtl,
        "expects": reply.expects,
        "choices": [{"id": c.id, "label": c.label} for c in reply.choices],
        "links": [{"url": link.url, "label": link.label} for link in reply.links],
    }


def _choice_label(choice_id: str, offered: list[dict[str, Any]]) -> str | None:
    return next((c.get("label") for c in offered if c.get("id") == choice_id), None)


def _user_entry(item: Mapping[str, Any], offered: list[dict[str, Any]]) -> dict[str, Any] | None:
    if item.get("text"):
        return {"from": "user", "kind": "text", "text": item["text"]}
    if item.get("choice"):
        label = _choice_label(str(item["choice"]), offered)
        return {"from": "user", "kind": "choice", "text": label or str(item["choice"])}
    if item.get("location"):
        return {"from": "user", "kind": "location", "text": None}
    if item.get("media"):
        return {"from": "user", "kind": "photo", "text": None}
    return None  # commands (start, language) are not shown as bubbles


def history_json(items: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """service.history rows (oldest first) as the page draws them after a reload.

    A pressed button is shown with the label it had, looked up in the bot
    message that offered it.
    """
    entries: list[dict[str, Any]] = []
    offered: list[dict[str, Any]] = []
    for item in items:
        if item.get("direction") == "out":
            choices = list(item.get("choices") or [])
            offered = choices or offered
            entries.append(
                {
                    "from": "bot",
                    "key": item.get("key"),
                    "text": item.get("text", ""),
                    "lang": item.get("lang"),
                    "rtl": bool(item.get("rtl")),
                    "expects": item.get("expects", "none"),
                    "choices": choices,
                    "links": list(item.get("links") or []),
                }
            )
        elif (entry := _user_entry(item, offered)) is not None:
            entries.append(entry)
    return entries
