"""Access control on every desk route, for every role, and for an agent of another team.

The table below names one request per route of the app under /desk; a test
fails when a route is added without a row here (or, for the live chats, in
chat_kit.CHAT_ROUTES, walked with a chat to see by test_desk_chats.py). An agent of another team
guessing a ticket (as typed, in lower case, with Arabic-Indic digits) or a
photo gets exactly the page a ticket that does not exist gets: 404, the same
words, and nothing changes. A role a route is not for gets the same page.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from chat_kit import ROUTE_TEMPLATES as CHAT_ROUTES
from desk_kit import DeskUser, make_case, make_staff
from starlette.applications import Starlette
from starlette.routing import Mount, Route

from bot.core.runtime import Runtime
from storage import service as store
from storage.models import AuditEvent, CaseEvent

User = Callable[[str], Awaitable[DeskUser]]
PHOTO = "webchat/2026/06/01/0123456789abcdef0123456789abcdef.png"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

# route template -> (method, path with {T} for the ticket, form data); roles that may use it
ROUTES: dict[str, tuple[str, str, dict[str, str], tuple[str, ...]]] = {
    "/desk": ("GET", "/desk", {}, ("agent", "supervisor", "admin")),
    "/desk/": ("GET", "/desk/", {}, ("agent", "supervisor", "admin")),
    "/desk/cases": ("GET", "/desk/cases", {}, ("agent", "supervisor", "admin")),
    "/desk/cases.csv": ("GET", "/desk/cases.csv", {}, ("supervisor", "admin")),
    "/desk/cases/new": ("GET", "/desk/cases/new", {}, ("agent", "supervisor", "admin")),
    "/desk/cases/{ticket}": ("GET", "/desk/cases/{T}", {}, ("agent", "supervisor", "admin")),
    "/desk/cases/{ticket}/status": (
        "POST",
        "/desk/cases/{T}/status",
        {"status": "in_progress"},
        ("agent", "supervisor", "admin"),
    ),
    "/desk/cases/{ticket}/note": (
        "POST",
        "/desk/cases/{T}/note",
        {"note": "guess"},
        ("agent", "supervisor", "admin"),
    ),
    "/desk/cases/{ticket}/message": (
        "POST",
        "/desk/cases/{T}/message",
        {"message": "hi"},
        ("agent", "supervisor", "admin"),
    ),
    "/desk/cases/{ticket}/assign": (
        "POST",
        "/desk/cases/{T}/assign",
        {"agent": "bilal"},
        ("agent", "supervisor", "admin"),
    ),
    "/desk/cases/{ticket}/priority": (
        "POST",
        "/desk/cases/{T}/priority",
        {"priority": "urgent"},
        ("agent", "supervisor", "admin"),
    ),
    "/desk/cases/{ticket}/phone": (
        "POST",
        "/desk/cases/{T}/phone",
        {},
        ("agent", "supervisor", "admin"),
    ),
    "/desk/photos/{ref:path}": (
        "GET",
        f"/desk/photos/{PHOTO}",
        {},
        ("agent", "supervisor", "admin"),
    ),
    "/desk/audit": ("GET", "/desk/audit", {}, ("supervisor", "admin")),
    "/desk/reports": ("GET", "/desk/reports", {}, ("supervisor", "admin")),
    "/desk/reports.csv": ("GET", "/desk/reports.csv", {}, ("supervisor", "admin")),
    "/desk/admin": ("GET", "/desk/admin", {}, ("admin",)),
    "/desk/admin/agents": (
        "POST",
        "/desk/admin/agents",
        {
            "username": "zed",
            "display_name": "Zed",
            "password": "quiet violet engine 91",
            "role": "supervisor",
        },
        ("admin",),
    ),
    "/desk/admin/agents/{username}": (
        "POST",
        "/desk/admin/agents/bilal",
        {"role": "supervisor", "display_name": "B", "desk_language": "en"},
        ("admin",),
    ),
    "/desk/admin/agents/{username}/disable": (
        "POST",
        "/desk/admin/agents/bilal/disable",
        {},
        ("admin",),
    ),
    "/desk/admin/agents/{username}/enable": (
        "POST",
        "/desk/admin/agents/bilal/enable",
        {},
        ("admin",),
    ),
    "/desk/admin/agents/{username}/password": (
        "POST",
        "/desk/admin/agents/bilal/password",
        {"password": "quiet violet engine 91"},
        ("admin",),
    ),
    "/desk/admin/agents/{username}/unlock": (
        "POST",
        "/desk/admin/agents/bilal/unlock",
        {},
        ("admin",),
    ),
    "/desk/admin/teams": (
        "POST",
        "/desk/admin/teams",
        {"slug": "night_shift", "name_en": "Night"},
        ("admin",),
    ),
    "/desk/admin/teams/{slug}": (
        "POST",
        "/desk/admin/teams/aziziyah",
        {"name_en": "Aziziyah team"},
        ("admin",),
    ),
    "/desk/admin/teams/{slug}/active": (
        "POST",
        "/desk/admin/teams/aziziyah/active",
        {"active": "no"},
        ("admin",),
    ),
    "/desk/cases/{ticket}/chat": (
        "POST",
        "/desk/cases/{T}/chat",
        {},
        ("agent", "supervisor", "admin"),
    ),
    "/desk/logout": ("POST", "/desk/logout", {}, ("agent", "supervisor", "admin")),
    "/desk/language": ("POST", "/desk/language", {"lang": "en"}, ("agent", "supervisor", "admin")),
}
CASE_ROUTES = [k for k, v in ROUTES.items() if "{T}" in v[1] or "photos" in k]
NOT_FOUND = "Not found. The page or case does not exist, or it is not open to your team."


def _desk_routes(app: Starlette) -> set[str]:
    found = set()
    for route in app.routes:
        if isinstance(route, Route) and route.path.startswith("/desk"):
            found.add(route.path)
        elif isinstance(route, Mount) and route.path.startswith("/desk"):
            assert route.path == "/desk/static", f"an unexpected mount {route.path}"
    return found - {"/desk/login"}


def _seed(desk: Runtime) -> str:
    make_staff(desk, "amina", team="customer_service")  # another team than the case's
    make_staff(desk, "bilal", team="aziziyah")  # the case's team
    make_staff(desk, "sara", role="supervisor", team=None)
    make_staff(desk, "root1", role="admin", team=None)
    ticket = make_case(desk, team="aziziyah", photos=[PHOTO], contact_phone="+966501234567")
    path = desk.media.open(PHOTO)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(PNG)
    return ticket


def _changes(desk: Runtime) -> tuple[int, int]:
    with desk.service.database.session() as s:
        return s.query(CaseEvent).count(), s.query(AuditEvent).filter(
            AuditEvent.action != "sign_in"
        ).count()


def test_every_desk_route_is_in_the_table(app: Starlette) -> None:
    # the live chats' routes are walked for every role in test_desk_chats.py (a chat to see)
    assert _desk_routes(app) == set(ROUTES) | CHAT_ROUTES


async def _send(who: DeskUser, route: str, ticket: str) -> tuple[int, str]:
    method, path, data, _ = ROUTES[route]
    path = path.replace("{T}", ticket)
    if method == "GET":
        response = await who.get(path)
    else:
        response = await who.post(path, **data)
    return response.status_code, response.text


@pytest.mark.parametrize("typed", ["as_is", "lower", "arabic_digits"])
async def test_another_teams_agent_finds_nothing_anywhere(
    desk: Runtime, user: User, typed: str
) -> None:
    ticket = _seed(desk)
    guess = {
        "as_is": ticket,
        "lower": ticket.lower(),
        "arabic_digits": ticket.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
    }[typed]
    amina = await user("amina")
    before = _changes(desk)
    for route in CASE_ROUTES:
        missing_status, missing_page = await _send(amina, route, "MK-0000000")
        status, page = await _send(amina, route, guess)
        assert status == missing_status == 404, route
        assert page == missing_page, f"{route}: the refusal differs from 'no such case'"
        assert NOT_FOUND in page
    assert _changes(desk) == before  # nothing written, not even an audit row


async def test_each_role_gets_not_found_on_the_routes_that_are_not_for_it(
    desk: Runtime, user: User
) -> None:
    ticket = _seed(desk)
    signed_in = {
        "agent": await user("bilal"),
        "supervisor": await user("sara"),
        "admin": await user("root1"),
    }
    for role, who in signed_in.items():  # the admin last: it disables the agent
        for route, (_, _, _, roles) in ROUTES.items():
            if route in ("/desk/logout", "/desk/language"):
                continue  # they would end or change the sessions used below
            status, page = await _send(who, route, ticket)
            if role in roles:
                # 409: a second identical change (the same status twice, the same name)
                assert status in (200, 303, 409), f"{role} {route}: {status} {page[:300]}"
            else:
                assert status == 404 and NOT_FOUND in page, f"{role} {route}: {status}"


async def test_signed_out_every_route_leads_to_the_sign_in_page(
    desk: Runtime, anonymous: DeskUser
) -> None:
    ticket = _seed(desk)
    for route in ROUTES:
        status, _ = await _send(anonymous, route, ticket)
        assert status in (303, 403), route  # a POST without a session has no CSRF token either
    response = await anonymous.get(f"/desk/cases/{ticket}")
    assert response.headers["location"] == f"/desk/login?next=/desk/cases/{ticket}"


async def test_the_case_team_and_supervisors_see_it_and_its_photo(
    desk: Runtime, user: User
) -> None:
    ticket = _seed(desk)
    for name in ("bilal", "sara"):
        who = await user(name)
        assert (await who.get(f"/desk/cases/{ticket}")).status_code == 200
        photo = await who.get(f"/desk/photos/{PHOTO}")
        assert photo.status_code == 200 and photo.content == PNG
        assert photo.headers["content-type"] == "image/png"
    with desk.service.database.session() as s:
        views = store.list_audit(s, filter=store.AuditFilter(action="case.photo_view")).rows
    assert [v.object_id for v in views] == [ticket, ticket]


async def test_the_queue_shows_an_agent_their_team_only_whatever_the_url_says(
    desk: Runtime, user: User
) -> None:
    ticket = _seed(desk)
    amina = await user("amina")
    for params in ({}, {"team": "aziziyah"}, {"q": ticket}):
        page = await amina.get("/desk/cases", **params)
        assert page.status_code == 200 and f'href="/desk/cases/{ticket}"' not in page.text
        assert "No case matches these filters." in page.text
    bilal = await user("bilal")
    assert f'href="/desk/cases/{ticket}"' in (await bilal.get("/desk/cases")).text
