"""The conversation service: the one path every inbound message takes.

    result = await service.handle(inbound, deliver="inline" | "outbox")
    result.replies    -> tuple[Reply, ...], rendered in the person's language
    result.duplicate  -> True when this (channel, message_id) was handled before;
                         replies are then the ones stored the first time, so a
                         redelivery is answered again without acting twice.

The content snapshot (flows, texts, services' data: bot/core/content.py) is
taken once when a message arrives and that one snapshot serves the whole
message, whatever reload happens meanwhile.

One message is handled in one database transaction: the inbound row (unique
per channel + platform message id), the conversation lock, the dialog step,
case changes and the outgoing messages commit together or not at all. A crash
half-way leaves nothing, so the platform's redelivery is handled afresh; a
redelivery after the commit finds the stored message and its replies. The NLU
is asked before the transaction (only when the dialog step needs free-text
understanding), so no lock is held across an HTTP call.

With deliver="outbox" the replies are also queued in the outbox in the same
transaction, for the worker to send (Telegram); with "inline" the adapter
sends them itself in its HTTP response (TwiML, web chat, console).

`Inbound.unsupported` carries what an adapter could not take: a kind of
message ("sticker", "voice", ...) or a rejected photo ("media_too_large",
"media_wrong_type", "media_unreadable"); the person is told so in their
language and the dialog stays where it was.

A chat handed off to a person (`conversations.handed_off`) skips the NLU and
the dialog engine: the `ChatRouter` (bot/handoff/router.py) files the message
under the live chat and decides what, if anything, the bot says (nothing,
while an agent holds the chat). Work an effect or the router leaves for after
the commit (`EffectContext.after_commit`, e.g. a translation) runs in the
background (`background`) and never delays the reply. `prompt` runs the
dialog on an input the person did not type (a chat ended: "how did it go?")
inside a caller's transaction, queueing what it says in the outbox.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal, Protocol

from sqlalchemy.orm import Session

from bot.core.background import AfterCommit, Background
from bot.core.content import Content, ContentSource
from bot.core.effects import (
    EffectContext,
    EffectRegistry,
    TeamFor,
    TeamNamed,
    no_named_team,
    no_team,
)
from bot.core.messages import Inbound, Reply, ReplyChoice, ReplyLink
from bot.core.nlu_contract import engine_result
from bot.core.settings import Settings
from dialogs import Context, step, wants_nlu
from dialogs.model import Effect, EffectResult, NluResult, Output, UserInput
from dialogs.words import KINDS, MESSAGE_PREFIX, Words, vocabulary
from locales.render import Localizer, is_rtl
from nlu.client import NluClient
from nlu.language import LanguageDetector, decide_language, default_detector, evidence
from storage import service as store
from storage.db import Database
from storage.models import Message, Person

log = logging.getLogger(__name__)

Delivery = Literal["inline", "outbox"]
MAX_EFFECT_ROUNDS = 8  # an engine that keeps awaiting effects is a flow bug
_UNSUPPORTED_KEYS = {
    "media_too_large": "media-too-large",
    "media_wrong_type": "media-wrong-type",
    "media_unreadable": "media-unreadable",
}


# Turns what the person sent into something else before the engine sees it (the
# tips' stop word becomes the `stop` command, bot/municipal/effects.py): (ctx, the
# dialog state, the input) -> the input.
InputRewriter = Callable[[EffectContext, Mapping[str, Any], UserInput], UserInput]
# Answers an input itself, before the engine, when it is meant for something the engine
# does not know (the pilgrim's answer to "is it fixed?", bot/core/fix_answers.py): the
# replies, or None to leave the input to the engine. A flow in progress is then asked again.
InputHandler = Callable[[EffectContext, Mapping[str, Any], UserInput], "list[Output] | None"]

# The place a text names, as written ("Aziziyah", "Grand Mosque"), from the services'
# gazetteer of a content snapshot (bot/municipal/places.py); the engine fills
# `entity: place` slots with it when the NLU found none.
PlaceFinder = Callable[[str], "str | None"]
PlacesFor = Callable[[Content], "PlaceFinder | None"]


def no_places(content: Content) -> PlaceFinder | None:
    return None


_WORDS: weakref.WeakKeyDictionary[Localizer, Words] = weakref.WeakKeyDictionary()


def short_answers(texts: Localizer, languages: Sequence[str]) -> Words:
    """The engine's short-answer words (locales/<lang>/words.ftl), of every language at once."""
    words = _WORDS.get(texts)
    if words is None:
        words = {
            kind: vocabulary(
                texts.render(lang, key) for lang in languages if texts.has(lang, key)
            )
            for kind in KINDS
            if (key := f"{MESSAGE_PREFIX}{kind}")
        }
        _WORDS[texts] = words
    return words


@dataclass(frozen=True)
class HandleResult:
    replies: tuple[Reply, ...]
    duplicate: bool = False


@dataclass(frozen=True)
class Routed:
    """What the chat router decided for a message of a handed-off chat."""

    outputs: tuple[Output, ...] = ()  # what the bot says (mostly nothing: a person answers)
    then: UserInput | None = None  # the dialog goes on with this input afterwards, if given


class ChatRouter(Protocol):
    """Messages of a chat handed off to a person (bot/handoff/router.py).

    Called inside the message's transaction with the stored inbound `message`;
    None means the chat is not handed off after all and the bot answers.
    """

    def route(
        self,
        ctx: EffectContext,
        message: Message,
        user_input: UserInput,
        dialog: Mapping[str, Any],
    ) -> Routed | None: ...


def language_from_hint(hint: str | None, supported: tuple[str, ...]) -> str | None:
    """'ar-SA' -> 'ar', 'in' (old code for Indonesian) -> 'id'; None when unsupported."""
    if not hint:
        return None
    code = hint.replace("_", "-").split("-")[0].lower()
    code = {"in": "id", "per": "fa"}.get(code, code)
    return code if code in supported else None


@dataclass
class _Turn:
    """What the transaction needs from the steps taken before it."""

    inbound: Inbound
    user_input: UserInput
    nlu: NluResult | None
    deliver: Delivery
    content: Content  # the one snapshot this message is handled against
    after_commit: list[AfterCommit] = field(default_factory=list)  # filled by _process


class ConversationService:
    def __init__(
        self,
        *,
        settings: Settings,
        database: Database,
        content: ContentSource,
        effects: EffectRegistry,
        nlu: NluClient | None,
        detector: LanguageDetector | None = None,
        team_for: TeamFor = no_team,
        team_named: TeamNamed = no_named_team,
        places_for: PlacesFor = no_places,
        input_rewriters: Sequence[InputRewriter] = (),
        input_handlers: Sequence[InputHandler] = (),
        chat_router: ChatRouter | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.settings = settings
        self.database = database
        self.content = content
        self.effects = effects
        self.nlu = nlu
        self.detector = detector or default_detector()
        self.team_for = team_for
        self.team_named = team_named
        self.places_for = places_for
        self.input_rewriters = tuple(input_rewriters)
        self.input_handlers = tuple(input_handlers)
        self.chat_router = chat_router
        self.clock = clock
        self.on_outbox: Callable[[], None] | None = None
        self.background = Background()  # after-commit work (`await background.settle()`)

    # ---- the one path ------------------------------------------------------------

    async def handle(self, inbound: Inbound, *, deliver: Delivery = "inline") -> HandleResult:
        content = self.content.current()  # this message's one snapshot, passed down
        user_input = self._user_input(inbound)
        peek = await asyncio.to_thread(self._peek, inbound)
        if isinstance(peek, HandleResult):
            return peek
        state, lang, handed_off = peek
        nlu = None
        ctx = self._engine_context(content, lang)
        wanted = not handed_off
        if wanted and wants_nlu(content.flows, state, user_input, now=self.clock(), ctx=ctx):
            if self.nlu is not None:
                nlu = engine_result(await self.nlu.parse(user_input.text or ""))
            if nlu is None:  # down, too slow, or not configured: the engine says so
                user_input = replace(user_input, nlu_unavailable=True)
        turn = _Turn(inbound, user_input, nlu, deliver, content)
        result = await asyncio.to_thread(self._process, turn)
        self.background.start_all(turn.after_commit)
        if deliver == "outbox" and result.replies and self.on_outbox:
            self.on_outbox()
        return result

    def set_language(self, *, channel: str, user_id: str, language: str) -> None:
        """An explicit choice made outside the dialog (e.g. `labbaik chat --lang`)."""
        with self.database.transaction() as session:
            person = store.get_or_create_person(session, channel=channel, user_id=user_id)
            store.set_person_language(session, person=person, language=language)

    def history(self, channel: str, user_id: str, limit: int = 50) -> list[dict[str, Any]]:
        """The last messages of a chat, oldest first, for a web chat that reloads."""
        with self.database.session() as session:
            person = store.find_person(session, channel=channel, user_id=user_id)
            if person is None:
                return []
            rows = store.recent_messages(session, person=person, limit=limit)
            shown = [m for m in rows if _shown_in_history(m)]
            return [{"direction": m.direction, **m.payload} for m in shown]

    def in_live_chat(self, channel: str, user_id: str) -> bool:
        """Whether the person's chat is with a person now (waiting or held by an agent)."""
        with self.database.session() as session:
            person = store.find_person(session, channel=channel, user_id=user_id)
            conversation = store.find_conversation(session, person=person) if person else None
            return bool(conversation and conversation.handed_off)

    def render(self, lang: str, key: str, args: Mapping[str, Any] | None = None) -> str:
        """A message in the texts in force now (the outbox renders notifications so)."""
        return self.content.current().texts.render(lang, key, dict(args or {}))

    @staticmethod
    def render_output(content: Content, lang: str, output: Output) -> Reply:
        texts = content.texts
        choices = tuple(
            ReplyChoice(id=c.id, label=texts.render(lang, c.key, dict(c.args)))
            for c in output.choices
        )
        links = tuple(
            ReplyLink(url=link.url, label=texts.render(lang, link.key, dict(link.args)))
            for link in output.links
        )
        return Reply(
            key=output.key,
            text=texts.render(lang, output.key, dict(output.args)),
            lang=lang,
            choices=choices,
            expects=output.expects,
            rtl=is_rtl(lang),
            links=links,
        )

    # ---- steps -------------------------------------------------------------------

    @staticmethod
    def _user_input(inbound: Inbound) -> UserInput:
        return UserInput(
            text=inbound.text,
            choice=inbound.choice,
            location=inbound.location,
            media=inbound.media,
            phone=inbound.phone,
            command=inbound.command,
        )

    def _peek(self, inbound: Inbound) -> HandleResult | tuple[dict[str, Any], str, bool]:
        """Stored replies of a redelivery, or the dialog state, language and hand-off flag."""
        with self.database.session() as session:
            seen = store.find_inbound(
                session, channel=inbound.channel, platform_message_id=inbound.message_id
            )
            if seen is not None:
                return self._stored_replies(session, seen)
            person, conversation = store.find_person_and_conversation(
                session, channel=inbound.channel, user_id=inbound.user_id
            )
            state = dict(conversation.state.get("dialog", {})) if conversation else {}
            lang = (person.language if person else None) or self.settings.default_language
            return state, lang, bool(conversation and conversation.handed_off)

    def _stored_replies(self, session: Session, message: Message) -> HandleResult:
        replies = [
            Reply(**_reply_fields(m.payload)) for m in store.replies_to(session, message=message)
        ]
        return HandleResult(tuple(replies), duplicate=True)

    def _process(self, turn: _Turn) -> HandleResult:
        inbound, now = turn.inbound, self.clock()
        with self.database.transaction() as session:
            person = store.get_or_create_person(
                session,
                channel=inbound.channel,
                user_id=inbound.user_id,
                display_name=inbound.display_name,
            )
            message = store.record_inbound(
                session,
                person=person,
                channel=inbound.channel,
                platform_message_id=inbound.message_id,
                payload=_inbound_payload(inbound),
                now=now,
            )
            if message is None:  # a concurrent redelivery committed first
                seen = store.find_inbound(
                    session, channel=inbound.channel, platform_message_id=inbound.message_id
                )
                return self._stored_replies(session, seen) if seen else HandleResult((), True)
            conversation = store.lock_conversation(session, person=person)
            state = dict(conversation.state)
            language = self._language(session, person, inbound, state)
            ctx = self._effect_context(session, person, turn.content, now, language)
            dialog = state.get("dialog", {})
            routed = self._route(ctx, message, dialog, turn) if conversation.handed_off else None
            outputs, state["dialog"] = self._dialog(ctx, dialog, turn, routed)
            replies = tuple(self.render_output(turn.content, ctx.language, o) for o in outputs)
            _store_replies(session, person, message, replies, turn.deliver)
            store.save_conversation(session, conversation=conversation, state=state)
            turn.after_commit.extend(ctx.after_commit)
        return HandleResult(replies)

    def prompt(
        self,
        session: Session,
        *,
        person: Person,
        user_input: UserInput,
        now: datetime | None = None,
        handoff_id: int | None = None,
    ) -> tuple[Reply, ...]:
        """Step the dialog on an input the person did not type, inside the caller's transaction.

        What the bot says is stored and queued in the outbox (every channel:
        nobody waits on an HTTP response), e.g. "how did the chat go?" with its
        buttons once an agent ended a chat. `handoff_id` files the messages
        under that chat.
        """
        content, now = self.content.current(), now or self.clock()
        conversation = store.lock_conversation(session, person=person)
        state = dict(conversation.state)
        ctx = self._effect_context(session, person, content, now, person.language)
        outputs, state["dialog"] = self._engine(ctx, state.get("dialog", {}), content, user_input)
        replies = tuple(self.render_output(content, ctx.language, o) for o in outputs)
        for reply in replies:
            queue_notice(session, person=person, reply=reply, handoff_id=handoff_id)
        store.save_conversation(session, conversation=conversation, state=state)
        return replies

    def _effect_context(
        self,
        session: Session,
        person: Person,
        content: Content,
        now: datetime,
        language: str | None,
    ) -> EffectContext:
        return EffectContext(
            session=session,
            person=person,
            channel=person.channel,
            settings=self.settings,
            now=now,
            language=language or self.settings.default_language,
            content=content,
            team_for=self.team_for,
            team_named=self.team_named,
        )

    def _route(
        self, ctx: EffectContext, message: Message, dialog: Mapping[str, Any], turn: _Turn
    ) -> Routed | None:
        if self.chat_router is None:
            return None
        return self.chat_router.route(ctx, message, turn.user_input, dialog)

    def _language(
        self,
        session: Session,
        person: Person,
        inbound: Inbound,
        state: dict[str, Any],
    ) -> str:
        """The person's sticky language: set on the first message, moved only on evidence.

        Detection runs on every text here (not in the NLU server), so the
        language is known even when the NLU is down.
        """
        supported = self.settings.languages
        detection = self.detector.detect(inbound.text) if inbound.text else None
        detected = detection.language if detection and detection.language in supported else None
        confidence = detection.confidence if detection else 0.0
        recent: list[str | None] = list(state.get("language_evidence", []))
        if person.language is None:
            first = decide_language(None, detected, confidence, (), supported)
            chosen = first or language_from_hint(inbound.locale_hint, supported)
        else:
            chosen = decide_language(person.language, detected, confidence, recent, supported)
        if detection is not None:
            state["language_evidence"] = (recent + [evidence(detection)])[-5:]
        if chosen is None:  # no evidence yet: answer in the default, decide on a later message
            return self.settings.default_language
        if chosen != person.language:
            store.set_person_language(session, person=person, language=chosen)
        return chosen

    def _dialog(
        self, ctx: EffectContext, dialog: dict[str, Any], turn: _Turn, routed: Routed | None
    ) -> tuple[list[Output], dict[str, Any]]:
        """What the bot says: the router's word in a handed-off chat, else the engine's."""
        outputs = list(routed.outputs) if routed is not None else []
        if turn.inbound.unsupported:  # said even in a live chat: the agent never got it
            key = _UNSUPPORTED_KEYS.get(turn.inbound.unsupported, "unsupported-message")
            args = {"megabytes": _megabytes(self.settings.media.max_bytes)}
            return [*outputs, Output(key=key, args=args)], dialog
        if routed is not None:
            if routed.then is None:
                return outputs, dialog
            more, dialog = self._engine(ctx, dialog, turn.content, routed.then)
            return outputs + more, dialog
        user_input = turn.user_input
        for rewrite in self.input_rewriters:
            user_input = rewrite(ctx, dialog, user_input)
        for handle in self.input_handlers:
            answered = self._run_handler(handle, ctx, dialog, user_input)
            if answered is not None:
                return self._resume(ctx, dialog, turn, answered)
        return self._engine(ctx, dialog, turn.content, _with_nlu(user_input, turn.nlu))

    def _engine(
        self, ctx: EffectContext, dialog: dict[str, Any], content: Content, user_input: UserInput
    ) -> tuple[list[Output], dict[str, Any]]:
        """Step the engine, running its effects, until it awaits nothing more."""
        flows = content.flows
        event: UserInput | EffectResult = user_input
        outputs: list[Output] = []
        for _ in range(MAX_EFFECT_ROUNDS):
            engine = self._engine_context(content, ctx.language)
            result = step(flows, dialog, event, now=ctx.now, ctx=engine)
            dialog = result.state
            outputs.extend(result.outputs)
            awaited = None
            for effect in result.effects:
                data = self._run_effect(effect, ctx)
                if effect.awaits:
                    awaited = EffectResult(effect.name, data)
            if awaited is None:
                return outputs, dialog
            event = awaited
        raise RuntimeError("the dialog kept awaiting effects; check the flow")

    def _run_handler(
        self,
        handle: InputHandler,
        ctx: EffectContext,
        dialog: Mapping[str, Any],
        user_input: UserInput,
    ) -> list[Output] | None:
        """One input handler in a savepoint: a failure undoes itself and leaves it to the engine."""
        try:
            with ctx.session.begin_nested():
                return handle(ctx, dialog, user_input)
        except Exception:
            log.exception("input handler %s failed", getattr(handle, "__name__", handle))
            return None

    def _resume(
        self, ctx: EffectContext, dialog: dict[str, Any], turn: _Turn, said: list[Output]
    ) -> tuple[list[Output], dict[str, Any]]:
        """After a handler's answer, ask again where an open flow stood."""
        if not dialog.get("flow"):
            return said, dialog
        engine = self._engine_context(turn.content, ctx.language)
        result = step(turn.content.flows, dialog, UserInput(), now=ctx.now, ctx=engine)
        return [*said, *result.outputs], result.state

    def _run_effect(self, effect: Effect, ctx: EffectContext) -> dict[str, Any]:
        """One effect in a savepoint: a failure undoes only itself and the flow says so."""
        try:
            with ctx.session.begin_nested():
                return self.effects.run(effect, ctx)
        except Exception:
            log.exception("effect %s failed", effect.name)
            return {"error": effect.name}

    def _engine_context(self, content: Content, language: str) -> Context:
        contact = self.settings.contact
        return Context(
            labels=content.texts.labels(language),
            words=short_answers(content.texts, self.settings.languages),
            places=self.places_for(content),
            nlu_threshold=self.settings.nlu.confidence_threshold,
            nlu_margin=self.settings.nlu.ambiguity_margin,
            constants={
                "hotline": contact.hotline,
                "consultant_phone": contact.consultant_phone,
                "ticket_example": "MK-1234566",
            },
        )


def _shown_in_history(message: Message) -> bool:
    """What the person has seen: what they sent, the replies to it, and what was delivered
    to them later (an agent's reply still in the outbox, e.g. waiting for its translation,
    is not theirs yet)."""
    if message.direction == "in":
        return True
    delivered = message.in_reply_to_id is not None or message.platform_message_id is not None
    return delivered and "text" in message.payload


def _store_replies(
    session: Session,
    person: Person,
    message: Message,
    replies: tuple[Reply, ...],
    deliver: Delivery,
) -> None:
    """The replies to `message`, stored (and queued in the outbox for deliver="outbox"):
    one INSERT for the stored replies and one for their outbox rows, however many."""
    if not replies:
        return
    fields = [asdict(reply) for reply in replies]
    store.record_outbounds(
        session,
        person=person,
        channel=message.channel,
        messages=[(reply.key, f) for reply, f in zip(replies, fields, strict=True)],
        in_reply_to=message,
    )
    if deliver == "outbox":
        store.enqueue_outbox_many(
            session,
            person=person,
            channel=message.channel,
            items=[({"reply": f}, f"reply:{message.id}:{i}") for i, f in enumerate(fields)],
        )


def queue_notice(
    session: Session, *, person: Person, reply: Reply, handoff_id: int | None = None
) -> Message:
    """A message the bot sends without being asked (a chat notice, a prompt), rendered already:
    stored as outbound, in the chat of `handoff_id` when given, and queued in the outbox
    (with its "message_id", so the web chat marks this row instead of writing a second)."""
    fields = asdict(reply)
    message = store.record_outbound(
        session, person=person, channel=person.channel, key=reply.key, payload=fields,
        in_reply_to=None,
    )
    if handoff_id is not None:
        store.file_in_chat(session, message=message, handoff_id=handoff_id)
    store.enqueue_outbox(
        session,
        person=person,
        channel=person.channel,
        payload={"reply": fields, "message_id": message.id},
        dedupe_key=f"notice:{message.id}",
    )
    return message


def _megabytes(size: int) -> int | float:
    """10485760 -> 10, 65536 -> 0.1: never "0 MB" for a small limit."""
    mb = size / (1024 * 1024)
    return int(mb) if mb >= 1 and mb == int(mb) else max(round(mb, 1), 0.1)


def _with_nlu(user_input: UserInput, nlu: NluResult | None) -> UserInput:
    if nlu is None:
        return user_input
    return UserInput(**{**user_input.__dict__, "nlu": nlu})


def _inbound_payload(inbound: Inbound) -> dict[str, Any]:
    payload = asdict(inbound)
    return {k: v for k, v in payload.items() if v is not None and k not in ("channel", "user_id")}


def _reply_fields(payload: Mapping[str, Any]) -> dict[str, Any]:
    fields = dict(payload)
    fields["choices"] = tuple(ReplyChoice(**c) for c in fields.get("choices", ()))
    fields["links"] = tuple(ReplyLink(**link) for link in fields.get("links", ()))
    kept = ("key", "text", "lang", "choices", "expects", "rtl", "links")
    return {k: fields[k] for k in kept if k in fields}
