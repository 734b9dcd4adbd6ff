"""Hostile and broken input on every desk form and URL: a clear 4xx, never a 500, nothing stored.

NUL bytes (PostgreSQL refuses them in text), control characters, oversize
fields, repeated fields, files where text belongs, path tricks in photo
references, absurd page numbers, tickets and usernames nobody could have.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import quote

from desk_kit import DeskUser, make_case, make_staff

from bot.core.runtime import Runtime
from storage import service as store

User = Callable[[str], Awaitable[DeskUser]]
NASTY = [
    "\x00",
    "a\x00b",
    "\x1b[31m",
    "x" * 100_000,
    "‮gnp.exe",
    "' OR 1=1 --",
    "{{7*7}}",
    "😀" * 50,
]


async def test_forms_and_urls_never_answer_500(
    desk: Runtime, user: User, anonymous: DeskUser
) -> None:
    ticket = make_case(desk)
    make_staff(desk, "root1", role="admin", team=None)
    root = await user("root1")
    for value in NASTY:
        posts = {
            f"/desk/cases/{ticket}/status": {"status": value, "note": value, "message": value},
            f"/desk/cases/{ticket}/note": {"note": value},
            f"/desk/cases/{ticket}/message": {"message": value},
            f"/desk/cases/{ticket}/assign": {"agent": value, "team": value},
            f"/desk/cases/{ticket}/priority": {"priority": value},
            "/desk/cases/new": {"language": "ar", "phone": value, "kind": "report",
                                "category": "waste", "description": value, "place": value},
            "/desk/admin/agents": {"username": value, "display_name": value, "password": value,
                                   "role": "agent", "team": value},
            "/desk/admin/teams": {"slug": value, "name_en": value},
            "/desk/language": {"lang": value, "next": value},
        }  # fmt: skip
        for path, data in posts.items():
            response = await root.post(path, **data)
            assert response.status_code < 500, (path, value[:20], response.status_code)
        short, long = quote(value[:50], safe=""), quote(value[:300], safe="")
        for path in (
            f"/desk/cases?q={long}",
            f"/desk/cases?status={short}",
            f"/desk/audit?action={short}&agent={short}&object={short}",
            f"/desk/cases/{short}",
            f"/desk/photos/{short}",
            f"/desk/admin/agents/{short}/disable",
        ):
            response = await root.client.get(path)
            assert response.status_code < 500, (path[:60], response.status_code)
        login = await anonymous.sign_in(value[:64] or "x", value[:1000] or "x")
        assert login.status_code in (400, 401), login.status_code
    for path in (
        "/desk/photos/../../../etc/passwd",
        "/desk/photos/%2e%2e/%2e%2e/etc/passwd",
        "/desk/cases?page=999999",
        "/desk/cases?page=99999999999999999999",
        "/desk/cases?per_page=-1",
        "/desk/cases/%00",
        "/desk/admin/agents/%00/unlock",
    ):
        response = await root.client.get(path)
        assert response.status_code < 500, (path, response.status_code)
    upload = await root.client.post(
        f"/desk/cases/{ticket}/note",
        data={"csrf": root.csrf},
        files={"note": ("note.txt", b"a file, not text")},
    )
    assert upload.status_code == 400
    with desk.service.database.session() as s:
        case = store.require_case(s, ticket_id=ticket)
        texts = [t for e in case.events for t in (e.note, e.message) if t]
        assert texts and all(len(t) <= 4000 and "\x00" not in t and "\x1b" not in t for t in texts)
        assert "{{7*7}}" in texts and "49" not in texts  # kept as typed, never evaluated
        assert store.find_cases(s).total == 1  # no case filed with a NUL or an oversize text
        assert [a.username for a in store.list_agents(s, include_disabled=True)] == ["root1"]
