"""The console channel: `labbaik chat`, for developers, tests and scripts.

A real channel like the others: lines become `Inbound` messages and go through
the same conversation service and storage, so a second run with the same
`--user` finds the conversation and tickets of the first.

Plain mode prints each reply with its choices numbered; a line `lat,lon`
shares a location and `/photo PATH` sends a photo. With `--json` each input
line is plain text or one JSON object ({"text": ...}, {"choice": "<id>"},
{"location": {"lat": .., "lon": ..}}, {"media": "<path>"}, {"command": "start"})
and each reply is one JSON line:
{"key", "text", "choices": [{"id", "label"}], "links": [{"url", "label"}], "expects", "lang"}.

A terminal shows Fluent's bidi isolation marks (U+2066-U+2069) as stray
characters, so the console prints texts without them; the other channels keep
them, where they keep ticket numbers and digits in place inside right-to-left text.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any, TextIO

from bot.channels.base import Channel
from bot.core.media import MediaRejected, MediaStore
from bot.core.messages import ChannelName, Inbound, Reply
from bot.core.runtime import Runtime
from dialogs.model import Location

CHANNEL: ChannelName = "console"
CONSOLE = Channel(name=CHANNEL)  # no routes, no sender: replies go to stdout at once
_ISOLATION_MARKS = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))
_LATLON = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$")


class InputError(ValueError):
    """A JSON input line we cannot read; the message says what is wrong."""


def _media(store: MediaStore, path: str) -> dict[str, Any]:
    try:
        data = Path(path).expanduser().read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read photo {path!r}: {exc.strerror}") from exc
    try:
        return {"media": store.store(data, channel=CHANNEL)}
    except MediaRejected as exc:
        return {
            "unsupported": f"media_{exc.reason}" if exc.reason != "empty" else "media_unreadable"
        }


def _location(value: Any) -> Location:
    try:
        lat, lon = float(value["lat"]), float(value["lon"])
    except (TypeError, KeyError, ValueError) as exc:
        raise InputError('location needs numbers: {"lat": 21.42, "lon": 39.82}') from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError("location out of range: lat -90..90, lon -180..180")
    return Location(lat=lat, lon=lon, label=value.get("label"))


def parse_json_line(line: str, store: MediaStore) -> dict[str, Any]:
    """One --json input line as Inbound fields."""
    if not line.lstrip().startswith("{"):
        return parse_plain_line(line, store)
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    known = {"text", "choice", "location", "media", "command"}
    if not isinstance(obj, dict) or not obj or set(obj) - known:
        got = sorted(obj) if isinstance(obj, dict) else type(obj).__name__
        raise InputError(f"expected one of {sorted(known)}, got {got}")
    fields: dict[str, Any] = {}
    if "text" in obj or "choice" in obj or "command" in obj:
        fields.update({k: str(obj[k]) for k in ("text", "choice", "command") if k in obj})
    if "location" in obj:
        fields["location"] = _location(obj["location"])
    if "media" in obj:
        fields.update(_media(store, str(obj["media"])))
    return fields


def parse_plain_line(line: str, store: MediaStore) -> dict[str, Any]:
    if m := _LATLON.match(line):
        return {"location": _location({"lat": m.group(1), "lon": m.group(2)})}
    if line.startswith("/photo "):
        return _media(store, line.removeprefix("/photo ").strip())
    if re.fullmatch(r"/(start|help|language|status|cancel)", line.strip()):
        return {"command": line.strip()[1:]}
    return {"text": line}


def plain(text: str) -> str:
    """A text without bidi isolation marks, as a terminal should show it."""
    return text.translate(_ISOLATION_MARKS)


def format_plain(reply: Reply) -> str:
    lines = [plain(reply.text)]
    lines += [f"  {plain(link.label)}: {link.url}" for link in reply.links]
    lines += [f"  {i}. {plain(c.label)}" for i, c in enumerate(reply.choices, 1)]
    if reply.expects == "location":
        lines.append("  (share a location by typing: lat,lon)")
    elif reply.expects == "media":
        lines.append("  (send a photo by typing: /photo PATH)")
    return "\n".join(lines)


def format_json(reply: Reply) -> str:
    return json.dumps(
        {
            "key": reply.key,
            "text": plain(reply.text),
            "choices": [{"id": c.id, "label": plain(c.label)} for c in reply.choices],
            "links": [{"url": link.url, "label": plain(link.label)} for link in reply.links],
            "expects": reply.expects,
            "lang": reply.lang,
        },
        ensure_ascii=False,
    )


async def _lines(stream: TextIO, interactive: bool) -> AsyncIterator[str]:
    """The non-empty lines of `stream`, each read only when the one before is answered.

    The read happens in a thread, so the event loop (and a content reload) goes
    on while a person or a program takes its time to type the next line.
    """
    while True:
        if interactive:
            print("> ", end="", flush=True)
        line = await asyncio.to_thread(stream.readline)
        if not line:
            return
        if line.strip():
            yield line.rstrip("\n")


Parse = Callable[[str, MediaStore], dict[str, Any]]


async def chat(runtime: Runtime, args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    """Answer `/start` (in a terminal), then every line of `stdin` before reading the next."""
    service = runtime.service
    if args.lang:
        service.set_language(channel=CHANNEL, user_id=args.user, language=args.lang)
    interactive = stdin.isatty()
    show = format_json if args.json else format_plain
    parse: Parse = parse_json_line if args.json else parse_plain_line
    status = 0
    if interactive:
        await _answer(runtime, args.user, {"command": "start"}, show, stdout)
    async for line in _lines(stdin, interactive):
        try:
            fields = parse(line, runtime.media)
        except InputError as exc:
            print(f"labbaik chat: {exc}", file=sys.stderr, flush=True)
            status = 1
            continue
        await _answer(runtime, args.user, fields, show, stdout)
    return status


async def _answer(
    runtime: Runtime,
    user: str,
    fields: dict[str, Any],
    show: Callable[[Reply], str],
    stdout: TextIO,
) -> None:
    inbound = Inbound(channel=CHANNEL, user_id=user, message_id=uuid.uuid4().hex, **fields)
    result = await runtime.service.handle(inbound)
    for reply in result.replies:
        print(show(reply), file=stdout, flush=True)
