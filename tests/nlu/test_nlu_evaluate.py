"""The evaluation's arithmetic and the leave-one-out data split (pure, no server needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlu import evaluate as ev
from nlu.language import LanguageDetector
from nlu.result import Parse, ParsedEntity


def case(lang: str, intent: str, **kw: str) -> ev.Case:
    return ev.Case(lang, lang, f"{lang} {intent} {len(kw)}", intent, **kw)


def parse(intent: str, *entities: tuple[str, str, str]) -> Parse:
    return Parse(intent, 0.9, tuple(ParsedEntity(n, v, r) for n, v, r in entities))


def test_accuracy_per_language_and_style_and_the_weakest_style() -> None:
    cases = [
        case("en", "greet", style="standard"),
        case("en", "greet", style="standard"),
        case("en", "thank", style="nigerian"),
        case("en", "help", style="nigerian"),
    ]
    results = [parse("greet"), parse("goodbye"), parse("thank"), None]
    report = ev.score(cases, results, ev.FROZEN, detect=lambda _: "en")
    assert report.accuracy("en") == 0.5
    assert report.styles == {("en", "nigerian"): (1, 2), ("en", "standard"): (1, 2)}
    assert report.style_min("en") == ("nigerian", 0.5)
    assert report.unanswered == 1
    assert ("greet", "goodbye", 1) in report.confusions
    assert ("help", "<none>", 1) in report.confusions


def test_macro_f1_averages_over_the_gold_classes() -> None:
    # a: 1 right of 2 (precision 1, recall 0.5 -> 2/3); b: right, plus a false positive
    pairs = [("a", "a"), ("a", "b"), ("b", "b")]
    assert ev.macro_f1(pairs) == pytest.approx((2 / 3 + 2 / 3) / 2)
    assert ev.macro_f1([]) == 0.0


def frozen_report(accuracies: dict[str, float], **kw: object) -> ev.Report:
    report = ev.Report(languages=tuple(accuracies))
    for lang, acc in accuracies.items():
        report.rows[lang] = {"n": 100, "accuracy": acc, "macro_f1": acc, "language_id": 1.0}
    for key, value in kw.items():
        setattr(report, key, value)
    return report


def test_frozen_targets_all_met() -> None:
    report = frozen_report(
        {"en": 0.95, "ar": 0.92},
        category={"en": (9, 10), "ar": (9, 10)},
        tickets={"ascii": (3, 3)},
    )
    assert ev.check_targets(report, ev.FROZEN) == []


def test_frozen_targets_gap_to_english_is_three_points() -> None:
    report = frozen_report({"en": 0.96, "ar": 0.925})
    failures = ev.check_targets(report, ev.FROZEN)
    assert failures == ["ar: intent accuracy 0.925 is 3.5 points below English (at most 3)"]
    # the held-out set's old check allowed five points
    assert ev.check_targets(report, ev.HELD_OUT) == []


def test_frozen_targets_each_miss_is_named() -> None:
    report = frozen_report(
        {"en": 0.95, "id": 0.90},
        category={"en": (8, 10), "id": (9, 10)},
        tickets={"ascii": (4, 4), "persian": (2, 3)},
    )
    report.rows["id"]["language_id"] = 0.96
    failures = ev.check_targets(report, ev.FROZEN)
    assert "id: intent accuracy 0.900 < 0.92" in failures
    assert "id: language id 0.960 < 0.97" in failures
    assert "category value accuracy 0.850 < 0.90" in failures
    assert "ticket ids (persian digits): 2/3 extracted" in failures
    assert not any(f.startswith("en") for f in failures)
    assert any("5.0 points below English" in f for f in failures)


def test_category_and_ticket_figures_come_from_the_labels() -> None:
    cases = [
        case("ar", "report_issue", category="waste"),
        case("ar", "report_issue", category="lighting"),
        ev.Case("ar", "ar", "رقم ٢٤٨٧١٦٣", "check_status", ticket_id="MK-2487163",
                digit_form="arabic_indic"),
    ]
    results = [
        parse("report_issue", ("category", "waste", "زبالة")),
        parse("report_issue", ("category", "waste", "زبالة")),
        parse("check_status", ("ticket_id", "MK-2487163", "٢٤٨٧١٦٣")),
    ]
    report = ev.score(cases, results, ev.FROZEN, detect=lambda _: "ar")
    assert report.category == {"ar": (1, 2)}
    assert report.tickets == {"arabic_indic": (1, 1)}
    assert report.places is None  # no parse has a place entity: not measured


def test_place_extraction_exact_overlap_and_miss() -> None:
    assert ev.place_match("Mina camp 56", ["mina  Camp 56"]) == "exact"
    assert ev.place_match("gate 79", ["King Fahd gate"]) == "overlap"
    assert ev.place_match("حي العزيزية", []) == "miss"
    cases = [
        case("en", "report_issue", place="gate 79"),
        case("en", "report_issue", place="Mina camp 56"),
        case("en", "report_issue", place="Aziziyah"),
    ]
    results = [
        parse("report_issue", ("place", "gate 79", "gate 79")),
        parse("report_issue", ("place", "Mina", "Mina")),
        parse("report_issue"),
    ]
    assert ev.score(cases, results, detect=lambda _: "en").places == (1, 2, 3)


@pytest.mark.parametrize(
    ("text", "form"),
    [("MK-3407327", "ascii"), ("رقم ٢٤٨٧١٦٣", "arabic_indic"), ("شماره ۶۶۵۱۶۹۹", "persian")],
)
def test_digit_form(text: str, form: str) -> None:
    assert ev.digit_form(text) == form


def write_data(root: Path, files: dict[str, list[str]]) -> Path:
    (root / "nlu").mkdir(parents=True)
    for name, examples in files.items():
        lines = "\n".join(f"      - {e}" for e in examples)
        (root / "nlu" / name).write_text(
            f'version: "3.1"\nnlu:\n  - intent: greet\n    examples: |\n{lines}\n',
            encoding="utf-8",
        )
    (root / "regex.yml").write_text('version: "3.1"\nnlu: []\n', encoding="utf-8")
    return root


def test_leave_one_out_drops_every_file_of_the_language_only(tmp_path: Path) -> None:
    data = write_data(
        tmp_path / "data",
        {
            "ar.yml": ["مرحبا"],
            "ar_arabizi.yml": ["mar7aba"],
            "ur.yml": ["سلام"],
            "ur_roman.yml": ["kya haal hai"],
            "en.yml": ["hello"],
        },
    )
    out = tmp_path / "without"
    left = ev.data_without("ar", data, out)
    assert sorted(p.name for p in left) == ["ar.yml", "ar_arabizi.yml"]
    assert sorted(p.name for p in (out / "nlu").iterdir()) == ["en.yml", "ur.yml", "ur_roman.yml"]
    assert (out / "regex.yml").exists()
    assert sorted(p.name for p in (data / "nlu").iterdir()) == [  # the source is untouched
        "ar.yml", "ar_arabizi.yml", "en.yml", "ur.yml", "ur_roman.yml"
    ]
    assert ev.language_of_file(Path("fa_dari.yml")) == "fa"


def test_a_latin_file_of_an_arabic_script_language_makes_it_a_latin_candidate(
    tmp_path: Path,
) -> None:
    # Arabizi is a small share of the Arabic examples, but it has its own file
    arabic = [f"مرحبا بكم في البلدية رقم {i}" for i in range(60)]
    arabizi = ["3ayez ashtki mn el zbala", "fe mushkla kbera henak", "el nour mafesh"]
    english = ["there is garbage near the hotel", "the street light is broken", "hello there"]
    data = write_data(
        tmp_path / "data", {"ar.yml": arabic, "ar_arabizi.yml": arabizi, "en.yml": english}
    )
    detector = LanguageDetector.from_data(data, categories_file=None)
    assert detector.detect("3ayez ashtki mn el zbala henak").language == "ar"
    assert detector.detect("the street light near the hotel").language == "en"
