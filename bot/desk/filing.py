"""Filing a case for a caller of the 940 centre (/desk/cases/new).

The agent fills in, in the caller's language: the caller's phone, the kind of
problem, what they describe and where. The case is opened like any other
(bot/core/cases.py: routing, SLA, notifications); what differs is how the
caller hears back, which the form says in so many words:

- the caller agrees to WhatsApp at that number: the case's pilgrim is that
  WhatsApp number, so every update goes there. The caller has not written to
  us, so WhatsApp's 24-hour window is closed: updates go out as the approved
  template (`channels.whatsapp.template_content_sid`), or without one they are
  held on the case for an agent to pass on by phone;
- otherwise the caller is kept on the "phone" channel: every update is held on
  the case (bot/channels/phone/), to tell them when they call back or to call
  them; they can always ask on 940 with their ticket number.

A typed place is looked up in the boundaries data, so "Aziziyah" routes to
that sub-municipality's team as a pin would.
"""

from __future__ import annotations

from starlette.responses import Response

from bot.core import cases
from bot.desk.pages import Endpoint, Page, Refused
from bot.municipal.content import MunicipalData
from bot.municipal.effects import team_at
from bot.municipal.phone import normalize_phone
from storage import service as store
from storage.models import REPORT_CATEGORIES

PHONE_CHANNEL = "phone"  # bot/channels/phone/: every update held for a call back
KINDS = ("report", "complaint", "home_visit", "proxy_service")


def _form(page: Page, status: int = 200, **done: object) -> Response:
    return page.render(
        "filing.html",
        status=status,
        languages=page.desk.settings.languages,
        categories=REPORT_CATEGORIES,
        kinds=KINDS,
        has_template=bool(_template_sid(page)),
        **done,
    )


def _template_sid(page: Page) -> str | None:
    section = getattr(page.desk.settings.channels, "whatsapp", None)
    return getattr(section, "template_content_sid", None)


def form(page: Page) -> Response:
    return _form(page)


def _choice(page: Page, name: str, allowed: tuple[str, ...], required: bool = True) -> str | None:
    value = page.field(name, required=required, max_chars=40)
    if value is not None and value not in allowed:
        raise Refused(400, "error-unknown-value", what=name, value=value[:40])
    return value


def _place_team(page: Page, place: str | None) -> tuple[str | None, str | None]:
    """The team and sub-municipality of a typed place, when the boundaries know it."""
    if not place:
        return None, None
    boundaries = page.desk.runtime.content.current().part(MunicipalData).boundaries
    match = boundaries.find_name(place)
    sub = boundaries.get(match.sub_municipality) if match else None
    return (sub.team, sub.id) if sub else (None, None)


def file_case(page: Page) -> Response:
    lang = _choice(page, "language", tuple(page.desk.settings.languages))
    kind = _choice(page, "kind", KINDS)
    category = _choice(
        page, "category", REPORT_CATEGORIES, required=kind in ("report", "complaint")
    )
    typed_phone = page.field("phone", required=True, max_chars=40) or ""
    phone = normalize_phone(typed_phone)
    if phone is None:
        raise Refused(400, "error-phone")
    description = page.field("description", required=True, max_chars=4000) or ""
    place = page.field("place", max_chars=300)
    by_whatsapp = page.form.get("whatsapp") == "yes"
    channel, user_id = ("whatsapp", f"whatsapp:{phone}") if by_whatsapp else (PHONE_CHANNEL, phone)
    person = store.get_or_create_person(
        page.session, channel=channel, user_id=user_id, language=lang
    )
    team, sub = _place_team(page, place)
    if kind in page.desk.settings.routing.teams_by_kind:
        team = None  # the kind's team wins, as for the bot's requests
    content = page.desk.runtime.content.current()
    case = cases.open_case(
        page.session,
        routing=page.desk.settings.routing,
        reporter=person,
        kind=str(kind),
        category=category if kind in ("report", "complaint") else None,
        description=description,
        channel=channel,
        language=lang,
        now=page.now,
        team=team,
        team_for=lambda lat, lon: team_at(content, lat, lon),
        location_text=place,
        contact_phone=phone,
        sub_municipality=sub,
        source="desk",
        actor=page.agent.actor,
    )
    page.audit(
        "case.create", object_type="case", object_id=case.ticket_id,
        channel=channel, team=case.team,
    )  # fmt: skip
    return _form(
        page,
        filed=case.ticket_id,
        filed_team=case.team,
        visible=store.may_see_team(page.agent, case.team),
        by_whatsapp=by_whatsapp,
    )


ENDPOINTS = (
    Endpoint("/desk/cases/new", form, name="desk_new_case"),
    Endpoint("/desk/cases/new", file_case, methods=("POST",)),
)
