"""Which sub-municipality: points, and names typed in five languages and Roman spellings."""

from __future__ import annotations

import pytest

from bot.municipal.boundaries import (
    load_boundaries,
    parse_boundaries,
    point_in_polygon,
    team_for_location,
)
from bot.municipal.datafiles import DataError


@pytest.mark.parametrize(
    ("lat", "lon", "team"),
    [
        (21.4225, 39.8262, "ajyad"),  # the Kaaba
        (21.4225, 39.8727, "mashaer"),  # Jamarat
        (21.4130, 39.8930, "mashaer"),  # Mina
        (21.3550, 39.9840, "mashaer"),  # Arafat
        (21.4350, 39.8450, "maabda"),
        (21.4100, 39.8600, "aziziyah"),
        (21.4655, 39.7861, "umrah"),  # Masjid Aisha, al-Taneem
        (21.4900, 39.9200, "sharai"),
        (21.3500, 39.8700, "awali"),
        (21.3650, 39.7950, "shoqiyah"),
    ],
)
def test_points_route_to_their_sub_municipality(lat: float, lon: float, team: str):
    assert team_for_location(lat, lon) == team


@pytest.mark.parametrize(("lat", "lon"), [(21.9, 39.8), (24.47, 39.61), (0.0, 0.0)])
def test_points_outside_makkah_have_no_team(lat: float, lon: float):
    assert team_for_location(lat, lon) is None


def test_every_grid_point_over_the_city_falls_in_exactly_one_sub_municipality():
    b = load_boundaries()
    for i in range(1, 28):
        for j in range(1, 35):
            lat, lon = 21.30 + i * 0.01 - 0.0049, 39.70 + j * 0.01 - 0.0051
            inside = [s.id for s in b.sub_municipalities if s.contains(lat, lon)]
            assert len(inside) == 1, (lat, lon, inside)


@pytest.mark.parametrize(
    ("typed", "sub", "nbhd"),
    [
        ("المسفلة", "ajyad", "misfalah"),
        ("مسفلہ", "ajyad", "misfalah"),  # Urdu letters
        ("مسفله", "ajyad", "misfalah"),  # Persian letters
        ("Misfalah", "ajyad", "misfalah"),
        ("misfala", "ajyad", "misfalah"),  # Roman spelling
        ("العزيزيه", "aziziyah", "aziziyah"),  # ة written as ه
        ("عزیزیہ", "aziziyah", "aziziyah"),
        ("Al Aziziyah", "aziziyah", "aziziyah"),
        ("azeezia", "aziziyah", "aziziyah"),
        ("Syisyah", "awali", "shisha"),  # Indonesian
        ("منیٰ", "mashaer", "mina"),
        ("Padang Arafah", "mashaer", "arafat"),
        ("muzdalfa", "mashaer", "muzdalifah"),
        ("I am in al-Misfalah near my hotel", "ajyad", "misfalah"),
        ("أنا ساكن في حي الششة", "awali", "shisha"),
        ("الشرائع", "sharai", "sharai"),
        ("مخيم ٥٣ في منى", "mashaer", "mina"),  # a Mina camp number in Arabic-Indic digits
        ("main Aziziya mein hoon", "aziziyah", "aziziyah"),  # Roman Urdu
        ("man dar Azizieh hastam", "aziziyah", "aziziyah"),  # Roman Persian, fuzzy
    ],
)
def test_names_in_any_language_find_their_sub_municipality(typed: str, sub: str, nbhd: str):
    match = load_boundaries().find_name(typed)
    assert match is not None
    assert (match.sub_municipality, match.neighbourhood) == (sub, nbhd)


def test_a_near_miss_is_matched_but_flagged_as_not_exact():
    match = load_boundaries().find_name("Aziziyya")
    assert match is not None and match.sub_municipality == "aziziyah"


@pytest.mark.parametrize("typed", ["", "   ", "hello", "London", "١٢٣"])
def test_unknown_names_find_nothing(typed: str):
    assert load_boundaries().find_name(typed) is None


def test_point_in_polygon_square():
    square = ((0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0))
    assert point_in_polygon(0.5, 0.5, square)
    assert not point_in_polygon(1.5, 0.5, square)
    assert not point_in_polygon(0.5, -0.1, square)


def test_a_neighbourhood_of_an_unknown_sub_municipality_is_refused():
    data = {
        "sub_municipalities": [{"id": "a", "areas": [[[0, 0], [0, 1], [1, 1]]]}],
        "neighbourhoods": [{"id": "n", "sub_municipality": "b", "names": {"en": ["N"]}}],
    }
    with pytest.raises(DataError, match="unknown 'b'"):
        parse_boundaries(data)
