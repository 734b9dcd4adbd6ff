"""Named places resolved by the bot: the NLU's keys and typed answers to "where?"
(gates, camps, maktabs, hotels), and the team a typed place routes to."""

from __future__ import annotations

import pytest
from shared_content import repo_content

from bot.core.content import Content
from bot.municipal.boundaries import load_boundaries
from bot.municipal.effects import team_named
from bot.municipal.places import Gazetteer
from bot.municipal.service_points import load_points


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(load_boundaries(), load_points())


@pytest.fixture(scope="module")
def content() -> Content:
    return repo_content().current()


@pytest.mark.parametrize(
    ("key", "place_id", "sub"),
    [
        ("gate-79", "gate-king-fahd", "ajyad"),  # the data knows gate 79's name
        ("gate-3", "haram", "ajyad"),  # an unknown gate number: the Grand Mosque
        ("mina-camp-56", "mina", "mashaer"),
        ("arafat-maktab-22", "arafat", "mashaer"),
        ("maktab-22", "mina", "mashaer"),  # no site named: Mina, where the camps are
        ("clock-tower", "clock-tower", "ajyad"),
        ("aziziyah", "aziziyah", "aziziyah"),
        ("sharai", "sharai", "sharai"),
        ("itlala-masjid-al-jinn", "itlala-masjid-al-jinn", "maabda"),
    ],
)
def test_an_nlu_key_resolves_to_a_place_and_its_sub_municipality(
    gazetteer: Gazetteer, key: str, place_id: str, sub: str
) -> None:
    place = gazetteer.resolve_key(key)
    assert place is not None
    assert (place.id, place.sub_municipality) == (place_id, sub)


def test_an_unknown_key_resolves_to_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve_key("nowhere") is None
    assert gazetteer.resolve_key("jeddah-camp-5") is None


@pytest.mark.parametrize(
    ("typed", "place_id"),
    [("gate 79", "gate-king-fahd"), ("باب ٧٩", "gate-king-fahd"), ("مخيم ٥٦ منى", "mina")],
)
def test_a_typed_numbered_place_answers_where(
    gazetteer: Gazetteer, typed: str, place_id: str
) -> None:
    place = gazetteer.resolve(typed)
    assert place is not None and place.id == place_id


@pytest.mark.parametrize(
    ("location", "team"),
    [
        ({"text": "gate 79", "place": "gate-79"}, "ajyad"),
        ({"text": "مکتب ۲۲", "place": "maktab-22"}, "mashaer"),
        ({"text": "near our hotel in Aziziyah"}, "aziziyah"),  # no key: the words typed
        ({"text": "somewhere far away"}, None),
    ],
)
def test_a_typed_place_routes_to_its_sub_municipality_team(
    content: Content, location: dict[str, str], team: str | None
) -> None:
    assert team_named(content, location) == team
