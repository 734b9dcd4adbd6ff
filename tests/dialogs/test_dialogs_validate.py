"""The flow validator on broken copies of the real flows, through the real CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.app.commands.dialogs import validate
from dialogs.loader import DEFAULT_FLOWS_DIR, DialogError, load_flows
from locales.render import LOCALES_DIR

ROOT = Path(__file__).resolve().parents[2]


# The flows this suite breaks; other flows (services) have tests of their own.

@pytest.fixture
def flows_dir(tmp_path: Path) -> Path:
    """A private copy of the repo's flows, to break."""
    target = tmp_path / "flows"
    shutil.copytree(DEFAULT_FLOWS_DIR, target)
    return target


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "dialogs", "validate", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def problems(flows_dir: Path, locales_dir: Path = LOCALES_DIR) -> list[str]:
    found, _ = validate(flows_dir, locales_dir)
    return [str(p) for p in found]


def test_the_real_flows_and_locales_are_valid() -> None:
    result = cli()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "flows" in result.stdout and "OK" in result.stdout
    assert len(result.stdout.strip().splitlines()) == 1


def test_bad_slot_type_is_reported_at_its_line(flows_dir: Path) -> None:
    path = flows_dir / "report_issue.yaml"
    replace(path, "type: media", "type: video")
    result = cli("--flows", str(flows_dir))
    assert result.returncode == 1
    line = line_of(path, "type: video")
    assert f"report_issue.yaml:{line}:" in result.stdout
    assert "'video' is not one of" in result.stdout


def test_unknown_message_id_is_reported_per_language(flows_dir: Path) -> None:
    path = flows_dir / "check_status.yaml"
    replace(path, "ask: status-ask-ticket", "ask: status-ask-tikcet")
    found = problems(flows_dir)
    line = line_of(path, "status-ask-tikcet")
    wrong = [p for p in found if "status-ask-tikcet" in p]
    assert len(wrong) == 5  # missing in ar, en, fa, id, ur
    assert all(p.startswith(f"{path}:{line}: ") for p in wrong)


def test_message_missing_in_one_language(tmp_path: Path, flows_dir: Path) -> None:
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, locales, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    replace(locales / "id" / "report.ftl", "report-filed =", "report-filled =")
    found = problems(flows_dir, locales)
    assert found and all("locales/id" in p for p in found)
    assert any("'report-filed' is missing in locales/id" in p for p in found)


def test_unknown_slot_reference(flows_dir: Path) -> None:
    path = flows_dir / "report_issue.yaml"
    replace(path, "photo: {slot: photo}", "photo: {slot: picture}")
    found = problems(flows_dir)
    line = line_of(path, "{slot: picture}")
    assert f"{path}:{line}: unknown slot 'picture'" in found


def test_unknown_flow_reference(flows_dir: Path) -> None:
    path = flows_dir / "check_status.yaml"
    replace(path, '"flow:my_tickets"', '"flow:my_tikets"')
    found = problems(flows_dir)
    assert any("unknown flow 'my_tikets'" in p and "check_status.yaml:" in p for p in found)


def test_duplicate_ids(flows_dir: Path) -> None:
    shutil.copy(flows_dir / "help.yaml", flows_dir / "help_again.yaml")
    path = flows_dir / "report_issue.yaml"
    replace(path, "- id: phone\n", "- id: photo\n")
    found = "\n".join(problems(flows_dir))
    assert "duplicate flow id 'help'" in found
    assert "duplicate intents" not in found  # said as "duplicate intent"
    assert "duplicate intent 'help'" in found
    assert "duplicate slot id 'photo'" in found


def test_yaml_syntax_error_gives_file_and_line(flows_dir: Path) -> None:
    path = flows_dir / "help.yaml"
    path.write_text("id: help\ndone:\n  - say: help\n    args: {hotline: $hotline\n", "utf-8")
    result = cli("--flows", str(flows_dir))
    assert result.returncode == 1
    assert "help.yaml:" in result.stdout and "not valid YAML" in result.stdout
    line = int(result.stdout.split("help.yaml:")[1].split(":")[0])
    assert line in (4, 5)


def test_choice_slot_without_choices(flows_dir: Path) -> None:
    path = flows_dir / "change_language.yaml"
    replace(path, "ask: language-ask", "ask: language-ask\n    optional: true")
    text = path.read_text().split("    choices:")[0] + "\ndone:\n  - say: language-changed\n"
    path.write_text(text)
    assert any("a choice slot needs `choices`" in p for p in problems(flows_dir))


def test_a_broken_directory_loads_nothing(flows_dir: Path) -> None:
    replace(flows_dir / "help.yaml", "say: help", "sya: help")
    with pytest.raises(DialogError) as err:
        load_flows(flows_dir)
    assert err.value.problems and all(":" in str(p) for p in err.value.problems)
    assert load_flows(DEFAULT_FLOWS_DIR).get("help") is not None


def test_a_new_flow_is_a_new_file(flows_dir: Path) -> None:
    (flows_dir / "greeting_card.yaml").write_text(
        "id: greeting_card\nintents: [greet]\nmenu: {label: menu-help, order: 5}\n"
        "done:\n  - say: greet-reply\n",
        "utf-8",
    )
    flows = load_flows(flows_dir)
    assert flows.menu()[0].id == "greeting_card"
    assert flows.for_intent("greet") is not None and flows.for_intent("greet").id == "greeting_card"


def test_fluent_syntax_errors_are_reported(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, locales, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    with (locales / "en" / "common.ftl").open("a", encoding="utf-8") as f:
        f.write("\nbroken-message = { $unclosed\n")
    result = cli("--locales", str(locales), "--flows", str(DEFAULT_FLOWS_DIR))
    assert result.returncode == 1
    assert "en/common.ftl:" in result.stdout and "Fluent" in result.stdout


def test_an_aside_flow_only_talks(flows_dir: Path) -> None:
    path = flows_dir / "human_agent.yaml"
    replace(
        path,
        "menu: {label: menu-agent, order: 90}",
        "menu: {label: menu-agent, order: 90}\naside: true",
    )
    found = problems(flows_dir)
    line = line_of(path, "- effect: handoff")
    assert f"{path}:{line}: an aside flow can only `say`" in found


def test_a_misspelled_effect_is_rejected_at_its_line(flows_dir: Path) -> None:
    path = flows_dir / "report_issue.yaml"
    replace(path, "effect: create_case", "effect: creat_case")
    result = cli("--flows", str(flows_dir))
    assert result.returncode == 1
    line = line_of(path, "creat_case")
    assert f"report_issue.yaml:{line}: unknown effect 'creat_case'" in result.stdout


def test_an_effect_without_an_argument_it_needs_is_rejected(flows_dir: Path) -> None:
    path = flows_dir / "services_point.yaml"
    replace(path, "args: {point: $point}", "args: {place: $point}")
    found = problems(flows_dir)
    line = line_of(path, "args: {place: $point}")
    assert f"{path}:{line}: effect 'service_point_info' needs argument(s) point" in found


def test_a_choice_naming_a_slot_its_flow_lacks_is_rejected(flows_dir: Path) -> None:
    (flows_dir / "help.yaml").write_text(
        "id: help\nintents: [help]\ncommands: [help]\naside: true\ndone:\n"
        "  - say: help\n    args: {hotline: $hotline}\n"
        '    choices: [{id: "flow:check_status?ticket=MK-1234566", label: menu-status}]\n',
        "utf-8",
    )
    found = "\n".join(problems(flows_dir))
    assert "flow 'check_status' has no slot 'ticket'" in found
