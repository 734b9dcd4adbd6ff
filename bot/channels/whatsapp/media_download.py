"""Downloading a photo a person sent on WhatsApp, from Twilio's media hosts only.

Twilio's MediaUrl answers only with the account's credentials (HTTP basic
auth) and then redirects to where the file lives. So the request goes only
to an origin of `media_hosts` (the webhook refuses any other MediaUrl before
this runs), with the credentials; each redirect is followed by hand, at most
`MAX_REDIRECTS` times, only to an origin of `media_redirect_hosts`, and
without the credentials. Every failure, whatever it was (a refused host, a
closed port, a timeout, a 404), is the same `MediaRejected("unreadable")`:
the reply to the person never tells what answered where.

The declared type is checked before the download and the declared size
before the body is read; the body is read only up to the limit; then
`MediaStore` checks the bytes themselves.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from bot.channels.whatsapp.form import origin
from bot.core.media import MediaRejected, MediaStore
from dialogs.model import Media

_CHUNK = 64 * 1024
MAX_REDIRECTS = 3


@dataclass(frozen=True)
class MediaHosts:
    """Where a MediaUrl may point (`first`, sent the credentials) and its redirects may lead."""

    first: Collection[str]
    redirects: Collection[str]

    def allows_first(self, url: str) -> bool:
        return origin(url) in self.first

    def allows_redirect(self, url: str) -> bool:
        found = origin(url)
        return found in self.redirects or found in self.first


async def fetch_media(
    client: httpx.AsyncClient,
    url: str,
    declared_type: str | None,
    *,
    auth: tuple[str, str],
    store: MediaStore,
    allowed_types: tuple[str, ...],
    hosts: MediaHosts,
) -> Media:
    """Download, check and store one photo; raises `MediaRejected` with the reason."""
    if declared_type is not None and declared_type.split(";")[0].strip() not in allowed_types:
        raise MediaRejected("wrong_type", f"declared type {declared_type} not allowed")
    if not hosts.allows_first(url):
        raise MediaRejected("unreadable", "the media URL is not on a configured media host")
    try:
        data = await _follow(client, url, auth=auth, store=store, hosts=hosts)
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise MediaRejected("unreadable", f"download failed: {type(exc).__name__}") from exc
    return store.store(data, channel="whatsapp")


async def _follow(
    client: httpx.AsyncClient,
    url: str,
    *,
    auth: tuple[str, str],
    store: MediaStore,
    hosts: MediaHosts,
) -> bytes:
    credentials: tuple[str, str] | None = auth
    for _ in range(MAX_REDIRECTS + 1):
        async with client.stream("GET", url, auth=credentials, follow_redirects=False) as response:
            if not response.is_redirect:
                return await _body(response, store)
            url = urljoin(url, response.headers.get("location", ""))
        if not hosts.allows_redirect(url):
            raise MediaRejected("unreadable", "redirected to a host that is not allowed")
        credentials = None  # never sent past the first host
    raise MediaRejected("unreadable", f"more than {MAX_REDIRECTS} redirects")


async def _body(response: httpx.Response, store: MediaStore) -> bytes:
    if response.status_code != 200:
        raise MediaRejected("unreadable", f"media URL answered {response.status_code}")
    declared = response.headers.get("content-length", "")
    store.check_size(int(declared) if declared.isascii() and declared.isdigit() else None)
    data = bytearray()
    async for chunk in response.aiter_bytes(_CHUNK):
        data += chunk
        if len(data) > store.max_bytes:
            raise MediaRejected("too_large", f"more than {store.max_bytes} bytes")
    return bytes(data)
