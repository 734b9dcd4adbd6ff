"""The frame every desk page runs in: who is signed in, CSRF, one transaction, errors as pages.

A page is an `Endpoint`: a path, a handler `(Page) -> Response` and the roles
that may use it. `Desk.route(endpoint)` wraps the handler so that, before it
runs:

- the desk session is read from its cookie (storage.desk_sessions): no live
  session means a redirect to /desk/login (idle timeout and sign-out included);
- a role not allowed gets the same "not found" page as a missing object, so a
  route does not tell an agent it exists;
- a POST must carry the session's CSRF token in its `csrf` field: else a 403
  page, nothing done;
- the handler runs in a worker thread inside one database transaction (writes)
  or one read session; a `StorageError` rolls it back and becomes a clear 4xx
  page in the agent's language (never a 500), `NotFound` a 404.

`Page` gives the handler the database session, the agent (re-read in that
session), the form, the agent's words (`page.t`), `render` and `audit`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from jinja2 import Environment
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from bot.core.runtime import Runtime
from bot.desk.templating import render
from bot.desk.texts import DeskTexts
from storage import service as store
from storage.desk_sessions import TOUCH_INTERVAL
from storage.errors import (
    AlreadyExists,
    InvalidTransition,
    NotFound,
    NotPermitted,
    StorageError,
    WeakPassword,
)
from storage.models import ROLES, Agent, DeskSession

log = logging.getLogger(__name__)

COOKIE = "labbaik_desk"
STAFF = ROLES  # every signed-in role
SUPERVISORS = ("supervisor", "admin")
ADMINS = ("admin",)
MAX_FORM_FIELDS = 40
MAX_FIELD_BYTES = 16 * 1024
NO_STORE = {"cache-control": "no-store"}


class Refused(Exception):
    """A request the desk turns down with a page: status code, message key and its args."""

    def __init__(self, status: int, key: str, **args: Any) -> None:
        super().__init__(key)
        self.status, self.key, self.params = status, key, args


class AdmittedRefusal(Exception):
    """A refusal after the viewer is known (a forged form): the page shows who is signed in."""

    def __init__(self, viewer: Viewer, refused: Refused) -> None:
        super().__init__(refused.key)
        self.viewer, self.refused = viewer, refused


@dataclass(frozen=True)
class Viewer:
    """What the layout needs of the signed-in agent, kept out of any database session."""

    id: int
    username: str
    display_name: str
    role: str
    team: str | None
    lang: str
    csrf: str

    @property
    def is_supervisor(self) -> bool:
        return self.role in SUPERVISORS

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @classmethod
    def of(cls, agent: Agent, desk_session: DeskSession) -> Viewer:
        return cls(
            agent.id,
            agent.username,
            agent.display_name,
            agent.role,
            agent.team,
            agent.desk_language,
            desk_session.csrf_token,
        )


@dataclass(frozen=True)
class Endpoint:
    path: str
    handler: Callable[[Page], Response]
    methods: tuple[str, ...] = ("GET",)
    roles: tuple[str, ...] = STAFF
    writes: bool = False  # a GET that writes (an audit row: photo views, exports)
    name: str | None = None

    @property
    def posts(self) -> bool:
        return "POST" in self.methods


@dataclass
class Page:
    """One request as a handler sees it."""

    desk: Desk
    request: Request
    session: Session
    agent: Agent
    viewer: Viewer
    form: FormData
    now: datetime
    t: DeskTexts = field(init=False)
    wake_outbox: bool = False  # set by a handler that queued a message for the pilgrim

    def __post_init__(self) -> None:
        self.t = self.desk.texts(self.viewer.lang)

    @property
    def query(self) -> Mapping[str, str]:
        return self.request.query_params

    @property
    def client_address(self) -> str | None:
        return self.request.client.host if self.request.client else None

    def field(self, name: str, *, required: bool = False, max_chars: int = 4000) -> str | None:
        """A form field's text, stripped; None when empty; a 400 page when too long or missing."""
        return form_field(self.form, name, required=required, max_chars=max_chars)

    def path(self, name: str, max_chars: int = 255) -> str:
        """A part of the URL (a ticket, a username); anything no one could have is "not found"."""
        value = str(self.request.path_params.get(name, ""))
        if not value or len(value) > max_chars or has_control_characters(value):
            raise Refused(404, "error-not-found")
        return value

    def render(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        url = self.request.url  # where the language switch comes back to (a page, not a form)
        here = url.path + (f"?{url.query}" if url.query else "")
        if self.request.method != "GET":
            here = "/desk/cases"
        return self.desk.page(template, self.viewer, status=status, request_path=here, **context)

    def audit(
        self,
        action: str,
        *,
        object_type: str | None = None,
        object_id: object = None,
        **detail: Any,
    ) -> None:
        store.record_audit(
            self.session,
            action=action,
            agent=self.agent,
            object_type=object_type,
            object_id=None if object_id is None else str(object_id),
            detail=detail,
            client_address=self.client_address,
            now=self.now,
        )

    def redirect(self, url: str) -> RedirectResponse:
        return RedirectResponse(url, status_code=303, headers=NO_STORE)


class Desk:
    """The desk's shared parts: the runtime, the templates, the clock; wraps endpoints."""

    def __init__(
        self,
        runtime: Runtime,
        env: Environment,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.runtime = runtime
        self.env = env
        self.clock = clock
        self.settings = runtime.settings
        self.database = runtime.service.database
        desk = runtime.settings.desk
        self.idle_timeout = timedelta(minutes=desk.idle_minutes)
        public = runtime.settings.web.public_url or ""
        self.secure_cookies = public.startswith("https://")

    def texts(self, lang: str) -> DeskTexts:
        return DeskTexts(self.runtime.content.current().texts, lang)

    def page(
        self,
        template: str,
        viewer: Viewer | None,
        *,
        status: int = 200,
        lang: str = "ar",
        **ctx: Any,
    ) -> HTMLResponse:
        t = self.texts(viewer.lang if viewer else lang)
        body = render(self.env, template, {"t": t, "me": viewer, **ctx})
        return HTMLResponse(body, status_code=status, headers=NO_STORE)

    def refusal(self, viewer: Viewer | None, exc: Refused, lang: str = "ar") -> HTMLResponse:
        args = dict(exc.params)
        if exc.key == "error-transition":  # the statuses in the agent's words
            t = self.texts(viewer.lang if viewer else lang)
            args = {k: t.label("status", v) for k, v in args.items()}
        return self.page(
            "error.html",
            viewer,
            status=exc.status,
            lang=lang,
            key=exc.key,
            args=args,
            status_code=exc.status,
        )

    # ---- wrapping a handler ------------------------------------------------------------

    def route(self, endpoint: Endpoint) -> Route:
        async def serve(request: Request) -> Response:
            form = FormData()
            if request.method == "POST":
                try:
                    form = await request.form(
                        max_files=0, max_fields=MAX_FORM_FIELDS, max_part_size=MAX_FIELD_BYTES
                    )
                except (MultiPartException, ValueError, UnicodeDecodeError):
                    return self.refusal(None, Refused(400, "error-form"))
            response, wake = await run_in_threadpool(self._serve, endpoint, request, form)
            if wake:  # committed: the outbox worker sends it now rather than at its next poll
                self.runtime.outbox_wakeup.set()
            return response

        return Route(endpoint.path, serve, methods=list(endpoint.methods), name=endpoint.name)

    def _serve(self, endpoint: Endpoint, request: Request, form: FormData) -> tuple[Response, bool]:
        token = request.cookies.get(COOKIE, "")
        now = self.clock()
        writes = endpoint.posts or endpoint.writes
        viewer: Viewer | None = None
        try:
            with self.database.transaction() if writes else self.database.session() as s:
                row = store.find_desk_session(
                    s, token=token, now=now, idle_timeout=self.idle_timeout
                )
                if row is None:
                    return self._to_login(request), False
                viewer = Viewer.of(row.agent, row)
                if viewer.role not in endpoint.roles:
                    raise Refused(404, "error-not-found")
                if endpoint.posts and not store.check_csrf(row, _text(form.get("csrf"))):
                    log.warning("desk: a form without its CSRF token was refused")
                    raise Refused(403, "error-csrf")
                self._touch(s, row, now, writes)
                page = Page(self, request, s, row.agent, viewer, form, now)
                response = endpoint.handler(page)
            return response, page.wake_outbox
        except Refused as exc:
            return self.refusal(viewer, exc), False
        except NotFound:
            return self.refusal(viewer, Refused(404, "error-not-found")), False
        except StorageError as exc:
            return self.refusal(viewer, storage_refusal(exc)), False

    def admit(self, endpoint: Endpoint, request: Request, form: FormData) -> Viewer | Response:
        """The checks of `route` on their own (session, role, CSRF, touch), for pages whose
        work runs outside the desk's transaction (the live chats call bot/handoff/chats.py,
        which opens its own): the viewer, or the redirect to sign in. Raises `Refused`."""
        token = request.cookies.get(COOKIE, "")
        now = self.clock()
        with self.database.transaction() as s:
            row = store.find_desk_session(s, token=token, now=now, idle_timeout=self.idle_timeout)
            if row is None:
                return self._to_login(request)
            viewer = Viewer.of(row.agent, row)
            if viewer.role not in endpoint.roles:
                raise Refused(404, "error-not-found")
            if endpoint.posts and not store.check_csrf(row, _text(form.get("csrf"))):
                log.warning("desk: a form without its CSRF token was refused")
                raise AdmittedRefusal(viewer, Refused(403, "error-csrf"))
            self._touch(s, row, now, writes=True)
            return viewer

    def still_signed_in(self, token: str) -> bool:
        """Whether the desk session of this cookie is live (not signed out, not idle too long);
        read only: a page left open does not keep its session alive."""
        with self.database.session() as s:
            row = store.find_desk_session(
                s, token=token, now=self.clock(), idle_timeout=self.idle_timeout
            )
            return row is not None

    async def read_form(self, request: Request) -> FormData | None:
        """A POST's form within the desk's limits (None: unreadable, a 400 page)."""
        if request.method != "POST":
            return FormData()
        try:
            return await request.form(
                max_files=0, max_fields=MAX_FORM_FIELDS, max_part_size=MAX_FIELD_BYTES
            )
        except (MultiPartException, ValueError, UnicodeDecodeError):
            return None

    def _touch(self, s: Session, row: DeskSession, now: datetime, writes: bool) -> None:
        """Note the agent is still there (at most once a minute); its own transaction on reads."""
        if now - row.last_seen_at < TOUCH_INTERVAL:
            return
        if writes:
            store.touch_desk_session(s, desk_session=row, now=now)
            return
        with self.database.transaction() as own:
            fresh = own.get(DeskSession, row.id)
            if fresh is not None:
                store.touch_desk_session(own, desk_session=fresh, now=now)

    def _to_login(self, request: Request) -> Response:
        target = request.url.path if request.method == "GET" else "/desk/cases"
        response = RedirectResponse(f"/desk/login?next={target}", status_code=303, headers=NO_STORE)
        response.delete_cookie(
            COOKIE, path="/desk", httponly=True, samesite="lax", secure=self.secure_cookies
        )
        return response

    def routes(self, endpoints: Sequence[Endpoint]) -> list[Route]:
        return [self.route(e) for e in endpoints]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control_characters(text: str) -> bool:
    """NUL and the like: no person types them, and PostgreSQL refuses NUL in text."""
    return bool(_CONTROL.search(text))


def form_field(
    form: FormData, name: str, *, required: bool = False, max_chars: int = 4000
) -> str | None:
    """A form field's text, stripped; None when empty; a 400 page when too long or missing."""
    value = form.get(name)
    if value is not None and not isinstance(value, str):
        raise Refused(400, "error-field", field=name)
    text = (value or "").strip()
    if has_control_characters(text):
        raise Refused(400, "error-field", field=name)
    if len(text) > max_chars:
        raise Refused(400, "error-too-long", field=name, max=max_chars)
    if required and not text:
        raise Refused(400, "error-required", field=name)
    return text or None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def storage_refusal(exc: StorageError) -> Refused:
    """A storage error as the page that explains it (its English detail kept for the agent)."""
    if isinstance(exc, WeakPassword):
        return Refused(400, f"error-password-{exc.code.replace('_', '-')}", reason=exc.reason)
    if isinstance(exc, InvalidTransition):
        return Refused(409, "error-transition", current=exc.current, wanted=exc.wanted)
    if isinstance(exc, AlreadyExists):
        return Refused(409, "error-exists", detail=str(exc))
    if isinstance(exc, NotPermitted):
        return Refused(403, "error-not-permitted", detail=str(exc))
    return Refused(400, "error-invalid", detail=str(exc))
