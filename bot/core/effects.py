"""Effects: what the dialog engine asks for and only the service can do.

The engine emits `Effect(name, args)`; the service looks the name up in its
`EffectRegistry` and runs the handler inside the message's transaction, with
an `EffectContext` (session, person, channel, settings, now, language, and the
content snapshot of this message). A handler returns the data the engine gets
back as `EffectResult(name, data)` when the effect awaits it. Handlers write
only through `storage.service`, like the desk does.

Each effect is declared with the arguments a flow must give it
(`EffectSpec.required`): `labbaik dialogs validate` and every content reload
reject a flow that names an unknown effect (`effect: creat_case`) or leaves
out one of them, at its `file:line`. The core effects are `CORE_EFFECTS`
here; the services' are in bot/municipal/effects.py, live handoff's in
bot/handoff/effects.py; bot/app/wiring.py puts them in one registry. A new
effect: write a handler `(ctx, args) -> dict`, declare it with `EffectSpec`
in its package's list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.core.background import AfterCommit
from bot.core.cases import open_case
from bot.core.content import Content
from bot.core.settings import Settings
from dialogs.model import Effect, msg_ref
from storage import service as store
from storage.models import Case, Person

TeamFor = Callable[[Content, float, float], "str | None"]  # a pin -> the team working there


# a typed location slot ({"text": ..., "place": key}) -> the team working there
TeamNamed = Callable[[Content, Mapping[str, Any]], "str | None"]


def no_team(content: Content, lat: float, lon: float) -> str | None:
    return None


def no_named_team(content: Content, location: Mapping[str, Any]) -> str | None:
    return None


@dataclass
class EffectContext:
    session: Session
    person: Person
    channel: str
    settings: Settings
    now: datetime
    language: str  # the person's language; set_language changes it for this turn's replies
    content: Content | None = None  # the snapshot of this message (None only in some tests)
    team_for: TeamFor = no_team  # case routing by place (bot/app/wiring.py: the municipal one)
    team_named: TeamNamed = no_named_team  # ... and by a typed place ("Aziziyah", "gate 79")
    notes: dict[str, Any] = field(default_factory=dict)
    # work to start once this message's transaction has committed (a chat message's
    # translation); it runs in the background and never delays the reply
    after_commit: list[AfterCommit] = field(default_factory=list)

    @property
    def snapshot(self) -> Content:
        if self.content is None:
            raise RuntimeError("this effect needs the content snapshot (EffectContext.content)")
        return self.content


Handler = Callable[[EffectContext, Mapping[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class EffectSpec:
    """One effect: its name in the flows, its handler, the arguments a flow must give it."""

    name: str
    handler: Handler
    required: frozenset[str] = frozenset()


class UnknownEffect(Exception):
    """A flow asked for an effect no handler is registered for."""


class EffectRegistry:
    def __init__(self, specs: Iterable[EffectSpec] = ()) -> None:
        self._specs: dict[str, EffectSpec] = {}
        for spec in specs:
            self.add(spec)

    def add(self, spec: EffectSpec) -> None:
        if spec.name in self._specs:
            raise ValueError(f"effect {spec.name!r} is registered twice")
        self._specs[spec.name] = spec

    def register(self, name: str, handler: Handler, required: Iterable[str] = ()) -> None:
        self.add(EffectSpec(name, handler, frozenset(required)))

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self._specs)

    def signatures(self) -> dict[str, frozenset[str]]:
        """{effect name: its required arguments}: what the flow checks are given."""
        return {name: spec.required for name, spec in self._specs.items()}

    def run(self, effect: Effect, ctx: EffectContext) -> dict[str, Any]:
        spec = self._specs.get(effect.name)
        if spec is None:
            raise UnknownEffect(f"no handler for effect {effect.name!r}")
        return spec.handler(ctx, effect.args)


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
    """A report or request filed in the chat, routed like every case (bot/core/cases.py)."""
    location = _location_fields(args.get("location"))
    content = ctx.content
    typed = args.get("location")
    named = None
    if content and isinstance(typed, Mapping) and typed.get("lat") is None:
        named = ctx.team_named(content, typed)
    case = open_case(
        ctx.session,
        routing=ctx.settings.routing,
        reporter=ctx.person,
        kind=args.get("kind", "report"),
        category=args.get("category"),
        description=args.get("description") or "",
        photos=_photo_refs(args),
        channel=ctx.channel,
        language=ctx.language,
        team=args.get("team"),
        team_for=(lambda lat, lon: ctx.team_for(content, lat, lon)) if content else None,
        named_team=named,
        contact_phone=args.get("phone") or args.get("contact_phone"),
        extra=dict(args.get("extra") or {}),
        now=ctx.now,
        **location,
    )
    return {"ticket_id": case.ticket_id, "sla_due_at": _iso(case.sla_due_at)}


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


CORE_EFFECTS: tuple[EffectSpec, ...] = (
    EffectSpec("create_case", create_case, frozenset({"category", "description"})),
    EffectSpec("find_case", find_case, frozenset({"ticket_id"})),
    EffectSpec("list_cases", list_cases),
    EffectSpec("set_language", set_language, frozenset({"language"})),
)
