"""Signing in and out of the desk, and the agent's own desk language.

GET  /desk/login      the form (Arabic unless ?lang=en or the browser prefers English)
POST /desk/login      username + password: storage.sign_in (argon2, throttling by
                      username and by address, lockout after repeated failures), then
                      a server-side session whose random token is the cookie (HttpOnly,
                      SameSite=Lax, Secure when PUBLIC_URL is https, path /desk)
POST /desk/logout     ends this session (the row is revoked, the cookie cleared)
POST /desk/language   the agent's desk language (ar | en)

The login form has no session yet, so its CSRF token is a double-submit one: a
random value in a short-lived cookie of its own and in the form, compared in
constant time. Failures answer with the same words whether the username exists
or the account is disabled; a lockout is 423 and throttling 429, both saying how
long to wait. Every sign-in, failed sign-in and sign-out is an audit event.
"""

from __future__ import annotations

import hmac
import math
import re
import secrets
from datetime import timedelta

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from bot.desk.pages import (
    COOKIE,
    NO_STORE,
    Desk,
    Endpoint,
    Page,
    Refused,
    has_control_characters,
)
from bot.desk.texts import DESK_LANGUAGES, pick_language
from storage import service as store

LOGIN_COOKIE = "labbaik_desk_login"
_NEXT = re.compile(r"^/desk/[A-Za-z0-9/_.?=&%+\-]*$")
_USERNAME = re.compile(r"^[A-Za-z][A-Za-z0-9._-]{2,31}$")
MAX_PASSWORD_FIELD = 1024


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a desk page of this site, never elsewhere."""
    if target and _NEXT.match(target) and "//" not in target:
        return target
    return "/desk/cases"


class Login:
    """The sign-in page and its form post."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        policy = desk.settings.desk
        self.policy = store.SignInPolicy(
            max_failures=policy.max_failures, lockout=timedelta(minutes=policy.lockout_minutes)
        )
        self.lifetime = timedelta(hours=policy.session_hours)

    def routes(self) -> list[BaseRoute]:
        return [Route("/desk/login", self.handle, methods=["GET", "POST"], name="desk_login")]

    async def handle(self, request: Request) -> Response:
        lang = pick_language(
            request.query_params.get("lang"), request.headers.get("accept-language", "")
        )
        if request.method == "GET":
            return self._form(request, lang)
        try:
            form = await request.form(max_files=0, max_fields=8, max_part_size=4096)
        except (MultiPartException, ValueError, UnicodeDecodeError):
            return self.desk.refusal(None, Refused(400, "error-form"), lang)
        return await run_in_threadpool(self._post, request, form, lang)

    def _form(
        self,
        request: Request,
        lang: str,
        *,
        status: int = 200,
        error: str | None = None,
        **args: object,
    ) -> HTMLResponse:
        token = secrets.token_urlsafe(24)
        response = self.desk.page(
            "login.html",
            None,
            status=status,
            lang=lang,
            login_csrf=token,
            next=safe_next(request.query_params.get("next")),
            error=error,
            error_args=args,
            expired=request.query_params.get("next") is not None and error is None,
            other_lang="en" if lang == "ar" else "ar",
        )
        response.set_cookie(
            LOGIN_COOKIE,
            token,
            max_age=3600,
            path="/desk/login",
            httponly=True,
            samesite="strict",
            secure=self.desk.secure_cookies,
        )
        return response

    def _post(self, request: Request, form: FormData, lang: str) -> Response:
        cookie = request.cookies.get(LOGIN_COOKIE, "")
        sent = form.get("csrf")
        if not cookie or not isinstance(sent, str) or not hmac.compare_digest(cookie, sent):
            return self.desk.refusal(None, Refused(403, "error-csrf"), lang)
        username = form.get("username")
        password = form.get("password")
        if not isinstance(username, str) or not isinstance(password, str):
            return self._form(request, lang, status=400, error="login-missing")
        username, password = username.strip()[:64], password[:MAX_PASSWORD_FIELD]
        if not username or not password or has_control_characters(username):
            return self._form(request, lang, status=400, error="login-missing")
        address = request.client.host if request.client else None
        with self.desk.database.transaction() as s:
            now = self.desk.clock()
            result = store.sign_in(
                s,
                username=username,
                password=password,
                client_address=address,
                now=now,
                policy=self.policy,
            )
            if result.ok and result.agent is not None:
                new = store.create_desk_session(
                    s, agent=result.agent, client_address=address, lifetime=self.lifetime, now=now
                )
                store.record_audit(
                    s, action="sign_in", agent=result.agent, client_address=address, now=now
                )
                return self._signed_in(request, form, new.token)
            if result.outcome in ("bad_credentials", "disabled"):
                detail = {"outcome": "wrong_password_or_unknown"}
                if _USERNAME.match(username):
                    detail["username"] = username
                store.record_audit(
                    s,
                    action="sign_in.failed",
                    actor="system",
                    detail=detail,
                    client_address=address,
                    now=now,
                )
        return self._refused(request, lang, result.outcome, result.retry_after)

    def _signed_in(self, request: Request, form: FormData, token: str) -> Response:
        target = form.get("next")
        response = RedirectResponse(
            safe_next(target if isinstance(target, str) else None),
            status_code=303,
            headers=NO_STORE,
        )
        response.set_cookie(
            COOKIE,
            token,
            path="/desk",
            httponly=True,
            samesite="lax",
            secure=self.desk.secure_cookies,
        )
        response.delete_cookie(
            LOGIN_COOKIE,
            path="/desk/login",
            httponly=True,
            samesite="strict",
            secure=self.desk.secure_cookies,
        )
        return response

    def _refused(self, request: Request, lang: str, outcome: str, retry_after: int) -> Response:
        if outcome in ("locked", "throttled"):
            minutes = max(1, math.ceil(retry_after / 60))
            status = 423 if outcome == "locked" else 429
            response = self._form(
                request, lang, status=status, error=f"login-{outcome}", minutes=minutes
            )
            response.headers["retry-after"] = str(retry_after)
            return response
        return self._form(request, lang, status=401, error="login-failed")


def logout(page: Page) -> Response:
    row = store.find_desk_session(
        page.session,
        token=page.request.cookies.get(COOKIE, ""),
        now=page.now,
        idle_timeout=page.desk.idle_timeout,
    )
    if row is not None:
        store.revoke_desk_session(page.session, desk_session=row, now=page.now)
    page.audit("sign_out")
    response = page.redirect("/desk/login")
    response.delete_cookie(
        COOKIE, path="/desk", httponly=True, samesite="lax", secure=page.desk.secure_cookies
    )
    return response


def set_language(page: Page) -> Response:
    lang = page.field("lang", required=True, max_chars=2)
    if lang not in DESK_LANGUAGES:
        raise Refused(400, "error-invalid", detail=f"desk language {lang!r}: ar or en")
    changes = store.change_agent(page.session, agent=page.agent, desk_language=lang)
    if changes:
        page.audit("agent.language", object_type="agent", object_id=page.agent.id, lang=lang)
    return page.redirect(safe_next(page.field("next", max_chars=300)))


ENDPOINTS = (
    Endpoint("/desk/logout", logout, methods=("POST",), name="desk_logout"),
    Endpoint("/desk/language", set_language, methods=("POST",), name="desk_language"),
)
