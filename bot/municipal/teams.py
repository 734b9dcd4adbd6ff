"""The teams the desk starts with: config.yaml's (`routing.teams`) and one per sub-municipality.

Each sub-municipality of the boundaries data is a team of its own (its slug is
the sub-municipality's `team`), named as the places file names it in Arabic and
English (`submun-<id>`). `seed` creates what is missing and keeps names and
languages in step at every start; an admin's deactivation stands.
"""

from __future__ import annotations

from bot.core.content import Content
from bot.core.settings import RoutingSettings
from bot.municipal.content import MunicipalData
from storage import service as store
from storage.db import Database
from storage.teams import SeedResult

DESK_LANGUAGES = ("ar", "en")


def team_specs(routing: RoutingSettings, content: Content) -> list[store.TeamSpec]:
    """Config's teams, then each sub-municipality's (a slug listed in config wins)."""
    specs = [
        store.TeamSpec(
            slug=t.slug, names={str(k): v for k, v in t.names.items()}, languages=t.languages
        )
        for t in routing.teams
    ]
    listed = {spec.slug for spec in specs}
    texts = content.texts
    for sub in content.part(MunicipalData).boundaries.sub_municipalities:
        if sub.team in listed:
            continue
        listed.add(sub.team)
        names = {lang: texts.render(lang, f"submun-{sub.id}") for lang in DESK_LANGUAGES}
        specs.append(
            store.TeamSpec(slug=sub.team, names=names, languages=("ar",), sub_municipality=sub.id)
        )
    return specs


def seed(database: Database, routing: RoutingSettings, content: Content) -> SeedResult:
    """Make the teams table match config and the boundaries data (idempotent)."""
    with database.transaction() as session:
        return store.seed_teams(session, teams=team_specs(routing, content))
