"""Matching what the person typed to the choices on screen.

A choice can be answered by its id (a button payload), by its number as shown
("2", "٢", "۲", "2.") or by its label text in the person's language. Labels
come from a resolver the caller passes in, so the engine stays pure.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from dialogs.tickets import normalize_digits

LabelResolver = Callable[[str, Mapping[str, Any]], str | Iterable[str]]
"""(message id, args) -> the label's text in the current language (or in several)."""

_BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u2066\u2067\u2068\u2069\u202a\u202b\u202c"))
_NUMBER = re.compile(r"(\d{1,2})\s*[.)\-]?")


def _edge_junk(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PSZC"


def normalize(text: str) -> str:
    """Case-folded, ASCII digits, single spaces, no punctuation or emoji at the ends."""
    text = normalize_digits(text).translate(_BIDI_MARKS).casefold()
    text = " ".join(text.split())
    start, end = 0, len(text)
    while start < end and _edge_junk(text[start]):
        start += 1
    while end > start and _edge_junk(text[end - 1]):
        end -= 1
    return text[start:end]


def by_number(text: str, choices: Sequence[Mapping[str, Any]]) -> str | None:
    """The id of the choice whose 1-based position the text names."""
    m = _NUMBER.fullmatch(normalize_digits(text).strip())
    if not m:
        return None
    index = int(m.group(1)) - 1
    return str(choices[index]["id"]) if 0 <= index < len(choices) else None


def by_label(
    text: str, choices: Sequence[Mapping[str, Any]], labels: LabelResolver | None
) -> str | None:
    """The id of the choice whose label (or id) equals the text, ignoring case and punctuation."""
    wanted = normalize(text)
    if not wanted:
        return None
    for choice in choices:
        if normalize(str(choice["id"])) == wanted:
            return str(choice["id"])
        if labels and wanted in _label_texts(labels, choice):
            return str(choice["id"])
    return None


def _label_texts(labels: LabelResolver, choice: Mapping[str, Any]) -> set[str]:
    texts = labels(choice["key"], choice.get("args") or {})
    return {normalize(t) for t in ([texts] if isinstance(texts, str) else texts)}


def match_choice(
    text: str, choices: Sequence[Mapping[str, Any]], labels: LabelResolver | None
) -> str | None:
    return by_number(text, choices) or by_label(text, choices, labels)
