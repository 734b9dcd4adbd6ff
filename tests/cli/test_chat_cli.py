"""`labbaik chat` as a person (or a script) uses it: a real process, stdin in, stdout out."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def labbaik(
    *args: str, stdin: str, db_url: str, tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "LABBAIK_DATABASE_URL": db_url,
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )


def json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


REPORT = "\n".join(
    [
        "/start",
        '{"choice": "flow:report_issue"}',
        '{"choice": "food_safety"}',
        "The restaurant near gate 79 serves food left in the sun",
        '{"location": {"lat": 21.4225, "lon": 39.8262}}',
        '{"choice": "skip"}',
        '{"choice": "skip"}',
        '{"choice": "confirm"}',
    ]
)


@pytest.mark.parametrize("lang", ["ar", "en", "id", "ur", "fa"])
def test_file_then_check_a_ticket_across_two_runs(lang: str, db_url: str, tmp_path: Path) -> None:
    first = labbaik(
        "chat", "--json", "--no-nlu", "--lang", lang, "--user", "p1",
        stdin=REPORT, db_url=db_url, tmp_path=tmp_path,
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    out = json_lines(first.stdout)
    filed = next(o for o in out if o["key"] == "report-filed")
    assert {o["lang"] for o in out} == {lang}
    ticket = next(w for w in filed["text"].replace("\u2068", " ").replace("\u2069", " ").split()
                  if w.startswith("MK-"))  # fmt: skip
    assert set(out[0]) == {"key", "text", "choices", "links", "expects", "lang"}

    second = labbaik(
        "chat", "--json", "--no-nlu", "--user", "p1",
        stdin=f'/start\n{{"choice": "flow:check_status"}}\n{ticket[:10]}\n',
        db_url=db_url, tmp_path=tmp_path,
    )  # fmt: skip
    assert second.returncode == 0, second.stderr
    keys = [o["key"] for o in json_lines(second.stdout)]
    assert "status-owner" in keys
    assert {o["lang"] for o in json_lines(second.stdout)} == {lang}  # remembered


def test_plain_mode_numbers_choices_and_bad_json_is_named(sqlite_url: str, tmp_path: Path) -> None:
    plain = labbaik(
        "chat", "--no-nlu", "--lang", "en", stdin="/start\n", db_url=sqlite_url, tmp_path=tmp_path
    )
    assert plain.returncode == 0, plain.stderr
    assert "  1. Report a problem" in plain.stdout

    bad = labbaik(
        "chat", "--json", "--no-nlu", "--lang", "en",
        stdin='{"choice": \n{"colour": "red"}\n{"location": {"lat": "x"}}\n',
        db_url=sqlite_url, tmp_path=tmp_path,
    )  # fmt: skip
    assert bad.returncode == 1
    assert "not valid JSON" in bad.stderr
    assert "expected one of" in bad.stderr and "colour" in bad.stderr
    assert "location needs numbers" in bad.stderr


def test_the_console_prints_rtl_text_without_bidi_isolation_marks(
    sqlite_url: str, tmp_path: Path
) -> None:
    stdin = "/start\n" + json.dumps({"choice": "flow:my_tickets"}) + "\n"
    out = labbaik(
        "chat", "--json", "--no-nlu", "--lang", "ar",
        stdin=stdin, db_url=sqlite_url, tmp_path=tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "ليس لديك" in out.stdout or "لديك" in out.stdout  # an Arabic text with a placeable
    assert not set("\u2066\u2067\u2068\u2069") & set(out.stdout)


def test_a_missing_photo_file_is_named_and_a_text_file_is_refused(
    sqlite_url: str, tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("not a picture")
    result = labbaik(
        "chat", "--json", "--no-nlu", "--lang", "en",
        stdin='/start\n{"media": "missing.jpg"}\n{"media": "notes.txt"}\n',
        db_url=sqlite_url, tmp_path=tmp_path,
    )  # fmt: skip
    assert "cannot read photo 'missing.jpg'" in result.stderr
    assert "media-wrong-type" in [o["key"] for o in json_lines(result.stdout)]


def test_a_wrong_config_value_stops_start_up_naming_the_key(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("nlu:\n  timeout_seconds: fast\nweb:\n  colour: blue\n")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(config), "chat", "--no-nlu"],
        input="", capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "nlu.timeout_seconds" in result.stderr
    assert "web.colour: unknown setting" in result.stderr


def test_json_mode_answers_each_line_before_the_next_is_written(
    sqlite_url: str, tmp_path: Path
) -> None:
    """A program talking to `labbaik chat --json` through pipes: it writes a line only after
    the answer to the one before has arrived (stdin stays open all along)."""
    env = {**os.environ, "LABBAIK_DATABASE_URL": sqlite_url, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "chat", "--json", "--no-nlu", "--lang", "en"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    answers: queue.Queue[dict] = queue.Queue()
    reader = threading.Thread(
        target=lambda: [answers.put(json.loads(line)) for line in proc.stdout or ()], daemon=True
    )
    reader.start()

    def say(line: str, until: str) -> list[str]:
        """Write one line, then read the answers up to the reply `until`."""
        assert proc.stdin is not None
        proc.stdin.write(line + "\n")
        proc.stdin.flush()
        keys: list[str] = []
        while until not in keys:
            keys.append(answers.get(timeout=120)["key"])  # bounded: fails if it never answers
        return keys

    try:
        assert say("/start", until="menu-prompt") == ["menu-welcome", "menu-prompt"]
        assert say('{"choice": "flow:check_status"}', until="status-ask-ticket")
        mistyped = say("MK-1234565", until="status-ask-ticket")
        assert mistyped == ["status-ticket-mistyped", "status-ask-ticket"]
        assert say('{"choice": "cancel"}', until="menu-anything-else")[0] == "cancelled"
        assert answers.empty()  # nothing came that was not asked for
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0, proc.stderr.read() if proc.stderr else ""
