"""Neutral replies in Telegram's terms: message parts and keyboards (pure, no I/O).

A reply longer than Telegram's 4096-character limit is split on sentence
boundaries ('.', '!', '?', Arabic '؟', Urdu '۔', line breaks), so no part
ends mid-sentence when it can be helped. Choices become an inline keyboard
whose callback data is the choice id; an id longer than Telegram's 64 bytes
travels as a digest, and a press on it comes back as the button's label
(which the dialog engine matches like a typed label). A reply that expects a
location gets a reply keyboard with a "share location" button instead (a
message carries one keyboard), with the choices as plain buttons that answer
with their label. A reply's links (a map) are URL buttons above its choices,
tappable and outside the text's bidi isolation; under a reply keyboard, which
cannot hold one, the link's address goes on a line of its own.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from bot.core.messages import Reply

TEXT_LIMIT = 4096  # Telegram counts UTF-16 code units
CALLBACK_DATA_LIMIT = 64  # bytes
DIGEST_PREFIX = "~"  # callback data standing for a choice id too long to carry
LOCATION_BUTTON = "📍"  # language-neutral label of the "share my location" button

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove

# where a part may end, best first: a paragraph, a line, a sentence, a word
_BREAKS = (
    re.compile(r"\n\s*\n"),
    re.compile(r"\n"),
    re.compile(r"[.!?؟۔…](?:[\"'”’»)\]]*)(?=\s)"),
    re.compile(r"\s"),
)


@dataclass(frozen=True)
class Part:
    text: str
    markup: Markup | None = None


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _fit(text: str, limit: int) -> int:
    """The longest prefix length (in characters) of `text` within `limit` UTF-16 units."""
    if _utf16_len(text) <= limit:
        return len(text)
    units = 0
    for i, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            return i
    return len(text)


def _cut(window: str) -> int:
    """Where to end a part within `window`: after the best boundary in its second half."""
    floor = len(window) // 2
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(window) if m.end() > floor]
        if ends:
            return ends[-1]
    return len(window)


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """`text` in parts of at most `limit` UTF-16 units, ended at sentence boundaries."""
    parts: list[str] = []
    rest = text.strip()
    while rest:
        size = _fit(rest, limit)
        if size == len(rest):
            parts.append(rest)
            break
        end = _cut(rest[:size])
        part = rest[:end].strip()
        if part:
            parts.append(part)
        rest = rest[end:].strip()
    return parts


def callback_data(choice_id: str) -> str:
    """The choice id itself when it fits in 64 bytes, else a digest of it."""
    if len(choice_id.encode()) <= CALLBACK_DATA_LIMIT and not choice_id.startswith(DIGEST_PREFIX):
        return choice_id
    return DIGEST_PREFIX + hashlib.sha256(choice_id.encode()).hexdigest()[:40]


def _inline_keyboard(reply: Reply) -> InlineKeyboardMarkup:
    rows = [[InlineKeyboardButton(link.label, url=link.url)] for link in reply.links]
    rows += [
        [InlineKeyboardButton(c.label, callback_data=callback_data(c.id))] for c in reply.choices
    ]
    return InlineKeyboardMarkup(rows)


def _location_keyboard(reply: Reply) -> ReplyKeyboardMarkup:
    rows = [[KeyboardButton(LOCATION_BUTTON, request_location=True)]]
    rows += [[KeyboardButton(c.label)] for c in reply.choices]
    return ReplyKeyboardMarkup(rows, resize_keyboard=True, one_time_keyboard=True)


def markup_for(reply: Reply) -> Markup:
    """The keyboard for the reply; a reply without one removes a shown reply keyboard."""
    if reply.expects == "location":
        return _location_keyboard(reply)
    if reply.choices or reply.links:
        return _inline_keyboard(reply)
    return ReplyKeyboardRemove()


def render(reply: Reply) -> list[Part]:
    """The Telegram messages for one reply; the keyboard rides on the last one."""
    text = reply.text
    if reply.links and reply.expects == "location":  # a reply keyboard holds no URL button
        text = "\n".join([text, *(link.url for link in reply.links)])
    texts = split_text(text) or ["…"]
    markup = markup_for(reply)
    return [Part(t) for t in texts[:-1]] + [Part(texts[-1], markup)]
