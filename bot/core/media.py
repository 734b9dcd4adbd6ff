"""Photos people send: checked for size and type, then stored under the media directory.

Every channel downloads the bytes its own way and hands them here, so the
limits and the naming are the same everywhere. The type is read from the
file's first bytes, not trusted from the platform's header.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from bot.core.settings import MediaSettings
from dialogs.model import Media

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "image/gif": ".gif",
}


class MediaRejected(Exception):
    """The file cannot be taken; `reason` is "too_large", "wrong_type" or "empty"."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


def sniff_type(data: bytes) -> str | None:
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return next((t for sig, t in _SIGNATURES if data.startswith(sig)), None)


class MediaStore:
    def __init__(self, settings: MediaSettings, directory: Path) -> None:
        self._settings = settings
        self._dir = directory

    @property
    def max_bytes(self) -> int:
        return self._settings.max_bytes

    def check_size(self, size: int | None) -> None:
        """Refuse early when the platform tells the size before the download."""
        if size is not None and size > self._settings.max_bytes:
            raise MediaRejected("too_large", f"{size} bytes > {self._settings.max_bytes}")

    def store(self, data: bytes, *, channel: str) -> Media:
        if not data:
            raise MediaRejected("empty", "no bytes")
        self.check_size(len(data))
        kind = sniff_type(data)
        if kind is None or kind not in self._settings.allowed_types:
            raise MediaRejected("wrong_type", f"type {kind or 'unknown'} not allowed")
        digest = hashlib.sha256(data).hexdigest()
        day = datetime.now(UTC).strftime("%Y/%m/%d")
        ref = f"{channel}/{day}/{digest[:32]}{_EXTENSIONS[kind]}"
        path = self._dir / ref
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():  # same bytes, same name: a redelivery stores nothing twice
            tmp = path.with_suffix(".part")
            tmp.write_bytes(data)
            tmp.replace(path)
        return Media(ref=ref, content_type=kind, size=len(data))

    def open(self, ref: str) -> Path:
        path = (self._dir / ref).resolve()
        if not path.is_relative_to(self._dir.resolve()):
            raise MediaRejected("wrong_type", "reference outside the media directory")
        return path
