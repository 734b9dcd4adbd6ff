"""Access: every access function refuses another team's object with the very error a missing
one gets; supervisors and admins see every team; a disabled agent sees nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session
from storage_helpers import agent, person, report, team

from storage import service as svc
from storage.db import Database
from storage.errors import NotFound
from storage.models import Agent

PHOTO, CHAT_PHOTO = "telegram/2026/06/01/aaaa.jpg", "telegram/2026/06/01/bbbb.jpg"


@pytest.fixture
def world(database: Database) -> dict[str, object]:
    """A cleanliness case with a photo, a cleanliness chat with a photo, and four staff."""
    with database.transaction() as s:
        case = report(s, person(s), photos=[PHOTO], team="cleanliness")
        team(s, "cleanliness")
        handoff, _ = svc.open_handoff(s, person=person(s), team="cleanliness", reason="asked")
        inbound = svc.record_inbound(
            s,
            person=person(s),
            channel="telegram",
            platform_message_id="5",
            payload={"media": {"ref": CHAT_PHOTO}},
        )
        svc.record_pilgrim_message(s, handoff=handoff, message=inbound)
        for name, role, team_slug in [
            ("mine", "agent", "cleanliness"),
            ("other", "agent", "roads"),
            ("boss", "supervisor", None),
            ("root", "admin", "roads"),
        ]:
            agent(s, name, role=role, team_slug=team_slug)
        gone = agent(s, "gone")
        svc.disable_agent(s, agent=gone)
        return {"ticket": case.ticket_id, "handoff": handoff.id}


ACCESS: dict[str, Callable[[Session, Agent, dict], object]] = {
    "case": lambda s, a, w: svc.access_case(s, agent=a, ticket_id=str(w["ticket"])),
    "handoff": lambda s, a, w: svc.access_handoff(s, agent=a, handoff_id=int(w["handoff"])),
    "case photo": lambda s, a, w: svc.access_photo(s, agent=a, ref=PHOTO),
    "chat photo": lambda s, a, w: svc.access_photo(s, agent=a, ref=CHAT_PHOTO),
}
MISSING: dict[str, Callable[[Session, Agent], object]] = {
    "case": lambda s, a: svc.access_case(s, agent=a, ticket_id="MK-1000009"),
    "handoff": lambda s, a: svc.access_handoff(s, agent=a, handoff_id=4242),
    "case photo": lambda s, a: svc.access_photo(s, agent=a, ref="telegram/none.jpg"),
    "chat photo": lambda s, a: svc.access_photo(s, agent=a, ref="telegram/none.jpg"),
}


@pytest.mark.parametrize("kind", list(ACCESS))
def test_the_own_team_and_supervisors_and_admins_get_the_object(
    database: Database, world: dict, kind: str
) -> None:
    with database.session() as s:
        for username in ("mine", "boss", "root"):
            assert ACCESS[kind](s, svc.require_agent(s, username=username), world) is not None


@pytest.mark.parametrize("kind", list(ACCESS))
@pytest.mark.parametrize("username", ["other", "gone"])
def test_another_team_or_a_disabled_agent_gets_the_same_error_as_for_nothing(
    database: Database, world: dict, kind: str, username: str
) -> None:
    with database.session() as s:
        refused = svc.require_agent(s, username=username)
        with pytest.raises(NotFound) as not_theirs:
            ACCESS[kind](s, refused, world)
        with pytest.raises(NotFound) as not_there:
            MISSING[kind](s, svc.require_agent(s, username="boss"))
    error = type(not_there.value)
    assert type(not_theirs.value) is error
    asked = {"case": world["ticket"], "handoff": world["handoff"]}.get(kind)
    asked = asked or (PHOTO if kind == "case photo" else CHAT_PHOTO)
    assert str(not_theirs.value) == str(error(asked))  # worded exactly as for a missing one


@pytest.mark.parametrize("handoff_id", ["abc", "-1", "0", "١", "99999999999999999999", True])
def test_handoff_ids_from_urls_that_are_not_numbers_are_not_found(
    database: Database, world: dict, handoff_id: object
) -> None:
    with database.session() as s, pytest.raises(NotFound, match="no chat with id"):
        svc.access_handoff(s, agent=svc.require_agent(s, username="boss"), handoff_id=handoff_id)  # type: ignore[arg-type]


def test_a_ticket_typed_loosely_is_found(database: Database, world: dict) -> None:
    typed = " " + str(world["ticket"]).lower().translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    with database.session() as s:
        case = svc.access_case(s, agent=svc.require_agent(s, username="mine"), ticket_id=typed)
        assert case.ticket_id == world["ticket"]


def test_the_queue_shows_an_agent_only_their_team(database: Database, world: dict) -> None:
    with database.session() as s:
        for username, expected in [("mine", 1), ("other", 0), ("boss", 1), ("gone", 0)]:
            me = svc.require_agent(s, username=username)
            page = svc.case_queue(s, agent=me, filter=svc.CaseFilter(teams=("cleanliness",)))
            assert page.total == expected, username
            assert svc.case_queue(s, agent=me).total == expected, username
