"""Effect handlers of the municipal services flows (dialogs/flows/services_*.yaml).

Each handler is `(ctx, args) -> data` like those of bot/core/effects.py: `ctx`
is the service's `EffectContext` (session, person, settings, now, language
and the content snapshot, whose `MunicipalData` the handlers read), `args` the
effect's arguments from the flow, and the returned dict comes back to the
engine as the `EffectResult`. Labels go back as message references
(`msg_ref`), never as text. `MUNICIPAL_EFFECTS` declares every effect with
the arguments a flow must give it, for the service's registry.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from bot.core.content import Content
from bot.core.effects import EffectContext, EffectSpec, create_case
from bot.municipal import prayer
from bot.municipal.boundaries import Boundaries, SubMunicipality
from bot.municipal.content import MunicipalData
from bot.municipal.kb_match import question_index
from bot.municipal.knowledge import KnowledgeBase
from bot.municipal.phone import normalize_phone
from bot.municipal.places import Gazetteer, Place, centre
from bot.municipal.service_points import PointStatus, ServicePoint, nearest, status
from dialogs.model import UserInput, msg_ref
from storage import subscriptions

log = logging.getLogger(__name__)

ANSWER_FLOW = "services_kb_answer"
FEEDBACK_FLOW = "services_kb_feedback"
POINT_FLOW = "services_point"
# Outreach requests: the case kind and the team that works it.
REQUEST_TEAMS = {"home_visit": "wajibna", "proxy_service": "mutmainnun"}
REQUEST_FIELDS = ("relationship", "name", "need", "situation", "service", "when")
POINTS_SHOWN = 4

Data = dict[str, Any]
Handler = Callable[[EffectContext, Mapping[str, Any]], Data]


def _data(ctx: EffectContext) -> MunicipalData:
    """The municipal data of the message's content snapshot."""
    return ctx.snapshot.part(MunicipalData)


# ---------------------------------------------------------------- consultant


def kb_topics(ctx: EffectContext, args: Mapping[str, Any]) -> Data:
    """The consultant's topics as buttons, each starting the topic's flow."""
    kb = _data(ctx).knowledge
    return {"items": [{"id": f"flow:{t.flow}", "label": msg_ref(t.label_key)} for t in kb.topics]}


def kb_topic(ctx: EffectContext, args: Mapping[str, Any]) -> Data:
    """The answer a specific question asks for (`answered: true`), else the topic's questions.

    `question` is the message that started the topic's flow ("what are the
    technical requirements for a food shop?"); it is matched against the
    questions every entry answers, in every language (bot/municipal/kb_match.py).
    """
    kb = _data(ctx).knowledge
    topic = kb.topic(str(args.get("topic", "")))
    if topic is None:
        return {"found": False, "items": []}
    question = str(args.get("question") or "")
    match = _matched_entry(ctx, question) if question else None
    if match is not None:
        return {**kb_answer(ctx, {"entry": match}), "answered": True}
    items = [_entry_button(kb, e) for e in topic.entries]
    return {"found": True, "answered": False, "items": items}


def _matched_entry(ctx: EffectContext, question: str) -> str | None:
    index = question_index(_data(ctx).knowledge, ctx.snapshot.texts, ctx.settings.languages)
    found = index.best(question)
    if found is not None:
        log.info("consultant question matched %s (score %.2f)", found.entry, found.score)
    return found.entry if found else None


def kb_answer(ctx: EffectContext, args: Mapping[str, Any]) -> Data:
    """One answer, its guidance mark, its phone line, follow-ups and "was this helpful?"."""
    kb = _data(ctx).knowledge
    entry_id = str(args.get("entry", ""))
    entry = kb.entry(entry_id)
    if entry is None:
        return {"found": False}
    items = [_entry_button(kb, f) for f in entry.follow_ups]
    items += [
        {
            "id": f"flow:{FEEDBACK_FLOW}?helpful=yes&entry={entry.id}",
            "label": msg_ref("kb-helpful-yes"),
        },
        {
            "id": f"flow:{FEEDBACK_FLOW}?helpful=no&entry={entry.id}",
            "label": msg_ref("kb-helpful-no"),
        },
    ]
    return {
        "found": True,
        "entry": entry.id,
        "text": msg_ref(entry.text_key),
        "guidance": entry.guidance,
        "contact": _contact_line(kb, entry.contact),
        "items": items,
    }


def kb_feedback(ctx: EffectContext, args: Mapping[str, Any]) -> Data:
    """Record "was this helpful?" (in the log, without the person) and give the consultant line."""
    helpful = bool(args.get("helpful"))
    log.info("consultant answer %s helpful=%s", str(args.get("entry", ""))[:64], helpful)
    return {"helpful": helpful, "consultant_phone": ctx.settings.contact.consultant_phone}


def _entry_button(kb: KnowledgeBase, entry_id: str) -> Data:
    entry = kb.entry(entry_id)
    label = entry.label_key if entry else f"kb-{entry_id}-label"
    return {"id": f"flow:{ANSWER_FLOW}?entry={entry_id}", "label": msg_ref(label)}


def _contact_line(kb: KnowledgeBase, contact_id: str | None) -> Data:
    contact = kb.contacts.get(contact_id or "")
    if contact is None:
        return msg_ref("kb-no-call")
    ext = " / ".join(contact.extensions) or "none"
    return msg_ref("kb-call", name=msg_ref(contact.key), number=contact.number, ext=ext)


# ---------------------------------------------------------------- places


def find_sub_municipality(ctx: EffectContext, args: Mapping[str, Any]) -> Data:
    """The sub-municipality of a pin or a typed neighbourhood name, and its service points."""
    boundaries = _data(ctx).boundaries
    location = args.get("location") or {}
    sub, found_by = _locate_typed(ctx, location)
    base = {"consultant_phone": ctx.settings.contact.consultant_phone}
    if sub is None:
        return {**base, "found": False}
    nbhd = _named_neighbourhood(ctx, location) if found_by == "name" else None
    lat, lon = _where(ctx, location) or centre(sub)
    shown = nearest(_data(ctx).points, lat=lat, lon=lon, now=ctx.now, limit=POINTS_SHOWN)
    return {
        **base,
        "found": True,
        "found_by": found_by if nbhd or found_by == "pin" else "sub",
        "sub_municipality": sub.id,
        "team": sub.team,
        "sub_name": msg_ref(f"submun-{sub.id}"),
        "place": boundaries.neighbourhood_name(nbhd, ctx.language) if nbhd else None,
        "items": [_point_button(s.point) for s in shown],
    }


def _named_neighbourhood(ctx: EffectContext, location: Any) -> str | None:
    """The neighbourhood (district, gate, hotel, holy site) a typed place is, if any."""
    place = _place(ctx, location)
    if place is not None and place.kind == "neighbourhood":
        return place.id
    match = _data(ctx).boundaries.find_name(_typed(location) or "")
    return match.neighbourhood if match else None


def nearest_service_points(ctx: EffectContext, args: Mapping[str, Any]) -> Data:
    """The nearest Itlala desk or Hadirin vehicle open now (else the next to open).

    A service point named by the person (typed, or in their question: "when does
    the desk at Masjid al-Jinn open?") is answered at once (`named: point`); a
    mosque without a desk of its own ("the Haram") gets the nearest Itlala desk,
    measured from the mosque itself (`named: mosque`).
    """
    location = args.get("location") or {}
    place = _place(ctx, location)
    base = _today(ctx)
    if place is not None and place.kind == "point":
        point = _data(ctx).places.points[place.id]
        return {**base, **_point_view(status(point, ctx.now, None)), **_located(named="point")}
    where = _point_of(location) or ((place.lat, place.lon) if place else None)
    if where is None:
        return {**base, "located": False, "found": False, "open_now": False}
    mosque = place is not None and place.mosque and _point_of(location) is None
    service = "itlala" if mosque else None
    found = nearest(
        _data(ctx).points, lat=where[0], lon=where[1], now=ctx.now, service=service, limit=4
    )
    if not found:
        return {**base, "located": True, "found": False, "open_now": False}
    first = found[0]
    return {
        **base,
        **_point_view(first),
        **_located(named="mosque" if mosque else None),
        "place_name": msg_ref(f"mosque-{place.id}") if mosque and place else None,
        "distance": round(first.distance_km or 0.0, 1),  # a number: Fluent formats it
        "items": [_point_button(s.point) for s in found[1:]],
    }


def _located(named: str | None) -> Data:
    return {"located": True, "found": True, "named": named}


def _today(ctx: EffectContext) -> Data:
    """Today's Hijri date and Itlala hours, and whether any Itlala desk runs today."""
    today = prayer.makkah_now(ctx.now).date()
    itlala = prayer.itlala_hours(today)
    desks = [p for p in _data(ctx).points if p.service == "itlala"]
    return {
        "today": hijri_ref(today),
        "itlala_today": any(p.hours_on(today) is not None for p in desks),
        "itlala_opens": _iso(itlala.opens),
        "itlala_closes": _iso(itlala.closes),
    }


def service_point_info(ctx: EffectContext, args: Mapping[str, Any]) -> Data:
    """One point: today's hours with the Hijri date, whether it is open, a map link."""
    point = next((p for p in _data(ctx).points if p.id == str(args.get("point", ""))), None)
    if point is None:
        return {"found": False}
    today = prayer.makkah_now(ctx.now).date()
    return {"found": True, "today": hijri_ref(today), **_point_view(status(point, ctx.now, None))}


def _iso(at: Any) -> str | None:
    """An instant for the state (JSON); flows show it with `{date: ...}` and Fluent's DATETIME."""
    return prayer.makkah_now(at).isoformat() if at is not None else None


def _point_view(s: PointStatus) -> Data:
    hours = s.hours
    return {
        "point": s.point.id,
        "kind": s.point.service,
        "name": msg_ref(f"place-{s.point.id}"),
        "service": msg_ref(f"service-{s.point.service}"),
        "open_now": s.open_now,
        "opens": _iso(hours.opens) if hours else None,
        "closes": _iso(hours.closes) if hours else None,
        "day": hijri_ref(hours.day) if hours else None,
        "map": map_link(s.point.lat, s.point.lon),
    }


def map_link(lat: float, lon: float) -> str:
    """A map of the point: a link channels make tappable (never put inside a text)."""
    return f"https://www.google.com/maps/search/?api=1&query={lat:.5f},{lon:.5f}"


def _point_button(point: ServicePoint) -> Data:
    return {
        "id": f"flow:{POINT_FLOW}?point={point.id}",
        "name": msg_ref(f"place-{point.id}"),
        "service": msg_ref(f"service-{point.service}"),
    }


def hijri_ref(day: date) -> Data:
    """A Hijri date as a message reference: "17 Jumada al-Akhirah 1448 AH" in any language."""
    h = prayer.hijri(day)
    month = msg_ref(f"hijri-month-{h.month}")
    return msg_ref("hijri-date", day=str(h.day), month=month, year=str(h.year))


def _point_of(location: Any) -> tuple[float, float] | None:
    if isinstance(location, Mapping) and location.get("lat") is not None:
        return float(location["lat"]), float(location["lon"])
    return None


def _typed(location: Any) -> str | None:
    if isinstance(location, Mapping):
        return location.get("text") or location.get("label")
    return str(location) if location else None


def _place(ctx: EffectContext, location: Any) -> Place | None:
    """What a typed place is (a service point, a landmark, a neighbourhood), pins aside:
    the NLU's key when it recognised the place, else the words typed."""
    return _typed_place(_data(ctx).places, location)


def _typed_place(places: Gazetteer, location: Any) -> Place | None:
    typed = _typed(location)
    if _point_of(location) is not None or not typed:
        return None
    key = location.get("place") if isinstance(location, Mapping) else None
    found = places.resolve_key(str(key)) if key else None
    return found or places.resolve(typed)


def _where(ctx: EffectContext, location: Any) -> tuple[float, float] | None:
    """The pin, else the coordinates of the typed place (the Haram's, not Ajyad's centre)."""
    pin = _point_of(location)
    if pin is not None:
        return pin
    place = _place(ctx, location)
    return (place.lat, place.lon) if place else None


def _locate_typed(ctx: EffectContext, location: Any) -> tuple[SubMunicipality | None, str]:
    """As `_locate`, with the NLU's key of a typed place ("gate 79", "Mina camp 56") first."""
    data = _data(ctx)
    place = _typed_place(data.places, location) if _point_of(location) is None else None
    if place is not None and place.sub_municipality:
        return data.boundaries.get(place.sub_municipality), "name"
    return _locate(data.boundaries, location)


def _locate(boundaries: Boundaries, location: Any) -> tuple[SubMunicipality | None, str]:
    where = _point_of(location)
    if where is not None:
        sub = boundaries.locate(*where)
        if sub is not None or not _typed(location):
            return sub, "pin"
    typed = _typed(location)
    match = boundaries.find_name(typed) if typed else None
    return (boundaries.get(match.sub_municipality) if match else None), "name"


# ---------------------------------------------------------------- outreach requests


def create_service_request(ctx: EffectContext, args: Mapping[str, Any]) -> Data:
    """A Wajibna (home_visit) or Mutma'innun (proxy_service) case for its team.

    Goes through the generic `create_case` effect with kind and team, so the
    ticket is an ordinary case that check_status follows; the request's own
    answers (who, which service, when) go into the case's `extra`.
    """
    kind = str(args.get("kind", ""))
    if kind not in REQUEST_TEAMS:
        raise ValueError(f"create_service_request: unknown kind {kind!r}")
    extra = {k: args[k] for k in REQUEST_FIELDS if args.get(k) is not None}
    sub, _ = _locate_typed(ctx, args.get("location") or {})
    if sub is not None:
        extra["sub_municipality"] = sub.id
    phone = args.get("phone")
    return create_case(
        ctx,
        {
            "kind": kind,
            "team": REQUEST_TEAMS[kind],
            "description": args.get("details") or "",
            "location": args.get("location"),
            "phone": (normalize_phone(str(phone)) or str(phone)) if phone else None,
            "extra": extra,
        },
    )


# ---------------------------------------------------------------- tips


def awareness_tip(ctx: EffectContext, args: Mapping[str, Any]) -> Data:
    topic = str(args.get("topic", ""))
    tip = _data(ctx).tips.pick(topic, now=ctx.now)
    if tip is None:
        return {"found": False, "topic": topic}
    return {"found": True, "topic": topic, "tip": msg_ref(tip.key)}


def subscribe_tips(ctx: EffectContext, args: Mapping[str, Any]) -> Data:
    _, created = subscriptions.subscribe_tips(ctx.session, person=ctx.person, now=ctx.now)
    return {"already": not created}


def unsubscribe_tips(ctx: EffectContext, args: Mapping[str, Any]) -> Data:
    was = subscriptions.unsubscribe_tips(ctx.session, person=ctx.person, now=ctx.now)
    return {"was_subscribed": was}


# ---------------------------------------------------------------- hooks of the service


def stop_word(ctx: EffectContext, dialog: Mapping[str, Any], user_input: UserInput) -> UserInput:
    """ "stop" / "توقف" / "berhenti" / "بند" / "لغو" alone ends the daily tips.

    Only for a subscriber with no flow open: the same words mean "cancel"
    inside a flow (Persian لغو does), and there the flow's cancel wins. (An
    input rewriter of the conversation service.)
    """
    if dialog.get("flow") or not _data(ctx).tips.is_stop_word(user_input.text):
        return user_input
    if not subscriptions.is_subscribed(ctx.session, person=ctx.person):
        return user_input
    return UserInput(command="stop")


def places_in(content: Content) -> Callable[[str], str | None]:
    """The place a sentence names, for the engine's `entity: place` slots (the service's hook)."""
    return content.part(MunicipalData).places.named_in


def team_named(content: Content, location: Mapping[str, Any]) -> str | None:
    """The sub-municipality team of a typed place ("Aziziyah", "gate 79", "Mina camp 56"):
    how the service routes a report whose place was named, not pinned."""
    data = content.part(MunicipalData)
    place = _typed_place(data.places, location)
    sub = data.boundaries.get(place.sub_municipality or "") if place else None
    return sub.team if sub else None


def team_at(content: Content, lat: float, lon: float) -> str | None:
    """The sub-municipality team for a pin: how the service routes a new case by place."""
    return content.part(MunicipalData).team_for(lat, lon)


MUNICIPAL_EFFECTS: tuple[EffectSpec, ...] = (
    EffectSpec("kb_topics", kb_topics),
    EffectSpec("kb_topic", kb_topic, frozenset({"topic"})),
    EffectSpec("kb_answer", kb_answer, frozenset({"entry"})),
    EffectSpec("kb_feedback", kb_feedback, frozenset({"entry", "helpful"})),
    EffectSpec("find_sub_municipality", find_sub_municipality, frozenset({"location"})),
    EffectSpec("nearest_service_points", nearest_service_points, frozenset({"location"})),
    EffectSpec("service_point_info", service_point_info, frozenset({"point"})),
    EffectSpec("create_service_request", create_service_request, frozenset({"kind"})),
    EffectSpec("awareness_tip", awareness_tip, frozenset({"topic"})),
    EffectSpec("subscribe_tips", subscribe_tips),
    EffectSpec("unsubscribe_tips", unsubscribe_tips),
)
HANDLERS: dict[str, Handler] = {spec.name: spec.handler for spec in MUNICIPAL_EFFECTS}
