"""WhatsApp's text shape: choices as numbered lines, bodies split to Twilio's 1600 characters.

WhatsApp (through a plain Twilio number) has no buttons for a free-form
message, so a reply's choices become "1. label" lines the person answers by
number (in any digit script; the engine maps the number back) or by text. A
link (a map) is its bare address on a line of its own, under its label: WhatsApp
makes it tappable only so, and never inside the text's bidi isolation marks.
"""

from __future__ import annotations

import re

from bot.core.messages import Reply

BODY_LIMIT = 1600  # Twilio refuses longer Body values

# a sentence ends at . ! ? … or the Arabic/Urdu marks, followed by space; or at a line break
_SENTENCE_END = re.compile(r"(?<=[.!?…؟۔])\s+|\n+")


def render_body(reply: Reply) -> str:
    """The reply's text, its links (label, then the bare URL alone on a line), its choices."""
    body = reply.text.rstrip()
    for link in reply.links:
        body += f"\n\n{link.label}\n{link.url}"
    if not reply.choices:
        return body
    lines = [f"{number}. {choice.label}" for number, choice in enumerate(reply.choices, 1)]
    return body + "\n\n" + "\n".join(lines)


def split_body(text: str, limit: int = BODY_LIMIT) -> list[str]:
    """Cut `text` into parts of at most `limit` characters, at sentence ends where possible."""
    text = text.strip()
    parts: list[str] = []
    while len(text) > limit:
        cut = _cut_point(text, limit)
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        parts.append(text)
    return parts


def _cut_point(text: str, limit: int) -> int:
    """Where to cut: the last sentence end within the limit, else the last space, else the limit."""
    window = text[: limit + 1]
    ends = [m.end() for m in _SENTENCE_END.finditer(window) if m.start() <= limit]
    if ends and ends[-1] > limit // 3:
        return min(ends[-1], limit)
    space = window.rfind(" ", 0, limit)
    return space if space > limit // 3 else limit
