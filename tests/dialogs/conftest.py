"""Fixtures for the dialog engine tests: the real flows, the real English labels."""

from __future__ import annotations

import pytest
from dialog_helpers import Chat

from bot.app.config import load_settings
from bot.core.conversation import short_answers
from dialogs.engine import Context
from dialogs.flowset import FlowSet
from dialogs.loader import load_flows
from locales.render import Localizer


@pytest.fixture(scope="session")
def flows() -> FlowSet:
    return load_flows(languages=load_settings().languages)


@pytest.fixture(scope="session")
def localizer() -> Localizer:
    return Localizer()


@pytest.fixture(scope="session")
def ctx(localizer: Localizer) -> Context:
    return Context(
        labels=localizer.labels("en"),
        words=short_answers(localizer, load_settings().languages),
        nlu_threshold=0.55,
        constants={"hotline": "940", "ticket_example": "MK-1234566"},
    )


@pytest.fixture
def chat(flows: FlowSet, ctx: Context) -> Chat:
    """A conversation that has already seen the menu (so no welcome message)."""
    c = Chat(flows, ctx)
    c.command("menu")
    return c
