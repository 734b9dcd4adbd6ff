"""The web chat in headless Chromium against the real app, service and SQLite database.

A phone-sized browser (390x844) files a report end to end (buttons, the
browser's geolocation, typed text, a photo upload, confirmation, ticket
number), checks its status, reloads the page and finds the conversation, and
switches to Arabic (right-to-left, Arabic text). Screenshots go to test-results/.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

import pytest
from browser_kit import (
    CHROMIUM_ARGS,
    MAKKAH,
    PHONE,
    ChatPage,
    chromium_or_skip,
    live_server,
)
from playwright.sync_api import Browser, Page, expect, sync_playwright
from webchat_kit import SharedTexts, free_port, oversize_png, png, runtime_on, web_settings

from bot.channels.webchat.sender import WebChatSender
from bot.core.messages import Reply
from bot.core.outbox import OutboxWorker
from bot.core.runtime import Runtime
from storage import service as store

pytestmark = pytest.mark.browser
TICKET = re.compile(r"MK-\d{7}")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    path = chromium_or_skip()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def served(
    sqlite_url: str, tmp_path: Path, shared_texts: SharedTexts
) -> Iterator[tuple[str, Runtime]]:
    runtime = runtime_on(web_settings(sqlite_url, tmp_path / "media"), shared_texts)
    try:
        with live_server(runtime, free_port()) as url:
            yield url, runtime
    finally:
        runtime.service.database.dispose()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="en-US",
        geolocation=MAKKAH,
        permissions=["geolocation"],
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


@pytest.fixture
def chat(page: Page, served: tuple[str, Runtime]) -> ChatPage:
    chat = ChatPage(page)
    chat.open(served[0])
    return chat


def start_in_english(chat: ChatPage) -> None:
    chat.page.locator("#welcome-languages button", has_text="English").click()
    chat.settled()
    expect(chat.page.locator("#welcome")).to_be_hidden()


def file_a_report(chat: ChatPage) -> str:
    start_in_english(chat)
    chat.press("Report a problem")
    expect(chat.bot_bubbles.last).to_contain_text("What kind of problem")
    chat.press("Waste and litter")
    chat.type("Rubbish bags piled up beside the hotel entrance")
    expect(chat.page.locator("#share-location")).to_have_class(re.compile("wanted"))
    chat.share_location()
    chat.send_photo("rubbish.png", png())
    expect(chat.page.locator(".msg.user img.thumb")).to_have_count(1)  # the person sees it
    chat.screenshot("webchat-report-photo-en")
    chat.press("Skip")  # no phone number
    expect(chat.bot_bubbles.last).to_contain_text("Shall I send it?")
    chat.press("Send it")
    filed = chat.page.locator('.msg.bot[data-key="report-filed"] .bubble').inner_text()
    ticket = TICKET.search(filed)
    assert ticket, filed
    return ticket.group(0)


def test_file_a_report_then_check_its_status(chat: ChatPage) -> None:
    ticket = file_a_report(chat)
    chat.screenshot("webchat-report-filed-en")
    chat.choose_from_menu("Check a ticket")
    chat.type(ticket)
    status = chat.page.locator('.msg.bot[data-key="status-owner"] .bubble').inner_text()
    assert ticket in status and "Received" in status
    assert "Rubbish bags piled up" in status  # the owner sees the details
    chat.screenshot("webchat-status-en")


def test_conversation_survives_a_reload(chat: ChatPage) -> None:
    ticket = file_a_report(chat)
    before = chat.page.locator(".msg .bubble").all_inner_texts()
    chat.page.reload()
    chat.settled()
    after = chat.page.locator(".msg .bubble").all_inner_texts()
    assert after == before
    assert any(ticket in text for text in after)
    expect(chat.page.locator("#welcome")).to_be_hidden()


def test_switching_to_arabic_turns_the_page_right_to_left(chat: ChatPage) -> None:
    start_in_english(chat)
    expect(chat.page.locator("html")).to_have_attribute("dir", "ltr")
    chat.page.select_option("#lang-select", "ar")
    chat.settled()
    html = chat.page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ar")
    last = chat.page.locator(".msg.bot").last
    expect(last).to_have_attribute("lang", "ar")
    expect(last.locator(".bubble")).to_have_attribute("dir", "rtl")
    assert re.search("[\u0600-\u06ff]", chat.last_bot_text())
    expect(chat.page.locator("#send")).to_have_text("إرسال")
    chat.screenshot("webchat-arabic-rtl")


def test_oversize_photo_is_refused_before_uploading(
    chat: ChatPage, served: tuple[str, Runtime]
) -> None:
    start_in_english(chat)
    runtime = served[1]
    chat.send_photo("huge.png", oversize_png(runtime.media.max_bytes + 1))
    notice = chat.page.locator("#notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("too large")
    assert chat.page.locator(".msg.user").count() == 0


def test_wrong_type_upload_is_refused_by_the_server_with_a_clear_error(chat: ChatPage) -> None:
    start_in_english(chat)
    chat.send_photo("scan.png", b"%PDF-1.7 a document, not a photo")
    notice = chat.page.locator("#notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("JPEG, PNG or WebP")
    assert chat.page.locator(".msg.user").count() == 0


def test_urdu_browser_is_offered_urdu_and_gets_nastaliq_right_to_left(
    browser: Browser, served: tuple[str, Runtime]
) -> None:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, locale="ur-PK")
    try:
        chat = ChatPage(context.new_page())
        chat.open(served[0])
        suggested = chat.page.locator("#welcome-languages button.suggested")
        expect(suggested).to_have_text("اردو")
        expect(chat.page.locator("html")).to_have_attribute("dir", "rtl")
        suggested.click()
        chat.settled()
        last = chat.page.locator(".msg.bot").last
        expect(last).to_have_attribute("lang", "ur")
        expect(last.locator(".bubble")).to_have_attribute("dir", "rtl")
        assert re.search("[\u0600-\u06ff]", chat.last_bot_text())
        font = last.evaluate("el => getComputedStyle(el).fontFamily")
        assert font.startswith('"Noto Nastaliq Urdu"'), font
        chat.screenshot("webchat-urdu-welcome")
    finally:
        context.close()


def _send_later(runtime: Runtime, client_id: str, reply: Reply) -> None:
    """Queue a message for this browser and let the real outbox worker deliver it."""
    database = runtime.service.database
    with database.transaction() as session:
        person = store.find_person(session, channel="webchat", user_id=client_id)
        assert person is not None
        store.enqueue_outbox(
            session, person=person, channel="webchat", payload={"reply": asdict(reply)}
        )
    worker = OutboxWorker.from_runtime(runtime, {"webchat": WebChatSender(database)})
    with ThreadPoolExecutor(1) as pool:  # Playwright's sync API owns this thread's loop
        assert pool.submit(asyncio.run, worker.run_once()).result() == 1


def test_a_message_sent_later_appears_when_the_person_comes_back(
    chat: ChatPage, served: tuple[str, Runtime]
) -> None:
    start_in_english(chat)
    shown = chat.page.locator(".msg").count()
    client_id = chat.page.evaluate("() => localStorage.getItem('labbaik.clientId')")
    later = Reply(key="agent-reply", text="Our team is on the way to the hotel.", lang="en")
    _send_later(served[1], client_id, later)
    chat.page.evaluate("() => document.dispatchEvent(new Event('visibilitychange'))")
    expect(chat.bot_bubbles.last).to_have_text(later.text)
    assert chat.page.locator(".msg").count() == shown + 1  # appended, nothing redrawn twice


def test_consultant_buttons_and_feedback_work_and_a_map_is_a_link(chat: ChatPage) -> None:
    start_in_english(chat)
    chat.choose_from_menu("Ask the consultant")
    chat.press("Shops and food outlets")
    chat.press("Food shops")  # flow:services_kb_answer?entry=shop-food, carried as a token
    expect(chat.bot_bubbles.last).to_contain_text("Was this helpful?")
    chat.press("👍 Yes, thanks")  # ...?helpful=yes&entry=shop-food: once refused with 400
    expect(chat.page.locator('.msg.bot[data-key="kb-thanks"]')).to_have_count(1)
    assert chat.page.locator("#notice").is_hidden()
    chat.choose_from_menu("Municipal services")
    chat.press("Nearest service point")
    chat.share_location()
    link = chat.page.locator(".msg.bot a.link").last
    expect(link).to_have_attribute("href", re.compile(r"^https://www\.google\.com/maps/"))
    assert "google.com" not in chat.last_bot_text()  # beside the text, not inside it


def test_after_a_failed_send_the_buttons_work_again_and_the_page_says_what_to_do(
    chat: ChatPage,
) -> None:
    start_in_english(chat)
    failures = {"left": 1}

    def fail_once(route) -> None:  # type: ignore[no-untyped-def]
        if failures["left"]:
            failures["left"] -= 1
            route.fulfill(status=500, content_type="application/json", body='{"error": "x"}')
        else:
            route.continue_()

    chat.page.route("**/webchat/api/messages", fail_once)
    chat.press("Report a problem")
    notice = chat.page.locator("#notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("try again")
    button = chat.page.locator(".msg.bot").last.locator(".choice", has_text="Report a problem")
    expect(button).to_be_enabled()  # not greyed out under "reload the page"
    chat.press("Report a problem")
    expect(chat.bot_bubbles.last).to_contain_text("What kind of problem")
