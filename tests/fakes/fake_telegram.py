"""A local fake of the Telegram Bot API, served over real HTTP for python-telegram-bot.

It runs Starlette under uvicorn on 127.0.0.1 (a free port) in its own thread,
so the real PTB code under test talks to it exactly as it would to
api.telegram.org: point `base_url` at `fake.base_url` and `base_file_url` at
`fake.base_file_url`.

It speaks enough of the Bot API for the bot: getMe, getUpdates (queued
updates, honouring `offset`, long-polling briefly), sendMessage,
editMessageReplyMarkup, answerCallbackQuery, getFile and file download,
deleteWebhook, setWebhook. Every call is recorded (`calls`) so tests assert
what the bot sent; `fail_next` makes the next call of a method answer 429
with retry_after, 403 (bot blocked) or 400 (chat not found).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

BOT_ID = 7_000_000_001
BOT_USERNAME = "labbaik_test_bot"


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    result: Any = None  # what the fake answered (None for a refused call)


@dataclass
class _StoredFile:
    file_id: str
    file_path: str
    data: bytes
    reported_size: int | None


@dataclass
class _Failure:
    status: int
    description: str
    retry_after: int | None = None
    after: int = 0  # calls still let through before this failure


@dataclass
class FakeTelegram:
    token: str = "123456:TEST"
    calls: list[Call] = field(default_factory=list)
    webhook_url: str | None = None
    _updates: list[dict[str, Any]] = field(default_factory=list)
    _confirmed_offset: int = 0
    _files: dict[str, _StoredFile] = field(default_factory=dict)
    _file_paths: dict[str, _StoredFile] = field(default_factory=dict)
    _failures: dict[str, list[_Failure]] = field(default_factory=dict)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1001))
    _update_ids: itertools.count = field(default_factory=lambda: itertools.count(500_000_001))
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: uvicorn.Server | None = None
    _thread: threading.Thread | None = None
    port: int = 0

    # -- what tests use ---------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}/file/bot"

    def reset(self) -> None:
        """Forget every call, update, file and planned failure (between tests)."""
        with self._lock:
            self.calls.clear()
            self._updates.clear()
            self._confirmed_offset = 0
        self._files.clear()
        self._file_paths.clear()
        self._failures.clear()
        self.webhook_url = None

    def next_update_id(self) -> int:
        return next(self._update_ids)

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update for getUpdates (an update_id is assigned when missing)."""
        with self._lock:
            update.setdefault("update_id", self.next_update_id())
            self._updates.append(update)
        return int(update["update_id"])

    def add_file(self, file_id: str, data: bytes, *, reported_size: int | None = None) -> None:
        """Serve `data` for getFile(file_id); `reported_size` overrides the size told."""
        path = f"photos/file_{len(self._files)}.jpg"
        stored = _StoredFile(file_id, path, data, reported_size)
        self._files[file_id] = stored
        self._file_paths[path] = stored

    def fail_next(
        self,
        method: str,
        status: int,
        *,
        retry_after: int | None = None,
        description: str = "",
        after: int = 0,
    ) -> None:
        """The next call of `method` (after `after` successful ones) answers with this error."""
        default = {
            429: f"Too Many Requests: retry after {retry_after}",
            403: "Forbidden: bot was blocked by the user",
            400: "Bad Request: chat not found",
        }.get(status, "Internal Server Error")
        failure = _Failure(status, description or default, retry_after, after)
        self._failures.setdefault(method, []).append(failure)

    def calls_of(self, method: str) -> list[dict[str, Any]]:
        return [c.params for c in list(self.calls) if c.method == method]

    def sent(self, chat_id: int | str | None = None) -> list[dict[str, Any]]:
        """Messages the bot sent (sendMessage parameters), optionally to one chat."""
        return [
            p
            for p in self.calls_of("sendMessage")
            if chat_id is None or str(p.get("chat_id")) == str(chat_id)
        ]

    def delivered(self, chat_id: int | str) -> list[dict[str, Any]]:
        """Messages Telegram accepted for one chat, as it answered them (with message_id)."""
        return [
            c.result
            for c in list(self.calls)
            if c.method == "sendMessage"
            and c.result is not None
            and str(c.params.get("chat_id")) == str(chat_id)
        ]

    def pending_updates(self) -> int:
        with self._lock:
            return sum(1 for u in self._updates if u["update_id"] >= self._confirmed_offset)

    async def wait_for(
        self, condition: Callable[[], bool], *, deadline: float = 20.0, what: str = "condition"
    ) -> None:
        """Let the bot work until `condition()` holds; fail after `deadline` seconds."""
        end = time.monotonic() + deadline
        while not condition():
            if time.monotonic() > end:
                raise AssertionError(f"fake Telegram: gave up waiting for {what}")
            await asyncio.sleep(0.01)

    # -- server lifecycle ---------------------------------------------------------------

    def start(self) -> FakeTelegram:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(self._app(), log_level="warning", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, daemon=True
        )
        self._thread.start()
        end = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > end:
                raise RuntimeError("fake Telegram server did not start")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)

    # -- the Bot API ---------------------------------------------------------------------

    def _app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/bot{token}/{method}", self._api, methods=["GET", "POST"]),
                Route("/file/bot{token}/{path:path}", self._download, methods=["GET"]),
            ]
        )

    async def _api(self, request: Request) -> Response:
        method = request.path_params["method"]
        if request.path_params["token"] != self.token:
            return _error(401, "Unauthorized")
        params = await _params(request)
        call = Call(method, params)
        self.calls.append(call)
        failure = self._due_failure(method)
        if failure is not None:
            return _error(failure.status, failure.description, failure.retry_after)
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return _error(404, "Not Found: method not found")
        result = handler(params)
        if asyncio.iscoroutine(result):
            result = await result
        call.result = result
        return JSONResponse({"ok": True, "result": result})

    def _due_failure(self, method: str) -> _Failure | None:
        failures = self._failures.get(method)
        if not failures:
            return None
        if failures[0].after > 0:
            failures[0].after -= 1
            return None
        return failures.pop(0)

    async def _download(self, request: Request) -> Response:
        stored = self._file_paths.get(request.path_params["path"])
        if request.path_params["token"] != self.token or stored is None:
            return Response(status_code=404)
        return Response(stored.data, media_type="application/octet-stream")

    def _m_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Labbaik",
            "username": BOT_USERNAME,
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def _m_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        wait = min(float(params.get("timeout") or 0), 0.5)
        end = time.monotonic() + wait
        while True:
            with self._lock:
                if offset:
                    self._confirmed_offset = max(self._confirmed_offset, offset)
                ready = [u for u in self._updates if u["update_id"] >= self._confirmed_offset]
            if ready or time.monotonic() >= end:
                return ready[:limit]
            await asyncio.sleep(0.01)

    def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        message = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": {"id": int(params["chat_id"]), "type": "private"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Labbaik"},
            "text": params.get("text", ""),
        }
        if (
            isinstance(params.get("reply_markup"), dict)
            and "inline_keyboard" in params["reply_markup"]
        ):
            message["reply_markup"] = params["reply_markup"]
        return message

    def _m_editMessageReplyMarkup(self, params: dict[str, Any]) -> bool:
        return True

    def _m_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        return True

    def _m_getFile(self, params: dict[str, Any]) -> dict[str, Any]:
        stored = self._files[params["file_id"]]
        size = stored.reported_size if stored.reported_size is not None else len(stored.data)
        return {
            "file_id": stored.file_id,
            "file_unique_id": f"u-{stored.file_id}",
            "file_size": size,
            "file_path": stored.file_path,
        }

    def _m_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook_url = None
        return True

    def _m_setWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook_url = params["url"]
        return True

    def _m_getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "url": self.webhook_url or "",
            "has_custom_certificate": False,
            "pending_update_count": 0,
        }


_JSON_FIELDS = {"reply_markup", "allowed_updates", "entities", "reply_parameters"}


async def _params(request: Request) -> dict[str, Any]:
    """PTB posts form fields whose complex values are JSON; decode them back."""
    if request.headers.get("content-type", "").startswith("application/json"):
        return dict(await request.json())
    form = await request.form()
    params: dict[str, Any] = {}
    for key, value in form.items():
        if isinstance(value, str):
            params[key] = json.loads(value) if key in _JSON_FIELDS else value
    return params


def _error(status: int, description: str, retry_after: int | None = None) -> JSONResponse:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return JSONResponse(body, status_code=status)
