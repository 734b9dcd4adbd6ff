"""`WhatsAppSender` on its own: the real twilio client against the fake Twilio's HTTP."""

from __future__ import annotations

import pytest
from fakes.fake_twilio import FakeTwilio

from bot.app.config import WhatsAppSettings
from bot.channels.whatsapp.sender import WhatsAppSender
from bot.core.messages import PermanentFailure, Reply, ReplyChoice, RetryLater

REPLY = Reply(
    key="status",
    text="Your case MK-1234566 is in progress.",
    lang="en",
    choices=(ReplyChoice("menu", "Main menu"),),
)


def _sender(fake: FakeTwilio, **overrides: str) -> WhatsAppSender:
    settings = {
        "account_sid": fake.account_sid,
        "auth_token": fake.auth_token,
        "api_base_url": fake.base_url,
        **overrides,
    }
    return WhatsAppSender(WhatsAppSettings(**settings))


async def test_sends_body_with_numbered_choices_and_returns_twilio_sid(
    fake_twilio: FakeTwilio,
) -> None:
    sid = await _sender(fake_twilio).send("whatsapp:+966500000001", REPLY)
    [sent] = fake_twilio.messages
    assert sid == sent["sid"] and sid.startswith("SM")
    assert sent["To"] == "whatsapp:+966500000001"
    assert sent["Body"] == "Your case MK-1234566 is in progress.\n\n1. Main menu"


async def test_rate_limit_is_retry_later_with_retry_after(fake_twilio: FakeTwilio) -> None:
    fake_twilio.fail_next(429, 20429, retry_after="12")
    with pytest.raises(RetryLater) as caught:
        await _sender(fake_twilio).send("whatsapp:+966500000001", REPLY)
    assert caught.value.seconds == 12.0


async def test_server_error_is_retry_later_for_the_backoff(fake_twilio: FakeTwilio) -> None:
    fake_twilio.fail_next(503, 20503)
    with pytest.raises(RetryLater) as caught:
        await _sender(fake_twilio).send("whatsapp:+966500000001", REPLY)
    assert caught.value.seconds == 0  # no Retry-After: the worker's backoff decides


async def test_unreachable_twilio_is_retry_later(fake_twilio: FakeTwilio) -> None:
    sender = _sender(fake_twilio)
    fake_twilio.stop()
    with pytest.raises(RetryLater):
        await sender.send("whatsapp:+966500000001", REPLY)


async def test_wrong_credentials_are_a_permanent_failure(fake_twilio: FakeTwilio) -> None:
    sender = _sender(fake_twilio, auth_token="0" * 32)
    with pytest.raises(PermanentFailure, match="20003"):
        await sender.send("whatsapp:+966500000001", REPLY)
    assert fake_twilio.messages == []
