"""The case page and its forms: escaping, the timeline, status rules, notes, assignment,
priority, the phone behind a click; every change an event and an audit row."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from desk_kit import DeskUser, make_case, make_staff

from bot.core.runtime import Runtime
from storage import service as store

User = Callable[[str], Awaitable[DeskUser]]
SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _case(desk: Runtime, ticket: str):  # type: ignore[no-untyped-def]
    with desk.service.database.session() as s:
        case = store.require_case(s, ticket_id=ticket)
        _ = case.events, case.assigned_agent
        return case


def _actions(desk: Runtime) -> list[str]:
    with desk.service.database.session() as s:
        return [r.action for r in store.list_audit(s, per_page=100).rows]


async def test_pilgrim_text_is_escaped_everywhere_it_shows(desk: Runtime, user: User) -> None:
    ticket = make_case(desk, description=SCRIPT, location_text=SCRIPT)
    make_staff(desk, "amina")
    amina = await user("amina")
    for page in (await amina.get(f"/desk/cases/{ticket}"), await amina.get("/desk/cases")):
        assert page.status_code == 200
        assert "<script>alert" not in page.text and "<img src=x" not in page.text
        assert "&lt;script&gt;alert(" in page.text
    assert "content-security-policy" in page.headers
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-store"


async def test_the_page_shows_what_was_sent_the_map_and_the_timeline(
    desk: Runtime, user: User
) -> None:
    ticket = make_case(
        desk, location_lat=21.41, location_lon=39.85, location_text="Aziziyah, near the bridge"
    )
    make_staff(desk, "amina")
    amina = await user("amina")
    page = (await amina.get(f"/desk/cases/{ticket}")).text
    assert "21.41000, 39.85000" in page and "openstreetmap.org/?mlat=21.41000" in page
    assert '<svg class="casemap"' in page and 'class="area highlight"' in page
    assert 'class="pin"' in page
    assert 'id="take-over-form"' in page and "Take over this chat" in page  # a live chat
    assert "The pilgrim reads Urdu" in page  # the agent's desk is English
    assert "+966" not in page  # the phone stays hidden


async def test_a_status_change_with_a_note_and_a_message(desk: Runtime, user: User) -> None:
    ticket = make_case(desk)
    make_staff(desk, "amina")
    amina = await user("amina")
    response = await amina.post(
        f"/desk/cases/{ticket}/status", status="in_progress", note="crew 4", message="On our way"
    )
    assert response.status_code == 303 and response.headers["location"].endswith("#timeline")
    case = _case(desk, ticket)
    assert case.status == "in_progress"
    kinds = [(e.type, e.note, e.message) for e in case.events]
    assert ("status_changed", "crew 4", None) in kinds
    assert ("message_sent", None, "On our way") in kinds
    page = (await amina.get(f"/desk/cases/{ticket}")).text
    assert "crew 4" in page and "On our way" in page and "Waiting to be sent" in page
    assert "کام جاری ہے" in page  # what the pilgrim received, in Urdu
    assert "case.status" in _actions(desk)


async def test_not_accepted_needs_a_reason_and_tells_the_referral(
    desk: Runtime, user: User
) -> None:
    ticket = make_case(desk, category="building_violation")
    make_staff(desk, "amina")
    amina = await user("amina")
    refused = await amina.post(f"/desk/cases/{ticket}/status", status="rejected")
    assert refused.status_code == 400 and "write the reason" in refused.text
    assert _case(desk, ticket).status == "new"
    done = await amina.post(
        f"/desk/cases/{ticket}/status",
        status="rejected",
        reason="private land",
        referral="Ministry of Health",
    )
    assert done.status_code == 303
    case = _case(desk, ticket)
    assert (case.status, case.rejection_reason, case.referral) == (
        "rejected", "private land", "Ministry of Health",
    )  # fmt: skip
    assert [e.to_value for e in case.events if e.type == "message_sent"] == ["case-referral"]
    again = await amina.post(f"/desk/cases/{ticket}/status", status="in_progress")
    assert again.status_code == 409 and "cannot become" in again.text


async def test_bad_form_input_gets_a_clear_4xx(desk: Runtime, user: User) -> None:
    ticket = make_case(desk)
    make_staff(desk, "amina")
    amina = await user("amina")
    cases = [
        ("status", {"status": "teleported"}, 400, "Unknown status"),
        ("status", {}, 400, "Please fill in"),
        ("note", {"note": "   "}, 400, "Please fill in"),
        ("note", {"note": "x" * 5000}, 400, "too long"),
        ("priority", {"priority": "whenever"}, 400, "Unknown priority"),
        ("assign", {"agent": "ghost"}, 400, "Unknown agent"),
        ("assign", {"team": "aziziyah"}, 403, "does not allow"),
    ]
    for action, data, status, words in cases:
        response = await amina.post(f"/desk/cases/{ticket}/{action}", **data)
        assert response.status_code == status and words in response.text, (action, data)
    bad = await amina.client.post(
        f"/desk/cases/{ticket}/note",
        content=b"--x\r\nbroken",
        headers={"content-type": "multipart/form-data; boundary=x"},
    )
    assert bad.status_code in (400, 403)


async def test_notes_assignment_priority_and_the_phone(desk: Runtime, user: User) -> None:
    ticket = make_case(desk, contact_phone="+966501234567")
    make_staff(desk, "amina")
    make_staff(desk, "omar")
    make_staff(desk, "sara", role="supervisor", team=None)
    amina = await user("amina")
    assert (
        await amina.post(f"/desk/cases/{ticket}/note", note="called the hotel")
    ).status_code == 303
    assert (await amina.post(f"/desk/cases/{ticket}/assign", agent="omar")).status_code == 303
    assert (
        await amina.post(f"/desk/cases/{ticket}/priority", priority="urgent")
    ).status_code == 303
    case = _case(desk, ticket)
    assert (case.status, case.priority, case.assigned_agent.username) == (
        "assigned",
        "urgent",
        "omar",
    )
    revealed = await amina.post(f"/desk/cases/{ticket}/phone")
    assert revealed.status_code == 200 and "+966501234567" in revealed.text
    sara = await user("sara")
    moved = await sara.post(f"/desk/cases/{ticket}/assign", team="aziziyah")
    assert moved.status_code == 303
    moved_case = _case(desk, ticket)
    assert (moved_case.team, moved_case.assigned_agent_id) == ("aziziyah", None)
    assert (await amina.get(f"/desk/cases/{ticket}")).status_code == 404  # out of her team now
    actions = _actions(desk)
    for action in ("case.note", "case.assign", "case.priority", "case.phone_revealed"):
        assert action in actions
