"""Agents: usernames, password strength, argon2 hashes and rehashing, roles and teams,
disabling and resetting (both end every session)."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy.exc import IntegrityError
from storage_helpers import FAST_HASHER, PASSWORD, T0, agent, team

from storage import service as svc
from storage.db import Database
from storage.errors import AlreadyExists, InvalidValue, TeamNotFound, WeakPassword
from storage.models import Agent
from storage.passwords import needs_rehash, verify


def test_a_new_agent_has_a_hash_not_the_password(database: Database) -> None:
    with database.transaction() as s:
        amina = agent(s, "Amina.K")
        assert amina.password_hash.startswith("$argon2id$")
        assert PASSWORD not in amina.password_hash
        assert verify(amina.password_hash, PASSWORD, hasher=FAST_HASHER)
        assert not verify(amina.password_hash, PASSWORD + "!", hasher=FAST_HASHER)
    with database.session() as s:
        found = svc.find_agent(s, username="amina.k")
        assert (found.username, found.role, found.team, found.desk_language) == (
            "Amina.K",
            "agent",
            "cleanliness",
            "ar",
        )
        assert (found.active, found.failed_sign_ins, found.locked_until) == (True, 0, None)
        assert svc.require_agent(s, username=" AMINA.K ").id == found.id


def test_usernames_are_unique_whatever_their_case(database: Database) -> None:
    with database.transaction() as s:
        agent(s, "amina")
        with pytest.raises(AlreadyExists, match="username 'AMINA' is taken"):
            agent(s, "AMINA")
    with pytest.raises(IntegrityError), database.transaction() as s:  # the database itself
        first = svc.find_agent(s, username="amina")
        s.add(
            Agent(
                username="Amina",
                display_name="x",
                password_hash=first.password_hash,
                role="admin",
                desk_language="en",
            )
        )
        s.flush()


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("short", "too_short"),
        ("password1234", "too_guessable"),
        ("Makkah2026!", "too_guessable"),
        ("Cleanliness123!", "too_guessable"),  # the team's name
        ("x" * 129, "too_long"),
    ],
)
def test_weak_passwords_are_refused_with_a_reason(
    sqlite_database: Database, password: str, code: str
) -> None:
    with sqlite_database.transaction() as s:
        with pytest.raises(WeakPassword) as refused:
            agent(s, "amina", password=password)
        assert refused.value.code == code and refused.value.reason
        assert svc.find_agent(s, username="amina") is None


@pytest.mark.parametrize(
    ("fields", "error", "message"),
    [
        ({"username": "ab"}, InvalidValue, "username 'ab'"),
        ({"username": "9lives"}, InvalidValue, "a letter first"),
        ({"username": "أمينة"}, InvalidValue, "username"),
        ({"role": "boss"}, InvalidValue, "unknown role 'boss'"),
        ({"team": None}, InvalidValue, "belongs to a team"),
        ({"team": "nowhere"}, TeamNotFound, "no active team 'nowhere'"),
        ({"desk_language": "ur"}, InvalidValue, "unknown desk language 'ur'"),
        ({"display_name": " "}, InvalidValue, "display name"),
    ],
)
def test_bad_account_input_is_refused(
    sqlite_database: Database, fields: dict, error: type, message: str
) -> None:
    values = {
        "username": "amina",
        "display_name": "Amina",
        "password": PASSWORD,
        "role": "agent",
        "team": "cleanliness",
        "hasher": FAST_HASHER,
    } | fields
    with sqlite_database.transaction() as s:
        team(s)
        with pytest.raises(error, match=message):
            svc.create_agent(s, **values)


def test_supervisors_and_admins_need_no_team(database: Database) -> None:
    with database.transaction() as s:
        boss = agent(s, "salma", role="supervisor", team_slug=None)
        assert boss.sees_every_team and boss.team is None


def test_changing_role_team_and_language_reports_what_changed(database: Database) -> None:
    with database.transaction() as s:
        amina = agent(s)
        team(s, "roads")
        changes = svc.change_agent(s, agent=amina, team="roads", desk_language="en")
        assert changes == {"team": ("cleanliness", "roads"), "desk_language": ("ar", "en")}
        assert svc.change_agent(s, agent=amina, team="roads") == {}
        with pytest.raises(InvalidValue, match="belongs to a team"):
            svc.change_agent(s, agent=amina, team=None)
        assert svc.change_agent(s, agent=amina, role="admin", team=None)["role"] == (
            "agent",
            "admin",
        )


def test_disabling_and_resetting_end_every_session(database: Database) -> None:
    with database.transaction() as s:
        amina = agent(s)
        tokens = [svc.create_desk_session(s, agent=amina, now=T0).token for _ in range(2)]
        assert (
            svc.reset_password(
                s, agent=amina, password="copper meadow violin 7", now=T0, hasher=FAST_HASHER
            )
            == 2
        )
        assert amina.password_changed_at == T0
        with pytest.raises(WeakPassword):
            svc.reset_password(s, agent=amina, password="amina12345", hasher=FAST_HASHER)
        new = svc.create_desk_session(s, agent=amina, now=T0).token
        assert svc.disable_agent(s, agent=amina, now=T0) == 1
        assert (amina.active, amina.disabled_at) == (False, T0)
    with database.session() as s:
        for token in [*tokens, new]:
            assert svc.find_desk_session(s, token=token, now=T0) is None
        assert svc.list_agents(s) == []
        assert [a.username for a in svc.list_agents(s, include_disabled=True)] == ["amina"]


def test_a_hash_made_with_old_parameters_is_replaced_at_sign_in(database: Database) -> None:
    old = PasswordHasher(time_cost=1, memory_cost=512, parallelism=1)
    with database.transaction() as s:
        team(s)
        svc.create_agent(
            s,
            username="amina",
            display_name="Amina",
            password=PASSWORD,
            role="agent",
            team="cleanliness",
            hasher=old,
        )
    with database.transaction() as s:
        result = svc.sign_in(
            s, username="amina", password=PASSWORD, client_address=None, hasher=FAST_HASHER
        )
        assert result.ok
    with database.session() as s:
        stored = svc.require_agent(s, username="amina").password_hash
        assert not needs_rehash(stored, hasher=FAST_HASHER) and needs_rehash(stored, hasher=old)
        assert verify(stored, PASSWORD, hasher=FAST_HASHER)
