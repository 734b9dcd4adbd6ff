"""A conversation driver for engine tests: keeps the state, replays events, lists keys."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from dialogs.engine import Context, step
from dialogs.flowset import FlowSet
from dialogs.model import EffectResult, Entity, Event, NluResult, StepResult, UserInput

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def nlu(intent: str, confidence: float = 0.9, ranking: Sequence[str] = (), **entities: str):
    """An NLU result as the service would attach it."""
    return NluResult(
        intent,
        confidence,
        tuple(Entity(k, v) for k, v in entities.items()),
        ranking=tuple((name, 0.1) for name in ranking),
    )


def keys(result: StepResult) -> list[str]:
    """Output message ids, then `effect:<name>` for each effect."""
    return [o.key for o in result.outputs] + [f"effect:{e.name}" for e in result.effects]


class Chat:
    def __init__(self, flows: FlowSet, ctx: Context, state: dict[str, Any] | None = None):
        self.flows, self.ctx = flows, ctx
        self.state: dict[str, Any] = state if state is not None else {}
        self.last: StepResult | None = None

    def send(self, event: Event, *, now: datetime = NOW) -> StepResult:
        self.last = step(self.flows, self.state, event, now=now, ctx=self.ctx)
        self.state = self.last.state
        return self.last

    def text(self, text: str, nlu: NluResult | None = None) -> StepResult:
        return self.send(UserInput(text=text, nlu=nlu))

    def press(self, choice: str) -> StepResult:
        return self.send(UserInput(choice=choice))

    def command(self, command: str) -> StepResult:
        return self.send(UserInput(command=command))

    def result(self, effect: str, **data: Any) -> StepResult:
        return self.send(EffectResult(effect, data))

    @property
    def choice_ids(self) -> list[str]:
        """The actions of the last buttons shown (each went out as its token)."""
        assert self.last is not None
        shown = [o for o in self.last.outputs if o.choices]
        tokens = self.state.get("tokens") or {}
        return [tokens.get(c.id, c.id) for c in shown[-1].choices] if shown else []

    @property
    def tokens(self) -> list[str]:
        """The last buttons as a channel sees them: opaque tokens."""
        assert self.last is not None
        shown = [o for o in self.last.outputs if o.choices]
        return [c.id for c in shown[-1].choices] if shown else []

    @property
    def output(self) -> Any:
        assert self.last is not None and self.last.outputs
        return self.last.outputs[-1]

    def replay(self, transcript: Sequence[tuple[Event, list[str]]]) -> None:
        """Send each event and check the keys it produces, Zulip-style."""
        for i, (event, expected) in enumerate(transcript):
            got = keys(self.send(event))
            assert got == expected, f"turn {i} ({event!r}): expected {expected}, got {got}"
