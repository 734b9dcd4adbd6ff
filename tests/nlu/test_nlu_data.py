"""The training and evaluation data keep their promises (no server needed).

Every contract intent exists in every language file; every annotated category
word maps to a category value; the generated synonyms file is current; and no
held-out evaluation sentence appears in the training data.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from nlu import project, vocab
from nlu.evaluate import load_cases

CONTRACT_INTENTS = vocab.INTENTS
LANGUAGE_FILES = sorted((project.DATA_DIR / "nlu").glob("*.yml"))
MARKUP = re.compile(r"\[([^\]]+)\]\((\w+)\)")


def examples(path: Path) -> dict[str, list[str]]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, list[str]] = {}
    for block in doc["nlu"]:
        if "intent" in block:
            lines = block["examples"].splitlines()
            out[block["intent"]] = [ln.strip()[2:] for ln in lines if ln.strip().startswith("- ")]
    return out


def test_the_five_languages_and_roman_urdu_have_files() -> None:
    # More files per language are welcome: `<lang>_<anything>.yml` is language <lang>.
    assert {p.stem for p in LANGUAGE_FILES} >= {"ar", "en", "id", "ur", "ur_roman", "fa"}
    assert {p.stem.split("_")[0] for p in LANGUAGE_FILES} == {"ar", "en", "id", "ur", "fa"}


@pytest.mark.parametrize("path", LANGUAGE_FILES, ids=lambda p: p.stem)
def test_every_contract_intent_has_examples_in_every_language(path: Path) -> None:
    found = examples(path)
    assert set(found) == set(CONTRACT_INTENTS)
    thin = {intent: len(ex) for intent, ex in found.items() if len(ex) < 8}
    assert not thin, f"fewer than 8 examples: {thin}"


@pytest.mark.parametrize("path", LANGUAGE_FILES, ids=lambda p: p.stem)
def test_annotated_categories_map_to_category_values(path: Path) -> None:
    table = vocab.synonyms()
    for raw, entity in MARKUP.findall(path.read_text(encoding="utf-8")):
        if entity == "category":
            assert table.get(raw.lower()) in vocab.CATEGORIES, f"{raw!r} maps to no category"


def test_every_category_has_words_in_every_language() -> None:
    source = vocab.load_source()
    for value in vocab.CATEGORIES:
        assert set(source[value]) == {"en", "ar", "id", "ur", "ur_roman", "fa"}, value


def test_generated_synonyms_file_is_current() -> None:
    assert vocab.GENERATED.read_text(encoding="utf-8") == vocab.render()


def test_arabic_words_are_also_known_with_attached_prefixes() -> None:
    table = vocab.synonyms()
    assert table["والقمامة"] == table["بالقمامة"] == table["قمامة"] == "waste"


def test_no_evaluation_sentence_is_in_the_training_data() -> None:
    def norm(s: str) -> str:
        return " ".join(MARKUP.sub(r"\1", s).lower().split())

    training = {norm(t) for path in LANGUAGE_FILES for ex in examples(path).values() for t in ex}
    leaked = [c.text for c in load_cases() if norm(c.text) in training]
    assert not leaked


def test_evaluation_set_covers_every_intent_in_every_language() -> None:
    cases = load_cases()
    for variant in ("ar", "en", "id", "ur_script", "ur_roman", "fa"):
        intents = {c.intent for c in cases if c.variant == variant}
        assert intents == set(CONTRACT_INTENTS), variant
    forms = {c.digit_form for c in cases if c.ticket_id}
    assert forms == {"ascii", "arabic_indic", "persian"}
