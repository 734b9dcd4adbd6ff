"""The Fluent renderer: plurals, fallback, nested labels, bidi isolation, missing ids."""

from __future__ import annotations

import logging
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dialogs.model import msg_ref
from locales.render import LOCALES_DIR, Localizer, is_rtl, missing_messages

FSI, PDI = "\u2068", "\u2069"


@pytest.fixture(scope="module")
def loc() -> Localizer:
    return Localizer()


def plain(text: str) -> str:
    return text.replace(FSI, "").replace(PDI, "")


@pytest.mark.parametrize(
    ("count", "needle"),
    [
        (0, "ليس لديك أي بلاغات"),  # zero
        (1, "بلاغ واحد"),  # one
        (2, "بلاغان"),  # two
        (3, "3 بلاغات"),  # few (3-10)
        (11, "11 بلاغًا"),  # many (11-99)
        (100, "100 بلاغ."),  # other
    ],
)
def test_arabic_has_six_plural_forms(loc: Localizer, count: int, needle: str) -> None:
    assert needle in plain(loc.render("ar", "status-my-tickets", {"count": count}))


def test_arabic_plural_forms_are_all_different(loc: Localizer) -> None:
    texts = {loc.render("ar", "status-my-tickets", {"count": n}) for n in (0, 1, 2, 3, 11, 100)}
    assert len(texts) == 6


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, "You have no tickets yet."),
        (1, "You have one ticket. Tap it to see the details."),
        (2, "You have 2 tickets. Tap one to see the details."),
    ],
)
def test_english_plurals(loc: Localizer, count: int, expected: str) -> None:
    assert loc.render("en", "status-my-tickets", {"count": count}) == expected


def test_a_label_inside_a_message_is_rendered_in_the_same_language(loc: Localizer) -> None:
    args = {
        "ticket_id": "MK-1234566",
        "category": msg_ref("category-waste"),
        "status": msg_ref("case-status-resolved"),
    }
    assert (
        loc.render("en", "status-ticket-choice", args) == "MK-1234566 · Waste and litter · Resolved"
    )
    arabic = loc.render("ar", "status-ticket-choice", args)
    assert loc.render("ar", "category-waste") in arabic
    assert loc.render("ar", "case-status-resolved") in arabic


def test_rtl_isolates_placeables_and_ltr_does_not(loc: Localizer) -> None:
    args = {"ticket_id": "MK-1234566"}
    assert f"{FSI}MK-1234566{PDI}" in loc.render("ar", "report-filed", args)
    english = loc.render("en", "report-filed", args)
    assert "MK-1234566" in english and FSI not in english


def test_is_rtl() -> None:
    assert [lang for lang in ("ar", "en", "id", "ur", "fa") if is_rtl(lang)] == ["ar", "ur", "fa"]
    assert is_rtl("ar-SA") and not is_rtl("en-GB")


def test_dates_are_formatted_for_the_language(loc: Localizer) -> None:
    when = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    args = {
        "ticket_id": "MK-1234566",
        "status": msg_ref("case-status-new"),
        "created": when,
        "updated": when,
    }
    assert "Jun 1, 2026" in loc.render("en", "status-public", args)


def test_missing_id_falls_back_to_english_and_logs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, locales, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    report = locales / "id" / "report.ftl"
    report.write_text(report.read_text().replace("report-ask-category =", "report-ask-x ="))
    loc = Localizer(locales)
    with caplog.at_level(logging.WARNING, logger="locales.render"):
        text = loc.render("id", "report-ask-category")
    assert text == "What kind of problem is it?"
    assert "report-ask-category" in caplog.text and "'id'" in caplog.text
    assert "report-ask-category" in missing_messages(locales)["id"]
    assert "report-ask-category" not in missing_messages(locales)["ar"]


def test_an_unknown_id_renders_as_itself(loc: Localizer, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="locales.render"):
        assert loc.render("en", "no-such-message") == "no-such-message"
    assert "no-such-message" in caplog.text


DIALOG_FILES = ("common.ftl", "report.ftl", "status.ftl", "language.ftl")


def test_every_language_has_every_english_dialog_message(tmp_path: Path) -> None:
    for lang in ("ar", "en", "fa", "id", "ur"):
        (tmp_path / lang).mkdir()
        for name in DIALOG_FILES:
            shutil.copy(LOCALES_DIR / lang / name, tmp_path / lang / name)
    assert missing_messages(tmp_path) == {lang: set() for lang in ("ar", "fa", "id", "ur")}


def test_labels_resolver_matches_render(loc: Localizer) -> None:
    labels = loc.labels("ur")
    assert labels("choice-cancel", {}) == [loc.render("ur", "choice-cancel")]
    every = loc.labels("en", every_language=True)("choice-cancel", {})
    assert every[0] == "Cancel" and loc.render("ar", "choice-cancel") in every
    assert len(every) == 5
