"""The browser side of the web chat tests: Debian's chromium through Playwright, and a live app.

`LiveServer` runs the real app under uvicorn on 127.0.0.1 (a free port) in a
background thread; `ChatPage` wraps a Playwright page with the few actions a
person takes. Nothing here is a fake: the page talks HTTP to the real app.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Locator, Page

from bot.app.wiring import create_app
from bot.core.runtime import Runtime

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
MAKKAH = {"latitude": 21.4225, "longitude": 39.8262}
RESULTS = Path(__file__).resolve().parents[2] / "test-results"


def chromium_or_skip() -> str:
    """Path of Debian's chromium; a missing browser fails under LABBAIK_REQUIRE_SERVICES=1."""
    path = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )
    if path is None:
        reason = "chromium is not installed (apt-get install chromium fonts-noto-core)"
        if os.environ.get("LABBAIK_REQUIRE_SERVICES") == "1":
            pytest.fail(f"{reason}; LABBAIK_REQUIRE_SERVICES=1")
        pytest.skip(reason)
    return path


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the test process keeps its own handlers
        pass


@contextmanager
def live_server(runtime: Runtime, port: int) -> Iterator[str]:
    """The app served on 127.0.0.1:port until the block ends; yields its base URL."""
    config = uvicorn.Config(
        create_app(runtime), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
    )
    server = _Server(config)
    thread = threading.Thread(target=server.run, name="webchat-uvicorn", daemon=True)
    thread.start()
    ready = threading.Event()
    while not ready.wait(0.05):  # wait until uvicorn listens (or died trying)
        if server.started:
            ready.set()
        elif not thread.is_alive():
            raise RuntimeError("uvicorn did not start; see the log above")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join()


class ChatPage:
    """What a person does on the chat page, each action waiting until the bot has answered."""

    def __init__(self, page: Page) -> None:
        self.page = page

    @property
    def bot_bubbles(self) -> Locator:
        return self.page.locator(".msg.bot .bubble")

    def settled(self) -> None:
        """Wait until no message is on its way (the page counts them in data-pending)."""
        self.page.locator('#app[data-ready="true"][data-pending="0"]').wait_for()

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.settled()

    def press(self, label: str) -> None:
        self.page.locator(".choice:enabled", has_text=label).last.click()
        self.settled()

    def choose_from_menu(self, label: str) -> None:
        """Press a main-menu entry: at once when it is offered, else through "Main menu"."""
        if self.page.locator(".choice:enabled", has_text=label).count() == 0:
            self.press("Main menu")
        self.press(label)

    def type(self, text: str) -> None:
        self.page.fill("#text-input", text)
        self.page.press("#text-input", "Enter")
        self.settled()

    def share_location(self) -> None:
        before = self.page.locator(".msg.user").count()
        self.page.click("#share-location")
        self.page.locator(".msg.user").nth(before).wait_for()
        self.settled()

    def send_photo(self, name: str, data: bytes, mime: str = "image/png") -> None:
        self.page.set_input_files(
            "#photo-input", files=[{"name": name, "mimeType": mime, "buffer": data}]
        )
        self.settled()

    def last_bot_text(self) -> str:
        return self.bot_bubbles.last.inner_text()

    def screenshot(self, name: str) -> Path:
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path
