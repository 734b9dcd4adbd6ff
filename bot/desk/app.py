"""The desk as a route provider: `routes(runtime, web)`, mounted by bot/app/wiring.py.

It builds the one `Desk` (bot/desk/pages.py) for the runtime and gives every
page's routes, in an order where fixed paths come before the patterns that
would also match them (/desk/cases/new before /desk/cases/<ticket>), and the
desk's static files (its stylesheet, the live chats' script and sound; no script
is needed to use it).

Navigation is `templates/base.html`; a new page (the reports are one)
adds its module's ENDPOINTS to `PAGES` and its link to the `nav` block there.
The live chats (bot/desk/chat_pages.py) are routes of their own: they call the
chat API (bot/handoff/chats.py), which runs its own transactions.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from bot.core.runtime import Runtime
from bot.desk import admin, audit_log, auth, case_page, filing, queue, reports
from bot.desk.chat_pages import ChatPages
from bot.desk.pages import Desk, Endpoint
from bot.desk.templating import environment
from bot.web.context import WebContext

STATIC = Path(__file__).resolve().parent / "static"
PAGES: tuple[tuple[Endpoint, ...], ...] = (
    auth.ENDPOINTS,
    queue.ENDPOINTS,
    filing.ENDPOINTS,  # /desk/cases/new before /desk/cases/{ticket}
    case_page.ENDPOINTS,
    reports.ENDPOINTS,
    audit_log.ENDPOINTS,
    admin.ENDPOINTS,
)


def build_desk(runtime: Runtime) -> Desk:
    return Desk(runtime, environment(), clock=runtime.service.clock)


def routes(runtime: Runtime, web: WebContext) -> Sequence[BaseRoute]:
    desk = build_desk(runtime)
    found: list[BaseRoute] = [*auth.Login(desk).routes()]
    found += desk.routes([endpoint for page in PAGES for endpoint in page])
    found += ChatPages(desk).routes()  # the live chats call bot/handoff/chats.py themselves
    found.append(Mount("/desk/static", StaticFiles(directory=STATIC), name="desk-static"))
    return found
