"""Filing a case for a 940 caller, and the admins' accounts and teams page."""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable

from desk_kit import PASSWORD, DeskUser, make_staff

from bot.channels import registry
from bot.core.outbox import OutboxWorker
from bot.core.runtime import Runtime
from storage import service as store

User = Callable[[str], Awaitable[DeskUser]]


def _latest_case(desk: Runtime):  # type: ignore[no-untyped-def]
    with desk.service.database.session() as s:
        page = store.find_cases(s)
        case = page.rows[0]
        _ = case.reporter, case.events
        return case


async def test_a_caller_on_whatsapp_is_routed_by_the_place_they_name(
    desk: Runtime, user: User
) -> None:
    make_staff(desk, "amina")
    amina = await user("amina")
    form = await amina.get("/desk/cases/new")
    assert "How the caller hears back" in form.text
    filed = await amina.post(
        "/desk/cases/new", language="ur", phone="050 123 4567", whatsapp="yes", kind="report",
        category="water_sewage", description="پانی بہہ رہا ہے", place="Aziziyah near the bridge",
    )  # fmt: skip
    assert filed.status_code == 200 and "Filed: MK-" in filed.text
    case = _latest_case(desk)
    assert (case.team, case.sub_municipality, case.source) == ("aziziyah", "aziziyah", "desk")
    assert (case.channel, case.reporter.user_id) == ("whatsapp", "whatsapp:+966501234567")
    assert (case.language, case.contact_phone, case.priority) == ("ur", "+966501234567", "high")
    assert case.events[0].actor.startswith("agent:")
    assert "another team" in html.unescape(filed.text)  # amina is the 940 centre


async def test_a_caller_by_phone_only_has_each_update_held_on_the_case(
    desk: Runtime, user: User
) -> None:
    make_staff(desk, "amina")
    amina = await user("amina")
    filed = await amina.post(
        "/desk/cases/new", language="en", phone="+62 812 3456 7890", whatsapp="no",
        kind="complaint", category="other", description="Rude staff at the desk", place="",
    )  # fmt: skip
    assert filed.status_code == 200
    case = _latest_case(desk)
    assert (case.channel, case.team) == ("phone", "customer_service")
    ticket = case.ticket_id
    assert (
        await amina.post(f"/desk/cases/{ticket}/status", status="in_progress")
    ).status_code == 303
    worker = OutboxWorker.from_runtime(desk, registry.senders(desk))
    assert await worker.run_once() == 1
    page = (await amina.get(f"/desk/cases/{ticket}")).text
    assert "Held: pass it on by phone" in page and "call them back" in page


async def test_filing_refuses_a_bad_phone_or_a_missing_field(desk: Runtime, user: User) -> None:
    make_staff(desk, "amina")
    amina = await user("amina")
    base = {"language": "ar", "kind": "report", "category": "waste", "description": "x"}
    bad_phone = await amina.post("/desk/cases/new", phone="12", **base)
    assert bad_phone.status_code == 400 and "not a valid phone number" in bad_phone.text
    no_text = await amina.post(
        "/desk/cases/new", **{**base, "phone": "0501234567", "description": ""}
    )
    assert no_text.status_code == 400
    bad_lang = await amina.post(
        "/desk/cases/new", **{**base, "phone": "0501234567", "language": "xx"}
    )
    assert bad_lang.status_code == 400
    with desk.service.database.session() as s:
        assert store.find_cases(s).total == 0


async def test_admins_create_change_disable_and_reset_accounts_all_audited(
    desk: Runtime, user: User, anonymous: DeskUser
) -> None:
    make_staff(desk, "root1", role="admin", team=None)
    root = await user("root1")
    weak = await root.post(
        "/desk/admin/agents", username="omar", display_name="Omar", password="makkah2026",
        role="agent", team="customer_service",
    )  # fmt: skip
    assert weak.status_code == 400 and "too easy to guess" in html.unescape(weak.text)
    made = await root.post(
        "/desk/admin/agents", username="omar", display_name="Omar", password=PASSWORD,
        role="agent", team="customer_service", desk_language="ar",
    )  # fmt: skip
    assert made.status_code == 303
    assert (await anonymous.sign_in("omar")).status_code == 303
    changed = await root.post(
        "/desk/admin/agents/omar", role="supervisor", team="", display_name="Omar A.",
        desk_language="en",
    )  # fmt: skip
    assert changed.status_code == 303
    assert (await root.post("/desk/admin/agents/omar/disable")).status_code == 303
    assert (await anonymous.get("/desk/cases")).status_code == 303  # his session ended
    assert (await root.post("/desk/admin/agents/root1/disable")).status_code == 409
    assert (await root.post("/desk/admin/agents/omar/enable")).status_code == 303
    reset = await root.post("/desk/admin/agents/omar/password", password="copper kettle dawn 58")
    assert reset.status_code == 303
    assert (await anonymous.sign_in("omar", "copper kettle dawn 58")).status_code == 303
    team = await root.post("/desk/admin/teams", slug="night_shift", name_en="Night", name_ar="ليلي")
    assert team.status_code == 303
    assert (await root.post("/desk/admin/teams/night_shift/active", active="no")).status_code == 303
    with desk.service.database.session() as s:
        actions = {r.action for r in store.list_audit(s, per_page=100).rows}
        omar = store.require_agent(s, username="omar")
        assert (omar.role, omar.team, omar.display_name) == ("supervisor", None, "Omar A.")
        assert not store.require_team(s, slug="night_shift").active
    assert {
        "agent.create", "agent.change", "agent.disable", "agent.enable",
        "agent.reset_password", "team.create", "team.deactivate",
    } <= actions  # fmt: skip
    audit = await root.get("/desk/audit", action="agent.")
    assert audit.status_code == 200 and "agent.reset_password" in audit.text
