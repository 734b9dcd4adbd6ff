"""The content snapshot: an edit swaps in a whole new validated set, a broken edit keeps
the old one (naming every file:line), and a start with broken files serves the last
good copy kept under var/ — or refuses, naming them, when there is none."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_kit import copy_content, line_of, replace, write_config

from bot.app.config import load_settings
from bot.app.wiring import content_source
from bot.core.content import ContentError, ContentSource
from bot.municipal.content import MunicipalData

MECCA_NORTH = (21.9, 39.8)  # outside every sub-municipality of the data
NEW_AREA = "      - [[21.85, 39.75], [21.85, 39.85], [21.95, 39.85], [21.95, 39.75]]\n"
AJYAD_AREA = "      - [[21.380, 39.810], [21.380, 39.840], [21.430, 39.840], [21.430, 39.810]]\n"


def source(folder: Path, *, keep: bool = True) -> ContentSource:
    settings = load_settings(write_config(folder))
    return content_source(settings, keep_last_good=keep)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy_content(tmp_path / "content")
    return tmp_path


def prompt(content: ContentSource, lang: str = "en") -> str:
    return content.current().texts.render(lang, "menu-prompt")


def test_a_fluent_edit_is_swapped_in_whole_after_it_validates(folder: Path) -> None:
    content = source(folder).start()
    before = content.current()
    replace(folder / "content/locales/en/common.ftl", "menu-prompt = ", "menu-prompt = Edited. ")
    assert content.refresh()
    assert prompt(content).startswith("Edited. ")
    assert before.texts.render("en", "menu-prompt") != prompt(content)  # the old set is intact
    assert not content.refresh()  # nothing changed since


def test_a_boundaries_edit_routes_the_pin_to_its_new_team(folder: Path) -> None:
    content = source(folder).start()
    assert content.current().part(MunicipalData).team_for(*MECCA_NORTH) is None
    boundaries = folder / "content/municipal/boundaries.yaml"
    replace(boundaries, AJYAD_AREA, AJYAD_AREA + NEW_AREA)
    assert content.refresh()
    assert content.current().part(MunicipalData).team_for(*MECCA_NORTH) == "ajyad"


def test_a_broken_edit_keeps_the_old_snapshot_and_says_where(folder: Path) -> None:
    content = source(folder).start()
    good = content.current()
    help_flow = folder / "content/flows/help.yaml"
    replace(help_flow, "say: help", "sya: help")
    replace(folder / "content/locales/ur/common.ftl", "menu-prompt =", "menu-prompt = { $x")
    assert not content.refresh()
    assert content.current() is good
    problems = content.status.problems
    line = line_of(help_flow, "sya: help")
    assert any(p.startswith(f"{help_flow}:{line}: ") for p in problems), problems
    assert any("locales/ur/common.ftl:" in p and "Fluent" in p for p in problems), problems
    assert content.status.as_json()["status"] == "degraded"

    replace(help_flow, "sya: help", "say: help")  # fixed: picked up by itself
    replace(folder / "content/locales/ur/common.ftl", "menu-prompt = { $x", "menu-prompt =")
    assert content.refresh()
    assert content.status.as_json() == {
        "status": "ok",
        "serving": "files",
        "version": content.current().version,
        "problems": [],
    }


def test_a_misspelled_effect_or_a_missing_argument_is_refused_at_its_line(folder: Path) -> None:
    report = folder / "content/flows/report_issue.yaml"
    replace(report, "effect: create_case", "effect: creat_case")
    status = folder / "content/flows/check_status.yaml"
    replace(status, "args: {ticket_id: $ticket_id}", "args: {ticket: $ticket_id}")
    with pytest.raises(ContentError) as err:
        source(folder, keep=False).start()
    problems = err.value.problems
    line = line_of(report, "creat_case")
    assert any(
        p.startswith(f"{report}:{line}: ") and "unknown effect 'creat_case'" in p for p in problems
    ), problems
    assert any(
        f"{status}:" in p and "effect 'find_case' needs argument(s) ticket_id" in p
        for p in problems
    ), problems


def test_a_start_with_a_broken_file_serves_the_last_good_copy(folder: Path) -> None:
    first = source(folder).start()
    version = first.current().version
    assert (folder / "var/content/current").resolve().name == version
    help_flow = folder / "content/flows/help.yaml"
    replace(help_flow, "say: help", "sya: help")

    again = source(folder).start()  # a restart during the bad edit
    assert again.current().version == version
    assert again.status.serving == "last good copy"
    line = line_of(help_flow, "sya: help")
    assert any(p.startswith(f"{help_flow}:{line}: ") for p in again.status.problems)

    replace(help_flow, "sya: help", "say: help")
    assert again.refresh() and again.status.serving == "files" and not again.status.problems


def test_with_no_good_copy_at_all_a_start_refuses_naming_every_file_line(folder: Path) -> None:
    help_flow = folder / "content/flows/help.yaml"
    replace(help_flow, "say: help", "sya: help")
    tips = folder / "content/municipal/tips.yaml"
    replace(tips, "topics: [heat, food, waste, crowding]", "topics: [heat, food, waste]")
    with pytest.raises(ContentError) as err:
        source(folder).start()
    problems = err.value.problems
    assert any(p.startswith(f"{help_flow}:{line_of(help_flow, 'sya: help')}: ") for p in problems)
    assert any(f"{tips}:" in p and "unknown topics: crowding" in p for p in problems), problems
    assert not (folder / "var/content/current").exists()


def test_the_last_good_copy_is_outside_the_source_tree_and_complete(folder: Path) -> None:
    content = source(folder).start()
    saved = (folder / "var/content/current").resolve()
    assert saved.parent == folder / "var/content"
    for name, pattern in (("flows", "*.yaml"), ("locales", "*/*.ftl"), ("municipal", "*.yaml")):
        copied = {p.relative_to(saved / name) for p in (saved / name).glob(pattern)}
        original = {
            p.relative_to(folder / "content" / name)
            for p in (folder / "content" / name).glob(pattern)
        }
        assert copied == original and copied
    assert content.current().version == saved.name
