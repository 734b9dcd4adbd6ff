"""The audit trail (append, filter, page; no personal data) and Open311 API clients
(key shown once, only a hash kept, scopes, revocation, last use)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from storage_helpers import T0, agent

from storage import service as svc
from storage.api_clients import LAST_USED_INTERVAL
from storage.db import Database
from storage.errors import AlreadyExists, InvalidValue
from storage.models import ApiClient


def test_audit_rows_are_filtered_and_paged_newest_first(database: Database) -> None:
    with database.transaction() as s:
        amina = agent(s)
        for i in range(5):
            svc.record_audit(
                s,
                agent=amina,
                action="case.status",
                object_type="case",
                object_id=f"MK-100000{i}",
                detail={"to": "resolved"},
                client_address="203.0.113.7",
                now=T0 + timedelta(minutes=i),
            )
        svc.record_audit(s, actor="system", action="sign_in.failed", now=T0)
        svc.record_audit(
            s, actor="open311:2", action="open311.request", object_type="case", object_id=7, now=T0
        )
        amina_id = amina.id
    with database.session() as s:
        page = svc.list_audit(s, filter=svc.AuditFilter(agent_id=amina_id), per_page=2, page=2)
        assert page.total == 5
        assert [r.object_id for r in page.rows] == ["MK-1000002", "MK-1000001"]
        assert page.rows[0].actor == f"agent:{amina_id}"
        cases = svc.list_audit(s, filter=svc.AuditFilter(action="case.")).total
        since = svc.list_audit(s, filter=svc.AuditFilter(since=T0 + timedelta(minutes=3))).total
        by_object = svc.list_audit(s, filter=svc.AuditFilter(object_type="case", object_id="7"))
        assert (cases, since, by_object.rows[0].actor) == (5, 2, "open311:2")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"detail": {"phone": "+966500000001"}}, "no personal data"),
        ({"detail": {"text": "my name is ..."}}, "no personal data"),
        ({"detail": {"note": "x" * 101}}, "ids and codes, not text"),
        ({"detail": {"when": T0}}, "not JSON"),
        ({"action": "Case Status"}, "audit action"),
        ({"actor": "root"}, "audit actor 'root'"),
    ],
)
def test_the_audit_log_refuses_personal_data_and_bad_codes(
    sqlite_database: Database, fields: dict, message: str
) -> None:
    values = {"action": "case.status", "actor": "system"} | fields
    with sqlite_database.transaction() as s, pytest.raises(InvalidValue, match=message):
        svc.record_audit(s, **values)


def test_an_api_key_is_shown_once_and_only_its_hash_is_kept(database: Database) -> None:
    with database.transaction() as s:
        new = svc.create_api_client(s, name="city-dashboard", scopes=["read_private"], now=T0)
        with pytest.raises(AlreadyExists, match="city-dashboard"):
            svc.create_api_client(s, name="city-dashboard")
    prefix, secret = new.key.split(".")
    with database.transaction() as s:
        [row] = s.query(ApiClient).all()
        assert (
            row.key_prefix == prefix
            and secret not in row.key_hash
            and row.scopes == ["read_private"]
        )
        client = svc.verify_api_key(s, key=new.key, now=T0)
        assert client is not None and client.last_used_at == T0
        assert svc.has_scope(client, "read_private") and not svc.has_scope(
            client, "notify_whatsapp"
        )
        last = "B" if new.key.endswith("A") else "A"  # the key's last character, changed
        for wrong in (new.key[:-1] + last, f"{'0' * 12}.{secret}", "", None, "x" * 500):
            assert svc.verify_api_key(s, key=wrong, now=T0) is None


def test_last_use_is_written_at_most_once_a_minute(database: Database) -> None:
    with database.transaction() as s:
        key = svc.create_api_client(s, name="partner").key
        svc.verify_api_key(s, key=key, now=T0)
        client = svc.verify_api_key(s, key=key, now=T0 + LAST_USED_INTERVAL / 2)
        assert client is not None and client.last_used_at == T0
        assert svc.verify_api_key(s, key=key, now=T0 + LAST_USED_INTERVAL).last_used_at > T0


def test_a_revoked_key_stops_working_and_scopes_are_checked(database: Database) -> None:
    with database.transaction() as s:
        new = svc.create_api_client(s, name="partner", scopes=["notify_telegram"])
        with pytest.raises(InvalidValue, match="unknown API scope 'admin'"):
            svc.set_api_scopes(s, client=new.client, scopes=["admin"])
        svc.set_api_scopes(s, client=new.client, scopes=["notify_whatsapp", "notify_telegram"])
        assert new.client.scopes == ["notify_telegram", "notify_whatsapp"]
        svc.revoke_api_client(s, client=new.client, now=T0)
        assert svc.verify_api_key(s, key=new.key) is None
        assert svc.list_api_clients(s) == []
        assert svc.require_api_client(s, name="partner").revoked_at == T0
