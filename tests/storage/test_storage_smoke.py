from storage import service as svc
from storage.db import Database


def test_roundtrip(database: Database) -> None:
    with database.transaction() as s:
        p = svc.get_or_create_person(s, channel="telegram", user_id="42", language="ar")
        m = svc.record_inbound(
            s, person=p, channel="telegram", platform_message_id="1", payload={"text": "hi"}
        )
        assert m is not None
        assert (
            svc.record_inbound(s, person=p, channel="telegram", platform_message_id="1", payload={})
            is None
        )
        c = svc.lock_conversation(s, person=p)
        svc.save_conversation(s, conversation=c, state={"a": 1})
        case = svc.create_case(
            s,
            reporter=p,
            kind="report",
            category="waste",
            description="x",
            channel="telegram",
            language="ar",
        )
        svc.change_case_status(s, case=case, status="in_progress", actor="agent:1")
        items = svc.claim_outbox(
            s, now=svc.sla_due_at(kind="report", priority="normal", created_at=case.created_at)
        )
        assert len(items) == 1
