"""The field rules channel adapters declare their input with, and how a refusal names the field.

Each adapter describes what its platform sends as a pydantic model (strict:
a number is not a string, a bool is not a number) built from these types:

- `Annotated[str, Field(max_length=n), STORABLE]`: text that storage can
  hold and a reply can carry: no NUL, no lone surrogate, no other control
  character than tab, line feed and carriage return (`storage.limits` holds
  the same line for what reaches the database);
- `Latitude`, `Longitude`: finite numbers in range.

`Refusal.of(error)` turns pydantic's first error into the field's dotted
path ("message.text", "MediaUrl0") and one sentence without the value, for a
4xx body and a log line (the value may be a phone number or what a person
wrote).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, Field, ValidationError

from storage.limits import text_problem

_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MESSAGES = {
    "string_unicode": "is not valid Unicode text (a lone surrogate?)",
    "string_type": "must be a string",
    "int_type": "must be an integer",
    "float_type": "must be a number",
    "bool_type": "must be true or false",
    "dict_type": "must be an object",
    "model_type": "must be an object",
    "list_type": "must be a list",
    "missing": "is required",
    "extra_forbidden": "is not a field we take",
    "string_pattern_mismatch": "is not in the expected format",
    "finite_number": "must be a finite number",
    "url_parsing": "is not a URL we can read",
    "url_scheme": "must be an http or https URL",
}
_WITH_LIMIT = {
    "string_too_long": "is longer than {max_length} characters",
    "string_too_short": "is shorter than {min_length} characters",
    "too_long": "has more than {max_length} items",
    "greater_than_equal": "must be at least {ge}",
    "less_than_equal": "must be at most {le}",
    "greater_than": "must be more than {gt}",
    "less_than": "must be less than {lt}",
}


def unstorable(value: str) -> str | None:
    """Why `value` is no text we take (a NUL, a lone surrogate, a control character), or None."""
    problem = text_problem(value)
    if problem is None and _CONTROL.search(value):
        problem = "contains a control character"
    return problem


def _storable(value: str) -> str:
    if (problem := unstorable(value)) is not None:
        raise ValueError(problem)
    return value


STORABLE = AfterValidator(_storable)


Latitude = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]


def dotted(location: tuple[int | str, ...]) -> str:
    """("message", "photo", 0, "width") -> "message.photo[0].width"."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "body"


@dataclass(frozen=True)
class Refusal:
    """Which field is wrong and why, in words that never quote the value."""

    field: str
    reason: str

    @classmethod
    def of(cls, error: ValidationError) -> Refusal:
        first = error.errors(include_url=False, include_input=False)[0]
        kind = first["type"]
        reason = _MESSAGES.get(kind)
        if kind in _WITH_LIMIT:
            reason = _WITH_LIMIT[kind].format(**first.get("ctx", {}))
        elif reason is None:
            reason = first["msg"].removeprefix("Value error, ")
            reason = reason[:1].lower() + reason[1:]
        return cls(dotted(tuple(first["loc"])), reason)

    def __str__(self) -> str:
        return f"{self.field} {self.reason}"
