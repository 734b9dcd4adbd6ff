"""The category classifier (nlu/category.py): pure unit tests, the client's use of it on
Rasa-shaped answers, and reports in words the vocabulary lacks through the real server."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from bot.core.nlu_contract import NORMALISERS
from nlu import category, vocab
from nlu.category import CategoryClassifier, sentence_category, training_examples, words
from nlu.client import NluClient, to_result

# Reports whose words are not in categories.yml (checked below), in three languages.
UNLISTED = [
    (
        "report: the poles along our road are dark at night and we cannot see anything",
        "street_lighting",
    ),
    ("عندي شكوى، اكلنا دجاج من المحل اللي جنب الفندق وكلنا تعبنا", "food_safety"),
    ("saya mau lapor, perut saya sakit setelah makan ayam dari toko dekat hotel", "food_safety"),
    ("saya mau lapor, tiang di jalan kami tidak menyala sepanjang malam", "street_lighting"),
]

TINY = [
    ("waste", "garbage piled up near the hotel"),
    ("waste", "nobody took the trash bags away"),
    ("street_lighting", "the lamps are dark on our street"),
    ("street_lighting", "no light at night near the gate"),
]


def _vocabulary_words(text: str) -> list[str]:
    joined = f" {' '.join(words(text))} "
    return [form for form in vocab.synonyms() if f" {form} " in joined]


def test_a_sentence_takes_the_value_its_annotated_words_map_to() -> None:
    table = vocab.synonyms()
    assert sentence_category("the [garbage](category) is everywhere", table) == "waste"
    assert sentence_category("[القمامة](category) ما انشالت", table) == "waste"
    # a bare water word yields to the specific category, as in the client
    line = "no [water](category) in the [toilets](category)"
    assert sentence_category(line, table) == "public_toilets"
    # two specific categories: not a training example of either
    line = "[garbage](category) and [stray dogs](category) near the camp"
    assert sentence_category(line, table) is None
    assert sentence_category("near [gate 79](place)", table) is None


def test_training_examples_are_report_sentences_and_vocabulary_without_markup() -> None:
    examples = training_examples()
    # every category, and reports that name none ("I want to make a complaint")
    assert {c for c, _ in examples} == {*vocab.CATEGORIES, category.NONE}
    assert not any("](" in t or "[" in t for _, t in examples)
    assert ("waste", "garbage") in examples
    assert len(examples) > 1000


def test_an_unannotated_report_takes_its_vocabulary_words_or_none() -> None:
    table = vocab.synonyms()
    assert category.mask("the garbage near gate 5", table) == "the near gate"
    assert category.vocabulary_forms("i want to file a complaint", table) == []


def test_a_tiny_classifier_is_deterministic_and_its_posteriors_sum_to_one() -> None:
    model = CategoryClassifier(TINY)
    post = model.posteriors("the lamps are dark")
    assert post == CategoryClassifier(TINY).posteriors("the lamps are dark")
    assert sum(post.values()) == pytest.approx(1.0)
    guess = model.classify("dark lamps at night")
    assert guess is not None and guess.category == "street_lighting"
    assert guess.confidence > 0.5
    assert model.classify("trash everywhere").category == "waste"  # type: ignore[union-attr]
    assert model.order(["waste", "street_lighting"], "no light on the street") == [
        "street_lighting",
        "waste",
    ]


def test_text_with_nothing_the_classifier_has_seen_gets_no_guess() -> None:
    model = CategoryClassifier(TINY)
    assert model.classify("👍 123") is None
    assert model.classify("") is None


@pytest.mark.parametrize(("text", "expected"), UNLISTED)
def test_the_project_classifier_knows_reports_the_vocabulary_lacks(
    text: str, expected: str
) -> None:
    assert _vocabulary_words(text) == []
    guess = category.default_classifier().classify(text)
    assert guess is not None and guess.category == expected
    assert guess.confidence >= category.CONFIDENT


def _payload(intent: str, entities: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    return {
        "intent": {"name": intent, "confidence": 0.9},
        "entities": list(entities),
        "intent_ranking": [{"name": intent, "confidence": 0.9}],
    }


def _span(text: str, word: str) -> dict[str, Any]:
    start = text.index(word)
    return {"entity": "category", "value": word, "start": start, "end": start + len(word)}


def test_a_report_without_category_words_gets_the_classifier_category_without_raw() -> None:
    text = UNLISTED[1][0]
    result = to_result(_payload("report_issue"), text)
    assert result.entity("category") == "food_safety"
    (found,) = [e for e in result.entities if e.name == "category"]
    assert found.raw is None


def test_only_reports_get_an_inferred_category() -> None:
    assert to_result(_payload("ask_contact"), UNLISTED[1][0]).entity("category") is None
    # a report that names no category stays without one: the bot asks
    for text in ("i want to file a complaint", "عندي شكوى", "saya mau lapor"):
        assert to_result(_payload("report_issue"), text).entity("category") is None


def test_several_categories_come_best_first_by_the_classifier() -> None:
    text = "the garbage bins smell and a stray dog keeps tearing the bags open"
    items = [_span(text, "garbage bins"), _span(text, "stray dog")]
    result = to_result(_payload("report_issue", items), text)
    values = [e.value for e in result.entities if e.name == "category"]
    assert sorted(values) == ["animals_pests", "waste"]
    assert values[0] == category.default_classifier().order(values, text)[0]
    assert all(e.raw for e in result.entities)
    # the same two words the other way round: the classifier, not the text order, decides
    text = "a stray dog keeps tearing open the garbage bins, garbage all over the street"
    items = [_span(text, "stray dog"), _span(text, "garbage bins")]
    result = to_result(_payload("report_issue", items), text)
    assert result.entity("category") == "waste"


def test_a_bare_water_word_still_yields_to_the_specific_category() -> None:
    text = "there is no water in the toilets"
    items = [_span(text, "water"), _span(text, "toilets")]
    result = to_result(_payload("report_issue", items), text)
    assert [e.value for e in result.entities if e.name == "category"] == ["public_toilets"]


@pytest.mark.nlu
@pytest.mark.parametrize(("text", "expected"), UNLISTED)
async def test_real_model_gives_reports_in_unlisted_words_their_category(
    nlu_url: str, text: str, expected: str
) -> None:
    async with NluClient(url=nlu_url, timeout=30.0, normalisers=NORMALISERS) as client:
        result = await client.parse(text)
    assert result is not None
    assert result.intent == "report_issue"
    assert result.entity("category") == expected
    (found,) = [e for e in result.entities if e.name == "category"]
    assert found.raw is None
