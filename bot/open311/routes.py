"""The HTTP side of Open311: paths, formats, keys, throttling, errors; the route provider.

    GET  /open311/discovery.{xml,json}
    GET  /open311/v2/services.{xml,json}              ?locale=
    GET  /open311/v2/services/{service_code}.{xml,json}
    POST /open311/v2/requests.{xml,json}              api_key=… (form)
    GET  /open311/v2/requests.{xml,json}              ?service_request_id=&service_code=&status=
                                                       &start_date=&end_date=&page=&page_size=
    GET  /open311/v2/requests/{service_request_id}.{xml,json}
    GET  /open311/v2/tokens/{token}.{xml,json}
    GET  /open311/v2/media/{ref}                      ?api_key= (read_private, photos)

Every GET also takes `jurisdiction_id`, `locale`, `extensions` and an optional
`api_key` (which unlocks private fields, see requests_view); a key may also come
in the `X-Api-Key` header, so that it stays out of URL logs. Whatever goes
wrong is answered in the spec's error format, in the format asked for (XML
when it cannot be told), with 400, 403, 404, 405, 413 or 429: a handler's
unexpected failure is the spec's "400 General service error", never a 500.
Requests are throttled per key and per client address.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from urllib.parse import parse_qsl

from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Route

from bot.core.content import Content
from bot.core.runtime import Runtime
from bot.open311 import params, reading
from bot.open311.document import CONTENT_TYPES, Document, Items, render
from bot.open311.errors import ApiError, bad_request, forbidden
from bot.open311.filing import file_case, read_request
from bot.open311.requests_view import MAKKAH_TIME, Reader
from bot.open311.services import say
from bot.open311.settings import open311_settings
from bot.web.context import WebContext
from bot.web.throttle import Throttle
from storage import service as store
from storage.db import Database
from storage.errors import StorageError
from storage.models import ApiClient, Case

log = logging.getLogger(__name__)

FORMATS = ("xml", "json")
MAX_FORM_BYTES = 64 * 1024
MAX_FORM_FIELDS = 200
PER_ADDRESS_FACTOR = 4  # an address may carry several clients' keys (a city gateway)
ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
Handler = Callable[[Request, str], Awaitable[Response]]


def _format(request: Request) -> str:
    fmt = str(request.path_params.get("fmt", "xml")).lower()
    if fmt not in FORMATS:
        raise bad_request(f"unknown format {fmt[:10]!r}: append .xml or .json to the resource")
    return fmt


def answer(
    doc: Document, fmt: str, status: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    return Response(
        render(doc, fmt),
        status_code=status,
        media_type=CONTENT_TYPES[fmt],
        headers=dict(headers or {}),
    )


def _key_param(request: Request, given: Mapping[str, str]) -> str | None:
    """The `api_key` parameter, or the `X-Api-Key` header (which keeps keys out of access
    logs and proxies' URL logs)."""
    return given.get("api_key") or request.headers.get("x-api-key")


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _guess_format(request: Request) -> str:
    return "json" if request.url.path.lower().endswith(".json") else "xml"


class Open311Api:
    """The endpoints, bound to one runtime."""

    def __init__(self, runtime: Runtime, web: WebContext) -> None:
        self.runtime = runtime
        self.settings = open311_settings(runtime.settings)
        rate, burst = self.settings.requests_per_second, self.settings.burst
        self.per_key = Throttle(rate, burst, clock=web.clock)
        self.per_address = Throttle(
            rate * PER_ADDRESS_FACTOR, burst * PER_ADDRESS_FACTOR, clock=web.clock
        )

    @property
    def database(self) -> Database:
        return self.runtime.service.database

    def now(self) -> datetime:
        return self.runtime.service.clock()

    # ---- plumbing ------------------------------------------------------------------

    def endpoint(
        self, handler: Handler, methods: tuple[str, ...] = ("GET", "HEAD")
    ) -> Callable[[Request], Awaitable[Response]]:
        """`handler` behind the method check, the throttle and the error format."""

        async def run(request: Request) -> Response:
            fmt = _guess_format(request)
            try:
                fmt = _format(request)
                if request.method not in methods:
                    allow = ", ".join(methods)
                    error = ApiError(405, f"{request.method} is not allowed here; use {allow}")
                    return answer(error.document(), fmt, 405, {"Allow": allow})
                self._throttle(request)
                self._throttle_key(_key_param(request, request.query_params))
                return await handler(request, fmt)
            except ApiError as error:
                return answer(error.document(), fmt, error.status)
            except StorageError as exc:
                return answer(bad_request(str(exc)).document(), fmt, 400)
            except Exception:
                log.exception("open311: %s %s failed", request.method, request.url.path)
                general = bad_request("General service error: the request could not be processed")
                return answer(general.document(), fmt, 400)

        return run

    def _throttle(self, request: Request) -> None:
        if not self.per_address.allow(_address(request)):
            raise ApiError(429, "too many requests: slow down and try again in a few seconds")

    def _throttle_key(self, key: str | None) -> None:
        """Per key: its public prefix (a wrong key is refused with 403 after this anyway)."""
        if key and not self.per_key.allow(key[:12]):
            raise ApiError(429, "too many requests for this api_key: slow down and try again")

    def _query(self, request: Request) -> dict[str, str]:
        query = dict(request.query_params)
        params.check_jurisdiction(query, self.settings)
        key = _key_param(request, query)
        return {**query, "api_key": key} if key else query

    def _reader(
        self, query: Mapping[str, str], client: ApiClient | None, request: Request
    ) -> Reader:
        settings = self.runtime.settings
        media_base = str(request.url_for("open311-media", ref="x"))[:-1]
        return Reader(
            content=self.runtime.content.current(),
            settings=self.settings,
            lang=params.locale(query, settings.languages, settings.default_language),
            client=client,
            media_base=media_base,
            extensions=params.flag(query, "extensions"),
        )

    async def _read(self, work: Callable[[], Document], fmt: str) -> Response:
        return answer(await asyncio.to_thread(work), fmt)

    # ---- the read endpoints --------------------------------------------------------

    async def services(self, request: Request, fmt: str) -> Response:
        reader = self._reader(self._query(request), None, request)
        return answer(reading.services(reader.content, reader.lang), fmt)

    async def definition(self, request: Request, fmt: str) -> Response:
        reader = self._reader(self._query(request), None, request)
        code = str(request.path_params["service_code"])
        return answer(reading.definition(reader.content, reader.lang, code), fmt)

    def _with_reader(
        self, request: Request, read: Callable[..., Document]
    ) -> Callable[[], Document]:
        query = self._query(request)

        def work() -> Document:
            with self.database.session() as session:
                reader = self._reader(query, reading.client_of(session, query), request)
                return read(session, reader, query)

        return work

    async def requests(self, request: Request, fmt: str) -> Response:
        if request.method == "POST":
            return await self.create(request, fmt)
        work = self._with_reader(
            request, lambda s, reader, query: reading.list_requests(s, reader, query, self.now())
        )
        return await self._read(work, fmt)

    async def one_request(self, request: Request, fmt: str) -> Response:
        request_id = str(request.path_params["request_id"])
        work = self._with_reader(
            request, lambda s, reader, query: reading.one_request(s, reader, request_id)
        )
        return await self._read(work, fmt)

    async def token(self, request: Request, fmt: str) -> Response:
        self._query(request)
        return answer(reading.token(str(request.path_params["token"])), fmt)

    async def discovery(self, request: Request, fmt: str) -> Response:
        public = self.runtime.settings.web.public_url
        base = (public.rstrip("/") + "/") if public else str(request.base_url)
        return answer(reading.discovery(self.settings, f"{base}open311/v2"), fmt)

    async def media(self, request: Request, fmt: str) -> Response:
        query = self._query(request)
        ref = str(request.path_params["ref"])

        def work() -> str:
            with self.database.session() as session:
                reader = self._reader(query, reading.client_of(session, query), request)
                reading.photo_case(session, reader, ref)
            return str(self.runtime.media.open(ref))

        path = await asyncio.to_thread(work)
        return FileResponse(path, headers={"Cache-Control": "private, no-store"})

    async def unknown(self, request: Request, fmt: str) -> Response:
        raise ApiError(404, f"no resource at {request.url.path[:100]}; see /open311/discovery.xml")

    # ---- POST requests -------------------------------------------------------------

    async def create(self, request: Request, fmt: str) -> Response:
        form = await _form(request)
        params.check_jurisdiction(dict(form), self.settings)
        key = _key_param(request, dict(form))
        form = [*form, ("api_key", key)] if key else form
        self._throttle_key(key)
        doc = await asyncio.to_thread(self._file, form, _address(request))
        return answer(doc, fmt)

    def _file(self, form: list[tuple[str, str]], address: str) -> Document:
        settings = self.runtime.settings
        with self.database.transaction() as session:
            client = _poster(session, dict(form))
            content = self.runtime.content.current()
            new = read_request(
                content,
                client,
                form,
                languages=settings.languages,
                default_language=settings.default_language,
            )
            case = file_case(
                session,
                content=content,
                routing=settings.routing,
                client=client,
                request=new,
                now=self.now(),
            )
            store.record_audit(
                session,
                action="open311.request",
                actor=client.actor,
                object_type="case",
                object_id=case.ticket_id,
                detail={"service_code": new.service.code, "notify": new.notify and new.notify[0]},
                client_address=address,
            )
            return filed_document(content, new.language, case, new.reporter.get("account_id"))

    def routes(self) -> list[BaseRoute]:
        get, both = ("GET", "HEAD"), ("GET", "HEAD", "POST")
        v2 = "/open311/v2"
        table: list[tuple[str, Handler, tuple[str, ...], str | None]] = [
            ("/open311/discovery.{fmt}", self.discovery, get, None),
            (v2 + "/services.{fmt}", self.services, get, None),
            (v2 + "/services/{service_code}.{fmt}", self.definition, get, None),
            (v2 + "/requests.{fmt}", self.requests, both, None),
            (v2 + "/requests/{request_id}.{fmt}", self.one_request, get, None),
            (v2 + "/tokens/{token}.{fmt}", self.token, get, None),
            (v2 + "/media/{ref:path}", self.media, get, "open311-media"),
            ("/open311/{rest:path}", self.unknown, tuple(ALL_METHODS), None),
        ]
        return [
            Route(path, self.endpoint(handler, methods), methods=ALL_METHODS, name=name)
            for path, handler, methods, name in table
        ]


def _poster(session: Session, form: Mapping[str, str]) -> ApiClient:
    key = params.text(form, "api_key", max_chars=100)
    if key is None:
        raise forbidden("api_key was not provided -- can't proceed with create_request")
    client = store.verify_api_key(session, key=key)
    if client is None:
        raise forbidden("Invalid api_key received -- can't proceed with create_request.")
    return client


def filed_document(content: Content, lang: str, case: Case, account_id: str | None) -> Document:
    due = case.sla_due_at.astimezone(MAKKAH_TIME) if case.sla_due_at else None
    notice = (
        say(content, lang, "open311-service-notice", due=f"{due:%Y-%m-%d %H:%M}") if due else None
    )
    body = {
        "service_request_id": case.ticket_id,
        "service_notice": notice,
        "account_id": account_id,
    }
    return Document("service_requests", Items("request", [body]))


async def _form(request: Request) -> list[tuple[str, str]]:
    """The POSTed form (and the query string), decoded strictly as UTF-8."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise bad_request(
            "POST requests.* takes a form: Content-Type: application/x-www-form-urlencoded"
        )
    declared = request.headers.get("content-length", "")
    too_large = ApiError(413, f"the form is larger than {MAX_FORM_BYTES} bytes")
    if declared.isdigit() and int(declared) > MAX_FORM_BYTES:
        raise too_large
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise too_large
    try:
        pairs = parse_qsl(
            body.decode("utf-8"),
            keep_blank_values=True,
            max_num_fields=MAX_FORM_FIELDS,
            errors="strict",
        )
    except (UnicodeDecodeError, ValueError):
        raise bad_request("the form is not UTF-8 application/x-www-form-urlencoded") from None
    return [*request.query_params.multi_items(), *pairs]


def routes(runtime: Runtime, web: WebContext) -> list[BaseRoute]:
    """The route provider (bot/app/wiring.py): the API when `open311.enabled`."""
    api = Open311Api(runtime, web)
    if not api.settings.enabled:
        log.info("open311 not mounted: open311.enabled is false")
        return []
    return api.routes()
