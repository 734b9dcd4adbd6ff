"""The access log: method, path, status and time of each request, and nothing about who.

Replaces uvicorn's access log (switched off in bot/app/run.py), which prints
the client's address and the query string: the web chat's history is asked
for with `?client_id=`, the only thing protecting a chat. Here the query
string, the peer address and every header are left out; the path is cut to
`PATH_LIMIT` characters.
"""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("labbaik.access")
PATH_LIMIT = 200


class AccessLogMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0

        async def watching_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watching_send)
        finally:
            path = str(scope.get("path", ""))[:PATH_LIMIT]
            ms = (time.perf_counter() - started) * 1000
            log.info("%s %s %d %.1fms", scope.get("method", "?"), path, status, ms)
