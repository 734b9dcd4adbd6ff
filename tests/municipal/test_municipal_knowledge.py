"""The consultant knowledge base: complete in every language, well formed, phone-sized."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.app.config import load_settings
from bot.municipal.content import validate_municipal_data
from bot.municipal.datafiles import DataError
from bot.municipal.knowledge import load_knowledge, parse_knowledge, validate_knowledge
from locales.render import LOCALES_DIR, Localizer

LANGUAGES = load_settings().languages

PHONE_SCREEN = 600  # characters: an answer longer than this needs scrolling on a phone
BUTTON = 28


@pytest.fixture(scope="module")
def localizer() -> Localizer:
    return Localizer()


def test_every_entry_topic_tip_and_place_has_text_in_every_language():
    assert validate_municipal_data() == []


def test_the_five_consultant_topics_and_the_transactions_are_covered():
    kb = load_knowledge()
    topics = {t.id for t in kb.topics}
    assert {
        "engineering-offices",
        "residential-building",
        "shops",
        "sub-municipalities",
        "investment",
        "transactions",
        "contacts",
    } <= topics
    tx = kb.topic("transactions")
    assert tx is not None
    assert set(tx.entries) == {"tx-licence-printing", "tx-deed-registration", "tx-land-subdivision"}


def test_regulatory_answers_are_marked_as_general_guidance():
    kb = load_knowledge()
    general = {e.id for e in kb.entries.values() if e.guidance == "general"}
    assert {"build-permit", "shop-food", "eng-categories", "tx-land-subdivision"} <= general
    assert kb.entries["contacts-all"].guidance == "fixed"


def test_the_service_phone_numbers_are_the_published_ones():
    kb = load_knowledge()
    assert kb.contacts["consultant"].number == "0539400940"
    assert kb.contacts["mustamirrun"].number == "012 5739555"
    assert kb.contacts["mustamirrun"].extensions == ("1717", "7777")
    assert kb.contacts["hotline"].number == "940"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_answers_fit_a_phone_screen_and_buttons_stay_short(lang: str, localizer: Localizer):
    kb = load_knowledge()
    for entry in kb.entries.values():
        assert len(localizer.render(lang, entry.text_key)) <= PHONE_SCREEN, entry.id
        assert len(localizer.render(lang, entry.label_key)) <= BUTTON, entry.id
    for topic in kb.topics:
        assert len(localizer.render(lang, topic.label_key)) <= BUTTON, topic.id


def test_a_missing_translation_is_reported_at_the_entry_line(tmp_path: Path):
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, locales, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    ftl = locales / "ur" / "knowledge.ftl"
    text = ftl.read_text(encoding="utf-8")
    start = text.index("kb-shop-food =")
    end = text.index("## ", start)
    ftl.write_text(text[:start] + text[end:], encoding="utf-8")

    errors = validate_knowledge(locales_dir=locales)

    assert len(errors) == 1
    path, line, message = errors[0].split(":", 2)
    assert path == "bot/municipal/data/consultant.yaml"
    source = Path(__file__).resolve().parents[2] / path
    assert "id: shop-food" in source.read_text(encoding="utf-8").splitlines()[int(line) - 1]
    assert "'kb-shop-food'" in message and "locales/ur" in message


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "consultant.yaml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD = """\
contacts:
  - {id: consultant, number: "0539400940"}
topics:
  - id: t
    flow: services_kb_engineering
    entries: [a]
entries:
  - id: a
    guidance: general
    follow_ups: [b]
    contact: consultant
  - id: b
    guidance: fixed
    contact: null
"""


def test_a_sound_file_parses(tmp_path: Path):
    kb = parse_knowledge(_write(tmp_path, GOOD))
    assert kb.entry("a") is not None and kb.entry("a").follow_ups == ("b",)


@pytest.mark.parametrize(
    ("change", "line", "fragment"),
    [
        (("follow_ups: [b]", "follow_ups: [zz]"), 8, "unknown follow-up 'zz'"),
        (("guidance: fixed", "guidance: maybe"), 12, "guidance must be one of"),
        (("contact: consultant", "contact: nobody"), 8, "unknown contact 'nobody'"),
        (("entries: [a]", "entries: [a, q]"), 4, "unknown entry 'q'"),
        (("  - id: b\n", "  - id: a\n"), 12, "duplicate id 'a'"),
        (("follow_ups: [b]", "follow_ups: []"), 12, "no topic or follow-up leads here"),
    ],
)
def test_structure_errors_name_file_and_line(tmp_path: Path, change, line: int, fragment: str):
    path = _write(tmp_path, GOOD.replace(*change))
    errors = validate_knowledge(path)
    assert any(e.startswith(f"{path}:{line}:") and fragment in e for e in errors), errors


def test_an_unknown_topic_flow_is_reported(tmp_path: Path):
    path = _write(tmp_path, GOOD.replace("services_kb_engineering", "no_such_flow"))
    errors = validate_knowledge(path)
    assert any(":4:" in e and "no_such_flow" in e for e in errors), errors


def test_broken_yaml_gives_a_line_and_loading_refuses_it(tmp_path: Path):
    path = _write(tmp_path, GOOD + "  - id: [unclosed\n")
    errors = validate_knowledge(path)
    assert len(errors) == 1 and "not valid YAML" in errors[0]
    with pytest.raises(DataError):
        parse_knowledge(path)
