"""Effects: what the dialog engine asks for and only the service can do.

The engine emits `Effect(name, args)`; the service looks the name up here and
runs the handler inside the message's transaction. A handler returns the data
the engine gets back as `EffectResult(name, data)` when the effect awaits it.
Handlers write only through `storage.service`, like the desk will.

New flows bring new effects: write a handler `(ctx, args) -> dict` and
register it in `default_registry()`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.app.config import Settings
from dialogs.model import Effect, msg_ref
from storage import service as store
from storage.models import Case, Person


@dataclass
class EffectContext:
    session: Session
    person: Person
    channel: str
    settings: Settings
    now: datetime
    language: str  # the person's language; set_language changes it for this turn's replies
    notes: dict[str, Any] = field(default_factory=dict)


Handler = Callable[[EffectContext, Mapping[str, Any]], dict[str, Any]]


class UnknownEffect(Exception):
    """A flow asked for an effect no handler is registered for."""


class EffectRegistry:
    def __init__(self) -> None:
        self._handlers: dict[str, Handler] = {}

    def register(self, name: str, handler: Handler) -> None:
        if name in self._handlers:
            raise ValueError(f"effect {name!r} is registered twice")
        self._handlers[name] = handler

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self._handlers)

    def run(self, effect: Effect, ctx: EffectContext) -> dict[str, Any]:
        handler = self._handlers.get(effect.name)
        if handler is None:
            raise UnknownEffect(f"no handler for effect {effect.name!r}")
        return handler(ctx, effect.args)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _location_fields(location: Any) -> dict[str, Any]:
    """The engine's location slot (a pin or a typed description) as case columns."""
    if isinstance(location, Mapping):
        return {
            "location_lat": location.get("lat"),
            "location_lon": location.get("lon"),
            "location_text": location.get("label") or location.get("text"),
        }
    if isinstance(location, str) and location.strip():
        return {"location_text": location.strip()}
    return {}


def _photo_refs(args: Mapping[str, Any]) -> list[str]:
    photos = args.get("photos") or ([args["photo"]] if args.get("photo") else [])
    return [p["ref"] if isinstance(p, Mapping) else str(p) for p in photos]


def create_case(ctx: EffectContext, args: Mapping[str, Any]) -> dict[str, Any]:
    location = _location_fields(args.get("location"))
    case = store.create_case(
        ctx.session,
        reporter=ctx.person,
        kind=args.get("kind", "report"),
        category=args.get("category"),
        description=args.get("description") or "",
        photos=_photo_refs(args),
        channel=ctx.channel,
        language=ctx.language,
        team=args.get("team") or team_for(location),
        contact_phone=args.get("phone") or args.get("contact_phone"),
        extra=dict(args.get("extra") or {}),
        now=ctx.now,
        **location,
    )
    return {"ticket_id": case.ticket_id, "sla_due_at": _iso(case.sla_due_at)}


def team_for(location: Mapping[str, Any]) -> str | None:
    """The sub-municipality team for a pin, or None to route by category."""
    lat, lon = location.get("location_lat"), location.get("location_lon")
    if lat is None or lon is None:
        return None
    from bot.municipal.boundaries import team_for_location  # data-heavy; load on first use

    return team_for_location(lat, lon)


def _case_view(case: Case, *, is_reporter: bool) -> dict[str, Any]:
    view: dict[str, Any] = {
        "found": True,
        "ticket_id": case.ticket_id,
        "is_reporter": is_reporter,
        "status": case.status,
        "created_at": _iso(case.created_at),
        "updated_at": _iso(case.updated_at),
    }
    if is_reporter:  # someone else learns the status and dates, nothing more
        view.update(
            kind=case.kind,
            category=case.category,
            description=case.description,
            location_text=_place(case),
        )
    return view


def _place(case: Case) -> str | dict[str, Any] | None:
    """The typed place, else the shared pin, worded as in the report's summary."""
    if case.location_text:
        return case.location_text
    if case.location_lat is not None and case.location_lon is not None:
        lat, lon = f"{case.location_lat:.5f}", f"{case.location_lon:.5f}"
        return msg_ref("summary-location-pin", lat=lat, lon=lon)
    return None


def find_case(ctx: EffectContext, args: Mapping[str, Any]) -> dict[str, Any]:
    case = store.get_case(ctx.session, ticket_id=str(args.get("ticket_id", "")))
    if case is None:
        return {"found": False, "ticket_id": args.get("ticket_id")}
    return _case_view(case, is_reporter=case.reporter_id == ctx.person.id)


def list_cases(ctx: EffectContext, args: Mapping[str, Any]) -> dict[str, Any]:
    cases = store.list_cases_for_person(
        ctx.session, person=ctx.person, limit=int(args.get("limit", 10))
    )
    return {
        "cases": [
            {
                "ticket_id": c.ticket_id,
                "status": c.status,
                "kind": c.kind,
                "category": c.category,
                "created_at": _iso(c.created_at),
            }
            for c in cases
        ]
    }


def set_language(ctx: EffectContext, args: Mapping[str, Any]) -> dict[str, Any]:
    language = str(args.get("language", ""))
    if language not in ctx.settings.languages:
        raise ValueError(f"set_language: {language!r} is not a configured language")
    store.set_person_language(ctx.session, person=ctx.person, language=language)
    ctx.language = language
    return {"language": language}


def handoff(ctx: EffectContext, args: Mapping[str, Any]) -> dict[str, Any]:
    """Until the agent desk exists, a hand-off means giving the phone numbers."""
    return {
        "hotline": ctx.settings.contact.hotline,
        "consultant_phone": ctx.settings.contact.consultant_phone,
    }


def default_registry() -> EffectRegistry:
    """Every effect the repo's flows use: the core ones here, the services' in bot/municipal."""
    from bot.municipal.effects import HANDLERS as MUNICIPAL

    registry = EffectRegistry()
    for name, handler in MUNICIPAL.items():
        registry.register(name, handler)
    for name, handler in {
        "create_case": create_case,
        "find_case": find_case,
        "list_cases": list_cases,
        "set_language": set_language,
        "handoff": handoff,
    }.items():
        registry.register(name, handler)
    return registry
