"""Dialog engine: YAML flows and a pure step function.

The engine performs no I/O and imports no channel, platform SDK, storage or
web code; only the loader reads files. The conversation service (bot/) feeds
events in and carries out the effects that come back. Public API:

- `load_flows(directory, *, languages, messages, effects) -> FlowSet`: every
  flow file, validated (with the configured languages, message ids and
  effects given as plain data); raises `DialogError` (with `.problems`, each
  `file:line: message`) and never returns a partial set, so a reload can
  keep the old flows on error.
- `step(flows, state, event, *, now, ctx) -> StepResult`: the pure step.
  `event` is a `UserInput` or an `EffectResult`; `state` a JSON dict (`{}` for
  a new conversation); `ctx` a `Context` (label resolver, NLU threshold,
  constants such as the hotline, time zone).
- `wants_nlu(flows, state, user_input, *, now, ctx) -> bool`: whether to ask the
  NLU before the step.
- `menu_choices(flows)`, `new_state()`.

The flow format and the service loop are in dialogs/README.md.
"""

from dialogs.engine import Context, menu_choices, new_state, step, wants_nlu
from dialogs.flowset import FlowSet
from dialogs.loader import DialogError, load_flows

__all__ = [
    "Context",
    "DialogError",
    "FlowSet",
    "load_flows",
    "menu_choices",
    "new_state",
    "step",
    "wants_nlu",
]
