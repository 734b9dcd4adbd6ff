"""Teams: create, rename, languages, deactivate, list, look up, and seeding from config twice."""

from __future__ import annotations

import pytest
from storage_helpers import T0, run_together

from storage import service as svc
from storage.db import Database
from storage.errors import AlreadyExists, InvalidValue, TeamNotFound
from storage.teams import TeamSpec

CONFIG = [
    TeamSpec("customer_service", {"ar": "مركز 940", "en": "940 centre"}, ("ar", "en", "id", "ur")),
    TeamSpec("wajibna", {"ar": "واجبنا", "en": "Wajibna"}, ("ar",)),
    TeamSpec("ajyad", {"ar": "بلدية أجياد", "en": "Ajyad"}, ("ar",), sub_municipality="ajyad"),
]


def test_create_look_up_update_and_deactivate(database: Database) -> None:
    with database.transaction() as s:
        team = svc.create_team(
            s,
            slug="wajibna",
            names={"ar": "واجبنا", "en": "Wajibna"},
            languages=["ar", "ar"],
            now=T0,
        )
        assert (team.slug, team.languages, team.active, team.created_at) == (
            "wajibna", ["ar"], True, T0
        )  # fmt: skip
        assert svc.update_team(s, team=team, languages=["ar", "ur"]) is True
        assert svc.update_team(s, team=team, languages=["ar", "ur"]) is False
        svc.deactivate_team(s, team=team)
    with database.session() as s:
        assert svc.get_team(s, slug="wajibna").names == {"ar": "واجبنا", "en": "Wajibna"}
        assert svc.get_team(s, slug="wajibna").languages == ["ar", "ur"]
        assert svc.list_teams(s) == []
        assert [t.slug for t in svc.list_teams(s, include_inactive=True)] == ["wajibna"]
        assert svc.require_team(s, slug="wajibna").active is False
        with pytest.raises(TeamNotFound, match="no active team 'wajibna'"):
            svc.require_team(s, slug="wajibna", active=True)
        with pytest.raises(TeamNotFound, match="no team 'roads'"):
            svc.require_team(s, slug="roads")


def test_a_taken_slug_is_refused(database: Database) -> None:
    with database.transaction() as s:
        svc.create_team(s, slug="roads", names={"en": "Roads"})
        with pytest.raises(AlreadyExists, match="team 'roads' already exists"):
            svc.create_team(s, slug="roads", names={"en": "Roads again"})


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"slug": "Roads"}, "team slug 'Roads'"),
        ({"slug": "x"}, "team slug 'x'"),
        ({"names": {}}, "a name in at least one of ar, en"),
        ({"names": {"fr": "Routes"}}, "team name language 'fr'"),
        ({"names": {"en": " "}}, "team name in 'en'"),
        ({"languages": "ar"}, "not one string"),
        ({"languages": ["arabic"]}, "language 'arabic'"),
        ({"sub_municipality": "Ajyad Central"}, "sub-municipality id"),
    ],
)
def test_bad_team_input_is_refused(sqlite_database: Database, fields: dict, message: str) -> None:
    values = {"slug": "roads", "names": {"en": "Roads"}} | fields
    with sqlite_database.transaction() as s, pytest.raises(InvalidValue, match=message):
        svc.create_team(s, **values)


def test_seeding_twice_changes_nothing_and_keeps_what_an_admin_deactivated(
    database: Database,
) -> None:
    with database.transaction() as s:
        first = svc.seed_teams(s, teams=CONFIG)
        svc.deactivate_team(s, team=svc.require_team(s, slug="wajibna"))
    assert first.created == ["customer_service", "wajibna", "ajyad"]
    renamed = [*CONFIG[:2], TeamSpec("ajyad", {"ar": "أجياد", "en": "Ajyad"}, ("ar", "ur"))]
    with database.transaction() as s:
        again = svc.seed_teams(s, teams=CONFIG)
        renamed_result = svc.seed_teams(s, teams=renamed)
    assert (again.created, again.updated) == ([], [])
    assert (renamed_result.created, renamed_result.updated) == ([], ["ajyad"])
    with database.session() as s:
        assert [t.slug for t in svc.list_teams(s)] == ["ajyad", "customer_service"]
        ajyad = svc.require_team(s, slug="ajyad")
        assert (ajyad.languages, ajyad.sub_municipality) == (["ar", "ur"], None)


def test_a_team_listed_twice_is_refused(sqlite_database: Database) -> None:
    with sqlite_database.transaction() as s, pytest.raises(InvalidValue, match="listed twice"):
        svc.seed_teams(s, teams=[CONFIG[0], CONFIG[0]])


def test_processes_seeding_at_once_create_each_team_once(database: Database) -> None:
    def seed() -> list[str]:
        with database.transaction() as s:
            return svc.seed_teams(s, teams=CONFIG).created

    created = [slug for result in run_together(3, seed) for slug in result]
    assert sorted(created) == sorted(t.slug for t in CONFIG)
