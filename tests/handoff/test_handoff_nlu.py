"""Asking for a person in one's own words, understood by the real trained Rasa model.

What a pilgrim would type, in each language (Roman Urdu too), reaches the
queue with the queue message in that language; the bot is then silent.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from handoff_kit import Desk, Pilgrim

from bot.core.runtime import Runtime
from nlu.client import NluClient

pytestmark = pytest.mark.nlu

ASKS = [
    ("en", "I'd like to talk to a real person please"),
    ("ar", "ابي اكلم موظف من خدمة العملاء"),
    ("id", "saya mau bicara dengan petugas"),
    ("ur", "کسی انسان سے بات کرنی ہے"),
    ("ur", "kisi insaan se baat karni hai"),
    ("fa", "میخوام با یه آدم حرف بزنم"),
]


@pytest.fixture
async def understood(nlu_url: str, runtime: Runtime) -> AsyncIterator[Runtime]:
    runtime.service.nlu = NluClient(url=nlu_url, timeout=10.0)
    yield runtime
    await runtime.service.nlu.aclose()


@pytest.mark.parametrize(("lang", "text"), ASKS)
async def test_free_text_asking_for_a_person_puts_the_chat_in_the_queue(
    lang: str, text: str, understood: Runtime, desk: Desk
) -> None:
    desk.team("customer_service", languages=("ar", "en", "id", "ur", "fa"))
    desk.agent("amina")
    pilgrim = Pilgrim(understood, f"browser-nlu-{lang}-{abs(hash(text)) % 10**9:09d}")
    await pilgrim.start(lang)
    assert await pilgrim.send(text=text) == ["handoff-queued"], text
    assert pilgrim.last[0].lang == lang
    chat = pilgrim.chat()
    assert chat is not None and (chat.status, chat.reason, chat.language) == (
        "waiting",
        "asked",
        lang,
    )
    assert await pilgrim.send(text="الو؟ hello?") == []  # no NLU, no bot: the chat has it


async def test_two_misunderstood_messages_offer_a_person_and_the_chat_says_why(
    understood: Runtime, desk: Desk
) -> None:
    """Not understood twice by the real model (with no NLU the bot says it is slow instead)."""
    desk.agent("amina")
    pilgrim = Pilgrim(understood, "browser-0000000000000007")
    await pilgrim.start("en")
    await pilgrim.send(text="blorp")
    assert await pilgrim.send(text="zzzt wibble") == ["handoff-offer"]
    offered = [c.id for c in pilgrim.last[0].choices]
    assert offered[0] == "flow:human_agent_missed"
    assert await pilgrim.send(choice=offered[0]) == ["handoff-queued"]
    chat = pilgrim.chat()
    assert chat is not None and chat.reason == "not_understood"
