"""The logging set-up of `labbaik run` and `labbaik chat`: one format, and no personal data.

Our own log lines name people only by short tags (bot/channels/whatsapp:
`who`) and never carry message text. What this set-up adds is the net under
everyone else's lines, ours and the libraries':

- an exception is logged as its type and its frames, never its text: a
  database error quotes the row ("Key (user_id)=(whatsapp:+9665...)"), a
  parse error the input;
- anything that still looks like a phone number (`+` and 7-15 digits, or a
  `whatsapp:` address) is masked in the finished line;
- uvicorn's access log is off (bot/web/access_log.py writes one without
  query strings or addresses), and httpx's request lines are kept quiet (Bot
  API URLs carry the bot token).

SQLAlchemy's statement parameters are kept out of its errors at the source
(`hide_parameters`, storage/db.py).
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from types import TracebackType
from typing import TextIO

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_PHONE = re.compile(r"(?:whatsapp:)?\+[0-9][0-9 ]{6,18}[0-9]")
QUIET = {"httpx": logging.WARNING, "httpcore": logging.WARNING, "uvicorn.access": logging.WARNING}

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


def mask_phones(text: str) -> str:
    return _PHONE.sub("+<phone>", text)


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and those it came from, oldest first (as Python prints them)."""
    found: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not e for e in found):
        found.append(current)
        context = None if current.__suppress_context__ else current.__context__
        current = current.__cause__ or context
    return list(reversed(found))


class PrivateFormatter(logging.Formatter):
    """Exceptions without their text; phone numbers masked in every finished line."""

    def formatException(self, ei: ExcInfo) -> str:  # noqa: N802 (logging's name)
        _, value, _tb = ei
        if value is None:
            return ""
        lines: list[str] = []
        for exc in _chain(value):
            lines.append("Traceback (most recent call last):\n")
            lines.extend(traceback.format_tb(exc.__traceback__))
            kind = type(exc)
            lines.append(f"{kind.__module__}.{kind.__qualname__} (its text is not logged)\n")
        return "".join(lines).rstrip("\n")

    def formatStack(self, stack_info: str) -> str:  # noqa: N802 (logging's name)
        return stack_info

    def format(self, record: logging.LogRecord) -> str:
        return mask_phones(super().format(record))


def private_handler(stream: TextIO | None = None) -> logging.Handler:
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(PrivateFormatter(FORMAT))
    return handler


def setup_logging(level: int = logging.INFO, stream: TextIO | None = None) -> None:
    """Everything to stderr (or `stream`) through `PrivateFormatter`, libraries kept quiet."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(private_handler(stream))
    root.setLevel(level)
    for name, quiet in QUIET.items():
        logging.getLogger(name).setLevel(quiet)
