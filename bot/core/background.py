"""Work that runs after a commit without holding anyone up (a chat message's translation).

    background = Background()
    background.spawn(translate(message_id))     # returns at once
    await background.settle()                   # tests, and shutdown: wait for what runs

A task's failure is logged (without message text) and goes no further: what
runs here is a nicety that the message it follows never waits for.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)

AfterCommit = Callable[[], Awaitable[None]]  # work to start once a transaction committed


class Background:
    """The tasks spawned by one part (the conversation service, the desk's chat API)."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def spawn(self, work: Coroutine[Any, Any, None], *, name: str = "background") -> None:
        task = asyncio.get_running_loop().create_task(self._guarded(work, name), name=name)
        self._tasks.add(task)  # a task nobody holds may be collected before it ends
        task.add_done_callback(self._tasks.discard)

    def start_all(self, works: list[AfterCommit], *, name: str = "after-commit") -> None:
        for work in works:
            self.spawn(_call(work), name=name)

    @staticmethod
    async def _guarded(work: Coroutine[Any, Any, None], name: str) -> None:
        try:
            await work
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("%s: a background task failed", name)

    @property
    def pending(self) -> int:
        return len(self._tasks)

    async def settle(self) -> None:
        """Wait until every task spawned so far (and those they spawn) has ended."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def cancel(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*list(self._tasks), return_exceptions=True)


async def _call(work: AfterCommit) -> None:
    await work()
