"""Dialog engine: YAML flows and a pure step function.

Nothing in this package performs I/O or imports a channel, a platform SDK, the
storage layer or the web stack. The conversation service (bot/) feeds events
in and carries out the effects that come back.
"""
