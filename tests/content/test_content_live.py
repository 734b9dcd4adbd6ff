"""Edits reach a running `labbaik run` (a real process, talked to over HTTP as the web
chat does): a Fluent edit and a boundaries edit take effect, a broken edit keeps the
last good set serving with /healthz saying what is broken, and a restart while a file
is broken serves the last good copy — or, with none, refuses naming every file:line.

Waits are bounded polls (the reload happens within `content.check_seconds`); nothing
asserts a duration.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from content_kit import copy_content, line_of, replace, write_config

from bot.core.settings import ROOT

POLL_SECONDS = 0.25
MAX_POLLS = 240  # a minute at most for anything to happen
OUTSIDE = {"lat": 21.9, "lon": 39.8}  # outside every sub-municipality of the data
AJYAD_AREA = "      - [[21.380, 39.810], [21.380, 39.840], [21.430, 39.840], [21.430, 39.810]]\n"
NEW_AREA = "      - [[21.85, 39.75], [21.85, 39.85], [21.95, 39.85], [21.95, 39.75]]\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def eventually(check: Callable[[], Any]) -> Any:
    """`check()`'s first truthy answer, asking every POLL_SECONDS (bounded)."""
    for _ in range(MAX_POLLS):
        found = check()
        if found:
            return found
        time.sleep(POLL_SECONDS)
    raise AssertionError(f"{check.__doc__ or check} never happened")


class Running:
    """One `labbaik run --no-nlu` process on a port of its own."""

    def __init__(self, folder: Path, log: Path) -> None:
        self.port = free_port()
        self.config = write_config(
            folder,
            database={"url": "sqlite:///var/labbaik.db"},
            nlu={"manage_server": False},
            web={"port": self.port},
        )
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("TELEGRAM_", "TWILIO_", "LABBAIK_")) and k != "PUBLIC_URL"
        }
        self.log = log
        with log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "--config", str(self.config), "run", "--no-nlu"],
                cwd=folder,
                env={**env, "PYTHONPATH": str(ROOT)},
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        self.http = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=30.0)
        self.client_id = uuid.uuid4().hex
        eventually(self._up)

    def _up(self) -> bool:
        """the server answers /healthz"""
        if self.proc.poll() is not None:
            raise AssertionError(f"labbaik run exited:\n{self.log.read_text()}")
        try:
            return self.http.get("/healthz").status_code == 200
        except httpx.HTTPError:
            return False

    def health(self) -> dict[str, Any]:
        response = self.http.get("/healthz")
        assert response.status_code == 200
        return response.json()  # type: ignore[no-any-return]

    def send(self, **fields: Any) -> list[dict[str, Any]]:
        body = {"client_id": self.client_id, "message_id": uuid.uuid4().hex, "lang": "en"}
        response = self.http.post("/webchat/api/messages", json={**body, **fields})
        assert response.status_code == 200, response.text
        return response.json()["replies"]  # type: ignore[no-any-return]

    def new_chat(self) -> None:
        """A fresh web chat for each probe: polling must not trip one chat's flood limit."""
        self.client_id = uuid.uuid4().hex

    def prompt(self) -> str:
        self.new_chat()
        return next(r["text"] for r in self.send(command="start") if r["key"] == "menu-prompt")

    def locate(self, where: dict[str, float]) -> list[str]:
        self.new_chat()
        self.send(choice="flow:services_locate")
        return [r["key"] for r in self.send(location=where)]

    def stop(self) -> None:
        self.http.close()
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy_content(tmp_path / "content")
    return tmp_path


@pytest.fixture
def start(folder: Path, tmp_path: Path) -> Iterator[Callable[[], Running]]:
    started: list[Running] = []

    def run() -> Running:
        process = Running(folder, tmp_path / f"run-{len(started)}.log")
        started.append(process)
        return process

    yield run
    for process in started:
        process.stop()


def test_edits_take_effect_in_a_running_process_and_a_broken_one_keeps_the_last_good_set(
    folder: Path, start: Callable[[], Running]
) -> None:
    bot = start()
    assert bot.health()["status"] == "ok"
    assert bot.prompt().startswith("How can I help you?")
    assert "services-locate-not-found" in bot.locate(OUTSIDE)

    replace(folder / "content/locales/en/common.ftl", "menu-prompt = ", "menu-prompt = Edited. ")
    eventually(lambda: bot.prompt().startswith("Edited. "))

    boundaries = folder / "content/municipal/boundaries.yaml"
    replace(boundaries, AJYAD_AREA, AJYAD_AREA + NEW_AREA)
    eventually(lambda: "services-locate-found" in bot.locate(OUTSIDE))

    help_flow = folder / "content/flows/help.yaml"
    replace(help_flow, "say: help", "sya: help")
    line = line_of(help_flow, "sya: help")

    def degraded() -> dict[str, Any] | None:
        """/healthz names the broken file and line"""
        body = bot.health()
        return body if body["status"] == "degraded" and "content" in body else None

    body = eventually(degraded)
    assert body["database"] == "up"
    assert body["content"]["serving"] == "files"
    assert any(f"help.yaml:{line}:" in p for p in body["content"]["problems"]), body
    assert bot.prompt().startswith("Edited. ")  # still serving the last good set
    assert "services-locate-found" in bot.locate(OUTSIDE)
    logged = bot.log.read_text(encoding="utf-8")
    assert f"help.yaml:{line}:" in logged and "do not validate" in logged


def test_a_restart_with_a_broken_file_serves_the_last_good_copy(
    folder: Path, start: Callable[[], Running]
) -> None:
    first = start()
    replace(folder / "content/locales/en/common.ftl", "menu-prompt = ", "menu-prompt = Saved. ")
    eventually(lambda: first.prompt().startswith("Saved. "))
    first.stop()

    help_flow = folder / "content/flows/help.yaml"
    replace(help_flow, "say: help", "sya: help")
    line = line_of(help_flow, "sya: help")
    again = start()
    body = again.health()
    assert body["status"] == "degraded"
    assert body["content"]["serving"] == "last good copy"
    assert any(f"help.yaml:{line}:" in p for p in body["content"]["problems"])
    assert again.prompt().startswith("Saved. ")
    assert "serving the last good copy" in again.log.read_text(encoding="utf-8")

    replace(help_flow, "sya: help", "say: help")  # fixed while running: the files serve again
    eventually(lambda: again.health()["status"] == "ok")


def test_with_no_good_copy_at_all_labbaik_run_refuses_naming_every_file_line(
    folder: Path,
) -> None:
    help_flow = folder / "content/flows/help.yaml"
    replace(help_flow, "say: help", "sya: help")
    config = write_config(folder, database={"url": "sqlite:///var/labbaik.db"})
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "--config",
            str(config),
            "run",
            "--no-nlu",
            "--port",
            str(free_port()),
        ],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert f"help.yaml:{line_of(help_flow, 'sya: help')}:" in result.stderr
    assert "no last good copy" in result.stderr
