"""Downloading a photo a person sent on WhatsApp from Twilio.

Twilio's MediaUrl answers only with the account's credentials (HTTP basic
auth) and then redirects to where the file lives. The declared type is checked
before the download and the declared size before the body is read; the body
is read only up to the limit; then `MediaStore` checks the bytes themselves.
"""

from __future__ import annotations

import httpx

from bot.core.media import MediaRejected, MediaStore
from dialogs.model import Media

_CHUNK = 64 * 1024


async def fetch_media(
    client: httpx.AsyncClient,
    url: str,
    declared_type: str | None,
    *,
    auth: tuple[str, str],
    store: MediaStore,
    allowed_types: tuple[str, ...],
) -> Media:
    """Download, check and store one photo; raises `MediaRejected` with the reason."""
    if declared_type is not None and declared_type.split(";")[0].strip() not in allowed_types:
        raise MediaRejected("wrong_type", f"declared type {declared_type} not allowed")
    try:
        async with client.stream("GET", url, auth=auth, follow_redirects=True) as response:
            if response.status_code != 200:
                raise MediaRejected("unreadable", f"media URL answered {response.status_code}")
            declared = response.headers.get("content-length")
            store.check_size(int(declared) if declared and declared.isdigit() else None)
            data = await _read_capped(response, store.max_bytes)
    except httpx.HTTPError as exc:
        raise MediaRejected("unreadable", f"download failed: {type(exc).__name__}") from exc
    return store.store(data, channel="whatsapp")


async def _read_capped(response: httpx.Response, limit: int) -> bytes:
    data = bytearray()
    async for chunk in response.aiter_bytes(_CHUNK):
        data += chunk
        if len(data) > limit:
            raise MediaRejected("too_large", f"more than {limit} bytes")
    return bytes(data)
