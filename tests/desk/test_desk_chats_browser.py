"""Live chats in headless Chromium: a pilgrim on Telegram (fake Bot API), WhatsApp (fake
Twilio) or the web chat, and an agent at the desk who sees the chat arrive without reloading.

Everything between them is real: the webhooks, the conversation service, the bus
and its listener, the desk's event stream and chats.js, the outbox worker with
each channel's sender. Screenshots go to test-results/ (LABBAIK_SCREENSHOTS=docs:
docs/screenshots/, desk-chat-ar.png and desk-chats-ar.png are the README's).
"""

from __future__ import annotations

import html
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from browser_kit import CHROMIUM_ARGS, ChatPage, chromium_or_skip
from channel_kit import (
    PUBLIC_URL,
    TG_SECRET,
    TG_TOKEN,
    telegram_update,
    twilio_form,
)
from chat_kit import LiveDesk, handoff_settings, live_desk, make_runtime
from desk_kit import PASSWORD, make_staff
from fakes.fake_telegram import FakeTelegram
from fakes.fake_twilio import FakeTwilio
from handoff_kit import Clock
from playwright.sync_api import Browser, Page, expect, sync_playwright
from twilio.request_validator import RequestValidator
from webchat_kit import free_port, png

from bot.channels.telegram import channel as telegram
from bot.core.runtime import Runtime
from storage import service as store
from storage.models import Handoff

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / (
    "docs/screenshots" if os.environ.get("LABBAIK_SCREENSHOTS") == "docs" else "test-results"
)
LAPTOP = {"width": 1280, "height": 900}
GUARD = 30.0  # seconds: only so that something broken fails instead of hanging
CHAT_ID = 5127364491
TEAM_LANGUAGES = ("ar", "en", "id", "ur", "fa")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    path = chromium_or_skip()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def wait_until(check: Callable[[], Any], what: str) -> Any:
    deadline = time.monotonic() + GUARD
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"never happened: {what}")


def open_team(runtime: Runtime) -> None:
    with runtime.service.database.transaction() as s:
        team = store.get_team(s, slug="customer_service")
        assert team is not None
        store.update_team(s, team=team, languages=TEAM_LANGUAGES)


def new_page(browser: Browser, viewport: dict[str, int] = LAPTOP) -> Page:
    page = browser.new_context(viewport=viewport).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.errors = errors  # type: ignore[attr-defined]
    return page


def sign_in(page: Page, url: str, username: str, lang: str) -> None:
    page.goto(f"{url}/desk/login?lang={lang}")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit].primary")
    expect(page.locator("h1.page-title")).to_be_visible()


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def open_chats(page: Page, url: str) -> None:
    page.goto(f"{url}/desk/chats")
    expect(page.locator('#chats-live[data-live="1"]')).to_be_attached()  # the stream is open


def claim_the_new_chat(page: Page) -> int:
    """The waiting chat appears without a reload; a badge and the chime announce it."""
    row = page.locator("tr.chat-waiting")
    expect(row).to_have_count(1)
    expect(page.locator("#waiting-badge")).to_have_text("1")
    expect(page.locator("#chats-live")).to_have_attribute("data-chimed", "1")
    number = int(row.get_attribute("data-chat") or 0)
    row.locator("a").first.click()
    page.click("#claim-form button")
    expect(page.locator("#reply-form")).to_be_visible()
    expect(page.locator('#chats-live[data-live="1"]')).to_be_attached()
    return number


def the_chat(runtime: Runtime, number: int) -> Handoff:
    with runtime.service.database.session() as s:
        chat = s.get_one(Handoff, number)
        s.expunge(chat)
        return chat


# ---- Telegram ------------------------------------------------------------------------------


@pytest.fixture
def fake_telegram() -> Iterator[FakeTelegram]:
    fake = FakeTelegram(token=TG_TOKEN).start()
    yield fake
    fake.stop()


@pytest.fixture
def tg_served(
    sqlite_url: str, tmp_path: Path, fake_telegram: FakeTelegram
) -> Iterator[tuple[LiveDesk, Runtime]]:
    settings = handoff_settings(
        sqlite_url,
        tmp_path,
        env={"TELEGRAM_BOT_TOKEN": TG_TOKEN, "TELEGRAM_WEBHOOK_SECRET": TG_SECRET},
        **{
            "channels.telegram.mode": "webhook",
            "channels.telegram.api_base_url": fake_telegram.url,
        },
    )
    runtime = make_runtime(settings, Clock())
    open_team(runtime)
    try:
        with live_desk(runtime, free_port()) as served:
            yield served, runtime
    finally:
        runtime.service.database.dispose()


def post_telegram(client: httpx.Client, update: dict[str, Any]) -> None:
    headers = {"Content-Type": "application/json", telegram.SECRET_HEADER: TG_SECRET}
    response = client.post("/webhooks/telegram", content=json.dumps(update), headers=headers)
    assert response.status_code == 200, response.text


def test_telegram_pilgrim_and_an_arabic_desk_hold_a_live_chat(
    browser: Browser, tg_served: tuple[LiveDesk, Runtime], fake_telegram: FakeTelegram
) -> None:
    served, runtime = tg_served
    make_staff(runtime, "huda", lang="ar")
    page = new_page(browser)
    sign_in(page, served.url, "huda", "ar")
    open_chats(page, served.url)

    def sent() -> list[str]:
        return [m["text"] for m in fake_telegram.sent(CHAT_ID)]

    def render(key: str, **args: object) -> str:
        return runtime.service.render("ur", key, args)

    with httpx.Client(base_url=served.url, timeout=GUARD) as client:
        post_telegram(client, telegram_update("text", CHAT_ID, text="/human"))
        queued = render("handoff-queued", position=1, minutes=6)
        wait_until(lambda: queued in sent(), "the pilgrim is told their place in the queue")
        post_telegram(client, telegram_update("text", CHAT_ID, text="السلام علیکم، کوئی ہے؟"))
        shot(page, "desk-chats-ar")
        number = claim_the_new_chat(page)
        joined = render("handoff-joined", agent="Huda")
        wait_until(lambda: sent()[-1] == joined, "the pilgrim is told who joined")
        expect(page.locator("#language-warning")).to_contain_text("الأردية")

        fake_telegram.add_file("AgACAgQAAxkBAAIBc2ZlargeYYYYY", png(320, 200, (70, 120, 160)))
        post_telegram(client, telegram_update("photo", CHAT_ID, caption="یہ ہوٹل کے دروازے پر ہے"))
        question = "میرے ہوٹل کے باہر کچرا پڑا ہے، کب اٹھایا جائے گا؟"
        post_telegram(client, telegram_update("text", CHAT_ID, text=question))
        lines = page.locator("#lines li.from-pilgrim")
        expect(lines.locator("img.chat-photo")).to_be_visible()  # live, through the stream
        expect(lines.last).to_contain_text(question)
        photo_ok = page.evaluate("document.querySelector('img.chat-photo').naturalWidth")
        assert photo_ok == 320  # the access-checked photo route served the image

        page.fill("#text", "وعليكم السلام، سيصل فريق النظافة خلال ساعة بإذن الله.")
        page.click("#reply-form button[type=submit]")
        wait_until(
            lambda: sent()[-1] == "وعليكم السلام، سيصل فريق النظافة خلال ساعة بإذن الله.",
            "the agent's reply reaches Telegram",
        )
        page.select_option("#canned", "location")
        page.click("#canned-form button[type=submit]")
        wait_until(lambda: sent()[-1] == render("canned-location"), "the canned reply in Urdu")
        assert sent()[sent().index(joined) :] == [
            joined,
            "وعليكم السلام، سيصل فريق النظافة خلال ساعة بإذن الله.",
            render("canned-location"),
        ]  # the bot said nothing to the photo or the question: it is silent
        expect(page.locator("#lines li.from-agent").last).to_contain_text(
            runtime.service.render("ar", "canned-location", {})
        )  # the agent reads it in Arabic
        # both replies turn "sent" on the page (re-read a moment after each reply's event)
        expect(page.locator("#lines .from-agent .delivery-sent")).to_have_count(2)
        shot(page, "desk-chat-ar")

        page.click("#end-form button[type=submit]")
        expect(page.locator("#follow-up-form")).to_be_visible()
        wait_until(lambda: sent()[-1] == render("handoff-ask-rating"), "the rating question")
        post_telegram(client, telegram_update("callback_query", CHAT_ID, data="r4"))
        wait_until(lambda: the_chat(runtime, number).rating == 4, "the rating is stored")
    assert the_chat(runtime, number).status == "ended"
    page.goto(f"{served.url}/desk/chats")
    expect(page.locator(f'tr.chat-closed[data-chat="{number}"]')).to_contain_text(
        re.compile("4\\W? من 5")
    )
    assert page.errors == []  # type: ignore[attr-defined]


# ---- WhatsApp ------------------------------------------------------------------------------


@pytest.fixture
def fake_twilio() -> Iterator[FakeTwilio]:
    with FakeTwilio() as fake:
        yield fake


@pytest.fixture
def wa_served(
    sqlite_url: str, tmp_path: Path, fake_twilio: FakeTwilio
) -> Iterator[tuple[LiveDesk, Runtime]]:
    settings = handoff_settings(
        sqlite_url,
        tmp_path,
        env={
            "TWILIO_ACCOUNT_SID": fake_twilio.account_sid,
            "TWILIO_AUTH_TOKEN": fake_twilio.auth_token,
            "PUBLIC_URL": PUBLIC_URL,
        },
        **{"channels.whatsapp.api_base_url": fake_twilio.base_url},
    )
    runtime = make_runtime(settings, Clock())
    open_team(runtime)
    try:
        with live_desk(runtime, free_port()) as served:
            yield served, runtime
    finally:
        runtime.service.database.dispose()


def test_whatsapp_pilgrim_and_an_english_desk(
    browser: Browser, wa_served: tuple[LiveDesk, Runtime], fake_twilio: FakeTwilio
) -> None:
    served, runtime = wa_served
    make_staff(runtime, "omar", lang="en")
    page = new_page(browser)
    sign_in(page, served.url, "omar", "en")
    open_chats(page, served.url)
    phone = "+966512345670"
    to = f"whatsapp:{phone}"

    def say(client: httpx.Client, body: str) -> list[str]:
        form = twilio_form("text", phone=phone, account_sid=fake_twilio.account_sid, Body=body)
        signature = RequestValidator(fake_twilio.auth_token).compute_signature(
            f"{PUBLIC_URL}/webhooks/whatsapp", form
        )
        answer = client.post(
            "/webhooks/whatsapp", data=form, headers={"X-Twilio-Signature": signature}
        )
        assert answer.status_code == 200, answer.text
        return re.findall(r"<Message>(.*?)</Message>", answer.text, re.S)

    with httpx.Client(base_url=served.url, timeout=GUARD) as client:
        *_, menu = say(client, "Hello, I need some help please")
        label = runtime.service.render("en", "menu-agent", {})
        found = re.search(rf"^(\d+)\. {re.escape(label)}$", html.unescape(menu), re.MULTILINE)
        assert found, menu  # WhatsApp numbers the menu's choices
        say(client, found.group(1))
        number = claim_the_new_chat(page)
        expect(page.locator("#window-open")).to_be_visible()  # WhatsApp's 24 hours, still open
        joined = runtime.service.render("en", "handoff-joined", {"agent": "Omar"})
        wait_until(lambda: joined in fake_twilio.bodies_to(to), "the pilgrim is told who joined")
        assert say(client, "The lift in our building is broken") == []  # the bot is silent
        expect(page.locator("#lines li.from-pilgrim").last).to_contain_text("The lift")
        page.fill("#text", "Which building, please?")
        page.click("#reply-form button[type=submit]")
        wait_until(lambda: fake_twilio.bodies_to(to)[-1] == "Which building, please?", "the reply")
        page.click("#end-form button[type=submit]")
        wait_until(
            lambda: the_chat(runtime, number).status == "ended", "the chat handed back to the bot"
        )
    assert page.errors == []  # type: ignore[attr-defined]


# ---- the web chat --------------------------------------------------------------------------


@pytest.fixture
def web_served(sqlite_url: str, tmp_path: Path) -> Iterator[tuple[LiveDesk, Runtime]]:
    runtime = make_runtime(handoff_settings(sqlite_url, tmp_path), Clock())
    open_team(runtime)
    try:
        with live_desk(runtime, free_port()) as served:
            yield served, runtime
    finally:
        runtime.service.database.dispose()


def test_web_chat_pilgrim_in_persian_and_an_arabic_desk(
    browser: Browser, web_served: tuple[LiveDesk, Runtime]
) -> None:
    served, runtime = web_served
    make_staff(runtime, "huda", lang="ar")
    desk = new_page(browser)
    sign_in(desk, served.url, "huda", "ar")
    open_chats(desk, served.url)

    pilgrim = ChatPage(new_page(browser, {"width": 390, "height": 844}))
    pilgrim.page.goto(f"{served.url}/")
    pilgrim.page.locator("#welcome-languages button", has_text="فارسی").click()
    pilgrim.settled()
    pilgrim.type("/human")
    expect(pilgrim.bot_bubbles.last).to_contain_text(
        runtime.service.render("fa", "handoff-queued", {"position": 1, "minutes": 6})[:20]
    )
    number = claim_the_new_chat(desk)
    joined = runtime.service.render("fa", "handoff-joined", {"agent": "Huda"})
    expect(pilgrim.bot_bubbles.last).to_contain_text(joined, timeout=GUARD * 1000)
    pilgrim.type("سلام، آب هتل ما قطع است")
    expect(desk.locator("#lines li.from-pilgrim").last).to_contain_text("آب هتل ما قطع است")
    desk.select_option("#canned", "greeting")
    desk.click("#canned-form button[type=submit]")
    greeting = runtime.service.render("fa", "canned-greeting", {"agent": "Huda", "hotline": "940"})
    expect(pilgrim.bot_bubbles.last).to_contain_text(greeting, timeout=GUARD * 1000)
    desk.click("#end-form button[type=submit]")
    best = runtime.service.render("fa", "rating-5", {})
    expect(pilgrim.page.locator(".choice:enabled", has_text=best)).to_be_visible(
        timeout=GUARD * 1000
    )  # the bot is back and asks how it went
    pilgrim.press(best)
    wait_until(lambda: the_chat(runtime, number).rating == 5, "the rating is stored")
    assert the_chat(runtime, number).status == "ended"
    assert desk.errors == [] and pilgrim.page.errors == []  # type: ignore[attr-defined]


def test_a_chat_transferred_to_another_team_leaves_the_old_teams_pages(
    browser: Browser, web_served: tuple[LiveDesk, Runtime]
) -> None:
    """Sara of the old team has the chat open when Huda sends it to another team: her page
    goes to the list (the chat is out of her sight), no new-chat chime; Nadia's list of the
    new team shows it waiting."""
    served, runtime = web_served
    with runtime.service.database.transaction() as s:
        if store.get_team(s, slug="wajibna") is None:
            store.create_team(s, slug="wajibna", names={"en": "Wajibna", "ar": "واجبنا"})
    make_staff(runtime, "huda", lang="en")
    make_staff(runtime, "sara", lang="en")
    make_staff(runtime, "nadia", team="wajibna", lang="en")
    huda, sara, nadia = new_page(browser), new_page(browser), new_page(browser)
    for page, name in ((huda, "huda"), (sara, "sara"), (nadia, "nadia")):
        sign_in(page, served.url, name, "en")
    open_chats(huda, served.url)
    open_chats(nadia, served.url)

    pilgrim = ChatPage(new_page(browser, {"width": 390, "height": 844}))
    pilgrim.page.goto(f"{served.url}/")
    pilgrim.page.locator("#welcome-languages button", has_text="English").click()
    pilgrim.settled()
    pilgrim.type("/human")
    number = claim_the_new_chat(huda)
    sara.goto(f"{served.url}/desk/chats/{number}")
    expect(sara.locator('#chats-live[data-live="1"]')).to_be_attached()
    expect(nadia.locator("tr.chat-waiting")).to_have_count(0)

    huda.select_option("#transfer-team", "wajibna")
    huda.click("#transfer-team-form button[type=submit]")
    sara.wait_for_url(f"{served.url}/desk/chats", timeout=GUARD * 1000)  # left the chat
    expect(sara.locator(f'tr[data-chat="{number}"]')).to_have_count(0)
    expect(nadia.locator(f'tr.chat-waiting[data-chat="{number}"]')).to_have_count(1)
    expect(nadia.locator("#chats-live")).to_have_attribute("data-chimed", "1")
    shot(sara, "desk-chat-transferred-away-en")
    assert sara.locator("#chats-live").get_attribute("data-chimed") is None
    assert the_chat(runtime, number).team == "wajibna"
    for page in (huda, sara, nadia):
        assert page.errors == []  # type: ignore[attr-defined]
