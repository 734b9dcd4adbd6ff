"""Every message exists in every language, and every file is valid Fluent."""

from __future__ import annotations

import pytest
from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser, ast

from locales.render import LOCALES_DIR, languages, message_ids, parse_file

LANGS = ("ar", "en", "fa", "id", "ur")
DESK_LANGS = ("ar", "en")  # the agent desk's own words (desk.ftl) are for staff only
STAFF_FILES = ("desk.ftl",)


def pilgrim_ids(lang: str) -> set[str]:
    """The ids of a language's pilgrim-facing files (every file but the staff ones)."""
    ids: set[str] = set()
    for path in sorted((LOCALES_DIR / lang).glob("*.ftl")):
        if path.name not in STAFF_FILES:
            ids.update(e.id.name for e in parse_file(path).body if isinstance(e, ast.Message))
    return ids


def test_the_five_launch_languages_are_there() -> None:
    assert tuple(languages(LOCALES_DIR)) == LANGS


@pytest.mark.parametrize("lang", LANGS)
def test_no_message_is_missing_or_extra(lang: str) -> None:
    """Each language has exactly the pilgrim ids of every other (all files but the desk's)."""
    every = {other: pilgrim_ids(other) for other in LANGS}
    union = set().union(*every.values())
    assert sorted(union - every[lang]) == [], f"missing in locales/{lang}"


def test_the_desk_speaks_arabic_and_english_only_and_both_fully() -> None:
    for name in STAFF_FILES:
        ids = {
            lang: {
                e.id.name
                for e in parse_file(LOCALES_DIR / lang / name).body
                if isinstance(e, ast.Message)
            }
            for lang in DESK_LANGS
        }
        assert ids["ar"] == ids["en"], sorted(ids["ar"] ^ ids["en"])
        assert all(key.startswith("desk-") for key in ids["en"])
        others = [lang for lang in LANGS if (LOCALES_DIR / lang / name).exists()]
        assert others == list(DESK_LANGS)


@pytest.mark.parametrize(
    "path", sorted(LOCALES_DIR.glob("*/*.ftl")), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_every_file_parses_without_junk(path) -> None:  # type: ignore[no-untyped-def]
    resource = FluentParser().parse(path.read_text(encoding="utf-8"))
    junk = [e for e in resource.body if isinstance(e, ast.Junk)]
    assert not junk, f"{path}: {junk[0].annotations[0].message if junk else ''}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_renders_without_errors(lang: str) -> None:
    """Formatting every message (with sample arguments) raises no Fluent error."""
    bundle = FluentBundle([lang])
    for path in sorted((LOCALES_DIR / lang).glob("*.ftl")):
        bundle.add_resource(parse_file(path))
    sample = {
        "count": 3,
        "ticket_id": "MK-1234566",
        "status": "new",
        "hotline": "940",
        "category": "waste",
        "message": "m",
        "referral": "r",
    }
    for key in sorted(message_ids(LOCALES_DIR / lang)):
        message = bundle.get_message(key)
        if message.value is None:
            continue
        text, errors = bundle.format_pattern(message.value, sample)
        unresolved = [e for e in errors if "Unknown message" in str(e) or "Unknown term" in str(e)]
        assert not unresolved, f"{lang} {key}: {unresolved}"
        assert text.strip(), f"{lang} {key} renders empty"
