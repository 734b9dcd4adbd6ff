"""Signing in: lockout after repeated failures, throttling by username and by address,
unknown usernames treated like known ones, all on an injected clock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from storage_helpers import FAST_HASHER, PASSWORD, T0, agent, count

from storage import service as svc
from storage.db import Database
from storage.models import LoginAttempt
from storage.sign_in import SignInPolicy

POLICY = SignInPolicy(
    max_failures=3,
    lockout=timedelta(minutes=10),
    address_window=timedelta(minutes=10),
    max_failures_per_address=5,
)
IP = "203.0.113.7"


def _try(
    database: Database,
    password: str,
    *,
    at: timedelta,
    username: str = "amina",
    ip: str | None = IP,
) -> svc.SignInResult:
    with database.transaction() as s:
        return svc.sign_in(
            s,
            username=username,
            password=password,
            client_address=ip,
            now=T0 + at,
            policy=POLICY,
            hasher=FAST_HASHER,
        )


@pytest.fixture
def amina(database: Database) -> Database:
    with database.transaction() as s:
        agent(s)
    return database


def test_the_right_password_signs_in_and_is_recorded(amina: Database) -> None:
    result = _try(amina, PASSWORD, at=timedelta(0), username="AMINA")
    assert result.ok and result.agent is not None and result.retry_after == 0
    with amina.session() as s:
        me = svc.require_agent(s, username="amina")
        assert me.last_sign_in_at == T0
        [attempt] = s.query(LoginAttempt).all()
        assert (attempt.username, attempt.client_address, attempt.succeeded, attempt.agent_id) == (
            "amina",
            IP,
            True,
            me.id,
        )


def test_repeated_failures_lock_the_account_for_a_while(amina: Database) -> None:
    outcomes = [_try(amina, "wrong", at=timedelta(minutes=i)).outcome for i in range(3)]
    assert outcomes == ["bad_credentials"] * 3
    locked = _try(amina, PASSWORD, at=timedelta(minutes=3))  # even the right password
    assert (locked.outcome, locked.retry_after) == ("locked", 9 * 60)
    with amina.session() as s:
        assert svc.require_agent(s, username="amina").locked_until == T0 + timedelta(minutes=12)
        assert count(s, LoginAttempt) == 3  # a locked attempt checks and records nothing
    assert _try(amina, PASSWORD, at=timedelta(minutes=12)).ok


def test_an_unknown_username_is_throttled_exactly_like_a_known_one(amina: Database) -> None:
    for name in ("amina", "nobody"):
        results = [
            _try(amina, "wrong", at=timedelta(minutes=i), username=name, ip=None) for i in range(4)
        ]
        assert [r.outcome for r in results] == ["bad_credentials"] * 3 + ["locked"]
        assert results[-1].retry_after == 9 * 60  # locked at the third, for ten minutes


def test_a_success_starts_the_count_again(amina: Database) -> None:
    for i in range(2):
        _try(amina, "wrong", at=timedelta(minutes=i))
    assert _try(amina, PASSWORD, at=timedelta(minutes=2)).ok
    for i in range(3, 5):
        assert _try(amina, "wrong", at=timedelta(minutes=i)).outcome == "bad_credentials"
    assert _try(amina, PASSWORD, at=timedelta(minutes=5)).ok


def test_one_address_trying_many_usernames_is_throttled(amina: Database) -> None:
    for i in range(5):
        _try(amina, "wrong", at=timedelta(seconds=i), username=f"user{i}")
    with amina.session() as s:
        check = svc.check_sign_in_allowed(
            s, username="amina", client_address=IP, now=T0 + timedelta(minutes=1), policy=POLICY
        )
        other = svc.check_sign_in_allowed(
            s,
            username="amina",
            client_address="198.51.100.1",
            now=T0 + timedelta(minutes=1),
            policy=POLICY,
        )
    assert (check.allowed, check.reason, check.retry_after) == (False, "throttled", 9 * 60)
    assert other.allowed


def test_a_disabled_agent_cannot_sign_in_with_the_right_password(amina: Database) -> None:
    with amina.transaction() as s:
        svc.disable_agent(s, agent=svc.require_agent(s, username="amina"))
    assert _try(amina, PASSWORD, at=timedelta(0)).outcome == "disabled"
    assert _try(amina, "wrong", at=timedelta(0)).outcome == "bad_credentials"


def test_old_attempts_can_be_pruned(amina: Database) -> None:
    _try(amina, "wrong", at=timedelta(0))
    _try(amina, "wrong", at=timedelta(days=2))
    with amina.transaction() as s:
        assert svc.prune_login_attempts(s, before=T0 + timedelta(days=1)) == 1
