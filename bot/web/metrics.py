"""A few Prometheus counters in text format: messages in and out, webhook calls, outbox depth.

Kept deliberately small: no client library, one process's counts since start.
Adapters served by this app count through `app.state.metrics`.
"""

from __future__ import annotations

from collections import Counter

from starlette.types import ASGIApp, Message, Receive, Scope, Send

WEBHOOK_PREFIX = "/webhooks/"


class Metrics:
    def __init__(self) -> None:
        self.inbound: Counter[str] = Counter()
        self.outbound: Counter[str] = Counter()
        self.rejected: Counter[tuple[str, str]] = Counter()
        self.webhooks: Counter[tuple[str, int]] = Counter()

    def count_inbound(self, channel: str) -> None:
        self.inbound[channel] += 1

    def count_outbound(self, channel: str, n: int = 1) -> None:
        self.outbound[channel] += n

    def count_rejected(self, channel: str, reason: str) -> None:
        self.rejected[(channel, reason)] += 1

    def count_webhook(self, channel: str, status: int) -> None:
        self.webhooks[(channel, status)] += 1

    def render(self, outbox_pending: int | None) -> str:
        lines = [
            "# HELP labbaik_inbound_messages_total Messages received, per channel.",
            "# TYPE labbaik_inbound_messages_total counter",
            *_samples("labbaik_inbound_messages_total", self.inbound),
            "# HELP labbaik_outbound_messages_total Replies sent back inline, per channel.",
            "# TYPE labbaik_outbound_messages_total counter",
            *_samples("labbaik_outbound_messages_total", self.outbound),
            "# HELP labbaik_rejected_requests_total Requests refused, per channel and reason.",
            "# TYPE labbaik_rejected_requests_total counter",
            *(
                f'labbaik_rejected_requests_total{{channel="{c}",reason="{r}"}} {n}'
                for (c, r), n in sorted(self.rejected.items())
            ),
            "# HELP labbaik_webhook_requests_total Platform webhook calls, per channel and status.",
            "# TYPE labbaik_webhook_requests_total counter",
            *(
                f'labbaik_webhook_requests_total{{channel="{c}",status="{code}"}} {n}'
                for (c, code), n in sorted(self.webhooks.items())
            ),
        ]
        if outbox_pending is not None:
            lines += [
                "# HELP labbaik_outbox_pending Messages queued in the outbox, not yet accepted.",
                "# TYPE labbaik_outbox_pending gauge",
                f"labbaik_outbox_pending {outbox_pending}",
            ]
        return "\n".join(lines) + "\n"


def _samples(name: str, counts: Counter[str]) -> list[str]:
    return [f'{name}{{channel="{channel}"}} {n}' for channel, n in sorted(counts.items())]


class WebhookCountingMiddleware:
    """Counts calls to /webhooks/<channel> by answer status, without touching the adapters."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not path.startswith(WEBHOOK_PREFIX):
            await self.app(scope, receive, send)
            return
        channel = path.removeprefix(WEBHOOK_PREFIX).split("/")[0][:32]

        async def counting_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.metrics.count_webhook(channel, int(message["status"]))
            await send(message)

        await self.app(scope, receive, counting_send)
