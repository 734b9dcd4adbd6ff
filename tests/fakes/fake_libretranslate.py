"""A local fake of a LibreTranslate server: real HTTP the real translation client talks to.

It serves, on 127.0.0.1 and a free port, in its own thread, what LibreTranslate
serves (https://docs.libretranslate.com/guides/api_usage):

- GET  /languages — `[{"code", "name", "targets"}]` for the languages it offers;
- POST /translate — JSON `{"q", "source", "target", "format", "api_key"?}` ->
  `{"translatedText"}`; 400 `{"error"}` for a pair it does not offer, 403
  for a wrong key (when one is required).

A translation is the one the test taught it (`teach`), else "[<target>] <q>".
Tests can make it fail (`fail_next`, `down`), or hold every /translate
request until released (`stall`: a slow server; `release()` lets them go).
Every request is recorded (`requests`). Nothing here is ours: it stands where
a self-hosted LibreTranslate stands.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

NAMES = {"ar": "Arabic", "en": "English", "id": "Indonesian", "ur": "Urdu", "fa": "Persian"}


class FakeLibreTranslate:
    def __init__(self, *, languages: tuple[str, ...] = tuple(NAMES), api_key: str | None = None):
        self.languages = languages
        self.api_key = api_key
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.down = False  # every request answers 503
        self._taught: dict[tuple[str, str, str], str] = {}
        self._failures: list[int] = []
        self._stalled = threading.Event()
        self._stalled.set()  # set: requests go through
        self._lock = threading.Lock()
        self._port = _free_port()
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    # -- what tests use ---------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    def teach(self, source: str, target: str, text: str, translation: str) -> None:
        self._taught[(source, target, text)] = translation

    def fail_next(self, status: int = 500, *, times: int = 1) -> None:
        with self._lock:
            self._failures.extend([status] * times)

    def stall(self) -> None:
        """Hold every /translate request from now on until `release()`."""
        self._stalled.clear()

    def release(self) -> None:
        self._stalled.set()

    def translations(self) -> list[dict[str, Any]]:
        return [body for path, body in self.requests if path == "/translate"]

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> FakeLibreTranslate:
        config = uvicorn.Config(
            self._app(), host="127.0.0.1", port=self._port, log_level="warning", lifespan="off"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="fake-lt", daemon=True)
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("fake LibreTranslate server did not start")
            threading.Event().wait(0.01)
        return self

    def stop(self) -> None:
        self.release()
        if self._server and self._thread:
            self._server.should_exit = True
            self._thread.join(10)

    # -- the HTTP side -----------------------------------------------------------------

    def _app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/languages", self._languages, methods=["GET"]),
                Route("/translate", self._translate, methods=["POST"]),
            ]
        )

    def _refusal(self) -> Response | None:
        with self._lock:
            status = self._failures.pop(0) if self._failures else None
        if self.down:
            status = 503
        if status is None:
            return None
        return JSONResponse({"error": "scripted failure"}, status_code=status)

    async def _languages(self, request: Request) -> Response:
        self.requests.append(("/languages", {}))
        refused = self._refusal()
        if refused is not None:
            return refused
        return JSONResponse(
            [
                {"code": c, "name": NAMES.get(c, c), "targets": [t for t in self.languages]}
                for c in self.languages
            ]
        )

    async def _translate(self, request: Request) -> Response:
        body = await request.json()
        self.requests.append(("/translate", dict(body)))
        await asyncio.to_thread(self._stalled.wait, 60)
        refused = self._refusal()
        if refused is not None:
            return refused
        if self.api_key is not None and body.get("api_key") != self.api_key:
            return JSONResponse({"error": "Invalid API key"}, status_code=403)
        source, target, text = body.get("source"), body.get("target"), body.get("q")
        if source not in self.languages or target not in self.languages:
            return JSONResponse({"error": f"{source} -> {target} is not offered"}, status_code=400)
        translated = self._taught.get((source, target, text), f"[{target}] {text}")
        return JSONResponse({"translatedText": translated})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def fake_libretranslate() -> Iterator[FakeLibreTranslate]:
    """A running fake LibreTranslate offering the five languages (import into a conftest)."""
    fake = FakeLibreTranslate().start()
    yield fake
    fake.stop()
