"""Teams: create, rename, set languages, deactivate, list, look up by slug, seed from config.

A team's `slug` never changes (cases, agents and chats refer to it); its
names (per desk language) and the pilgrim languages it takes chats in do. A
team is deactivated, never deleted. `seed_teams` makes the table match a list
from config without touching who is active: run it at every start.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage._sql import insert_ignoring_conflict
from storage.errors import AlreadyExists, InvalidValue, TeamNotFound
from storage.models import DESK_LANGUAGES, Team
from storage.types import utcnow

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{1,63}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
MAX_NAME_CHARS = 200


@dataclass(frozen=True)
class TeamSpec:
    """One team as config describes it, for `seed_teams`."""

    slug: str
    names: Mapping[str, str]
    languages: tuple[str, ...] = ()
    sub_municipality: str | None = None


@dataclass
class SeedResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)


def _slug(slug: object) -> str:
    if not isinstance(slug, str) or not _SLUG.match(slug):
        raise InvalidValue(
            f"team slug {slug!r}: expected 2-64 lower-case letters, digits, '_' or '-'"
        )
    return slug


def _names(names: Mapping[str, str]) -> dict[str, str]:
    if not isinstance(names, Mapping) or not names:
        raise InvalidValue(f"a team needs a name in at least one of {', '.join(DESK_LANGUAGES)}")
    for lang, name in names.items():
        if lang not in DESK_LANGUAGES:
            raise InvalidValue(f"team name language {lang!r}: expected {', '.join(DESK_LANGUAGES)}")
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME_CHARS:
            raise InvalidValue(f"team name in {lang!r}: 1-{MAX_NAME_CHARS} characters")
    return {lang: name.strip() for lang, name in names.items()}


def _languages(languages: Iterable[str]) -> list[str]:
    if isinstance(languages, str):
        raise InvalidValue("languages is a list of codes such as ['ar', 'ur'], not one string")
    codes = list(dict.fromkeys(languages))
    for code in codes:
        if not isinstance(code, str) or not _LANGUAGE.match(code):
            raise InvalidValue(f"language {code!r} is not a language code such as 'ar' or 'ur'")
    return codes


def _sub_municipality(value: str | None) -> str | None:
    if value is not None and (not isinstance(value, str) or not _SLUG.match(value)):
        raise InvalidValue(f"sub-municipality id {value!r}: expected an id such as 'ajyad'")
    return value


def get_team(session: Session, *, slug: str) -> Team | None:
    """The team with this slug, active or not."""
    return session.scalars(select(Team).where(Team.slug == slug)).one_or_none()


def require_team(session: Session, *, slug: str, active: bool = False) -> Team:
    """Like `get_team`, but raises `TeamNotFound` (also for an inactive one if `active`)."""
    team = get_team(session, slug=slug)
    if team is None or (active and not team.active):
        raise TeamNotFound(slug, inactive=active)
    return team


def list_teams(session: Session, *, include_inactive: bool = False) -> list[Team]:
    """Teams by slug; only active ones unless `include_inactive`."""
    stmt = select(Team).order_by(Team.slug)
    if not include_inactive:
        stmt = stmt.where(Team.active.is_(True))
    return list(session.scalars(stmt))


def create_team(
    session: Session,
    *,
    slug: str,
    names: Mapping[str, str],
    languages: Iterable[str] = (),
    sub_municipality: str | None = None,
    now: datetime | None = None,
) -> Team:
    """A new active team; `AlreadyExists` if the slug is taken (even by a concurrent writer)."""
    values: dict[str, Any] = {
        "slug": _slug(slug),
        "names": _names(names),
        "languages": _languages(languages),
        "sub_municipality": _sub_municipality(sub_municipality),
    }
    now = now or utcnow()
    values.update(active=True, created_at=now, updated_at=now)
    team_id = insert_ignoring_conflict(session, Team, values, conflict_columns=("slug",))
    if team_id is None:  # race-safe: two processes seeding at once
        raise AlreadyExists(f"team {slug!r} already exists")
    return session.get_one(Team, team_id)


_KEEP: Any = object()  # update_team: leave this field as it is


def update_team(
    session: Session,
    *,
    team: Team,
    names: Mapping[str, str] | None = None,
    languages: Iterable[str] | None = None,
    sub_municipality: str | None = _KEEP,
    now: datetime | None = None,
) -> bool:
    """Change what is given (names replace the old ones); True if anything changed."""
    changes: dict[str, Any] = {}
    if names is not None:
        changes["names"] = _names(names)
    if languages is not None:
        changes["languages"] = _languages(languages)
    if sub_municipality is not _KEEP:
        changes["sub_municipality"] = _sub_municipality(sub_municipality)
    changed = {k: v for k, v in changes.items() if getattr(team, k) != v}
    for key, value in changed.items():
        setattr(team, key, value)
    if changed:
        team.updated_at = now or utcnow()
        session.flush()
    return bool(changed)


def deactivate_team(session: Session, *, team: Team, now: datetime | None = None) -> None:
    """No new cases, chats or agents go to the team; its history stays."""
    team.active, team.updated_at = False, now or utcnow()
    session.flush()


def reactivate_team(session: Session, *, team: Team, now: datetime | None = None) -> None:
    """Let cases, chats and agents go to the team again."""
    team.active, team.updated_at = True, now or utcnow()
    session.flush()


def seed_teams(
    session: Session, *, teams: Iterable[TeamSpec], now: datetime | None = None
) -> SeedResult:
    """Create the listed teams that are missing and update the names and languages of the rest.

    Idempotent: a second run changes nothing. Teams not listed, and whether a
    team is active, are left alone (an admin may have deactivated one).
    """
    result = SeedResult()
    specs = list(teams)
    slugs = [spec.slug for spec in specs]
    if len(set(slugs)) != len(slugs):
        raise InvalidValue(
            f"a team is listed twice: {sorted(s for s in slugs if slugs.count(s) > 1)}"
        )
    for spec in specs:
        team = get_team(session, slug=_slug(spec.slug))
        if team is None:
            try:
                create_team(
                    session,
                    slug=spec.slug,
                    names=spec.names,
                    languages=spec.languages,
                    sub_municipality=spec.sub_municipality,
                    now=now,
                )
                result.created.append(spec.slug)
                continue
            except AlreadyExists:  # another process seeded it just now
                team = require_team(session, slug=spec.slug)
        if update_team(
            session,
            team=team,
            names=spec.names,
            languages=spec.languages,
            sub_municipality=spec.sub_municipality,
            now=now,
        ):
            result.updated.append(spec.slug)
    return result
