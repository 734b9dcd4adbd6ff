"""Reading the API's parameters: each checked, or the spec's 400 naming it.

Parameters come from the query string (GET) or the form body (POST), both
`Mapping[str, str]` here. "Optional" is as the spec defines it: a parameter
sent empty is the same as one not sent.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import datetime, time

from bot.open311.errors import bad_request, not_found
from bot.open311.requests_view import MAKKAH_TIME
from bot.open311.settings import Open311Settings

_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
MAX_LIST = 200  # comma-separated values in one parameter
MAX_PARAM_CHARS = 4000


def optional(params: Mapping[str, str], name: str) -> str | None:
    value = params.get(name)
    if value is None or not value.strip():
        return None
    return value


def text(params: Mapping[str, str], name: str, *, max_chars: int = 200) -> str | None:
    """A free-text parameter: no control characters, at most `max_chars`, trimmed."""
    value = optional(params, name)
    if value is None:
        return None
    if _NOT_TEXT.search(value):
        raise bad_request(f"{name} contains control characters; send plain UTF-8 text")
    value = value.strip()
    if len(value) > max_chars:
        raise bad_request(f"{name} is {len(value)} characters long; at most {max_chars}")
    return value


def listed(params: Mapping[str, str], name: str) -> list[str]:
    """A comma-delimited parameter (the spec's lists), empty items dropped."""
    value = text(params, name, max_chars=MAX_PARAM_CHARS)
    items = [v.strip() for v in (value or "").split(",") if v.strip()]
    if len(items) > MAX_LIST:
        raise bad_request(f"{name} lists {len(items)} values; at most {MAX_LIST}")
    return items


def coordinate(params: Mapping[str, str], name: str, limit: float) -> float | None:
    value = text(params, name, max_chars=40)
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        raise bad_request(f"{name} must be a number in WGS84 degrees, got {value!r}") from None
    if not math.isfinite(number) or abs(number) > limit:
        raise bad_request(f"{name} must be between -{limit:g} and {limit:g}, got {value!r}")
    return number


def w3c_datetime(params: Mapping[str, str], name: str) -> datetime | None:
    """A W3C date-time with its offset (2010-01-01T00:00:00Z); a bare date is Makkah midnight."""
    value = text(params, name, max_chars=40)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise bad_request(
            f"{name} must be a W3C date-time such as 2010-01-01T00:00:00Z, got {value!r}"
        ) from None
    if moment.tzinfo is None:
        if len(value) > 10:
            raise bad_request(f"{name} needs a time zone (Z or an offset such as +03:00)")
        moment = datetime.combine(moment.date(), time(), MAKKAH_TIME)
    return moment


def whole_number(params: Mapping[str, str], name: str, *, low: int, high: int) -> int | None:
    value = text(params, name, max_chars=12)
    if value is None:
        return None
    if not value.isascii() or not value.isdigit() or not low <= int(value) <= high:
        raise bad_request(f"{name} must be a whole number from {low} to {high}, got {value!r}")
    return int(value)


def check_jurisdiction(params: Mapping[str, str], settings: Open311Settings) -> None:
    """This endpoint serves one jurisdiction: naming it or none is fine, another is 404."""
    given = text(params, "jurisdiction_id", max_chars=200)
    if given is not None and given.lower() != settings.jurisdiction_id.lower():
        raise not_found(
            f"jurisdiction_id {given!r} not found; this endpoint serves {settings.jurisdiction_id}"
        )


def locale(params: Mapping[str, str], languages: tuple[str, ...], default: str) -> str:
    """The language of `locale` ("ur", "ur-PK", "en_US"), else the municipality's."""
    value = text(params, "locale", max_chars=35)
    code = re.split(r"[-_]", value)[0].lower() if value else ""
    return code if code in languages else default


def flag(params: Mapping[str, str], name: str) -> bool:
    value = (optional(params, name) or "").strip().lower()
    if value in ("", "false", "0", "no"):
        return False
    if value in ("true", "1", "yes"):
        return True
    raise bad_request(f"{name} must be true or false, got {value[:20]!r}")
