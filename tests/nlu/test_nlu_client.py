"""NluClient against the real Rasa server, a closed port, a slow server and a garbage server."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from bot.app.config import NluSettings
from bot.core.nlu_contract import NORMALISERS
from dialogs.model import NluResult
from nlu.client import NluClient

pytestmark = pytest.mark.nlu


async def parse(url: str, text: str) -> NluResult:
    async with NluClient(url=url, timeout=30.0, normalisers=NORMALISERS) as client:
        result = await client.parse(text)
    assert result is not None
    return result


@pytest.mark.parametrize(
    ("text", "intent", "language"),
    [
        ("there is garbage piling up near my hotel in aziziyah", "report_issue", "en"),
        ("فيه زبالة كثير جنب الفندق", "report_issue", "ar"),
        ("عايز اعرف الشكوى بتاعتي وصلت لفين", "check_status", "ar"),
        ("meri shikayat ka kya bana", "check_status", "ur"),
        ("میں کسی انسان سے بات کرنا چاہتا ہوں", "human_agent", "ur"),
        ("وضعیت شکایتم چی شد", "check_status", "fa"),
        ("ada sampah menumpuk di depan hotel", "report_issue", "id"),
        ("thank you so much", "thank", "en"),
        ("رخصة بناء", "ask_building_permit", "ar"),
    ],
)
async def test_parses_messages_in_every_language(
    nlu_url: str, text: str, intent: str, language: str
) -> None:
    result = await parse(nlu_url, text)
    assert (result.intent, result.language) == (intent, language)
    assert 0 < result.confidence <= 1
    assert result.ranking[0][0] == result.intent
    assert [c for _, c in result.ranking] == sorted((c for _, c in result.ranking), reverse=True)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("the street lights are out near gate 5", "street_lighting"),
        ("في تسريب مياه قدام العمارة", "water_sewage"),
        ("والقمامة ما انشالت", "waste"),
        ("gali mein awara kutte bohat hain", "animals_pests"),
        ("ہوٹل کے پاس کچرا جمع ہے", "waste"),
        ("پیاده رو خراب شده", "road_hazard"),
        ("pedagang kaki lima menutup jalan", "street_vendors"),
        ("there is no water in the public toilets", "public_toilets"),
        ("پانی نہیں آ رہا واش روم میں", "public_toilets"),
        ("water is leaking everywhere", "water_sewage"),
    ],
)
async def test_category_comes_out_as_its_value(nlu_url: str, text: str, category: str) -> None:
    result = await parse(nlu_url, text)
    assert result.entity("category") == category
    assert all(e.raw for e in result.entities)


@pytest.mark.parametrize(
    "text",
    [
        "status MK-1234566",
        "mk 1234566",
        "1234566",
        "حالة البلاغ ١٢٣٤٥٦٦",
        "وضعیت ۱۲۳۴۵۶۶",
        "MK-١٢٣٤٥٦٦ کا کیا بنا",
    ],
)
async def test_ticket_ids_in_every_digit_form_normalise(nlu_url: str, text: str) -> None:
    result = await parse(nlu_url, text)
    assert result.entity("ticket_id") == "MK-1234566"


async def test_mistyped_ticket_still_comes_through_with_what_was_typed(nlu_url: str) -> None:
    result = await parse(nlu_url, "status of ١٢٣٤٥٦٥")
    ticket = next(e for e in result.entities if e.name == "ticket_id")
    assert (ticket.value, ticket.raw) == ("MK-1234565", "١٢٣٤٥٦٥")


async def test_neutral_messages_carry_no_language(nlu_url: str) -> None:
    assert (await parse(nlu_url, "👍")).language is None
    assert (await parse(nlu_url, "MK-1234566")).language is None


async def test_gibberish_is_never_taken_for_a_request(nlu_url: str) -> None:
    # The bot acts on an intent only above the confidence threshold (DESIGN.md: below it,
    # it asks which one); gibberish must land in the fallback, out of scope, or below it.
    result = await parse(nlu_url, "qwxz zzkq vbnm")
    assert (
        result.intent in {"nlu_fallback", "out_of_scope"}
        or result.confidence < NluSettings().confidence_threshold
    ), (result.intent, result.confidence)


async def test_health_of_the_real_server(nlu_url: str) -> None:
    async with NluClient(NluSettings(url=nlu_url)) as client:
        assert await client.health()


# --- the server is down, slow, or answers garbage ------------------------------


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # nobody listens once the socket is closed


Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


@pytest.fixture
async def local_server() -> AsyncIterator[Callable[[Handler], Awaitable[str]]]:
    servers: list[asyncio.base_events.Server] = []

    async def start(handler: Handler) -> str:
        server = await asyncio.start_server(handler, "127.0.0.1", 0)
        servers.append(server)
        return f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"

    yield start
    for server in servers:
        server.close()
        await server.wait_closed()


async def _read_request(reader: asyncio.StreamReader) -> None:
    head = await reader.readuntil(b"\r\n\r\n")
    length = next(
        (
            int(ln.split(b":")[1])
            for ln in head.split(b"\r\n")
            if ln.lower().startswith(b"content-length")
        ),
        0,
    )
    if length:
        await reader.readexactly(length)


def _answer(body: bytes, content_type: bytes = b"application/json") -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: "
        + content_type
        + b"\r\nContent-Length: "
        + str(len(body)).encode()
        + b"\r\nConnection: close\r\n\r\n"
        + body
    )


SECRET_TEXT = "my phone is 0551234567 please call"


async def test_down_server_gives_none_and_one_log_line_without_the_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="nlu.client")
    async with NluClient(url=f"http://127.0.0.1:{closed_port()}", timeout=2.0) as client:
        assert await client.parse(SECRET_TEXT) is None
        assert not await client.health()
    assert len(caplog.records) == 1
    assert "0551234567" not in caplog.text and "please" not in caplog.text


async def test_slow_server_times_out_to_none(
    local_server: Callable[[Handler], Awaitable[str]], caplog: pytest.LogCaptureFixture
) -> None:
    release = asyncio.Event()

    async def slow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        await release.wait()  # never answers before the client gives up
        writer.close()

    url = await local_server(slow)
    caplog.set_level(logging.WARNING, logger="nlu.client")
    async with NluClient(url=url, timeout=0.2) as client:
        assert await client.parse(SECRET_TEXT) is None
    release.set()
    assert "timed out" in caplog.text and "0551234567" not in caplog.text


@pytest.mark.parametrize(
    "body",
    [b"<html>oops</html>", b'{"text": "x"}', b'{"intent": {"name": "greet"}}', b"[]", b"null"],
)
async def test_garbage_answers_give_none(
    local_server: Callable[[Handler], Awaitable[str]], body: bytes
) -> None:
    async def garbage(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        writer.write(_answer(body))
        await writer.drain()
        writer.close()

    url = await local_server(garbage)
    async with NluClient(url=url, timeout=5.0) as client:
        assert await client.parse("hello") is None
