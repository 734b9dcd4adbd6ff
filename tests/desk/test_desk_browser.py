"""The desk in headless Chromium against the real app: sign in, filter, open a case, change its
status, and the pilgrim's web chat shows the news in their language; lockout and CSRF as a
browser meets them; the pages at a tablet's width; screenshots in Arabic and English.

Screenshots go to test-results/ (LABBAIK_SCREENSHOTS=docs writes docs/screenshots/, the
ones the README shows).
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
from desk_kit import PASSWORD, Clock, make_case, make_staff
from playwright.sync_api import Browser, Page, expect, sync_playwright

from bot.channels import registry
from bot.core import cases
from bot.core.outbox import OutboxWorker
from bot.core.runtime import Runtime
from storage import service as store

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(1, str(ROOT / "tests" / "web"))
from browser_kit import CHROMIUM_ARGS, chromium_or_skip, live_server  # noqa: E402
from webchat_kit import free_port, png  # noqa: E402

pytestmark = pytest.mark.browser
LAPTOP = {"width": 1280, "height": 860}
TABLET = {"width": 768, "height": 1024}
SHOTS = ROOT / (
    "docs/screenshots" if os.environ.get("LABBAIK_SCREENSHOTS") == "docs" else "test-results"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    path = chromium_or_skip()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def served(sqlite_url: str, tmp_path: Path, clock: Clock) -> Iterator[tuple[str, Runtime]]:
    from shared_content import runtime_on_settings

    from bot.app.config import load_settings

    settings = load_settings(
        env={}, overrides={"database.url": sqlite_url, "media.directory": str(tmp_path / "m")}
    )
    runtime = runtime_on_settings(settings)
    runtime.service.clock = clock
    try:
        with live_server(runtime, free_port()) as url:
            yield url, runtime
    finally:
        runtime.service.database.dispose()


def new_page(browser: Browser, viewport: dict[str, int] = LAPTOP, locale: str = "en-US") -> Page:
    context = browser.new_context(viewport=viewport, locale=locale)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.errors = errors  # type: ignore[attr-defined]
    return page


def sign_in(page: Page, url: str, username: str, lang: str = "en") -> None:
    page.goto(f"{url}/desk/login?lang={lang}")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit].primary")
    expect(page.locator("h1.page-title")).to_be_visible()


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def seed(runtime: Runtime, clock: Clock, client_id: str | None = None) -> str:
    """Cases of every kind for the 940 centre; the pilgrim's (web chat) one is returned."""
    samples = [
        ("food_safety", "id", "Makanan basi dijual di depan hotel", timedelta(days=1)),
        ("street_lighting", "ur", "سڑک پر اندھیرا ہے، بتی خراب ہے", timedelta(hours=2)),
        ("water_sewage", "ar", "تسرب مياه أمام الفندق", timedelta(hours=30)),
        ("road_hazard", "fa", "چاله بزرگ در خیابان", timedelta(minutes=50)),
        ("public_toilets", "en", "The toilets by gate 5 are locked", timedelta(hours=5)),
    ]
    for i in range(24):
        category, lang, text, age = samples[i % len(samples)]
        make_case(
            runtime, category=category, language=lang, description=text,
            user_id=str(3000 + i), now=clock.now - age - timedelta(minutes=i),
        )  # fmt: skip
    ticket = make_case(
        runtime,
        channel="webchat" if client_id else "telegram",
        user_id=client_id or "3999",
        language="id",
        category="waste",
        description="Sampah menumpuk di samping pintu masuk hotel <b>tolong</b>",
        location_text="Aziziyah, dekat jembatan",
        location_lat=21.4105,
        location_lon=39.8561,
        contact_phone="+6281234567890",
        photos=["webchat/2026/06/01/0123456789abcdef0123456789abcdef.png"],
    )
    photo = runtime.media.open("webchat/2026/06/01/0123456789abcdef0123456789abcdef.png")
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes(png(160, 120, (120, 90, 40)))
    return ticket


def test_an_agent_works_a_case_and_the_pilgrims_web_chat_shows_it(
    browser: Browser, served: tuple[str, Runtime], clock: Clock
) -> None:
    url, runtime = served
    pilgrim = new_page(browser, viewport={"width": 390, "height": 844}, locale="id-ID")
    pilgrim.goto(f"{url}/")
    pilgrim.locator("#welcome-languages button", has_text="Bahasa Indonesia").click()
    pilgrim.locator('#app[data-pending="0"]').wait_for()
    client_id = pilgrim.evaluate("localStorage.getItem('labbaik.clientId')")
    assert client_id
    ticket = seed(runtime, clock, client_id)
    make_staff(runtime, "amina", team="customer_service", lang="en")

    page = new_page(browser)
    sign_in(page, url, "amina")
    expect(page.locator("table.queue tbody tr")).to_have_count(25)
    expect(page.locator("tr.overdue").first).to_be_visible()
    page.select_option("#category", "waste")
    page.click("form.filters button[type=submit]")
    expect(page.locator("table.queue tbody tr")).to_have_count(1)
    assert "category=waste" in page.url  # the view is a URL to bookmark
    page.click(f"text={ticket}")
    expect(page.locator("h1.page-title")).to_contain_text(ticket)
    expect(page.locator(".pilgrim-text")).to_contain_text("<b>tolong</b>")  # shown, not run
    expect(page.locator("#language-warning")).to_contain_text("Indonesian")
    page.click("text=Reveal the phone number")
    expect(page.locator(".phone")).to_have_text("+6281234567890")
    page.select_option("#status", "in_progress")
    page.fill("#note", "Crew 4 on the way")
    page.fill("#message", "Petugas kami sedang menuju lokasi.")
    page.click("text=Change the status")
    expect(page.locator("#timeline")).to_contain_text("Crew 4 on the way")
    expect(page.locator(".status").first).to_have_text("In progress")

    worker = OutboxWorker.from_runtime(runtime, registry.senders(runtime))
    with ThreadPoolExecutor(1) as pool:  # Playwright's sync API holds this thread's loop
        assert pool.submit(asyncio.run, worker.run_once()).result() == 2  # status + message
    pilgrim.reload()
    pilgrim.locator('#app[data-pending="0"]').wait_for()
    bubbles = pilgrim.locator(".msg.bot .bubble")
    expect(bubbles.nth(-2)).to_contain_text("Sedang dikerjakan")
    expect(bubbles.nth(-2)).to_contain_text(ticket)
    expect(bubbles.last).to_contain_text("Petugas kami sedang menuju lokasi.")
    assert page.errors == [] and pilgrim.errors == []  # type: ignore[attr-defined]


def test_screenshots_in_arabic_and_english_and_a_tablet_fits(
    browser: Browser, served: tuple[str, Runtime], clock: Clock
) -> None:
    url, runtime = served
    ticket = seed(runtime, clock)
    make_staff(runtime, "amina", team="customer_service", lang="en")
    make_staff(runtime, "huda", team="customer_service", lang="ar")
    with runtime.service.database.transaction() as s:  # a timeline worth looking at
        case = store.require_case(s, ticket_id=ticket)
        store.add_case_note(s, case=case, actor="agent:1", note="Called the hotel reception")
        cases.change_status(
            s, routing=runtime.settings.routing, case=case, status="in_progress",
            actor="agent:1", now=clock.now, note="Cleaning crew 4 sent",
            message="Petugas kebersihan sedang menuju lokasi.",
        )  # fmt: skip
    for lang, who in (("en", "amina"), ("ar", "huda")):
        login = new_page(browser)
        login.goto(f"{url}/desk/login?lang={lang}")
        shot(login, f"desk-login-{lang}")
        page = new_page(browser)
        sign_in(page, url, who, lang)
        expect(page.locator("html")).to_have_attribute("dir", "rtl" if lang == "ar" else "ltr")
        shot(page, f"desk-queue-{lang}")
        page.goto(f"{url}/desk/cases/{ticket}")
        expect(page.locator("svg.casemap")).to_be_visible()
        shot(page, f"desk-case-{lang}")
        tablet = new_page(browser, viewport=TABLET)
        sign_in(tablet, url, who, lang)
        for path in ("/desk/cases", f"/desk/cases/{ticket}", "/desk/cases/new"):
            tablet.goto(url + path)
            overflow = tablet.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} is wider than a tablet ({lang}): {overflow}px"
        shot(tablet, f"desk-case-tablet-{lang}")
        assert page.errors == [] and tablet.errors == []  # type: ignore[attr-defined]


def test_lockout_and_a_forged_form_as_a_browser_meets_them(
    browser: Browser, served: tuple[str, Runtime]
) -> None:
    url, runtime = served
    make_staff(runtime, "amina", team="customer_service", lang="en")
    page = new_page(browser)
    for _ in range(5):
        page.goto(f"{url}/desk/login?lang=en")
        page.fill("#username", "amina")
        page.fill("#password", "a wrong guess")
        page.click("button[type=submit].primary")
        expect(page.locator(".notice.bad")).to_be_visible()
    page.fill("#username", "amina")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit].primary")
    expect(page.locator(".notice.bad")).to_contain_text("locked")
    other = new_page(browser)
    make_staff(runtime, "omar", team="customer_service", lang="en")
    sign_in(other, url, "omar")
    other.evaluate("document.querySelectorAll('input[name=csrf]').forEach(i => i.value = 'forged')")
    other.click("text=Sign out")
    expect(other.locator(".error")).to_contain_text("did not come from the desk")


WEIGHTED_CATEGORIES = (
    ("waste", 35), ("water_sewage", 15), ("street_lighting", 12), ("road_hazard", 10),
    ("food_safety", 8), ("public_toilets", 8), ("animals_pests", 5), ("street_vendors", 4),
    ("building_violation", 3),
)  # fmt: skip
BUSY_AREAS = (("ajyad", 30), ("aziziyah", 20), ("mashaer", 18), ("maabda", 10), ("umrah", 8),
              ("sharai", 6), ("zahir", 5), ("awali", 3))  # fmt: skip


def seed_a_fortnight(runtime: Runtime, clock: Clock, count: int = 260) -> None:
    """Two weeks of a busy season, filed and worked through the real service: most cases
    located inside a sub-municipality (its team's), resolved within hours or a day or two,
    some rejected, some still open past their deadline, "is it fixed?" answered, chats rated."""
    from random import Random

    from bot.municipal.content import MunicipalData

    rng = Random(1447)
    boundaries = runtime.content.current().part(MunicipalData).boundaries
    areas = [a for a, w in BUSY_AREAS for _ in range(w) if boundaries.get(a)]
    categories = [c for c, w in WEIGHTED_CATEGORIES for _ in range(w)]
    for n in range(count):
        age = timedelta(days=rng.random() ** 1.4 * 13, minutes=rng.randrange(60))
        filed = clock.now - age
        sub = boundaries.get(rng.choice(areas))
        assert sub is not None
        south, north = min(p[0] for p in sub.areas[0]), max(p[0] for p in sub.areas[0])
        west, east = min(p[1] for p in sub.areas[0]), max(p[1] for p in sub.areas[0])
        located = rng.random() < 0.85
        ticket = make_case(
            runtime, category=rng.choice(categories), language=rng.choice("aaauuiief"),
            description="seeded", user_id=str(5000 + n), now=filed,
            team=sub.team if located else "customer_service",
            location_lat=rng.uniform(south, north) if located else None,
            location_lon=rng.uniform(west, east) if located else None,
        )  # fmt: skip
        fate = rng.random()
        took = timedelta(hours=rng.choice((1, 2, 3, 5, 8, 12, 20, 30, 50)) * rng.uniform(0.5, 1.2))
        if filed + took > clock.now or fate > 0.9:
            continue  # still open
        with runtime.service.database.transaction() as s:
            case = store.require_case(s, ticket_id=ticket)
            if fate > 0.82:
                store.change_case_status(s, case=case, status="rejected", actor="agent:1",
                                         reason="not ours", now=filed + took)  # fmt: skip
                continue
            store.change_case_status(s, case=case, status="resolved", actor="agent:1",
                                     now=filed + took)  # fmt: skip
            if rng.random() < 0.6:
                store.ask_if_fixed(s, case=case, now=filed + took)
                fixed = rng.random() < 0.82
                store.record_fix_answer(
                    s, case=case, fixed=fixed, actor="person:1", now=filed + took,
                    sla_due_at=None if fixed else clock.now + timedelta(hours=12),
                )  # fmt: skip
    for n, stars in enumerate((5, 5, 5, 4, 5, 4, 3, 5, 4, 2, 5, 4, 1, 5, 4, 5)):
        with runtime.service.database.transaction() as s:
            person = store.get_or_create_person(s, channel="telegram", user_id=f"chat-{n}")
            at = clock.now - timedelta(days=n % 12, hours=2)
            handoff, _ = store.open_handoff(s, person=person, team="customer_service",
                                            reason="asked", now=at)  # fmt: skip
            store.end_handoff(s, handoff=handoff, by="system", now=at + timedelta(minutes=9))
            store.rate_handoff(s, handoff=handoff, rating=stars, now=at + timedelta(minutes=10))


def test_the_reports_page_in_arabic_and_english(
    browser: Browser, served: tuple[str, Runtime], clock: Clock
) -> None:
    url, runtime = served
    seed_a_fortnight(runtime, clock)
    make_staff(runtime, "sara", role="supervisor", team=None, lang="en")
    make_staff(runtime, "mona", role="supervisor", team=None, lang="ar")
    for lang, who in (("en", "sara"), ("ar", "mona")):
        page = new_page(browser)
        sign_in(page, url, who, lang)
        page.click(f"text={'Reports' if lang == 'en' else 'التقارير'}")
        expect(page.locator("svg.chart")).to_have_count(2)
        expect(page.locator("svg.casemap circle").first).to_be_visible()
        expect(page.locator("table.teams tbody tr")).not_to_have_count(0)
        page.locator("details.numbers summary").first.click()  # the numbers behind the bars
        expect(page.locator("details.numbers table").first).to_be_visible()
        page.locator("details.numbers summary").first.click()
        shot(page, f"desk-reports-{lang}")
        tablet = new_page(browser, viewport=TABLET)
        sign_in(tablet, url, who, lang)
        tablet.goto(f"{url}/desk/reports")
        overflow = tablet.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the reports are wider than a tablet ({lang}): {overflow}px"
        assert page.errors == [] and tablet.errors == []  # type: ignore[attr-defined]
