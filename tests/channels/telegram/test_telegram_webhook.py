"""POST /webhooks/telegram through the real app, service and database (SQLite and PostgreSQL).

Bodies are captured-style updates (fixtures/); the secret header is checked
in constant time; the answer is 2xx only once the update is stored, and a
redelivered update_id is handled once.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from fakes.fake_telegram import FakeTelegram
from telegram_testkit import (
    WEBHOOK_SECRET,
    counts,
    inbound_ids,
    make_settings,
    outbox_rows,
    runtime_for,
    stored_media_files,
    stored_messages,
)

from bot.app.wiring import create_app
from bot.channels.telegram import channel as telegram
from bot.core.runtime import Runtime

Payload = Callable[..., dict[str, Any]]
NOTHING = {"people": 0, "messages": 0, "outbox": 0}
JPEG = b"\xff\xd8\xff\xe0" + b"\x10" * 300
PHOTO_ID = "AgACAgQAAxkBAAIBc2ZlargeYYYYY"  # the largest size in fixtures/photo.json


async def post(
    client: httpx.AsyncClient, body: dict[str, Any] | bytes, secret: str | None = WEBHOOK_SECRET
) -> httpx.Response:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers[telegram.SECRET_HEADER] = secret
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return await client.post("/webhooks/telegram", content=content, headers=headers)


def reply_keys(runtime: Runtime) -> list[str]:
    return [p["key"] for p in stored_messages(runtime, "out")]


# ---- who may post -----------------------------------------------------------------------


async def test_update_is_stored_and_its_replies_queued_before_the_200(
    tg_client: httpx.AsyncClient, tg_runtime: Runtime, payload: Payload
) -> None:
    tg_runtime.outbox_wakeup.clear()
    response = await post(tg_client, payload("command_start", update_id=42))
    assert response.status_code == 200
    assert inbound_ids(tg_runtime) == ["42"]
    rows = outbox_rows(tg_runtime)
    assert rows and all(user == "5127364490" and status == "pending" for user, status, _ in rows)
    assert [p["reply"]["key"] for _, _, p in rows] == reply_keys(tg_runtime)
    assert rows[0][2]["reply"]["lang"] == "ur"  # the user's language_code
    assert tg_runtime.outbox_wakeup.is_set()


@pytest.mark.parametrize(
    "secret",
    [
        "wrong-secret",
        WEBHOOK_SECRET[:-1],
        WEBHOOK_SECRET + "x",
        WEBHOOK_SECRET.upper(),
        "",
        "سر",
    ],
)
async def test_wrong_secret_is_refused_and_nothing_stored(
    tg_client: httpx.AsyncClient, tg_runtime: Runtime, payload: Payload, secret: str
) -> None:
    response = await tg_client.post(
        "/webhooks/telegram",
        content=json.dumps(payload("text")).encode(),
        headers={telegram.SECRET_HEADER: secret.encode()},
    )
    assert response.status_code == 403
    assert counts(tg_runtime) == NOTHING


async def test_missing_secret_header_is_refused(
    tg_client: httpx.AsyncClient, tg_runtime: Runtime, payload: Payload
) -> None:
    response = await post(tg_client, payload("text"), secret=None)
    assert response.status_code == 403
    assert counts(tg_runtime) == NOTHING


async def test_without_a_configured_secret_every_post_is_refused(
    db_url: str, tmp_path: Path, fake_telegram: FakeTelegram, payload: Payload
) -> None:
    settings = make_settings(tmp_path, api_url=fake_telegram.url, db_url=db_url, secret=None)
    runtime = runtime_for(settings)
    try:
        app = create_app(runtime)  # polling mode: the route is there but has no secret
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        ) as client:
            for secret in (None, "", "anything"):
                response = await post(client, payload("text"), secret=secret)
                assert response.status_code in (403, 404)
        assert counts(runtime) == NOTHING
    finally:
        runtime.service.database.dispose()


async def test_only_post_is_accepted(tg_client: httpx.AsyncClient) -> None:
    response = await tg_client.get(
        "/webhooks/telegram", headers={telegram.SECRET_HEADER: WEBHOOK_SECRET}
    )
    assert response.status_code == 405


# ---- what may be posted -----------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"{not json",
        b"\xff\xfe garbage",
        b"[]",
        b'"a string"',
        b"{}",
        b'{"update_id": "12"}',
        b'{"update_id": true}',
        b"[" * 5000,
        b'{"update_id": 12, "message": {"text": "a\\ud800b"}}',
        b'{"update_id": 12, "x": ' + b"[" * 40 + b"]" * 40 + b"}",
    ],
)
async def test_a_body_that_is_no_update_gets_400_and_nothing_is_stored(
    tg_client: httpx.AsyncClient, tg_runtime: Runtime, body: bytes
) -> None:
    response = await post(tg_client, body)
    assert response.status_code == 400
    assert response.json()["field"] in ("body", "update_id")
    assert counts(tg_runtime) == NOTHING


def _with(update: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    *parents, last = path.split(".")
    node = update
    for key in parents:
        node = node[key]
    node[last] = value
    return update


# Well-formed updates whose fields break the Bot API's types or our limits: Telegram would
# redeliver a 4xx for ever, so they are acknowledged with 200, named, and not stored.
INVALID_FIELDS = [
    ("text", "message.text", 123, "message.text must be a string"),
    ("text", "message.text", "a\x00b", "message.text contains a NUL character"),
    ("text", "message.text", "x" * 4097, "message.text is longer than 4096"),
    ("text", "message", "not an object", "message must be an object"),
    ("text", "message.chat", None, "message.chat"),
    ("text", "message.from.first_name", "n" * 100, "message.from.first_name is longer"),
    ("text", "message.from.last_name", "a\x00", "message.from.last_name contains a NUL"),
    ("callback_query", "callback_query.data", 42, "callback_query.data must be a string"),
    ("callback_query", "callback_query.data", {"a": 1}, "callback_query.data must be a string"),
    ("callback_query", "callback_query.data", "ب" * 33, "callback_query.data is longer than 64"),
    ("location", "message.location.latitude", 91.5, "message.location.latitude must be at most"),
    ("location", "message.location.longitude", "39.8", "message.location.longitude must be a"),
    ("contact", "message.contact.phone_number", "9" * 40, "message.contact.phone_number"),
    ("photo", "message.photo", "AgAC", "message.photo must be a list"),
]


@pytest.mark.parametrize(
    ("fixture", "path", "value", "why"),
    INVALID_FIELDS,
    ids=[f"{c[1]}={c[2]!r:.12}" for c in INVALID_FIELDS],
)
async def test_an_update_with_an_invalid_field_is_acknowledged_named_and_not_stored(
    tg_client: httpx.AsyncClient,
    tg_runtime: Runtime,
    payload: Payload,
    fixture: str,
    path: str,
    value: Any,
    why: str,
) -> None:
    response = await post(tg_client, _with(payload(fixture), path, value))
    assert response.status_code == 200
    assert response.json()["ignored"].startswith(why)
    assert counts(tg_runtime) == NOTHING


async def test_an_edit_is_acknowledged_and_not_stored(
    tg_client: httpx.AsyncClient, tg_runtime: Runtime, payload: Payload
) -> None:
    response = await post(tg_client, payload("edited_message"))
    assert response.status_code == 200
    assert counts(tg_runtime) == NOTHING


# ---- redeliveries -----------------------------------------------------------------------


async def test_redelivered_update_is_handled_once(
    tg_client: httpx.AsyncClient, tg_runtime: Runtime, payload: Payload
) -> None:
    update = payload("command_start", update_id=777)
    first = await post(tg_client, update)
    outbox_after_first = outbox_rows(tg_runtime)
    again = await post(tg_client, update)
    assert first.status_code == again.status_code == 200
    assert inbound_ids(tg_runtime) == ["777"]
    assert outbox_rows(tg_runtime) == outbox_after_first  # no second set of replies


async def test_ten_concurrent_redeliveries_store_one_message_and_one_reply(
    tg_client: httpx.AsyncClient, tg_runtime: Runtime, payload: Payload
) -> None:
    def rows_for(chat: int) -> list[dict[str, Any]]:
        return [p for user, _, p in outbox_rows(tg_runtime) if user == str(chat)]

    # a control chat says the same thing once: that is what one reply looks like
    await post(tg_client, payload("command_start", update_id=800, chat_id=111))
    before = len(rows_for(111))
    await post(tg_client, payload("text", update_id=801, chat_id=111, text="help"))
    one_reply = [p["reply"]["key"] for p in rows_for(111)[before:]]
    assert one_reply, "the message is answered"

    await post(tg_client, payload("command_start", update_id=900, chat_id=222))
    before = len(rows_for(222))
    update = payload("text", update_id=901, chat_id=222, text="help")
    responses = await asyncio.gather(*(post(tg_client, update) for _ in range(10)))
    assert [r.status_code for r in responses] == [200] * 10
    assert sorted(inbound_ids(tg_runtime)) == ["800", "801", "900", "901"]
    assert [p["reply"]["key"] for p in rows_for(222)[before:]] == one_reply
    assert counts(tg_runtime)["people"] == 2


async def test_a_failed_store_is_not_acknowledged_so_telegram_redelivers(
    sqlite_url: str, tmp_path: Path, fake_telegram: FakeTelegram, payload: Payload
) -> None:
    settings = make_settings(tmp_path, api_url=fake_telegram.url, db_url=sqlite_url, mode="webhook")
    runtime = runtime_for(settings)
    db_file = Path(sqlite_url.removeprefix("sqlite:///"))
    moved = db_file.with_name("away.db")
    transport = httpx.ASGITransport(app=create_app(runtime), raise_app_exceptions=False)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            runtime.service.database.dispose()
            db_file.rename(moved)  # the database is gone mid-flight
            failed = await post(client, payload("command_start", update_id=5))
            assert failed.status_code >= 500
            runtime.service.database.dispose()
            db_file.unlink(missing_ok=True)  # SQLite made an empty file in its place
            moved.rename(db_file)
            redelivered = await post(client, payload("command_start", update_id=5))
            assert redelivered.status_code == 200
        assert inbound_ids(runtime) == ["5"]
        assert outbox_rows(runtime)
    finally:
        runtime.service.database.dispose()


# ---- kinds of message -------------------------------------------------------------------


async def test_button_press_is_stored_as_a_choice_and_the_button_settled(
    tg_client: httpx.AsyncClient,
    tg_runtime: Runtime,
    payload: Payload,
    fake_telegram: FakeTelegram,
) -> None:
    await post(tg_client, payload("command_start", update_id=10))
    press = payload("callback_query", update_id=11, data="flow:report_issue")
    assert (await post(tg_client, press)).status_code == 200
    assert (await post(tg_client, press)).status_code == 200  # redelivered
    assert stored_messages(tg_runtime, "in")[-1]["choice"] == "flow:report_issue"
    assert "report-ask-category" in reply_keys(tg_runtime)
    query_id = press["callback_query"]["id"]
    answers = fake_telegram.calls_of("answerCallbackQuery")
    assert answers and all(a["callback_query_id"] == query_id for a in answers)
    [edit] = fake_telegram.calls_of("editMessageReplyMarkup")  # the spent keyboard, once
    assert edit["message_id"] == "9"


async def test_location_pin_is_stored(
    tg_client: httpx.AsyncClient, tg_runtime: Runtime, payload: Payload
) -> None:
    await post(tg_client, payload("location"))
    [inbound] = stored_messages(tg_runtime, "in")
    assert inbound["location"]["lat"] == pytest.approx(21.422487)
    assert inbound["location"]["lon"] == pytest.approx(39.826206)


@pytest.mark.parametrize("kind", ["sticker", "voice", "poll"])
async def test_what_we_cannot_read_gets_the_polite_answer(
    tg_client: httpx.AsyncClient, tg_runtime: Runtime, payload: Payload, kind: str
) -> None:
    assert (await post(tg_client, payload(kind))).status_code == 200
    assert reply_keys(tg_runtime)[-1] == "unsupported-message"
    text = stored_messages(tg_runtime, "out")[-1]["text"]
    assert text == tg_runtime.service.render("ur", "unsupported-message")


async def test_photo_is_downloaded_and_stored(
    tg_client: httpx.AsyncClient,
    tg_runtime: Runtime,
    payload: Payload,
    fake_telegram: FakeTelegram,
    tmp_path: Path,
) -> None:
    fake_telegram.add_file(PHOTO_ID, JPEG)
    assert (await post(tg_client, payload("photo"))).status_code == 200
    [inbound] = stored_messages(tg_runtime, "in")
    [path] = stored_media_files(tmp_path)
    assert path.read_bytes() == JPEG
    assert inbound["media"]["ref"] == path.relative_to(tmp_path / "media").as_posix()


async def test_oversize_photo_gets_a_clear_answer_and_nothing_is_stored(
    tg_client: httpx.AsyncClient,
    tg_runtime: Runtime,
    payload: Payload,
    fake_telegram: FakeTelegram,
    tmp_path: Path,
) -> None:
    update = payload("photo")
    update["message"]["photo"][1]["file_size"] = tg_runtime.media.max_bytes + 1
    assert (await post(tg_client, update)).status_code == 200
    assert reply_keys(tg_runtime)[-1] == "media-too-large"
    assert "media" not in stored_messages(tg_runtime, "in")[0]
    assert fake_telegram.calls_of("getFile") == []
    assert stored_media_files(tmp_path) == []


async def test_wrong_type_photo_gets_a_clear_answer_and_nothing_is_stored(
    tg_client: httpx.AsyncClient,
    tg_runtime: Runtime,
    payload: Payload,
    fake_telegram: FakeTelegram,
    tmp_path: Path,
) -> None:
    fake_telegram.add_file(PHOTO_ID, b"<html>not a picture</html>")
    assert (await post(tg_client, payload("photo"))).status_code == 200
    assert reply_keys(tg_runtime)[-1] == "media-wrong-type"
    assert stored_media_files(tmp_path) == []
    assert (await post(tg_client, payload("document_pdf"))).status_code == 200
    assert reply_keys(tg_runtime)[-1] == "media-wrong-type"
    assert stored_media_files(tmp_path) == []
