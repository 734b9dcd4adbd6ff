"""A local fake of the Twilio REST API: a real HTTP server the real twilio client talks to.

It serves, on 127.0.0.1 and a free port, in its own thread:

- POST /2010-04-01/Accounts/{sid}/Messages.json — checks basic auth, records the
  message and answers with a Twilio-shaped JSON resource (a fresh "SM…" sid);
  it can be told to fail the next requests (429 with code 20429, 500, 63016 …)
  or to stall one request until the test releases it, before or after it
  records the message (to put a worker's crash on either side of acceptance);
- GET /2010-04-01/Accounts/{sid}/Messages/{mm}/Media/{me} — media files as
  Twilio serves them: basic auth required, then a redirect to a "CDN" URL
  (its own /cdn/..., or another one a test names, e.g. another fake's); the
  headers of every /cdn/ request are kept in `cdn_requests`.

Nothing here is ours: it stands where api.twilio.com stands.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import secrets
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

StallPoint = Literal["before_accept", "after_accept"]


def made_up_sid(prefix: str) -> str:
    return prefix + secrets.token_hex(16)


@dataclass
class Failure:
    status: int
    code: int
    message: str
    retry_after: str | None = None
    to: str | None = None  # only for messages to this recipient


@dataclass
class Stall:
    """One request held by the fake until the test calls `release()`."""

    point: StallPoint
    arrived: threading.Event = field(default_factory=threading.Event)
    released: threading.Event = field(default_factory=threading.Event)

    def release(self) -> None:
        self.released.set()

    async def wait_arrived(self) -> None:
        if not await asyncio.to_thread(self.arrived.wait, 30):
            raise AssertionError("the stalled request never arrived at the fake Twilio")


@dataclass
class MediaFile:
    data: bytes
    content_type: str
    redirect_to: str | None = None


class FakeTwilio:
    """The fake server; use as a context manager or call start()/stop()."""

    def __init__(self, account_sid: str | None = None, auth_token: str | None = None) -> None:
        self.account_sid = account_sid or made_up_sid("AC")
        self.auth_token = auth_token or secrets.token_hex(16)
        self.messages: list[dict[str, str]] = []
        self.media_fetches: list[str] = []
        self.cdn_requests: list[dict[str, str]] = []  # the headers of each /cdn/ request
        self._failures: list[Failure | None] = []  # None: let that request through
        self._stalls: list[Stall] = []
        self._media: dict[str, MediaFile] = {}
        self._lock = threading.Lock()
        self._port = _free_port()
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._media_ids = itertools.count(1)

    # -- what tests use ---------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    def fail_next(
        self,
        status: int,
        code: int,
        *,
        times: int = 1,
        after: int = 0,
        retry_after: str | None = None,
        message: str = "scripted failure",
        to: str | None = None,
    ) -> None:
        """Fail `times` requests (to `to` only, if given), after letting `after` through."""
        failure = Failure(status, code, message, retry_after, to)
        with self._lock:
            self._failures.extend([None] * after + [failure] * times)

    def stall_next(self, point: StallPoint) -> Stall:
        stall = Stall(point)
        with self._lock:
            self._stalls.append(stall)
        return stall

    def add_media(self, data: bytes, content_type: str, *, redirect_to: str | None = None) -> str:
        """Serve `data` and return the MediaUrl Twilio would put in the webhook.

        `redirect_to`: where the MediaUrl redirects instead of this fake's own /cdn/.
        """
        media_sid = f"ME{next(self._media_ids):032x}"
        self._media[media_sid] = MediaFile(data, content_type, redirect_to)
        message_sid = made_up_sid("MM")
        account = f"{self.base_url}/2010-04-01/Accounts/{self.account_sid}"
        return f"{account}/Messages/{message_sid}/Media/{media_sid}"

    def bodies_to(self, to: str) -> list[str]:
        with self._lock:
            return [m.get("Body", "") for m in self.messages if m["To"] == to]

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> FakeTwilio:
        config = uvicorn.Config(
            self._app(), host="127.0.0.1", port=self._port, log_level="warning", lifespan="off"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="fake-twilio", daemon=True)
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("fake Twilio server did not start")
            threading.Event().wait(0.01)
        return self

    def stop(self) -> None:
        with self._lock:
            for stall in self._stalls:
                stall.release()
        if self._server and self._thread:
            self._server.should_exit = True
            self._thread.join(10)

    def __enter__(self) -> FakeTwilio:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- the HTTP side -----------------------------------------------------------------

    def _app(self) -> Starlette:
        prefix = "/2010-04-01/Accounts/{sid}"
        return Starlette(
            routes=[
                Route(prefix + "/Messages.json", self._create_message, methods=["POST"]),
                Route(prefix + "/Messages/{mm}/Media/{me}", self._media_redirect, methods=["GET"]),
                Route("/cdn/{me}", self._media_content, methods=["GET"]),
            ]
        )

    def _authorised(self, request: Request) -> bool:
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return request.headers.get("authorization") == f"Basic {expected}"

    async def _create_message(self, request: Request) -> Response:
        if not self._authorised(request) or request.path_params["sid"] != self.account_sid:
            return _error(401, 20003, "Authenticate")
        form = {k: str(v) for k, v in (await request.form()).items()}
        with self._lock:
            failure = self._next_failure(form.get("To", ""))
            stall = self._stalls.pop(0) if self._stalls else None
        if failure:
            headers = {"Retry-After": failure.retry_after} if failure.retry_after else None
            return _error(failure.status, failure.code, failure.message, headers)
        if stall and stall.point == "before_accept":
            await self._hold(stall)
            return _error(503, 20503, "Service unavailable (the fake never accepted this one)")
        resource = self._record(form)
        if stall:
            await self._hold(stall)
        return JSONResponse(resource, status_code=201)

    def _next_failure(self, to: str) -> Failure | None:
        for index, failure in enumerate(self._failures):
            if failure is None or failure.to in (None, to):
                return self._failures.pop(index)
        return None

    def _record(self, form: dict[str, str]) -> dict[str, object]:
        sid = made_up_sid("SM")
        with self._lock:
            self.messages.append({**form, "sid": sid})
        return {
            "sid": sid,
            "account_sid": self.account_sid,
            "status": "queued",
            "to": form.get("To"),
            "from": form.get("From"),
            "body": form.get("Body", ""),
            "num_segments": "1",
            "direction": "outbound-api",
            "api_version": "2010-04-01",
            "error_code": None,
            "error_message": None,
            "price": None,
            "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}.json",
        }

    @staticmethod
    async def _hold(stall: Stall) -> None:
        stall.arrived.set()
        await asyncio.to_thread(stall.released.wait, 60)

    async def _media_redirect(self, request: Request) -> Response:
        if not self._authorised(request):
            return _error(401, 20003, "Authenticate")
        media_sid = request.path_params["me"]
        if media_sid not in self._media:
            return _error(404, 20404, "The requested resource was not found")
        self.media_fetches.append(media_sid)
        target = self._media[media_sid].redirect_to or f"{self.base_url}/cdn/{media_sid}"
        return RedirectResponse(target, status_code=307)

    async def _media_content(self, request: Request) -> Response:
        self.cdn_requests.append(dict(request.headers))
        media = self._media.get(request.path_params["me"])
        if media is None:
            return _error(404, 20404, "The requested resource was not found")
        return Response(media.data, media_type=media.content_type)

    def redirect(self, media_url: str, to: str) -> None:
        """Make an added media URL redirect to `to` from now on."""
        self._media[media_url.rsplit("/", 1)[1]].redirect_to = to

    def serve_at_cdn(self, data: bytes, content_type: str) -> str:
        """Serve `data` at this fake's /cdn/ only (as the target of another's redirect)."""
        media_sid = f"ME{next(self._media_ids):032x}"
        self._media[media_sid] = MediaFile(data, content_type)
        return f"{self.base_url}/cdn/{media_sid}"


def _error(
    status: int, code: int, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    body = {
        "code": code,
        "message": message,
        "status": status,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
    }
    return JSONResponse(body, status_code=status, headers=headers)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def fake_twilio() -> Iterator[FakeTwilio]:
    """A running fake Twilio with a made-up account (import this into a conftest)."""
    with FakeTwilio() as fake:
        yield fake
