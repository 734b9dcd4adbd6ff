"""Live updates inside one process: one bus listener, fanned out to every subscriber.

`storage.bus` carries "a chat got a message / was claimed / ended" between
processes (PostgreSQL LISTEN/NOTIFY; on SQLite within the process). Each
process runs ONE `LiveBus.run(stop)` task (`labbaik run` starts it); the desk's
server-sent-event endpoints each subscribe here instead of holding a database
connection of their own:

    async with runtime.live.subscribe(topics={"handoff"}) as events:
        async for event in events:          # storage.bus.BusEvent
            if event.topic == RESYNC: ...    # something was missed: re-read the page's data
            ...

A subscriber that falls behind (its queue is full) loses what is queued and
gets one `RESYNC` event instead, as it does when the bus connection dropped
(`storage.bus.RECONNECTED`) — either way it re-reads rather than trusts
events that never came. Payloads are ids only, as the bus carries them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Collection
from contextlib import asynccontextmanager
from typing import Any

from storage.bus import RECONNECTED, BusEvent, listen

log = logging.getLogger(__name__)

RESYNC = "live.resync"  # the topic of "re-read: events were missed"
QUEUE_SIZE = 256


class _Subscriber:
    def __init__(self, topics: Collection[str] | None, size: int) -> None:
        self.topics = frozenset(topics) if topics is not None else None
        self.queue: asyncio.Queue[BusEvent] = asyncio.Queue(maxsize=size)

    def offer(self, event: BusEvent) -> None:
        if event.topic == RECONNECTED:
            event = BusEvent(RESYNC, {})
        elif self.topics is not None and event.topic not in self.topics:
            return
        try:
            self.queue.put_nowait(event)
        except asyncio.QueueFull:  # too slow: drop what waits, say so once
            while not self.queue.empty():
                self.queue.get_nowait()
            self.queue.put_nowait(BusEvent(RESYNC, {}))


class LiveBus:
    """The process's one listener on the database's bus and its in-process subscribers."""

    def __init__(self, url: str, *, queue_size: int = QUEUE_SIZE, **listen_options: Any) -> None:
        self.url = url
        self._queue_size = queue_size
        self._listen_options = listen_options
        self._subscribers: set[_Subscriber] = set()
        self._listening = asyncio.Event()

    async def run(self, stop: asyncio.Event) -> None:
        """Listen until `stop` is set, handing every event to every subscriber."""
        while not stop.is_set():
            try:
                await self._listen(stop)
            except Exception:  # e.g. the database is not there yet: try again shortly
                log.exception("live updates: listening failed; trying again")
                self._broadcast(BusEvent(RESYNC, {}))
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), 2.0)
        self._listening.clear()

    async def _listen(self, stop: asyncio.Event) -> None:
        async with listen(self.url, **self._listen_options) as events:
            self._listening.set()
            stopping = asyncio.ensure_future(stop.wait())
            try:
                while not stop.is_set():
                    following = asyncio.ensure_future(anext(events))
                    done, _ = await asyncio.wait(
                        {following, stopping}, return_when=asyncio.FIRST_COMPLETED
                    )
                    if following not in done:
                        following.cancel()
                        break
                    self._broadcast(following.result())
            finally:
                stopping.cancel()
                self._listening.clear()

    async def ready(self) -> None:
        """Until the listener is listening: what commits after this is heard."""
        await self._listening.wait()

    def _broadcast(self, event: BusEvent) -> None:
        for subscriber in list(self._subscribers):
            subscriber.offer(event)

    @asynccontextmanager
    async def subscribe(
        self, topics: Collection[str] | None = None, *, queue_size: int | None = None
    ) -> AsyncIterator[AsyncIterator[BusEvent]]:
        """Events from now on (of `topics`, if given), plus `RESYNC` whenever some were lost
        (more than `queue_size` waiting to be read)."""
        subscriber = _Subscriber(topics, queue_size or self._queue_size)
        self._subscribers.add(subscriber)
        try:
            yield _events(subscriber)
        finally:
            self._subscribers.discard(subscriber)

    @property
    def subscribers(self) -> int:
        return len(self._subscribers)


async def _events(subscriber: _Subscriber) -> AsyncIterator[BusEvent]:
    while True:
        yield await subscriber.queue.get()
