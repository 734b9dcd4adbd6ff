"""The live chats as the desk works them: the one API the desk's chat pages call.

    chats = Chats(runtime)                       # once per web app (bot/desk/)
    await chats.list_open(agent_id=7)            # waiting, then active chats of their teams
    view = await chats.get(agent_id=7, chat_id=12)
    await chats.claim(agent_id=7, chat_id=12)    # HandoffTaken: another agent was first
    await chats.reply(agent_id=7, chat_id=12, text="...", translate=False)
    await chats.send_canned(agent_id=7, chat_id=12, name="location")
    await chats.end(agent_id=7, chat_id=12)      # the bot asks the pilgrim how it went
    async with chats.watch(agent_id=7) as events: ...   # for server-sent events

Every action is one transaction, checks access first (`storage.access`: a
chat of another team is "not found", word for word as one that does not
exist), writes an audit row, and tells the pilgrim what they need to know
(who joined, that the chat was passed on, that it ended) in their language
through the outbox. Agents are passed by id (from the desk session); what
comes back are frozen views (bot/handoff/views.py). Errors are storage's:
`HandoffNotFound` / `CaseNotFound` (404), `HandoffTaken` and
`HandoffStateError` (409), `NotPermitted` (403), `InvalidValue` (400, also
`UnknownCannedReply`).

`sweep()` is the periodic job (`labbaik run`, bot/handoff/sweep.py): chats
nobody answered in time go back to the bot with an apology (their messages
are kept: `list_closed()` lists them for a follow-up, `take_over` starts
one), and chats silent both ways for long are ended. What the pilgrim is
told is bot/handoff/notices.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from bot.core.background import Background
from bot.core.live import RESYNC
from bot.core.runtime import Runtime
from bot.handoff.canned import CannedLibrary
from bot.handoff.chat_reads import build_view, canned_options, summaries
from bot.handoff.chat_translation import ChatTranslations
from bot.handoff.notices import ask_rating, lock_conversation_first, tell
from bot.handoff.sweep import sweep
from bot.handoff.translation import Translator
from bot.handoff.views import CannedOption, ChatSummary, ChatView, SentReply
from dialogs.tickets import parse_ticket
from storage import service as store
from storage.errors import HandoffTaken, InvalidValue, NotPermitted
from storage.models import Agent, Case, Handoff, Person

T = TypeVar("T")


class UnknownCannedReply(InvalidValue):
    """No canned reply has this name or shortcut."""


@dataclass(frozen=True)
class ChatEvent:
    """A change to a chat the agent may see (or `resync`: re-read, something was missed)."""

    change: str  # opened | claimed | message | reply | translated | transferred | ended | ...
    chat_id: int | None
    status: str | None
    team: str | None
    agent_id: int | None
    message_id: int | None = None
    gone: bool = False  # moved to a team the agent does not see (a transfer): drop it

    @property
    def resync(self) -> bool:
        return self.change == "resync"


class Chats:
    """The desk's live-chat API on one runtime (its database, content, outbox and bus)."""

    def __init__(self, runtime: Runtime, *, translator: Translator | None = None) -> None:
        self.runtime = runtime
        self.service = runtime.service
        self.settings = runtime.settings
        translator = translator or Translator(runtime.settings.translation)
        self.translations = ChatTranslations(
            self.service.database, translator, clock=self.service.clock
        )
        self.background = Background()  # translations after a reply or a claim

    # ---- reads -------------------------------------------------------------------------

    async def list_open(self, *, agent_id: int) -> list[ChatSummary]:
        """Open chats of the agent's team (every team's for supervisors): waiting first."""
        return await self._read(
            lambda s, a: summaries(s, store.visible_chats(s, agent=a)), agent_id
        )

    async def list_closed(self, *, agent_id: int, hours: float = 24.0) -> list[ChatSummary]:
        """Chats of the agent's teams that ended or went back to the bot in the last `hours`."""
        since = self.service.clock() - timedelta(hours=hours)

        def read(session: Session, agent: Agent) -> list[ChatSummary]:
            teams = None if agent.sees_every_team else [agent.team or ""]
            return summaries(session, store.closed_chats(session, teams=teams, since=since))

        return await self._read(read, agent_id)

    async def get(self, *, agent_id: int, chat_id: int | str) -> ChatView:
        """One chat with the conversation before it, for its page."""

        def read(session: Session, agent: Agent) -> ChatView:
            return self._view(
                session, agent, store.access_handoff(session, agent=agent, handoff_id=chat_id)
            )

        return await self._read(read, agent_id)

    async def canned_replies(self, *, agent_id: int) -> list[CannedOption]:
        """The canned replies, named and worded in the agent's desk language."""
        content = self.service.content.current()
        library = content.part(CannedLibrary)
        return await self._read(
            lambda s, a: canned_options(content, library, a, self._args(a)), agent_id
        )

    # ---- actions -----------------------------------------------------------------------

    async def claim(
        self, *, agent_id: int, chat_id: int | str, client_address: str | None = None
    ) -> ChatView:
        """Take a waiting chat; of agents racing, exactly one wins (`HandoffTaken`)."""
        view = await self._act(agent_id, partial(self._claim, chat_id, client_address))
        if self.translations.enabled:
            self.background.spawn(self.translations.backlog(view.chat.id), name="chat-backlog")
        return view

    async def reply(
        self,
        *,
        agent_id: int,
        chat_id: int | str,
        text: str,
        translate: bool = False,
        client_address: str | None = None,
    ) -> SentReply:
        """Send the agent's words to the pilgrim (translated into their language if asked and
        translation is on; as typed when it fails or is slow)."""
        sent, job = await self._act(
            agent_id, partial(self._reply, chat_id, text, translate, client_address)
        )
        if job is not None:
            self.background.spawn(self.translations.agent_reply(**job), name="chat-reply")
        return sent

    async def send_canned(
        self, *, agent_id: int, chat_id: int | str, name: str, client_address: str | None = None
    ) -> SentReply:
        """Send a canned reply by name or shortcut: the pilgrim gets it in their language."""
        return await self._act(agent_id, partial(self._canned, chat_id, name, client_address))

    async def transfer(
        self,
        *,
        agent_id: int,
        chat_id: int | str,
        to_agent_id: int | None = None,
        to_team: str | None = None,
        client_address: str | None = None,
    ) -> ChatView:
        """Pass the chat to another agent (it stays with an agent) or team (it waits again)."""
        work = partial(self._transfer, chat_id, to_agent_id, to_team, client_address)
        return await self._act(agent_id, work)

    async def end(
        self, *, agent_id: int, chat_id: int | str, client_address: str | None = None
    ) -> ChatView:
        """Hand the chat back to the bot, which asks the pilgrim how it went."""
        return await self._act(agent_id, partial(self._end, chat_id, client_address))

    async def take_over(
        self,
        *,
        agent_id: int,
        ticket_id: str | None = None,
        chat_id: int | str | None = None,
        client_address: str | None = None,
    ) -> ChatView:
        """Start a chat with the pilgrim of a case (or of an earlier chat) and hold it at once.

        A chat of theirs already waiting is claimed instead; one already held by
        another agent is `HandoffTaken`.
        """
        if (ticket_id is None) == (chat_id is None):
            raise InvalidValue("take over the chat of a case (ticket_id) or of an earlier chat")
        return await self._act(
            agent_id, partial(self._take_over, ticket_id, chat_id, client_address)
        )

    async def settle(self) -> None:
        """Wait for translations still running (tests; shutdown)."""
        await self.background.settle()

    # ---- live updates ------------------------------------------------------------------

    @asynccontextmanager
    async def watch(self, *, agent_id: int) -> AsyncIterator[AsyncIterator[ChatEvent]]:
        """Changes to chats the agent may see, from now on (the process's live bus).

        The agent's teams are read once: an SSE endpoint should end the stream when
        the desk session does, and re-read its data on `resync`. A chat transferred
        from the agent's team to another is heard once more, `gone` (out of sight now).
        """
        teams = await self._read(lambda s, a: None if a.sees_every_team else {a.team}, agent_id)
        async with self.runtime.live.subscribe(topics={"handoff"}) as events:
            yield _visible(events, teams)

    # ---- one transaction each ----------------------------------------------------------

    async def _read(self, read: Callable[[Session, Agent], T], agent_id: int) -> T:
        def run() -> T:
            with self.service.database.session() as session:
                return read(session, self._agent(session, agent_id))

        return await asyncio.to_thread(run)

    async def _act(self, agent_id: int, work: Callable[[Session, Agent, datetime], T]) -> T:
        def run() -> T:
            with self.service.database.transaction() as session:
                return work(session, self._agent(session, agent_id), self.service.clock())

        result = await asyncio.to_thread(run)
        self.runtime.outbox_wakeup.set()
        return result

    @staticmethod
    def _agent(session: Session, agent_id: int) -> Agent:
        agent = session.get(Agent, agent_id) if isinstance(agent_id, int) else None
        if agent is None or not agent.active:
            raise NotPermitted(f"agent {agent_id!r} is unknown or disabled")
        return agent

    def _claim(
        self, chat_id: int | str, client: str | None, s: Session, agent: Agent, now: datetime
    ) -> ChatView:
        chat = store.access_handoff(s, agent=agent, handoff_id=chat_id)
        store.claim_handoff(s, handoff=chat, agent=agent, now=now)
        self._notice(s, chat, "handoff-joined", {"agent": agent.display_name})
        self._audit(s, agent, "handoff.claim", chat, client)
        return self._view(s, agent, chat)

    def _reply(
        self,
        chat_id: int | str,
        text: str,
        translate: bool,
        client: str | None,
        s: Session,
        agent: Agent,
        now: datetime,
    ) -> tuple[SentReply, dict[str, Any] | None]:
        chat = store.access_handoff(s, agent=agent, handoff_id=chat_id)
        pilgrim = chat.language or chat.person.language
        translating = bool(
            translate and self.translations.enabled and pilgrim and pilgrim != agent.desk_language
        )
        hold = self.translations.hold_until(now) if translating else None
        message = store.record_agent_reply(
            s, handoff=chat, agent=agent, text=text, now=now, send_after=hold
        )
        self._audit(
            s, agent, "handoff.reply", chat, client, chars=len(text), translated=translating
        )
        job = {"message_id": message.id, "source": agent.desk_language, "target": pilgrim}
        return SentReply(chat.id, message.id, translating), job if translating else None

    def _canned(
        self,
        chat_id: int | str,
        name: str,
        client: str | None,
        s: Session,
        agent: Agent,
        now: datetime,
    ) -> SentReply:
        chat = store.access_handoff(s, agent=agent, handoff_id=chat_id)
        canned = self.service.content.current().part(CannedLibrary).find(name)
        if canned is None:
            raise UnknownCannedReply(f"no canned reply {name!r}")
        message = store.record_agent_reply(
            s, handoff=chat, agent=agent, key=canned.key, args=self._args(agent), now=now
        )
        self._audit(s, agent, "handoff.canned", chat, client, canned=canned.shortcut)
        return SentReply(chat.id, message.id, translating=False)

    def _transfer(
        self,
        chat_id: int | str,
        to_agent_id: int | None,
        to_team: str | None,
        client: str | None,
        s: Session,
        agent: Agent,
        now: datetime,
    ) -> ChatView:
        chat = store.access_handoff(s, agent=agent, handoff_id=chat_id)
        to_agent = self._agent(s, to_agent_id) if to_agent_id is not None else None
        store.transfer_handoff(
            s, handoff=chat, by=agent, to_agent=to_agent, to_team=to_team, now=now
        )
        if to_agent is not None:
            self._notice(s, chat, "handoff-joined", {"agent": to_agent.display_name})
        else:
            self._notice(s, chat, "handoff-transferred", {})
        detail = {"to_agent": to_agent_id} if to_agent_id is not None else {"to_team": to_team}
        self._audit(s, agent, "handoff.transfer", chat, client, **detail)
        return self._view(s, agent, chat)

    def _end(
        self, chat_id: int | str, client: str | None, s: Session, agent: Agent, now: datetime
    ) -> ChatView:
        chat = store.access_handoff(s, agent=agent, handoff_id=chat_id)
        if chat.agent_id != agent.id and not agent.sees_every_team:
            raise NotPermitted(f"agent {agent.username!r} does not hold chat {chat.id}")
        lock_conversation_first(s, chat)
        store.end_handoff(s, handoff=chat, by=agent.actor, now=now)
        ask_rating(self.service, s, chat, now)
        self._audit(s, agent, "handoff.end", chat, client)
        return self._view(s, agent, chat)

    def _take_over(
        self,
        ticket_id: str | None,
        chat_id: int | str | None,
        client: str | None,
        s: Session,
        agent: Agent,
        now: datetime,
    ) -> ChatView:
        if ticket_id is not None:
            typed = parse_ticket(ticket_id)  # "mk 1234566" as the desk's search box takes it
            canonical = typed.ticket_id if typed.ticket_id else ticket_id
            case: Case | None = store.access_case(s, agent=agent, ticket_id=canonical)
            assert case is not None
            person, team = case.reporter, case.team
        else:
            earlier = store.access_handoff(s, agent=agent, handoff_id=chat_id or "")
            case, person, team = earlier.case, earlier.person, earlier.team
        chat = self._open_for(s, agent, person, team, case, now)
        if chat.agent_id != agent.id:
            store.claim_handoff(s, handoff=chat, agent=agent, now=now)
            key = "handoff-joined-case" if case is not None else "handoff-joined"
            args = {"agent": agent.display_name, "ticket": case.ticket_id if case else None}
            self._notice(s, chat, key, args)
        detail = {"ticket_id": case.ticket_id} if case is not None else {"from_chat": chat_id}
        self._audit(s, agent, "handoff.take_over", chat, client, **detail)
        return self._view(s, agent, chat)

    def _open_for(
        self,
        s: Session,
        agent: Agent,
        person: Person,
        team: str | None,
        case: Case | None,
        now: datetime,
    ) -> Handoff:
        """The pilgrim's open chat, or a new one in a team this agent works for."""
        chat = store.open_handoff_of(s, person=person)
        if chat is not None:
            if chat.status == "with_agent" and chat.agent_id != agent.id:
                raise HandoffTaken(f"chat {chat.id} is with another agent")
            if not store.may_see_team(agent, chat.team):
                raise NotPermitted(f"chat {chat.id} waits in another team's queue")
            return chat
        chat, _ = store.open_handoff(
            s,
            person=person,
            team=self._team_for(s, agent, team),
            reason="agent",
            language=(case.language if case else None) or person.language,
            case=case,
            now=now,
        )
        return chat

    def _team_for(self, s: Session, agent: Agent, wanted: str | None) -> str:
        for slug in (wanted, agent.team, self.settings.handoff.general_team):
            team = store.get_team(s, slug=slug) if slug else None
            if team is not None and team.active and store.may_see_team(agent, slug):
                return team.slug
        raise NotPermitted(f"agent {agent.username!r} has no active team to take the chat in")

    # ---- the periodic job --------------------------------------------------------------

    async def sweep(self) -> dict[str, int]:
        """Give back chats nobody answered in time and end chats silent for long (sweep.py)."""
        return await sweep(self.runtime)

    # ---- shared pieces -----------------------------------------------------------------

    def _args(self, agent: Agent) -> dict[str, Any]:
        return {"agent": agent.display_name, "hotline": self.settings.contact.hotline}

    def _view(self, s: Session, agent: Agent, chat: Handoff) -> ChatView:
        return build_view(
            s,
            agent=agent,
            chat=chat,
            content=self.service.content.current(),
            windows=self.runtime.reply_windows,
            now=self.service.clock(),
            history=self.settings.handoff.history_messages,
        )

    def _notice(self, s: Session, chat: Handoff, key: str, args: dict[str, Any]) -> None:
        tell(self.service, s, chat, key, args)

    @staticmethod
    def _audit(
        s: Session, agent: Agent, action: str, chat: Handoff, client: str | None, **detail: Any
    ) -> None:
        store.record_audit(
            s,
            agent=agent,
            action=action,
            object_type="handoff",
            object_id=chat.id,
            detail={"team": chat.team, **detail},
            client_address=client,
        )


async def _visible(
    events: AsyncIterator[Any], teams: set[str | None] | None
) -> AsyncIterator[ChatEvent]:
    async for event in events:
        if event.topic == RESYNC:
            yield ChatEvent("resync", None, None, None, None)
            continue
        payload = event.payload
        gone = False
        if teams is not None and payload.get("team") not in teams:
            left = payload.get("from_team")  # a transfer between teams: both hear of it
            if left is None or left not in teams:
                continue
            gone = True
        yield ChatEvent(
            change=str(payload.get("change")),
            chat_id=payload.get("handoff_id"),
            status=payload.get("status"),
            team=payload.get("team"),
            agent_id=payload.get("agent_id"),
            message_id=payload.get("message_id"),
            gone=gone,
        )
