"""WhatsApp's section of config.yaml (`channels.whatsapp`); Twilio's credentials from the env."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from bot.core.settings import Section


class WhatsAppSettings(Section):
    enabled: bool = True
    from_number: str = "whatsapp:+14155238886"
    api_base_url: str | None = None  # tests point this at a local fake Twilio API
    template_content_sid: str | None = None  # sent outside the 24-hour window
    messages_per_second: Annotated[float, Field(gt=0, le=400)] = 80.0  # the sender's Twilio MPS
    account_sid: str | None = None  # from TWILIO_ACCOUNT_SID only
    auth_token: str | None = None  # from TWILIO_AUTH_TOKEN only


SECRETS = {"TWILIO_ACCOUNT_SID": "account_sid", "TWILIO_AUTH_TOKEN": "auth_token"}
