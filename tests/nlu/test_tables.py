"""nlu/tables.py: trained tables kept on disk under the hash of their inputs."""

from __future__ import annotations

from pathlib import Path

from nlu import category, tables
from nlu.language import LanguageDetector


def _counting(result: dict[str, object]) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> dict[str, object]:
        calls.append(1)
        return result

    return calls, build


def test_a_second_call_with_the_same_sources_reads_the_file(tmp_path: Path) -> None:
    data = tmp_path / "data.yml"
    data.write_text("a: 1\n", encoding="utf-8")
    calls, build = _counting({"x": [1.5, "ي"]})
    first = tables.cached("t", [data, "option 1"], build, tmp_path / "cache")
    again = tables.cached("t", [data, "option 1"], build, tmp_path / "cache")
    assert first == again == {"x": [1.5, "ي"]}
    assert len(calls) == 1
    assert len(list((tmp_path / "cache").glob("t-*.json"))) == 1


def test_a_changed_file_or_option_trains_again_and_replaces_the_old_file(tmp_path: Path) -> None:
    data = tmp_path / "data.yml"
    data.write_text("a: 1\n", encoding="utf-8")
    cache = tmp_path / "cache"
    calls, build = _counting({"x": 1})
    tables.cached("t", [data, "option 1"], build, cache)
    data.write_text("a: 2\n", encoding="utf-8")
    tables.cached("t", [data, "option 1"], build, cache)
    tables.cached("t", [data, "option 2"], build, cache)
    assert len(calls) == 3
    assert len(list(cache.glob("t-*.json"))) == 1


def test_a_broken_cache_file_means_training_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    calls, build = _counting({"x": 1})
    tables.cached("t", ["s"], build, cache)
    (path,) = cache.glob("t-*.json")
    path.write_text('{"x": ', encoding="utf-8")  # cut short
    assert tables.cached("t", ["s"], build, cache) == {"x": 1}
    assert len(calls) == 2
    assert tables.cached("t", ["s"], build, cache) == {"x": 1}  # and it was written again
    assert len(calls) == 2


def test_a_cache_folder_that_cannot_be_made_only_costs_the_training(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    calls, build = _counting({"x": 1})
    assert tables.cached("t", ["s"], build, blocker / "cache") == {"x": 1}
    assert tables.cached("t", ["s"], build, blocker / "cache") == {"x": 1}
    assert len(calls) == 2


TEXTS = [
    "there is garbage next to our tent",
    "ada sampah di dekat tenda kami",
    "خیمے کے پاس کچرا پڑا ہے",
    "کنار چادر ما زباله هست",
    "توجد نفايات بجانب الخيمة",
    "kachra bohat hai yahan",
    "fi zibala hena ya akhi",
    "ok",
    "MK-123456",
]


def test_the_language_detector_from_the_cache_detects_as_the_trained_one(tmp_path: Path) -> None:
    trained = LanguageDetector.from_data()
    LanguageDetector.from_data(cache_dir=tmp_path)  # trains and writes
    assert list(tmp_path.glob("languages-*.json"))
    from_cache = LanguageDetector.from_data(cache_dir=tmp_path)
    assert from_cache.languages == trained.languages
    assert [from_cache.detect(t) for t in TEXTS] == [trained.detect(t) for t in TEXTS]


def test_the_category_classifier_from_its_tables_classifies_as_the_trained_one() -> None:
    trained = category.CategoryClassifier(category.training_examples())
    again = category.CategoryClassifier.from_tables(trained.tables())
    assert again.categories == trained.categories
    assert [again.classify(t) for t in TEXTS] == [trained.classify(t) for t in TEXTS]
    assert category.default_classifier().classify(TEXTS[0]) == trained.classify(TEXTS[0])
