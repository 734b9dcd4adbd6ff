"""Helpers of the desk's live-chat tests: a runtime with chats open, pilgrims, a live server.

The pilgrim writes through the real conversation service (`handoff_kit.Pilgrim`,
as the web chat does) or a channel's real webhook; the agent works through the
desk's pages; the real outbox worker delivers. `live_desk` serves the app under
uvicorn in a thread together with what `labbaik run` runs beside it for the
desk (the live-updates bus listener and the outbox worker), in the server's loop.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from handoff_kit import ALL_DAY, Pilgrim, deliver, handoff_settings, make_runtime

from bot.app.wiring import create_app
from bot.channels import registry
from bot.core.outbox import OutboxWorker
from bot.core.runtime import Runtime

# every live-chat route of the desk (test_desk_access.py's table defers to this one):
# method, path ({id}: a chat), form data; test_desk_chats.py walks them for every role
CHAT_ROUTES: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("GET", "/desk/chats", {}),
    ("GET", "/desk/chats/list", {}),
    ("GET", "/desk/chats/events", {}),
    ("GET", "/desk/chats/{id}", {}),
    ("GET", "/desk/chats/{id}/lines", {}),
    ("POST", "/desk/chats/{id}/claim", {}),
    ("POST", "/desk/chats/{id}/reply", {"text": "Hello"}),
    ("POST", "/desk/chats/{id}/canned", {"name": "location"}),
    ("POST", "/desk/chats/{id}/transfer", {"team": "ajyad"}),
    ("POST", "/desk/chats/{id}/end", {}),
    ("POST", "/desk/chats/{id}/take-over", {}),
)
ROUTE_TEMPLATES = {path.replace("{id}", "{chat}") for _, path, _ in CHAT_ROUTES}

__all__ = [
    "ALL_DAY",
    "CHAT_ROUTES",
    "ROUTE_TEMPLATES",
    "Pilgrim",
    "deliver",
    "handoff_settings",
    "live_desk",
    "make_runtime",
]


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the test process keeps its own handlers
        pass


class LiveDesk:
    """The app under uvicorn on 127.0.0.1 with the bus listener and the outbox worker."""

    def __init__(self, runtime: Runtime, port: int, *, outbox: bool = True) -> None:
        config = uvicorn.Config(
            create_app(runtime), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
        )
        self.server = _Server(config)
        self.runtime = runtime
        self.outbox = outbox
        self.url = f"http://127.0.0.1:{port}"
        self.thread = threading.Thread(target=self._run, name="desk-uvicorn", daemon=True)

    def _run(self) -> None:
        asyncio.run(self._main())

    async def _main(self) -> None:
        stop = asyncio.Event()
        work = [self.runtime.live.run(stop)]
        if self.outbox:
            worker = OutboxWorker.from_runtime(self.runtime, registry.senders(self.runtime))
            work.append(worker.run(stop))
        tasks = [asyncio.create_task(w) for w in work]
        try:
            await self.server.serve()
        finally:
            stop.set()
            await asyncio.gather(*tasks, return_exceptions=True)

    def start(self) -> LiveDesk:
        self.thread.start()
        ready = threading.Event()
        while not ready.wait(0.05):
            if self.server.started:
                ready.set()
            elif not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start; see the log above")
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(30)


@contextmanager
def live_desk(runtime: Runtime, port: int, *, outbox: bool = True) -> Iterator[LiveDesk]:
    served = LiveDesk(runtime, port, outbox=outbox).start()
    try:
        yield served
    finally:
        served.stop()
