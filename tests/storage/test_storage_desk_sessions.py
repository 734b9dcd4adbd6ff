"""Desk sessions: only a token hash stored, idle timeout and absolute expiry on an injected
clock, cheap touches, CSRF, revocation, and who is signed in per team."""

from __future__ import annotations

from datetime import timedelta

from storage_helpers import T0, agent

from storage import service as svc
from storage.db import Database
from storage.desk_sessions import token_hash
from storage.models import DeskSession

MIN = timedelta(minutes=1)


def test_only_a_hash_of_the_token_is_stored(database: Database) -> None:
    with database.transaction() as s:
        new = svc.create_desk_session(s, agent=agent(s), client_address="203.0.113.7", now=T0)
    with database.session() as s:
        [row] = s.query(DeskSession).all()
        assert row.token_hash == token_hash(new.token) != new.token
        assert new.token not in (row.token_hash, row.csrf_token)
        assert (row.created_at, row.last_seen_at, row.expires_at) == (
            T0,
            T0,
            T0 + timedelta(hours=12),
        )
        assert svc.find_desk_session(s, token=new.token, now=T0).id == row.id
        assert svc.find_desk_session(s, token=new.token[:-1] + "x", now=T0) is None
        assert svc.find_desk_session(s, token="", now=T0) is None


def test_idle_sessions_and_expired_ones_are_gone(database: Database) -> None:
    with database.transaction() as s:
        token = svc.create_desk_session(
            s, agent=agent(s), now=T0, lifetime=timedelta(hours=1)
        ).token
    with database.transaction() as s:
        live = svc.find_desk_session(s, token=token, now=T0 + 29 * MIN)
        assert live is not None
        assert svc.touch_desk_session(s, desk_session=live, now=T0 + 29 * MIN)
    with database.session() as s:
        assert svc.find_desk_session(s, token=token, now=T0 + 58 * MIN) is not None  # touched
        assert svc.find_desk_session(s, token=token, now=T0 + 59 * MIN + 30 * MIN) is None  # idle
        assert svc.find_desk_session(s, token=token, now=T0 + 61 * MIN) is None  # expired


def test_touching_writes_at_most_once_a_minute(database: Database) -> None:
    with database.transaction() as s:
        token = svc.create_desk_session(s, agent=agent(s), now=T0).token
    with database.transaction() as s:
        row = svc.find_desk_session(s, token=token, now=T0)
        assert not svc.touch_desk_session(s, desk_session=row, now=T0 + timedelta(seconds=59))
        assert svc.touch_desk_session(s, desk_session=row, now=T0 + MIN)
        assert not svc.touch_desk_session(s, desk_session=row, now=T0 + MIN + timedelta(seconds=1))
        assert row.last_seen_at == T0 + MIN


def test_csrf_tokens_belong_to_their_session(database: Database) -> None:
    with database.transaction() as s:
        amina = agent(s)
        first = svc.create_desk_session(s, agent=amina, now=T0)
        second = svc.create_desk_session(s, agent=amina, now=T0)
        assert svc.check_csrf(first.row, first.csrf_token)
        assert not svc.check_csrf(first.row, second.csrf_token)
        assert not svc.check_csrf(first.row, None) and not svc.check_csrf(first.row, "")


def test_revoking_one_session_leaves_the_others(database: Database) -> None:
    with database.transaction() as s:
        amina = agent(s)
        first = svc.create_desk_session(s, agent=amina, now=T0)
        second = svc.create_desk_session(s, agent=amina, now=T0)
        svc.revoke_desk_session(s, desk_session=first.row, now=T0)
    with database.session() as s:
        assert svc.find_desk_session(s, token=first.token, now=T0) is None
        assert svc.find_desk_session(s, token=second.token, now=T0) is not None
        me = svc.require_agent(s, username="amina")
        assert [r.id for r in svc.list_agent_sessions(s, agent=me, now=T0)] == [second.row.id]


def test_who_is_signed_in_now_per_team(database: Database) -> None:
    with database.transaction() as s:
        amina, omar = agent(s, "amina"), agent(s, "omar")
        roads = agent(s, "rania", team_slug="roads")
        svc.create_desk_session(s, agent=amina, now=T0)
        svc.create_desk_session(s, agent=amina, now=T0)
        svc.create_desk_session(s, agent=omar, now=T0 - timedelta(hours=1))  # idle by now
        svc.create_desk_session(s, agent=roads, now=T0)
    with database.session() as s:
        assert [a.username for a in svc.signed_in_agents(s, team="cleanliness", now=T0)] == [
            "amina"
        ]
        assert len(svc.signed_in_agents(s, now=T0)) == 2
        assert svc.signed_in_agents(s, team="roads", now=T0 + timedelta(hours=1)) == []
