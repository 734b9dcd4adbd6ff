"""The frozen evaluation set of issue 11 keeps its shape (no NLU server needed).

`nlu/eval/frozen/<lang>.yml` was written once, before any training change, and
is never edited. These tests hold it to what the set promises: enough cases per
language, every intent and report category, every style of the language, labels
only from DESIGN.md's contract, ticket numbers that `dialogs.tickets` reads as
labelled (valid check digit unless `mistyped`), places that are words of the
message, no duplicates, and no case that is also a training example (the
training files are read here, by the test, so the set's author never has to).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import Counter
from typing import Any

import pytest
import yaml

from dialogs.tickets import luhn_check_digit, normalize_digits, parse_ticket
from nlu import project, vocab

FROZEN_DIR = project.EVAL_DIR / "frozen"
FROZEN_ON = datetime.date(2026, 12, 1)
LANGUAGES = ("ar", "en", "id", "ur", "fa")
STYLES: dict[str, set[str]] = {
    "ar": {"msa", "gulf", "egyptian", "levantine", "iraqi", "sudanese", "maghrebi"}
    | {"arabizi", "code_mixed", "long", "typo"},
    "en": {"standard", "pakistani", "indian", "nigerian", "malaysian", "singaporean"}
    | {"long", "typo"},
    "id": {"formal", "informal", "javanese", "malay", "long", "typo"},
    "ur": {"urdu_script", "roman_urdu", "code_mixed", "long", "typo"},
    "fa": {"iran_formal", "iran_colloquial", "dari", "long", "typo"},
}
MIN_STYLE = {("ar", "arabizi"): 15, ("ur", "roman_urdu"): 40}
MIN_CASES = 110
MIN_PER_INTENT = 3
MIN_PER_CATEGORY = 2
KEYS = {"text", "intent", "style", "category", "ticket_id", "mistyped", "place"}
CANONICAL_TICKET = re.compile(r"MK-\d{7}")
# Rasa entity markup in training examples: [words](entity) or [words]{"entity": ...}
MARKUP = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


def load(lang: str) -> dict[str, Any]:
    doc = yaml.safe_load((FROZEN_DIR / f"{lang}.yml").read_text(encoding="utf-8"))
    assert isinstance(doc, dict)
    return doc


def cases(lang: str) -> list[dict[str, Any]]:
    found = load(lang)["cases"]
    assert isinstance(found, list)
    return found


def norm(text: str) -> str:
    """Compare texts as a classifier would see them: no markup, case or spacing."""
    text = unicodedata.normalize("NFKC", MARKUP.sub(r"\1", text))
    return " ".join(normalize_digits(text).casefold().split()).strip(" .!?؟،,")


def training_examples() -> set[str]:
    """Every intent example of the Rasa training data, normalised."""
    out: set[str] = set()
    for path in sorted(project.DATA_DIR.rglob("*.y*ml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in doc.get("nlu") or []:
            if "intent" not in block:
                continue
            examples = block.get("examples") or []
            if isinstance(examples, str):
                lines = [ln.strip() for ln in examples.splitlines()]
                out.update(norm(ln[2:]) for ln in lines if ln.startswith("- "))
            else:
                out.update(norm(str(ex["text"])) for ex in examples)
    return out


def test_one_file_per_language_and_a_readme() -> None:
    names = {p.name for p in FROZEN_DIR.iterdir()}
    assert names == {f"{lang}.yml" for lang in LANGUAGES} | {"README.md"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_header_says_what_the_file_is(lang: str) -> None:
    doc = load(lang)
    assert doc["language"] == lang
    assert doc["frozen"] == FROZEN_ON
    header = (FROZEN_DIR / f"{lang}.yml").read_text(encoding="utf-8").split("\n", 1)[0]
    assert header.startswith("# Frozen evaluation set")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_labels_come_from_the_contract(lang: str) -> None:
    for case in cases(lang):
        assert set(case) <= KEYS and {"text", "intent", "style"} <= set(case), case
        assert isinstance(case["text"], str) and case["text"].strip(), case
        assert case["intent"] in vocab.INTENTS, case
        assert case["style"] in STYLES[lang], case
        if "category" in case:
            assert case["intent"] == "report_issue", case
            assert case["category"] in vocab.CATEGORIES, case
        if "ticket_id" in case:
            assert case["intent"] == "check_status", case
        if "mistyped" in case:
            assert case["mistyped"] is True and "ticket_id" in case, case
        if "place" in case:
            assert isinstance(case["place"], str) and case["place"] in case["text"], case


@pytest.mark.parametrize("lang", LANGUAGES)
def test_enough_cases_of_every_intent_category_and_style(lang: str) -> None:
    found = cases(lang)
    assert len(found) >= MIN_CASES
    intents = Counter(c["intent"] for c in found)
    thin = {i: intents[i] for i in vocab.INTENTS if intents[i] < MIN_PER_INTENT}
    assert not thin, f"intents with fewer than {MIN_PER_INTENT} cases: {thin}"
    categories = Counter(c["category"] for c in found if "category" in c)
    thin = {c: categories[c] for c in vocab.CATEGORIES if categories[c] < MIN_PER_CATEGORY}
    assert not thin, f"categories with fewer than {MIN_PER_CATEGORY} cases: {thin}"
    styles = Counter(c["style"] for c in found)
    assert set(styles) == STYLES[lang]
    for (style_lang, style), least in MIN_STYLE.items():
        if style_lang == lang:
            assert styles[style] >= least, f"{style}: {styles[style]} < {least}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ticket_labels_are_what_the_ticket_reader_finds(lang: str) -> None:
    for case in cases(lang):
        parsed = parse_ticket(case["text"])
        label = case.get("ticket_id")
        if label is None:
            assert parsed.status == "absent", case
            continue
        assert CANONICAL_TICKET.fullmatch(label), case
        valid = luhn_check_digit(label[3:9]) == label[9]
        assert valid != bool(case.get("mistyped")), case
        assert parsed.digits is not None and f"MK-{parsed.digits}" == label, case
        assert parsed.status == ("mistyped" if case.get("mistyped") else "ok"), case


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_tickets_and_mistyped_tickets(lang: str) -> None:
    tickets = [c for c in cases(lang) if "ticket_id" in c]
    assert len([c for c in tickets if not c.get("mistyped")]) >= 5
    assert any(c.get("mistyped") for c in tickets)


def test_tickets_come_in_every_digit_form() -> None:
    texts = [c["text"] for lang in LANGUAGES for c in cases(lang) if "ticket_id" in c]
    assert any(re.search(r"[0-9]{3}", t) for t in texts)
    assert any(re.search(r"[٠-٩]{3}", t) for t in texts)
    assert any(re.search(r"[۰-۹]{3}", t) for t in texts)


def test_no_text_appears_twice() -> None:
    seen = Counter(norm(c["text"]) for lang in LANGUAGES for c in cases(lang))
    assert not [text for text, n in seen.items() if n > 1]


def test_no_case_is_a_training_example() -> None:
    training = training_examples()
    assert training, f"no training examples found under {project.DATA_DIR}"
    leaked = [c["text"] for lang in LANGUAGES for c in cases(lang) if norm(c["text"]) in training]
    assert not leaked


def test_readme_states_the_freeze_rule() -> None:
    text = (FROZEN_DIR / "README.md").read_text(encoding="utf-8")
    assert "frozen" in text.lower() and "never" in text.lower()
    for styles in STYLES.values():
        for style in styles:
            assert f"`{style}`" in text, style
