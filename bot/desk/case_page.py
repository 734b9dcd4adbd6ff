"""The case page (/desk/cases/<ticket id>) and what an agent does there.

GET  /desk/cases/<ticket>            everything the pilgrim sent, the map, the timeline
POST /desk/cases/<ticket>/status     status (+ internal note, message to the pilgrim,
                                     reason and referral when rejecting)
POST /desk/cases/<ticket>/note       an internal note
POST /desk/cases/<ticket>/message    a message to the pilgrim, sent as typed
POST /desk/cases/<ticket>/assign     to an agent of the team; to another team (supervisors)
POST /desk/cases/<ticket>/priority   the priority
POST /desk/cases/<ticket>/phone      reveal the contact phone (an audit event)
GET  /desk/photos/<ref>              a photo, to staff who may see its case or chat
(POST /desk/cases/<ticket>/chat, "take over this chat", is bot/desk/chat_pages.py.)

Each route finds its case with `storage.access_case` (a photo with
`access_photo`), so another team's case is "not found" however its ticket is
typed. Every change is an audit event beside the case's own event rows, and
each status change reaches the pilgrim through bot/core/cases.py.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from starlette.responses import FileResponse, Response

from bot.core import cases
from bot.desk.casemap import MapPoint, osm_link, svg_map
from bot.desk.chat_pages import CHAT_CHANNELS
from bot.desk.pages import Endpoint, Page, Refused
from bot.desk.queue import sla_state
from bot.municipal.content import MunicipalData
from storage import service as store
from storage.cases import ALLOWED_TRANSITIONS
from storage.models import CASE_STATUSES, PRIORITIES, Agent, Case, CaseEvent, OutboxItem, Team


def _case(page: Page) -> Case:
    return store.access_case(page.session, agent=page.agent, ticket_id=page.path("ticket", 32))


def _url(case: Case, anchor: str = "") -> str:
    return f"/desk/cases/{case.ticket_id}" + (f"#{anchor}" if anchor else "")


@dataclass(frozen=True)
class Delivery:
    """What became of a message to the pilgrim: its outbox row, and the text it carries."""

    status: str
    error: str | None
    sent_at: datetime | None
    text: str


@dataclass(frozen=True)
class Entry:
    event: CaseEvent
    who: str  # "agent" | "pilgrim" | "system"
    agent: Agent | None
    delivery: Delivery | None


def _delivery(page: Page, event: CaseEvent, case: Case) -> Delivery | None:
    if event.outbox_id is None:
        return None
    item = page.session.get(OutboxItem, event.outbox_id)
    if item is None:
        return None
    payload = item.payload.get("reply", item.payload)
    lang = payload.get("lang") or case.language or page.desk.settings.default_language
    text = payload.get("text") or page.t.pilgrim(lang, payload.get("key", ""), payload.get("args"))
    return Delivery(item.status, item.last_error, item.sent_at, text)


def _timeline(page: Page, case: Case) -> list[Entry]:
    agents: dict[int, Agent | None] = {}
    entries = []
    for event in case.events:
        kind, _, ident = event.actor.partition(":")
        agent = None
        if kind == "agent" and ident.isdigit():
            number = int(ident)
            if number not in agents:
                agents[number] = store.get_agent(page.session, agent_id=number)
            agent = agents[number]
        who = "agent" if kind == "agent" else "pilgrim" if kind == "person" else "system"
        entries.append(Entry(event, who, agent, _delivery(page, event, case)))
    return entries


def _statuses_allowed(case: Case) -> list[str]:
    allowed = list(ALLOWED_TRANSITIONS[case.status])
    if case.assigned_agent_id is None and "assigned" in allowed:
        allowed.remove("assigned")  # giving it to an agent does that
    return allowed


def _map(page: Page, case: Case) -> Any:
    if case.location_lat is None or case.location_lon is None:
        return None
    boundaries = page.desk.runtime.content.current().part(MunicipalData).boundaries
    sub = boundaries.locate(case.location_lat, case.location_lon)
    names = {
        s.id: page.t.pilgrim(page.t.lang, f"submun-{s.id}") for s in boundaries.sub_municipalities
    }
    point = MapPoint(case.location_lat, case.location_lon, "pin", case.ticket_id)
    return svg_map(
        boundaries,
        points=[point],
        highlight=sub.id if sub else None,
        names=names,
        label=page.t("map-label", ticket=case.ticket_id),
    )


def show(page: Page, case: Case | None = None, *, phone: str | None = None) -> Response:
    case = case or _case(page)
    teams: list[Team] = store.list_teams(page.session)
    team_names = {t.slug: t for t in store.list_teams(page.session, include_inactive=True)}
    return page.render(
        "case.html",
        case=case,
        phone=phone,
        timeline=_timeline(page, case),
        statuses_allowed=_statuses_allowed(case),
        priorities=PRIORITIES,
        team_agents=store.list_agents(page.session, team=case.team) if case.team else [],
        teams=teams,
        team_names=team_names,
        casemap=_map(page, case),
        map_link=osm_link(case.location_lat, case.location_lon)
        if case.location_lat is not None and case.location_lon is not None
        else None,
        sla=sla_state(case, page.now),
        other_language=bool(case.language) and case.language != page.viewer.lang,
        can_chat=case.reporter is not None and case.reporter.channel in CHAT_CHANNELS,
    )


def change_status(page: Page) -> Response:
    case = _case(page)
    status = page.field("status", required=True, max_chars=20)
    if status not in CASE_STATUSES:
        raise Refused(400, "error-unknown-value", what="status", value=str(status)[:20])
    reason, referral = page.field("reason", max_chars=2000), page.field("referral", max_chars=200)
    if status == "rejected" and not reason:
        raise Refused(400, "error-reason-needed")
    if status != "rejected":
        reason = referral = None  # fields the form shows for "not accepted" only
    message = page.field("message", max_chars=4000)
    previous = case.status
    cases.change_status(
        page.session,
        routing=page.desk.settings.routing,
        case=case,
        status=status,
        actor=page.agent.actor,
        now=page.now,
        note=page.field("note", max_chars=4000),
        message=message,
        reason=reason,
        referral=referral,
    )
    page.audit(
        "case.status", object_type="case", object_id=case.ticket_id,
        before=previous, after=status, told_pilgrim=bool(message), referred=bool(referral),
    )  # fmt: skip
    page.wake_outbox = True
    return page.redirect(_url(case, "timeline"))


def add_note(page: Page) -> Response:
    case = _case(page)
    note = page.field("note", required=True, max_chars=4000)
    assert note is not None
    store.add_case_note(page.session, case=case, actor=page.agent.actor, note=note, now=page.now)
    page.audit("case.note", object_type="case", object_id=case.ticket_id)
    return page.redirect(_url(case, "timeline"))


def message(page: Page) -> Response:
    case = _case(page)
    text = page.field("message", required=True, max_chars=4000)
    store.message_pilgrim(page.session, case=case, actor=page.agent.actor, text=text, now=page.now)
    page.audit("case.message", object_type="case", object_id=case.ticket_id)
    page.wake_outbox = True
    return page.redirect(_url(case, "timeline"))


def assign(page: Page) -> Response:
    case = _case(page)
    team = page.field("team", max_chars=64)
    username = page.field("agent", max_chars=64)
    if team == case.team:
        team = None
    if team is not None and not page.viewer.is_supervisor:
        raise Refused(403, "error-not-permitted", detail="only supervisors move a case to a team")
    agent = None
    if username:
        agent = store.find_agent(page.session, username=username)
        if agent is None or not agent.active:
            raise Refused(400, "error-unknown-value", what="agent", value=username)
    if team is None and agent is None:
        raise Refused(400, "error-required", field="agent")
    previous_team = case.team
    events = store.assign_case(
        page.session, case=case, actor=page.agent.actor, team=team, agent=agent, now=page.now
    )
    page.audit(
        "case.assign", object_type="case", object_id=case.ticket_id,
        team_before=previous_team, team_after=case.team,
        agent_id=agent.id if agent else None, changes=len(events),
    )  # fmt: skip
    page.wake_outbox = True
    if not store.may_see_team(page.agent, case.team):
        return page.redirect("/desk/cases")  # moved out of the agent's sight
    return page.redirect(_url(case, "timeline"))


def priority(page: Page) -> Response:
    case = _case(page)
    value = page.field("priority", required=True, max_chars=10)
    if value not in PRIORITIES:
        raise Refused(400, "error-unknown-value", what="priority", value=str(value)[:20])
    before = case.priority
    store.change_case_priority(
        page.session, case=case, priority=value, actor=page.agent.actor, now=page.now
    )
    page.audit(
        "case.priority", object_type="case", object_id=case.ticket_id, before=before, after=value
    )
    return page.redirect(_url(case, "timeline"))


def reveal_phone(page: Page) -> Response:
    case = _case(page)
    page.audit("case.phone_revealed", object_type="case", object_id=case.ticket_id)
    return show(page, case, phone=case.contact_phone or "")


def photo(page: Page) -> Response:
    ref = page.path("ref")
    owner = store.access_photo(page.session, agent=page.agent, ref=ref)
    if isinstance(owner, Case):
        page.audit("case.photo_view", object_type="case", object_id=owner.ticket_id)
    else:
        page.audit("handoff.photo_view", object_type="handoff", object_id=owner.id)
    try:
        path = page.desk.runtime.media.open(ref)
    except Exception:
        raise Refused(404, "error-not-found") from None
    if not path.is_file():
        raise Refused(404, "error-not-found")
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return FileResponse(path, media_type=kind, headers={"cache-control": "private, no-store"})


ENDPOINTS = (
    Endpoint("/desk/cases/{ticket}", show, name="desk_case"),
    Endpoint("/desk/cases/{ticket}/status", change_status, methods=("POST",)),
    Endpoint("/desk/cases/{ticket}/note", add_note, methods=("POST",)),
    Endpoint("/desk/cases/{ticket}/message", message, methods=("POST",)),
    Endpoint("/desk/cases/{ticket}/assign", assign, methods=("POST",)),
    Endpoint("/desk/cases/{ticket}/priority", priority, methods=("POST",)),
    Endpoint("/desk/cases/{ticket}/phone", reveal_phone, methods=("POST",)),
    Endpoint("/desk/photos/{ref:path}", photo, writes=True, name="desk_photo"),
)
