"""The live chats (/desk/chats): the queue of waiting and active chats, one chat's page, live.

GET  /desk/chats                     waiting and active chats of the agent's team(s), then
                                     the ones ended in the last 24 hours
GET  /desk/chats/list                the same tables alone (what chats.js swaps in)
GET  /desk/chats/events              server-sent events: a chat of the agent's teams changed
GET  /desk/chats/<id>                the conversation and what the agent may do with it
GET  /desk/chats/<id>/lines          the conversation alone (`?after=<message id>`: newer only)
POST /desk/chats/<id>/claim          take a waiting chat (of agents racing, one wins: 409)
POST /desk/chats/<id>/reply          `text` (as typed; `translate` when translation is on)
POST /desk/chats/<id>/canned         `name`: a canned reply's shortcut
POST /desk/chats/<id>/transfer       `agent` (an id, same team) or `team` (a slug)
POST /desk/chats/<id>/end            hand it back to the bot, which asks for a rating
POST /desk/chats/<id>/take-over      a new chat with the person of an ended one
POST /desk/cases/<ticket>/chat       a chat with the reporter of a case, held at once

Everything a chat does goes through `bot.handoff.chats.Chats` (access checked
there: another team's chat is "not found" exactly as a missing one, and every
action is its audit row). So unlike the other desk pages these do not run in
the desk's transaction: `Desk.admit` checks the session, role and CSRF token
first, in a transaction of its own, then the page calls the API.

The pages work without script (every action is a plain POST form, answered
with a redirect to the chat). bot/desk/static/chats.js, when it runs, listens
to /desk/chats/events and swaps in the list or the new lines, shows a badge
and plays static/new-chat.wav for a new waiting chat. The event stream ends
when the desk session does (sign-out, idle timeout: checked on every event
and every SESSION_CHECK_SECONDS) and when the server shuts down.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import anyio
from sse_starlette import EventSourceResponse, ServerSentEvent
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from bot.desk.casemap import osm_link
from bot.desk.pages import (
    COOKIE,
    NO_STORE,
    STAFF,
    AdmittedRefusal,
    Desk,
    Endpoint,
    Refused,
    Viewer,
    form_field,
    has_control_characters,
    storage_refusal,
)
from bot.desk.texts import DeskTexts
from bot.handoff.chats import ChatEvent, Chats, UnknownCannedReply
from bot.handoff.views import ChatLine, ChatView
from storage import service as store
from storage.errors import HandoffStateError, HandoffTaken, NotFound, StorageError

SESSION_CHECK_SECONDS = 15.0  # an open event stream re-checks its desk session this often
PING_SECONDS = 20  # keeps proxies from closing a quiet stream
SHUTDOWN_GRACE_SECONDS = 2.0  # for the stream to end itself before sse-starlette cuts it
CLOSED_HOURS = 24.0
CHAT_CHANNELS = ("telegram", "whatsapp", "webchat")  # where a person can hold a live chat


@dataclass
class ChatRequest:
    """One request to a chat page, after the desk let it in."""

    pages: ChatPages
    request: Request
    viewer: Viewer
    form: FormData
    t: DeskTexts = field(init=False)

    def __post_init__(self) -> None:
        self.t = self.pages.desk.texts(self.viewer.lang)

    @property
    def chats(self) -> Chats:
        return self.pages.chats

    @property
    def client_address(self) -> str | None:
        return self.request.client.host if self.request.client else None

    def path(self, name: str, max_chars: int = 32) -> str:
        value = str(self.request.path_params.get(name, ""))
        if not value or len(value) > max_chars or has_control_characters(value):
            raise Refused(404, "error-not-found")
        return value

    def field(self, name: str, *, required: bool = False, max_chars: int = 4000) -> str | None:
        return form_field(self.form, name, required=required, max_chars=max_chars)

    def render(self, template: str, status: int = 200, **context: Any) -> Response:
        url = self.request.url
        here = url.path if self.request.method == "GET" else "/desk/chats"
        return self.pages.desk.page(
            template, self.viewer, status=status, request_path=here, nav="chats", **context
        )

    def redirect(self, url: str) -> RedirectResponse:
        return RedirectResponse(url, status_code=303, headers=NO_STORE)


Handler = Callable[[ChatRequest], Awaitable[Response]]


class ChatPages:
    """The chat routes on one desk, with the one `Chats` of this web app."""

    def __init__(self, desk: Desk, chats: Chats | None = None) -> None:
        self.desk = desk
        self.chats = chats or Chats(desk.runtime)
        self.session_check_seconds = SESSION_CHECK_SECONDS

    def routes(self) -> list[Route]:
        post = ("POST",)
        return [
            self._route("/desk/chats", show_list, name="desk_chats"),
            self._route("/desk/chats/list", list_fragment),
            Route("/desk/chats/events", self.events, methods=["GET"]),
            self._route("/desk/chats/{chat}", show_chat, name="desk_chat"),
            self._route("/desk/chats/{chat}/lines", lines_fragment),
            self._route("/desk/chats/{chat}/claim", claim, post),
            self._route("/desk/chats/{chat}/reply", reply, post),
            self._route("/desk/chats/{chat}/canned", canned, post),
            self._route("/desk/chats/{chat}/transfer", transfer, post),
            self._route("/desk/chats/{chat}/end", end, post),
            self._route("/desk/chats/{chat}/take-over", follow_up, post),
            self._route("/desk/cases/{ticket}/chat", take_over_case, post),
        ]

    def _route(
        self, path: str, handler: Handler, methods: tuple[str, ...] = ("GET",), **kw: Any
    ) -> Route:
        endpoint = Endpoint(path, lambda page: Response(), methods=methods, roles=STAFF)

        async def serve(request: Request) -> Response:
            form = await self.desk.read_form(request)
            if form is None:
                return self.desk.refusal(None, Refused(400, "error-form"))
            viewer: Viewer | None = None
            try:
                admitted = await run_in_threadpool(self.desk.admit, endpoint, request, form)
                if isinstance(admitted, Response):
                    return admitted
                viewer = admitted
                return await handler(ChatRequest(self, request, viewer, form))
            except AdmittedRefusal as exc:
                return self.desk.refusal(exc.viewer, exc.refused)
            except Refused as exc:
                return self.desk.refusal(viewer, exc)
            except StorageError as exc:
                return self.desk.refusal(viewer, chat_refusal(exc))

        return Route(path, serve, methods=list(methods), **kw)

    # ---- server-sent events ------------------------------------------------------------

    async def events(self, request: Request) -> Response:
        """`chat` events (ids and codes only) of the agent's teams' chats, until the desk
        session ends (then one `signed-out` event) or the server stops."""
        endpoint = Endpoint("/desk/chats/events", lambda page: Response(), roles=STAFF)
        try:
            admitted = await run_in_threadpool(self.desk.admit, endpoint, request, FormData())
        except (Refused, AdmittedRefusal):
            return Response(status_code=404, headers=NO_STORE)
        if isinstance(admitted, Response):
            return admitted
        token = request.cookies.get(COOKIE, "")
        shutdown = anyio.Event()  # set by sse-starlette when uvicorn is told to stop
        return EventSourceResponse(
            self._stream(admitted.id, token, shutdown),
            ping=PING_SECONDS,
            headers=NO_STORE,
            shutdown_event=shutdown,
            shutdown_grace_period=SHUTDOWN_GRACE_SECONDS,
        )

    async def _stream(
        self, agent_id: int, token: str, shutdown: anyio.Event
    ) -> AsyncIterator[ServerSentEvent]:
        async with self.chats.watch(agent_id=agent_id) as events:
            yield ServerSentEvent(data="{}", event="ready")
            # One pending read of the bus at a time: cancelling an `anext` would close it.
            following: asyncio.Future[ChatEvent] | None = None
            stopping: asyncio.Future[Any] = asyncio.ensure_future(shutdown.wait())
            try:
                while True:
                    if following is None:
                        following = asyncio.ensure_future(anext(events))
                    waiting: set[asyncio.Future[Any]] = {following, stopping}
                    done, _ = await asyncio.wait(
                        waiting,
                        timeout=self.session_check_seconds,
                        return_when=asyncio.FIRST_COMPLETED,
                    )
                    if stopping in done:
                        return  # the server stops: end the response properly
                    event = following.result() if following in done else None
                    if following in done:
                        following = None
                    if not await run_in_threadpool(self.desk.still_signed_in, token):
                        yield ServerSentEvent(data="{}", event="signed-out")
                        return
                    if event is not None:
                        yield sse(event)
            finally:
                stopping.cancel()
                if following is not None:
                    following.cancel()


def sse(event: ChatEvent) -> ServerSentEvent:
    if event.resync:
        return ServerSentEvent(data="{}", event="resync")
    data = {
        "change": event.change,
        "chat": event.chat_id,
        "status": event.status,
        "message": event.message_id,
    }
    if event.gone:
        data["gone"] = True  # transferred to a team this agent does not see
    return ServerSentEvent(data=json.dumps(data), event="chat")


def chat_refusal(exc: StorageError) -> Refused:
    """The API's errors as pages: not found 404, taken / moved on 409, bad input 400."""
    if isinstance(exc, NotFound):
        return Refused(404, "error-not-found")
    if isinstance(exc, UnknownCannedReply):
        return Refused(400, "error-canned-unknown")
    if isinstance(exc, HandoffTaken):
        return Refused(409, "error-chat-taken-by-someone")
    if isinstance(exc, HandoffStateError):
        return Refused(409, "error-chat-moved-on")
    return storage_refusal(exc)


# ---- reads -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Team:
    slug: str
    name: str


@dataclass(frozen=True)
class Colleague:
    id: int
    name: str


async def _lists(req: ChatRequest) -> dict[str, Any]:
    agent = req.viewer.id
    open_chats = await req.chats.list_open(agent_id=agent)
    closed = await req.chats.list_closed(agent_id=agent, hours=CLOSED_HOURS)
    hours = req.pages.desk.settings.handoff.hours
    return {
        "waiting": [c for c in open_chats if c.status == "waiting"],
        "active": [c for c in open_chats if c.status == "with_agent"],
        "closed": closed,
        "in_hours": hours.is_open(req.pages.desk.clock()),
        "hours": hours,
        "teams": await run_in_threadpool(_team_names, req),
    }


def _team_names(req: ChatRequest) -> dict[str, str]:
    with req.pages.desk.database.session() as s:
        return {
            t.slug: t.names.get(req.viewer.lang) or t.slug
            for t in store.list_teams(s, include_inactive=True)
        }


async def show_list(req: ChatRequest) -> Response:
    return req.render("chats.html", **await _lists(req))


async def list_fragment(req: ChatRequest) -> Response:
    return req.render("chat_list.html", **await _lists(req))


def _transfer_choices(req: ChatRequest, view: ChatView) -> tuple[list[Colleague], list[Team]]:
    with req.pages.desk.database.session() as s:
        colleagues = [
            Colleague(a.id, a.display_name)
            for a in store.list_agents(s, team=view.chat.team)
            if a.id != req.viewer.id
        ]
        teams = [
            Team(t.slug, t.names.get(req.viewer.lang) or t.slug)
            for t in store.list_teams(s)
            if t.slug != view.chat.team
        ]
    return colleagues, teams


def _photo_url(line: ChatLine) -> str | None:
    return f"/desk/photos/{line.media['ref']}" if line.media and line.media.get("ref") else None


def _map_url(line: ChatLine) -> str | None:
    place = line.location
    if not place or place.get("lat") is None or place.get("lon") is None:
        return None
    return osm_link(float(place["lat"]), float(place["lon"]))


def _isolate(text: str) -> str:
    """Left-to-right text (a shortcut) inside right-to-left text where no <bdi> can go
    (an <option>): between Unicode's first-strong isolate marks, as Fluent places arguments."""
    return f"\u2068{text}\u2069"


def _line_context(req: ChatRequest, view: ChatView) -> dict[str, Any]:
    return {"view": view, "photo_url": _photo_url, "map_url": _map_url, "isolate": _isolate}


async def show_chat(req: ChatRequest) -> Response:
    view = await req.chats.get(agent_id=req.viewer.id, chat_id=req.path("chat"))
    canned_options = await req.chats.canned_replies(agent_id=req.viewer.id) if view.yours else []
    colleagues, teams = await run_in_threadpool(_transfer_choices, req, view)
    translation = req.chats.translations.enabled
    return req.render(
        "chat.html",
        canned=canned_options,
        colleagues=colleagues,
        transfer_teams=teams,
        translation=translation,
        can_follow_up=view.chat.channel in CHAT_CHANNELS,
        team_name=(await run_in_threadpool(_team_names, req)).get(view.chat.team, view.chat.team),
        last_id=view.lines[-1].id if view.lines else 0,
        **_line_context(req, view),
    )


async def lines_fragment(req: ChatRequest) -> Response:
    view = await req.chats.get(agent_id=req.viewer.id, chat_id=req.path("chat"))
    after = req.request.query_params.get("after", "")
    if after and not (after.isdigit() and len(after) <= 18):
        raise Refused(400, "error-unknown-value", what="after", value=after[:20])
    lines = [line for line in view.lines if line.id > int(after)] if after else list(view.lines)
    return req.render(
        "chat_lines.html", lines=lines, fragment=bool(after), **_line_context(req, view)
    )


# ---- actions -----------------------------------------------------------------------------


def _chat_url(chat_id: int | str, anchor: str = "") -> str:
    return f"/desk/chats/{chat_id}" + (f"#{anchor}" if anchor else "")


async def claim(req: ChatRequest) -> Response:
    chat_id = req.path("chat")
    try:
        view = await req.chats.claim(
            agent_id=req.viewer.id, chat_id=chat_id, client_address=req.client_address
        )
    except HandoffTaken:
        raise await _taken(req, chat_id) from None
    return req.redirect(_chat_url(view.chat.id, "reply"))


async def _taken(req: ChatRequest, chat_id: int | str) -> Refused:
    """The 409 of a lost race: who took it (or, if it went back meanwhile, that it moved on)."""
    view = await req.chats.get(agent_id=req.viewer.id, chat_id=chat_id)
    if view.chat.status == "with_agent" and view.chat.agent_name:
        return Refused(409, "error-chat-taken", agent=view.chat.agent_name, chat=view.chat.id)
    return Refused(409, "error-chat-moved-on")


async def reply(req: ChatRequest) -> Response:
    chat_id = req.path("chat")
    text = req.field("text", required=True, max_chars=4000)
    assert text is not None
    translate = req.field("translate", max_chars=10) is not None
    shortcut = await _as_shortcut(req, text)
    if shortcut is not None:  # "/location" typed into the box: that canned reply
        sent = await req.chats.send_canned(
            agent_id=req.viewer.id, chat_id=chat_id, name=shortcut,
            client_address=req.client_address,
        )  # fmt: skip
    else:
        sent = await req.chats.reply(
            agent_id=req.viewer.id, chat_id=chat_id, text=text, translate=translate,
            client_address=req.client_address,
        )  # fmt: skip
    return req.redirect(_chat_url(sent.chat_id, "reply"))


async def _as_shortcut(req: ChatRequest, text: str) -> str | None:
    if not text.startswith("/") or len(text) > 40 or " " in text:
        return None
    options = await req.chats.canned_replies(agent_id=req.viewer.id)
    wanted = text.removeprefix("/").lower()
    return next((o.shortcut for o in options if o.shortcut.lower() == wanted), None)


async def canned(req: ChatRequest) -> Response:
    name = req.field("name", required=True, max_chars=64)
    assert name is not None
    sent = await req.chats.send_canned(
        agent_id=req.viewer.id, chat_id=req.path("chat"), name=name,
        client_address=req.client_address,
    )  # fmt: skip
    return req.redirect(_chat_url(sent.chat_id, "reply"))


async def transfer(req: ChatRequest) -> Response:
    agent = req.field("agent", max_chars=18)
    team = req.field("team", max_chars=64)
    if (agent is None) == (team is None):
        raise Refused(400, "error-transfer-one")
    if agent is not None and not agent.isdigit():
        raise Refused(400, "error-unknown-value", what="agent", value=agent[:20])
    view = await req.chats.transfer(
        agent_id=req.viewer.id, chat_id=req.path("chat"),
        to_agent_id=int(agent) if agent is not None else None, to_team=team,
        client_address=req.client_address,
    )  # fmt: skip
    if view.chat.team != req.viewer.team and not req.viewer.is_supervisor:
        return req.redirect("/desk/chats")  # gone to a team this agent cannot see
    return req.redirect(_chat_url(view.chat.id))


async def end(req: ChatRequest) -> Response:
    view = await req.chats.end(
        agent_id=req.viewer.id, chat_id=req.path("chat"), client_address=req.client_address
    )
    return req.redirect(_chat_url(view.chat.id))


async def follow_up(req: ChatRequest) -> Response:
    view = await req.chats.take_over(
        agent_id=req.viewer.id, chat_id=req.path("chat"), client_address=req.client_address
    )
    return req.redirect(_chat_url(view.chat.id, "reply"))


async def take_over_case(req: ChatRequest) -> Response:
    view = await req.chats.take_over(
        agent_id=req.viewer.id, ticket_id=req.path("ticket"), client_address=req.client_address
    )
    return req.redirect(_chat_url(view.chat.id, "reply"))
