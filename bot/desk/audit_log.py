"""The audit log (/desk/audit, supervisors and admins): every staff action, newest first.

Filters are GET parameters: action (exact, or a prefix ending in "." such as
"case."), agent (a username), object (a ticket id, an agent id, a team slug),
from / to (Makkah calendar days, inclusive), page. The reports page may extend
this with charts; the rows come from `storage.list_audit` alone.
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlencode

from starlette.responses import Response

from bot.desk.pages import SUPERVISORS, Endpoint, Page, Refused, has_control_characters
from bot.desk.queue import _day, _number, _start_of
from storage import service as store
from storage.models import Agent

PER_PAGE = 50
_ACTION = re.compile(r"^[a-z][a-z0-9_.]{0,63}$")


def audit_page(page: Page) -> Response:
    q = page.request.query_params
    if any(has_control_characters(v) for v in q.values()):
        raise Refused(400, "error-field", field="query")
    action = q.get("action", "").strip()
    if action and not _ACTION.match(action):
        raise Refused(400, "error-unknown-value", what="action", value=action[:40])
    username = q.get("agent", "").strip()
    agent = store.find_agent(page.session, username=username) if username else None
    if username and agent is None:
        raise Refused(400, "error-unknown-value", what="agent", value=username[:40])
    first, last = _day(q.get("from", ""), "from"), _day(q.get("to", ""), "to")
    number = _number(q.get("page", ""), "page", 1)
    obj = q.get("object", "").strip()[:64]
    filter = store.AuditFilter(
        agent_id=agent.id if agent else None,
        action=action or None,
        object_id=obj or None,
        since=_start_of(first) if first else None,
        until=_start_of(last + timedelta(days=1)) if last else None,
    )
    result = store.list_audit(page.session, filter=filter, page=number, per_page=PER_PAGE)
    names: dict[int, Agent | None] = {}
    for row in result.rows:
        if row.agent_id is not None and row.agent_id not in names:
            names[row.agent_id] = store.get_agent(page.session, agent_id=row.agent_id)
    kept = [(k, v) for k, v in q.multi_items() if k != "page" and v]
    pages = max(1, -(-result.total // PER_PAGE))
    return page.render(
        "audit.html",
        result=result,
        agents=names,
        number=number,
        pages=pages,
        query=q,
        page_url=lambda n: "/desk/audit?" + urlencode([*kept, ("page", str(n))]),
    )


ENDPOINTS = (Endpoint("/desk/audit", audit_page, roles=SUPERVISORS, name="desk_audit"),)
