"""Jinja2 for the desk: templates in bot/desk/templates, autoescaped, strict about names.

Every value a template prints is HTML-escaped (`autoescape=True`), pilgrim text
above all; nothing is marked safe but the SVG map built by casemap.py from
numbers. A misspelt variable is an error (`StrictUndefined`), not an empty cell.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from bot.municipal.prayer import MAKKAH_TZ

TEMPLATES = Path(__file__).resolve().parent / "templates"


def local_time(value: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A time as Makkah's clock shows it (the desk's staff and pilgrims are there)."""
    return value.astimezone(MAKKAH_TZ).strftime(fmt) if value is not None else ""


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["local"] = local_time
    return env


def render(env: Environment, name: str, context: dict[str, Any]) -> str:
    return env.get_template(name).render(context)
