"""Engine-level transcripts of the services flows, in every language.

The real flows, the real engine, the real Fluent files and the real effect
handlers (ours and the service's generic ones) on a real SQLite database: each
test talks to the bot the way a pilgrim would and checks both the message ids
and the rendered text (no missing messages, no Fluent errors, the right words).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from consultant_questions import BROAD, SPECIFIC
from shared_content import repo_content
from sqlalchemy import select

from bot.app.config import load_settings
from bot.app.wiring import effect_registry
from bot.core.conversation import short_answers
from bot.core.effects import EffectContext, EffectRegistry
from bot.municipal import effects as municipal
from dialogs.engine import Context, step
from dialogs.flowset import FlowSet
from dialogs.loader import load_flows
from dialogs.model import EffectResult, Entity, Location, NluResult, Output, UserInput
from dialogs.tickets import normalize_digits
from locales.render import Localizer
from storage import service as store
from storage.db import Database
from storage.models import Case

LANGS = ("ar", "en", "id", "ur", "fa")
EVENING = datetime(2024, 11, 18, 16, 0, tzinfo=UTC)  # 19:00 in Makkah, Itlala open
SETTINGS = load_settings()
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture(scope="module")
def flows() -> FlowSet:
    return load_flows(languages=SETTINGS.languages)


@pytest.fixture(scope="module")
def localizer() -> Localizer:
    return Localizer()


@pytest.fixture(scope="module")
def registry() -> EffectRegistry:
    reg = effect_registry()
    assert set(municipal.HANDLERS) <= reg.names
    return reg


@dataclass
class Talk:
    """One person's conversation: sends events, runs effects, renders the replies."""

    flows: FlowSet
    localizer: Localizer
    registry: EffectRegistry
    db: Database
    lang: str
    state: dict[str, Any] = field(default_factory=dict)
    outputs: list[Output] = field(default_factory=list)

    @property
    def ctx(self) -> Context:
        """As the service builds it: labels, the short-answer words, the places gazetteer."""
        return Context(
            labels=self.localizer.labels(self.lang),
            words=short_answers(self.localizer, SETTINGS.languages),
            places=municipal.places_in(repo_content().current()),
        )

    def send(self, event: UserInput) -> list[str]:
        """The message ids of the replies; their texts are in `texts`."""
        with self.db.transaction() as session:
            person = store.get_or_create_person(
                session, channel="telegram", user_id=f"pilgrim-{self.lang}", language=self.lang
            )
            effect_ctx = EffectContext(
                session, person, "telegram", SETTINGS, EVENING, self.lang, repo_content().current()
            )
            result = step(self.flows, self.state, event, now=EVENING, ctx=self.ctx)
            self.outputs = list(result.outputs)
            effects = list(result.effects)
            while effects:
                effect = effects.pop(0)
                data = self.registry.run(effect, effect_ctx)
                if effect.awaits:
                    result = step(
                        self.flows,
                        result.state,
                        EffectResult(effect.name, data),
                        now=EVENING,
                        ctx=self.ctx,
                    )
                    self.outputs += result.outputs
                    effects += result.effects
            self.state = result.state
        return [o.key for o in self.outputs]

    def text(self, text: str, nlu: NluResult | None = None) -> list[str]:
        return self.send(UserInput(text=text, nlu=nlu))

    def press(self, choice: str) -> list[str]:
        return self.send(UserInput(choice=choice))

    def intent(self, name: str, text: str = "…", **entities: str) -> list[str]:
        ents = tuple(Entity(k, v) for k, v in entities.items())
        return self.text(text, NluResult(name, 0.95, ents, language=self.lang))

    @property
    def texts(self) -> list[str]:
        return [self.localizer.render(self.lang, o.key, o.args) for o in self.outputs]

    @property
    def buttons(self) -> list[str]:
        """The actions of the last buttons (a channel sees their tokens, dialogs/tokens.py)."""
        shown = [o for o in self.outputs if o.choices]
        tokens = self.state.get("tokens") or {}
        return [tokens.get(c.id, c.id) for c in shown[-1].choices] if shown else []

    @property
    def labels(self) -> list[str]:
        shown = [o for o in self.outputs if o.choices]
        choices = shown[-1].choices if shown else ()
        return [self.localizer.render(self.lang, c.key, c.args) for c in choices]

    def number_of(self, choice_id: str) -> str:
        """What a person types to pick a button: its number as shown."""
        return str(self.buttons.index(choice_id) + 1)


@pytest.fixture
def talk(flows, localizer, registry, sqlite_database, caplog) -> Any:
    caplog.set_level(logging.WARNING, logger="locales.render")

    def start(lang: str) -> Talk:
        t = Talk(flows, localizer, registry, sqlite_database, lang)
        t.send(UserInput(command="menu"))
        return t

    yield start
    problems = [r.getMessage() for r in caplog.records if r.name == "locales.render"]
    assert problems == [], problems  # every message rendered, in its own language


def _in_language(lang: str, texts: list[str]) -> None:
    body = " ".join(texts)
    assert "{" not in body and "summary-skipped" not in body
    if lang in ("ar", "ur", "fa"):
        assert ARABIC_SCRIPT.search(body), body


# ---------------------------------------------------------------- the consultant


TOPIC_INTENTS = {
    "ask_engineering_offices": ("kb-topic-engineering-offices-intro", 3),
    "ask_building_permit": ("kb-topic-residential-building-intro", 3),
    "ask_shop_requirements": ("kb-topic-shops-intro", 3),
    "ask_investment": ("kb-topic-investment-intro", 2),
    "ask_transactions": ("kb-topic-transactions-intro", 3),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("intent", sorted(TOPIC_INTENTS))
def test_every_consultant_topic_and_answer_from_free_text(talk, lang: str, intent: str):
    t = talk(lang)
    intro, count = TOPIC_INTENTS[intent]
    assert t.intent(intent) == [intro]
    entries = [b for b in t.buttons if b.startswith("flow:services_kb_answer?entry=")]
    assert len(entries) == count
    for entry in entries:
        t.intent(intent)
        assert t.text(t.number_of(entry)) == ["kb-text", "kb-more"]
        _in_language(lang, t.texts)
        helpful = [b for b in t.buttons if b.startswith("flow:services_kb_feedback")]
        assert len(helpful) == 2  # yes and no


@pytest.mark.parametrize("lang", LANGS)
def test_consultant_menu_answer_not_helpful_offers_the_consultant_line_and_a_person(talk, lang):
    t = talk(lang)
    assert t.press("flow:services_consultant") == ["kb-consultant-intro"]
    assert t.text(t.number_of("flow:services_kb_shops")) == ["kb-topic-shops-intro"]
    assert t.text(t.number_of("flow:services_kb_answer?entry=shop-food")) == ["kb-text", "kb-more"]
    answer, more = t.texts
    assert "0" in normalize_digits(answer) and "5" in normalize_digits(answer)  # 0–5 °C
    assert "0539400940" in more  # the consultant's line under the answer
    no = "flow:services_kb_feedback?helpful=no&entry=shop-food"
    assert t.text(t.number_of(no)) == ["kb-sorry"]
    assert "0539400940" in t.texts[0]
    assert "flow:services_kb_person" in t.buttons  # our staff, as a step of this flow
    _in_language(lang, t.texts)


@pytest.mark.parametrize("lang", LANGS)
def test_a_helpful_answer_is_thanked_and_the_menu_follows(talk, lang):
    t = talk(lang)
    t.press("flow:services_kb_answer?entry=tx-licence-printing")
    assert "1717" in t.texts[1]  # Mustamirrun, ext. 1717 / 7777
    yes = "flow:services_kb_feedback?helpful=yes&entry=tx-licence-printing"
    assert t.press(yes) == ["kb-thanks", "menu-anything-else"]


@pytest.mark.parametrize("lang", LANGS)
def test_phone_numbers_on_request(talk, lang):
    t = talk(lang)
    assert t.intent("ask_contact")[0] == "kb-text"
    for number in ("940", "0539400940", "012 5739555", "1717", "7777"):
        assert number in t.texts[0]


# ---------------------------------------------------------------- places


# 20:08 and 16:38 on each language's own clock (Fluent DATETIME, timeStyle short)
CLOCK = {
    "ar": ("8:08 م", "4:38 م"),
    "en": ("8:08\u202fPM", "4:38\u202fPM"),
    "id": ("20.08", "16.38"),
    "ur": ("8:08 PM", "4:38 PM"),
    "fa": ("20:08", "16:38"),
}
NEIGHBOURHOOD = {"ar": "المسفلة", "en": "Misfalah", "id": "Misfalah", "ur": "مسفلہ", "fa": "مسفله"}
AJYAD = {"ar": "أجياد", "en": "Ajyad", "id": "Ajyad", "ur": "اجیاد", "fa": "اجیاد"}


@pytest.mark.parametrize("lang", LANGS)
def test_which_sub_municipality_from_a_typed_neighbourhood(talk, lang):
    t = talk(lang)
    assert t.intent("ask_sub_municipality") == ["services-locate-ask"]
    assert t.text(NEIGHBOURHOOD[lang]) == ["services-locate-found"]
    assert AJYAD[lang] in t.texts[0] and NEIGHBOURHOOD[lang] in t.texts[0]
    points = [b for b in t.buttons if b.startswith("flow:services_point?")]
    assert points
    assert t.text("1") == ["services-point-itlala", "menu-anything-else"]
    (link,) = t.outputs[0].links  # a link of its own, never inside the (bidi-isolated) text
    assert link.url.startswith("https://www.google.com/maps/") and "maps" not in t.texts[0]
    _in_language(lang, t.texts)


@pytest.mark.parametrize("lang", LANGS)
def test_which_sub_municipality_from_a_pin_and_a_place_we_do_not_know(talk, lang):
    t = talk(lang)
    t.intent("ask_sub_municipality")
    assert t.send(UserInput(location=Location(21.4130, 39.8930))) == ["services-locate-found"]
    assert t.localizer.render(lang, "submun-mashaer") in t.texts[0]
    t.intent("ask_sub_municipality")
    assert t.text("Narnia") == ["services-locate-not-found"]
    assert "0539400940" in t.texts[0]


@pytest.mark.parametrize("lang", LANGS)
def test_nearest_service_point_open_now_with_the_hijri_date(talk, lang):
    t = talk(lang)
    assert t.intent("ask_service_points") == ["services-points-ask"]
    assert t.send(UserInput(location=Location(21.4225, 39.8262))) == ["services-points-open"]
    text = t.texts[0]
    closes, opens = CLOCK[lang]
    assert closes in text and opens in text  # open until, and today's Itlala hours
    assert ("1,1 km" if lang == "id" else "1.1") in text  # Fluent's NUMBER: id's decimal comma
    assert "1446" in text and t.localizer.render(lang, "hijri-month-5") in text
    assert t.localizer.render(lang, "place-itlala-masjid-al-jinn") in text
    _in_language(lang, t.texts)


# ---------------------------------------------------------------- requests


def _answer(t: Talk, choice: str) -> None:
    t.text(t.number_of(choice))


@pytest.mark.parametrize("lang", LANGS)
def test_wajibna_home_visit_request_becomes_a_routed_case(talk, lang, sqlite_database):
    t = talk(lang)
    assert t.intent("request_home_visit") == ["wajibna-ask-relationship"]
    _answer(t, "parent")
    assert t.text("Fatima Bibi") == ["wajibna-ask-need"]
    _answer(t, "elderly")
    _answer(t, "licence")
    assert t.text("licence 12345 renewal") == ["wajibna-ask-location"]
    assert t.send(UserInput(location=Location(21.41, 39.86))) == ["request-ask-when"]
    _answer(t, "morning")
    assert t.text("٠٥٠١٢٣٤٥٦٧") == ["wajibna-summary"]
    _in_language(lang, t.texts)
    assert t.press("confirm") == ["wajibna-filed", "menu-anything-else"]
    ticket = re.search(r"MK-\d{7}", t.texts[0])
    assert ticket is not None
    with sqlite_database.session() as session:
        case = session.scalars(select(Case).where(Case.ticket_id == ticket.group())).one()
        assert (case.kind, case.team, case.language) == ("home_visit", "wajibna", lang)
        assert case.contact_phone == "+966501234567"
        assert case.extra["sub_municipality"] == "aziziyah"
    # The ticket is followed like any other.
    assert t.intent("check_status", ticket.group(), ticket_id=ticket.group())[0] == "status-owner"


@pytest.mark.parametrize("lang", LANGS)
def test_mutmainnun_request_for_someone_abroad(talk, lang, sqlite_database):
    t = talk(lang)
    assert t.intent("request_proxy_service") == ["mutmainnun-ask-situation"]
    _answer(t, "abroad_study")
    t.text("Ahmad Khan")
    _answer(t, "child")
    _answer(t, "deed")
    assert t.text("register the family house deed") == ["mutmainnun-ask-office"]
    assert t.press("skip") == ["mutmainnun-ask-when"]
    _answer(t, "any")
    assert t.text("12345") == ["error-phone-invalid", "mutmainnun-ask-phone"]
    assert t.text("+62 812 3456 7890") == ["mutmainnun-summary"]
    _in_language(lang, t.texts)
    assert t.press("confirm") == ["mutmainnun-filed", "menu-anything-else"]
    ticket = re.search(r"MK-\d{7}", t.texts[0])
    assert ticket is not None
    with sqlite_database.session() as session:
        case = session.scalars(select(Case).where(Case.ticket_id == ticket.group())).one()
        assert (case.kind, case.team) == ("proxy_service", "mutmainnun")
        assert case.contact_phone == "+6281234567890"
        assert case.extra["situation"] == "abroad_study"


# ---------------------------------------------------------------- tips


@pytest.mark.parametrize("lang", LANGS)
def test_tips_on_request_subscribe_and_stop(talk, lang):
    t = talk(lang)
    assert t.press("flow:services_menu") == ["services-intro"]
    assert t.text(t.number_of("flow:services_tips")) == ["tips-ask-topic"]
    _answer(t, "heat")
    assert t.outputs[0].key == "tips-tip" and "☀️" in t.texts[0]
    assert t.text(t.number_of("flow:services_tips_subscribe")) == [
        "tips-subscribed",
        "menu-anything-else",
    ]
    assert t.press("flow:services_tips_subscribe")[0] == "tips-already-subscribed"
    assert t.send(UserInput(command="stop"))[0] == "tips-unsubscribed"
    assert t.send(UserInput(command="stop"))[0] == "tips-not-subscribed"
    _in_language(lang, t.texts)


# ---------------------------------------------------------------- consultant, question's level

# the intent whose flow answers each entry's topic
ENTRY_INTENT = {
    "eng": "ask_engineering_offices",
    "build": "ask_building_permit",
    "shop": "ask_shop_requirements",
    "invest": "ask_investment",
    "tx": "ask_transactions",
    "contacts": "ask_contact",
}


def _entry_answered(t: Talk) -> str | None:
    """Which entry the last reply answered (its "was this helpful?" buttons name it)."""
    helpful = [b for b in t.buttons if b.startswith("flow:services_kb_feedback?helpful=yes")]
    return helpful[0].rsplit("entry=", 1)[1] if helpful else None


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("entry", sorted(SPECIFIC))
def test_a_specific_question_gets_its_answer_at_once(talk, lang: str, entry: str):
    t = talk(lang)
    question = SPECIFIC[entry][lang]
    keys = t.intent(ENTRY_INTENT[entry.split("-")[0]], question)
    if entry == "contacts-all":  # the phone numbers: no follow-ups or feedback
        assert keys == ["kb-text", "menu-anything-else"] and "0539400940" in t.texts[0]
    else:
        assert keys == ["kb-text", "kb-more"], (question, keys)
        assert _entry_answered(t) == entry, question
    _in_language(lang, t.texts)


@pytest.mark.parametrize("lang", LANGS)
def test_a_broad_question_gets_the_topics_menu(talk, lang: str):
    t = talk(lang)
    assert t.intent("ask_engineering_offices", BROAD[lang]) == [
        "kb-topic-engineering-offices-intro"
    ]
    assert len([b for b in t.buttons if b.startswith("flow:services_kb_answer?entry=")]) == 3


# ---------------------------------------------------------------- service points, by name

JINN = {
    "en": "when does the Itlala desk at Masjid al-Jinn open?",
    "ar": "متى يفتح موقع إطلالة في مسجد الجن؟",
    "id": "posko Itlala di Masjid Jin buka jam berapa?",
    "ur": "مسجد جن میں اطلالہ کاؤنٹر کب کھلتا ہے؟",
    "fa": "غرفهٔ اطلاله در مسجد جن کی باز است؟",
}
HARAM = {
    "en": "is there an Itlala desk at the Haram?",
    "ar": "هل يوجد موقع إطلالة في الحرم؟",
    "id": "apakah ada posko Itlala di Masjidil Haram?",
    "ur": "کیا حرم میں اطلالہ کاؤنٹر ہے؟",
    "fa": "آیا در مسجدالحرام غرفهٔ اطلاله هست؟",
}


@pytest.mark.parametrize("lang", LANGS)
def test_hours_of_a_named_mosque_with_a_desk_are_answered_at_once(talk, lang):
    t = talk(lang)
    assert t.intent("ask_service_points", JINN[lang]) == [
        "services-point-itlala",
        "menu-anything-else",
    ]
    assert t.localizer.render(lang, "place-itlala-masjid-al-jinn") in t.texts[0]
    assert CLOCK[lang][0] in t.texts[0]  # open now, until 20:08 on the language's clock
    assert t.outputs[0].links[0].url.endswith("21.43190,39.82980")
    _in_language(lang, t.texts)


@pytest.mark.parametrize("lang", LANGS)
def test_a_mosque_without_a_desk_gets_the_nearest_one_from_the_mosque(talk, lang):
    t = talk(lang)
    assert t.intent("ask_service_points", HARAM[lang]) == ["services-points-mosque"]
    text = t.texts[0]
    assert t.localizer.render(lang, "mosque-haram") in text
    assert t.localizer.render(lang, "place-itlala-masjid-al-jinn") in text
    assert ("1,1" if lang == "id" else "1.1") in text  # from the Grand Mosque, not Ajyad's middle
    _in_language(lang, t.texts)
