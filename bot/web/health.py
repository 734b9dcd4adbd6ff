"""GET /healthz and GET /metrics.

Health answers 200 while the app can take messages: the database must answer,
the NLU server may be down (the bot then works from menus), which is reported
as "degraded" rather than failing the check. So is content that does not
validate: the last good snapshot keeps serving, and `content.problems` (only
present then) names
every broken `file:line` (`content.serving` says whether the files or the last
good copy are in force). Without a reachable database the app cannot store
anything, so that is a 503.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from bot.core.runtime import Runtime
from bot.web.metrics import Metrics
from storage.models import OutboxItem

log = logging.getLogger(__name__)


def _database_ok(runtime: Runtime) -> bool:
    try:
        with runtime.service.database.session() as session:
            session.execute(text("SELECT 1"))
        return True
    except SQLAlchemyError as exc:
        log.warning("health: database unreachable: %s", type(exc).__name__)
        return False


def _outbox_pending(runtime: Runtime) -> int | None:
    try:
        with runtime.service.database.session() as session:
            query = select(func.count()).where(OutboxItem.status.in_(("pending", "sending")))
            return int(session.scalar(query) or 0)
    except SQLAlchemyError as exc:
        log.warning("metrics: outbox not readable: %s", type(exc).__name__)
        return None


async def _nlu_status(runtime: Runtime) -> str:
    nlu = runtime.service.nlu
    if nlu is None:
        return "disabled"
    return "up" if await nlu.health() else "down"


class Health:
    def __init__(self, runtime: Runtime, metrics: Metrics) -> None:
        self.runtime = runtime
        self.metrics = metrics

    async def healthz(self, request: Request) -> Response:
        database_ok, nlu = await asyncio.gather(
            asyncio.to_thread(_database_ok, self.runtime), _nlu_status(self.runtime)
        )
        content = self.runtime.content.status
        status = "ok" if nlu != "down" and not content.problems else "degraded"
        if not database_ok:
            status = "down"
        body: dict[str, object] = {
            "status": status,
            "database": "up" if database_ok else "down",
            "nlu": nlu,
        }
        if content.problems:  # only then: what is broken, and what serves meanwhile
            body["content"] = content.as_json()
        return JSONResponse(
            body, status_code=200 if database_ok else 503, headers={"cache-control": "no-store"}
        )

    async def metrics_text(self, request: Request) -> Response:
        pending = await asyncio.to_thread(_outbox_pending, self.runtime)
        return PlainTextResponse(
            self.metrics.render(pending), media_type="text/plain; version=0.0.4"
        )
