"""Helpers for the web app tests: test settings, a free port, small real image files."""

from __future__ import annotations

import socket
import struct
import zlib
from pathlib import Path

from shared_content import repo_content, runtime_on_settings

from bot.app.config import Settings, load_settings
from bot.core.runtime import Runtime

MAX_PHOTO_BYTES = 256 * 1024  # small, so oversize tests stay fast


def web_settings(
    db_url: str, media_dir: Path, env: dict[str, str] | None = None, **overrides: object
) -> Settings:
    """Settings for tests; secrets only from `env` (none by default, so webhooks stay off)."""
    return load_settings(
        env=env or {},
        overrides={
            "database.url": db_url,
            "media.directory": str(media_dir),
            "media.max_bytes": MAX_PHOTO_BYTES,
            **overrides,
        },
    )


class SharedTexts:
    """The repo's flows, texts and services' data, loaded once (tests/shared_content.py)."""

    def __init__(self, root: Path) -> None:
        self.content = repo_content()


def runtime_on(settings: Settings, texts: SharedTexts) -> Runtime:
    """A runtime like `build_runtime(settings, with_nlu=False)` on an already migrated
    database, reusing the loaded content (one test proves build_runtime itself)."""
    return runtime_on_settings(settings)


def free_port() -> int:
    """A TCP port nothing listens on (the OS picks it; we close it again)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png(width: int = 48, height: int = 32, rgb: tuple[int, int, int] = (11, 110, 79)) -> bytes:
    """A valid PNG of one colour."""
    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(row * height))
        + _chunk(b"IEND", b"")
    )


def oversize_png(size: int) -> bytes:
    """A PNG signature followed by padding: `size` bytes that claim to be a photo."""
    data = png()
    return data + b"\x00" * (size - len(data))
