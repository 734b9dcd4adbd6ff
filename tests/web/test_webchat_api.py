"""The web chat API and the app's health, metrics and limits, through the real service.

Every test runs on SQLite and PostgreSQL (the `db_url` fixture) with the real
dialog flows, texts and storage; only the NLU server is absent.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from webchat_kit import MAX_PHOTO_BYTES, free_port, oversize_png, png, web_settings

from bot.app.wiring import build_runtime, create_app
from bot.channels.webchat.routes import PER_CLIENT_BURST
from bot.core.runtime import Runtime
from bot.web.app import BODY_MARGIN

CLIENT = "b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6"
OTHER_CLIENT = "0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d"


def new_id() -> str:
    return uuid.uuid4().hex


async def say(client: httpx.AsyncClient, client_id: str = CLIENT, **fields: Any) -> dict[str, Any]:
    body = {"client_id": client_id, "message_id": new_id(), "lang": "en", **fields}
    response = await client.post("/webchat/api/messages", json=body)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def upload(
    client: httpx.AsyncClient, data: bytes, *, name: str = "photo.png", lang: str = "en"
) -> httpx.Response:
    fields = {"client_id": CLIENT, "message_id": new_id(), "lang": lang}
    return await client.post(
        "/webchat/api/media", data=fields, files={"photo": (name, data, "image/png")}
    )


async def history(client: httpx.AsyncClient, client_id: str = CLIENT) -> list[dict[str, Any]]:
    response = await client.get("/webchat/api/history", params={"client_id": client_id})
    assert response.status_code == 200, response.text
    return list(response.json()["messages"])


def stored_files(media_dir: Path) -> list[Path]:
    return [p for p in media_dir.rglob("*") if p.is_file()] if media_dir.exists() else []


# ---- health and metrics -----------------------------------------------------------------


async def test_healthz_reports_database_and_nlu(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up", "nlu": "disabled"}


async def test_healthz_degrades_but_stays_up_when_nlu_is_down(db_url: str, media_dir: Path) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}"
    settings = web_settings(db_url, media_dir, **{"nlu.url": nowhere, "nlu.timeout_seconds": 1})
    runtime = build_runtime(settings, with_nlu=True)
    transport = httpx.ASGITransport(app=create_app(runtime))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            response = await c.get("/healthz")
    finally:
        runtime.service.database.dispose()
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "degraded": ["nlu"],
        "database": "up",
        "nlu": "down",
    }


async def test_metrics_count_webchat_messages(client: httpx.AsyncClient) -> None:
    await say(client, command="start")
    text = (await client.get("/metrics")).text
    assert 'labbaik_inbound_messages_total{channel="webchat"} 1' in text
    assert "labbaik_outbox_pending 0" in text


# ---- messages ---------------------------------------------------------------------------


async def test_start_round_trip_returns_replies_like_reply(client: httpx.AsyncClient) -> None:
    body = await say(client, command="start")
    assert body["duplicate"] is False
    assert body["replies"], "the bot answers /start"
    for reply in body["replies"]:
        assert set(reply) == {"key", "text", "lang", "rtl", "expects", "choices", "links"}
        assert reply["text"] and reply["lang"] == "en" and reply["rtl"] is False
    choices = [c for r in body["replies"] for c in r["choices"]]
    assert choices and all(c["id"] and c["label"] for c in choices)


async def test_arabic_hint_gives_arabic_rtl_replies(client: httpx.AsyncClient) -> None:
    body = await say(client, command="start", lang="ar")
    reply = body["replies"][0]
    assert reply["lang"] == "ar" and reply["rtl"] is True
    assert any("\u0600" <= ch <= "\u06ff" for ch in reply["text"])


async def test_retried_message_id_is_handled_once(client: httpx.AsyncClient) -> None:
    await say(client, command="start")
    payload = {"client_id": CLIENT, "message_id": new_id(), "lang": "en", "text": "help"}
    first = await client.post("/webchat/api/messages", json=payload)
    again = await client.post("/webchat/api/messages", json=payload)
    assert first.status_code == again.status_code == 200
    assert first.json()["duplicate"] is False
    assert again.json()["duplicate"] is True
    assert again.json()["replies"] == first.json()["replies"]
    typed = [m for m in await history(client) if m["from"] == "user"]
    assert [m["text"] for m in typed] == ["help"]


async def test_another_browser_cannot_replay_a_message_id(client: httpx.AsyncClient) -> None:
    message_id = new_id()
    mine = {"client_id": CLIENT, "message_id": message_id, "lang": "en", "command": "start"}
    theirs = {**mine, "client_id": OTHER_CLIENT}
    await client.post("/webchat/api/messages", json=mine)
    replay = await client.post("/webchat/api/messages", json=theirs)
    assert replay.json()["duplicate"] is False


@pytest.mark.parametrize(
    "client_id", ["", "short", "../../../etc/passwd", "a" * 65, "id with spaces!!"]
)
async def test_bad_client_id_is_refused_with_a_clear_error(
    client: httpx.AsyncClient, client_id: str
) -> None:
    body = {"client_id": client_id, "message_id": new_id(), "text": "hello"}
    response = await client.post("/webchat/api/messages", json=body)
    assert response.status_code == 400
    assert response.json()["error"] == "bad_client_id"
    assert "client_id must be" in response.json()["message"]
    history_response = await client.get("/webchat/api/history", params={"client_id": client_id})
    assert history_response.status_code == 400


async def test_malformed_body_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/webchat/api/messages", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400 and response.json()["error"] == "bad_json"
    form_post = await client.post(
        "/webchat/api/messages",
        content=b'{"client_id": "%s", "message_id": "abcdefgh", "text": "hi"}' % CLIENT.encode(),
        headers={"content-type": "text/plain"},
    )
    assert form_post.status_code == 400 and form_post.json()["error"] == "bad_content_type"
    both = {"client_id": CLIENT, "message_id": new_id(), "text": "a", "choice": "b"}
    response = await client.post("/webchat/api/messages", json=both)
    assert response.status_code == 400 and response.json()["error"] == "bad_kind"


async def test_oversize_json_body_is_413(client: httpx.AsyncClient) -> None:
    body = {"client_id": CLIENT, "message_id": new_id(), "text": "x" * 20_000}
    response = await client.post("/webchat/api/messages", json=body)
    assert response.status_code == 413
    assert response.json()["error"] == "too_large"
    assert await history(client) == []


# ---- photos -----------------------------------------------------------------------------


async def test_photo_is_stored_and_handed_to_the_dialog(
    client: httpx.AsyncClient, media_dir: Path
) -> None:
    await say(client, command="start")
    response = await upload(client, png())
    assert response.status_code == 200, response.text
    assert response.json()["replies"]
    files = stored_files(media_dir)
    assert len(files) == 1 and files[0].read_bytes() == png()
    assert files[0].relative_to(media_dir).parts[0] == "webchat"
    assert (await history(client))[-len(response.json()["replies"]) - 1]["kind"] == "photo"


async def test_photo_over_the_limit_is_413_in_the_persons_language(
    client: httpx.AsyncClient, media_dir: Path
) -> None:
    response = await upload(client, oversize_png(MAX_PHOTO_BYTES + 1), lang="ar")
    assert response.status_code == 413
    body = response.json()
    assert body["error"] == "too_large"
    assert any("\u0600" <= ch <= "\u06ff" for ch in body["message"]), body["message"]
    assert stored_files(media_dir) == []
    assert await history(client) == []


async def test_body_far_over_the_limit_is_refused_before_reading(
    client: httpx.AsyncClient, media_dir: Path
) -> None:
    response = await upload(client, oversize_png(MAX_PHOTO_BYTES + BODY_MARGIN + 1))
    assert response.status_code == 413
    assert response.json()["error"] == "too_large"
    assert stored_files(media_dir) == []
    assert await history(client) == []


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7 not a photo at all", b"GIF89a\x01\x00\x01\x00", b"<svg onload=alert(1)></svg>"],
    ids=["pdf", "gif", "svg"],
)
async def test_wrong_type_is_415_and_nothing_stored(
    client: httpx.AsyncClient, media_dir: Path, data: bytes
) -> None:
    response = await upload(client, data, name="photo.jpg")
    assert response.status_code == 415
    assert response.json()["error"] == "wrong_type"
    assert "JPEG" in response.json()["message"]
    assert stored_files(media_dir) == []
    assert await history(client) == []


async def test_upload_without_a_file_is_400(client: httpx.AsyncClient) -> None:
    fields = {"client_id": CLIENT, "message_id": new_id()}
    response = await client.post("/webchat/api/media", data=fields)
    assert response.status_code == 400
    assert response.json()["error"] == "no_photo"


# ---- reload -----------------------------------------------------------------------------


async def test_history_after_reload_shows_the_conversation_in_order(
    client: httpx.AsyncClient,
) -> None:
    start = await say(client, command="start")
    button = start["replies"][-1]["choices"][0]
    pressed = await say(client, choice=button["id"])
    messages = await history(client)
    expected = [
        *[("bot", r["text"]) for r in start["replies"]],
        ("user", button["label"]),
        *[("bot", r["text"]) for r in pressed["replies"]],
    ]
    assert [(m["from"], m["text"]) for m in messages] == expected
    assert messages[-1]["choices"] == pressed["replies"][-1]["choices"]
    assert await history(client, OTHER_CLIENT) == []


# ---- the page ---------------------------------------------------------------------------


async def test_page_language_follows_accept_language_and_is_locked_down(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/", headers={"accept-language": "ur-PK,ur;q=0.9,en;q=0.8"})
    assert response.status_code == 200
    html = response.text
    assert '<html lang="ur" dir="rtl">' in html
    assert "<script>" not in html and "<script src=" in html  # no inline script
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    english = await client.get("/chat", headers={"accept-language": "fr-FR,en;q=0.5"})
    assert '<html lang="en" dir="ltr">' in english.text
    indonesian = await client.get("/", headers={"accept-language": "in-ID, en;q=0.9"})
    assert '<html lang="id" dir="ltr">' in indonesian.text  # old Android code for Indonesian
    persian = await client.get("/", headers={"accept-language": "en;q=0.4, fa-IR;q=0.8"})
    assert '<html lang="fa" dir="rtl">' in persian.text
    nothing = await client.get("/", headers={"accept-language": "de"})
    assert '<html lang="ar" dir="rtl">' in nothing.text  # the configured default


@pytest.mark.parametrize("lang", ["ar", "en", "id", "ur", "fa"])
async def test_page_strings_exist_in_every_language(
    client: httpx.AsyncClient, webchat_runtime: Runtime, lang: str
) -> None:
    response = await client.get("/webchat/api/strings", params={"lang": lang})
    assert response.status_code == 200
    body = response.json()
    assert body["rtl"] is (lang in ("ar", "ur", "fa"))
    english = (await client.get("/webchat/api/strings", params={"lang": "en"})).json()
    assert body["strings"].keys() == english["strings"].keys()
    if lang != "en":  # translated, not the English fallback
        same = [k for k, v in body["strings"].items() if v == english["strings"][k]]
        assert same in ([], ["bot"]), same
    assert (await client.get("/webchat/api/strings", params={"lang": "xx"})).status_code == 400


async def test_static_files_are_served(client: httpx.AsyncClient) -> None:
    js = await client.get("/static/webchat/chat.js")
    css = await client.get("/static/webchat/chat.css")
    assert js.status_code == css.status_code == 200
    assert "innerHTML" not in js.text


# ---- flood control ----------------------------------------------------------------------


async def test_a_flood_from_one_browser_is_slowed_down(webchat_runtime: Runtime) -> None:
    app = create_app(webchat_runtime, clock=lambda: 0.0)  # time stands still: no refill
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        statuses = [
            (
                await c.post(
                    "/webchat/api/messages",
                    json={"client_id": CLIENT, "message_id": new_id(), "command": "help"},
                )
            ).status_code
            for _ in range(PER_CLIENT_BURST + 1)
        ]
        assert statuses == [200] * PER_CLIENT_BURST + [429]
        other = {"client_id": OTHER_CLIENT, "message_id": new_id(), "command": "help"}
        assert (await c.post("/webchat/api/messages", json=other)).status_code == 200
        refused = await upload(c, png())
        assert refused.status_code == 429 and refused.json()["error"] == "slow_down"
