"""The `place` entity: its vocabulary is current, spans read as the frozen set defines
`place`, and the real model finds places in five languages with a key the bot resolves."""

from __future__ import annotations

import re

import pytest

from bot.core.nlu_contract import NORMALISERS
from bot.municipal import place_vocab
from bot.municipal.boundaries import load_boundaries
from bot.municipal.places import Gazetteer
from bot.municipal.service_points import load_points
from nlu import places
from nlu.client import NluClient


def test_place_names_are_generated_from_the_bots_data() -> None:
    assert places.NAMES.read_text(encoding="utf-8") == place_vocab.render()


def test_generated_rasa_place_data_is_current() -> None:
    assert places.GENERATED.read_text(encoding="utf-8") == places.render()


def test_everyday_words_are_not_in_the_lookup_but_the_haram_is() -> None:
    forms = {f.casefold() for f in places.lookup_forms()}
    assert "umrah" not in forms and "حرام" not in forms and "rami" not in forms
    assert {"haram", "الحرم", "بالحرم", "masjidil haram"} <= forms
    # a water pipe and people's names are left out, the districts' own spellings kept
    assert "shisha" not in forms and "muna" not in forms and "anjum" not in forms
    assert {"al-shisha", "الششة", "النسيم", "anjum hotel"} <= forms


def _find(text: str) -> list[tuple[str, str]]:
    """What the client makes of the spans Rasa's extractor would find (same patterns)."""
    forms = places.lookup_forms()
    lookup = re.compile("(\\b" + "\\b|\\b".join(re.escape(e) for e in forms) + "\\b)", re.I)
    patterns = [lookup, *(re.compile(p, re.I) for p in places.numbered_patterns())]
    spans = [places.read(text, m.start(), m.end()) for p in patterns for m in p.finditer(text)]
    return [(p.text, p.key) for p in places.merge(text, [s for s in spans if s])]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the toilets near gate 79 are dirty", [("gate 79", "gate-79")]),
        ("الحمامات عند باب ٧٩ وسخة", [("باب ٧٩", "gate-79")]),
        ("درب ۷۹ کثیفه", [("درب ۷۹", "gate-79")]),
        ("no water in Mina camp 56", [("Mina camp 56", "mina-camp-56")]),
        ("ما فيه موية في مخيم ٥٦ منى", [("مخيم ٥٦ منى", "mina-camp-56")]),
        ("مکتب ۲۲ میں پانی نہیں", [("مکتب ۲۲", "maktab-22")]),
        ("maktab 22 tents leaking", [("maktab 22", "maktab-22")]),
        ("near King Fahd gate 79", [("King Fahd gate 79", "gate-king-fahd")]),
        ("زبالة بالعزيزية", [("العزيزية", "aziziyah")]),  # the bare form is in the text
        ("كلاب في حي العزيزية", [("حي العزيزية", "aziziyah")]),  # the district word belongs
        ("garbage in Aziziyah district", [("Aziziyah district", "aziziyah")]),
        ("lots of trash near the Haram", [("Haram", "haram")]),  # without the article
        ("kachra jamarat ke paas", [("jamarat", "jamarat")]),
        ("منیٰ میں خیمے", [("منیٰ", "mina")]),  # the superscript alef is part of the name
        ("hotel next to the Clock Tower", [("Clock Tower", "clock-tower")]),
        ("منی ایکسچینج کہاں ہے", []),  # "money exchange", not Mina
        ("I came for Umrah with my family", []),
    ],
)
def test_spans_read_as_the_place_label_defines_them(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert _find(text) == found


def test_numbers_in_every_digit_form_give_one_key() -> None:
    keys = {places.numbered_key(t) for t in ("gate 79", "باب ٧٩", "درب ۷۹", "gate no 79")}
    assert keys == {"gate-79"}
    assert places.numbered_key("مخيم 56 منى") == places.numbered_key("Mina camp ٥٦")


def test_every_key_resolves_to_a_place_the_bot_knows() -> None:
    gazetteer = Gazetteer(load_boundaries(), load_points())
    for key in places.vocabulary().kinds:
        assert gazetteer.resolve_key(key) is not None, key
    for key in ("gate-79", "gate-3", "mina-camp-56", "arafat-maktab-22", "maktab-22"):
        assert gazetteer.resolve_key(key) is not None, key


# ---- through the real model

CASES = [
    ("en", "the toilets near gate 79 are filthy", "gate 79", "gate-79"),
    ("en", "there is garbage piling up near my hotel in aziziyah", "aziziyah", "aziziyah"),
    ("ar", "ما فيه موية في حمامات مخيم ٥٦ منى", "مخيم ٥٦ منى", "mina-camp-56"),
    ("ar", "فيه زبالة بالعزيزية من يومين", "العزيزية", "aziziyah"),
    ("ur", "مکتب ۲۲ کے پاس کچرا پڑا ہے", "مکتب ۲۲", "maktab-22"),
    ("ur", "clock tower ke peeche light band hai", "clock tower", "clock-tower"),
    ("fa", "کنار باب ملک فهد زباله ریخته", "باب ملک فهد", "gate-king-fahd"),
    ("id", "ada sampah di dekat maktab 22 Mina", "maktab 22 Mina", "mina-maktab-22"),
]


@pytest.mark.nlu
@pytest.mark.parametrize(("lang", "text", "written", "key"), CASES)
async def test_the_model_finds_the_place_as_written_with_its_key(
    nlu_url: str, lang: str, text: str, written: str, key: str
) -> None:
    async with NluClient(url=nlu_url, timeout=30.0, normalisers=NORMALISERS) as client:
        result = await client.parse(text)
    assert result is not None
    found = [(e.value, e.key) for e in result.entities if e.name == "place"]
    assert found == [(written, key)]
    assert written in text


def test_a_camp_number_takes_the_site_named_elsewhere_in_the_message() -> None:
    text = "the toilets of camp 32 in Arafat are blocked"
    assert _find(text) == [("camp 32", "camp-32"), ("Arafat", "arafat")]
    camp, site = (text.index(w) for w in ("camp 32", "Arafat"))
    found = places.with_sites(
        [
            places.Place("camp 32", camp, camp + 7, "camp-32"),
            places.Place("Arafat", site, site + 6, "arafat"),
        ]
    )
    assert [p.key for p in found] == ["arafat-camp-32", "arafat"]
