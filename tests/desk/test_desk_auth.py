"""Signing in and out: argon2 passwords, server-side sessions, CSRF, lockout, idle timeout."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx
from desk_kit import PASSWORD, Clock, DeskUser, make_staff
from starlette.applications import Starlette

from bot.core.runtime import Runtime
from storage import service as store

User = Callable[[str], Awaitable[DeskUser]]


def _audit(desk: Runtime, action: str) -> list[dict[str, object]]:
    with desk.service.database.session() as s:
        rows = store.list_audit(s, filter=store.AuditFilter(action=action)).rows
        return [{"actor": r.actor, **r.detail} for r in rows]


async def test_sign_in_sets_a_protected_cookie_and_opens_the_queue(
    desk: Runtime, anonymous: DeskUser
) -> None:
    make_staff(desk, "amina")
    response = await anonymous.sign_in("amina")
    assert response.status_code == 303 and response.headers["location"] == "/desk/cases"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/desk" in cookie
    assert "secure" not in cookie  # http://: a Secure cookie would never come back
    page = await anonymous.get("/desk/cases")
    assert page.status_code == 200 and "Amina" in page.text
    assert _audit(desk, "sign_in")[0]["actor"].startswith("agent:")


async def test_a_wrong_password_is_refused_in_the_same_words_as_an_unknown_user(
    desk: Runtime, anonymous: DeskUser
) -> None:
    make_staff(desk, "amina")
    wrong = await anonymous.sign_in("amina", "not the password at all")
    unknown = await anonymous.sign_in("nobody-here", PASSWORD)
    assert wrong.status_code == unknown.status_code == 401
    assert "The username or password is not right" in wrong.text
    assert "The username or password is not right" in unknown.text
    assert len(_audit(desk, "sign_in.failed")) == 2
    assert (await anonymous.get("/desk/cases")).status_code == 303  # still signed out


async def test_five_failures_lock_the_account_with_the_wait_shown(
    desk: Runtime, anonymous: DeskUser
) -> None:
    make_staff(desk, "amina")
    for _ in range(5):
        assert (await anonymous.sign_in("amina", "wrong password here")).status_code == 401
    locked = await anonymous.sign_in("amina", PASSWORD)  # even the right password waits
    assert locked.status_code == 423
    assert "locked" in locked.text and "15 min" in locked.text
    assert int(locked.headers["retry-after"]) > 800


async def test_the_login_form_and_every_desk_form_need_their_csrf_token(
    desk: Runtime, anonymous: DeskUser, user: User
) -> None:
    make_staff(desk, "amina")
    forged = await anonymous.client.post(
        "/desk/login?lang=en", data={"username": "amina", "password": PASSWORD}
    )
    assert forged.status_code == 403 and "expired or did not come from the desk" in forged.text
    amina = await user("amina")
    refused = await amina.client.post("/desk/logout", data={})
    assert refused.status_code == 403
    assert (await amina.get("/desk/cases")).status_code == 200  # not signed out


async def test_sign_out_ends_the_session_on_the_server(desk: Runtime, user: User) -> None:
    make_staff(desk, "amina")
    amina = await user("amina")
    cookie = amina.client.cookies.get("labbaik_desk")
    out = await amina.post("/desk/logout")
    assert out.status_code == 303 and out.headers["location"] == "/desk/login"
    amina.client.cookies.set("labbaik_desk", cookie or "")  # a stolen copy of the cookie
    again = await amina.client.get("/desk/cases")
    assert again.status_code == 303 and again.headers["location"].startswith("/desk/login")
    assert _audit(desk, "sign_out")


async def test_an_idle_session_ends_and_a_busy_one_lives_on(
    desk: Runtime, user: User, clock: Clock
) -> None:
    make_staff(desk, "amina")
    amina = await user("amina")
    for _ in range(3):  # a page every 20 minutes keeps it alive past the 30-minute idle limit
        clock.advance(minutes=20)
        assert (await amina.get("/desk/cases")).status_code == 200
    clock.advance(minutes=31)
    gone = await amina.get("/desk/cases")
    assert gone.status_code == 303 and "/desk/login?next=/desk/cases" in gone.headers["location"]


async def test_a_password_reset_signs_the_agent_out_everywhere(desk: Runtime, user: User) -> None:
    make_staff(desk, "amina")
    amina = await user("amina")
    with desk.service.database.transaction() as s:
        agent = store.require_agent(s, username="amina")
        store.reset_password(s, agent=agent, password="copper kettle morning 77")
    assert (await amina.get("/desk/cases")).status_code == 303


async def test_cookies_are_secure_behind_https(db_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from shared_content import runtime_on_settings

    from bot.app.config import load_settings
    from bot.app.wiring import create_app

    settings = load_settings(
        env={"PUBLIC_URL": "https://desk.example.org"},
        overrides={"database.url": db_url, "media.directory": str(tmp_path / "m")},
    )
    runtime = runtime_on_settings(settings)
    try:
        make_staff(runtime, "amina")
        app: Starlette = create_app(runtime)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as c:
            amina = DeskUser(c)
            response = await amina.sign_in("amina")
            cookies = response.headers.get_list("set-cookie")  # the session's, the login's end
            assert len(cookies) == 2 and all("secure" in c.lower() for c in cookies), cookies
            out = await amina.post("/desk/logout")
            assert "secure" in out.headers["set-cookie"].lower()  # the session cookie's end too
    finally:
        runtime.service.database.dispose()


async def test_the_login_page_is_arabic_by_default_and_english_on_request(
    anonymous: DeskUser,
) -> None:
    arabic = await anonymous.get("/desk/login")
    assert 'lang="ar" dir="rtl"' in arabic.text and "تسجيل الدخول" in arabic.text
    english = await anonymous.get("/desk/login", lang="en")
    assert 'lang="en" dir="ltr"' in english.text and "Sign in" in english.text


async def test_the_agent_picks_their_desk_language(desk: Runtime, user: User) -> None:
    make_staff(desk, "amina", lang="en")
    amina = await user("amina")
    response = await amina.post("/desk/language", lang="ar", next="/desk/cases")
    assert response.status_code == 303
    assert 'dir="rtl"' in (await amina.get("/desk/cases")).text
    bad = await amina.post("/desk/language", lang="fr")
    assert bad.status_code == 400
