"""WhatsApp's section of config.yaml (`channels.whatsapp`); Twilio's credentials from the env."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator

from bot.channels.whatsapp.form import origin
from bot.core.settings import Section

# Where Twilio serves a message's media (MediaUrl), and where it redirects those
# requests to: the short-lived secured URLs (mms.twiliocdn.com) and the older public
# ones (s3-external-1.amazonaws.com/media.twiliocdn.com/...). Credentials go to the
# first only.
TWILIO_MEDIA_HOSTS = ("https://api.twilio.com",)
TWILIO_MEDIA_REDIRECT_HOSTS = (
    "https://mms.twiliocdn.com",
    "https://media.twiliocdn.com",
    "https://s3-external-1.amazonaws.com",
)


class WhatsAppSettings(Section):
    enabled: bool = True
    from_number: str = "whatsapp:+14155238886"
    api_base_url: str | None = None  # tests point this at a local fake Twilio API
    template_content_sid: str | None = None  # sent outside the 24-hour window
    messages_per_second: Annotated[float, Field(gt=0, le=400)] = 80.0  # the sender's Twilio MPS
    # origins ("https://host[:port]") a MediaUrl may point at (with the credentials) ...
    media_hosts: tuple[str, ...] = TWILIO_MEDIA_HOSTS
    # ... and those its redirects may lead to (without them)
    media_redirect_hosts: tuple[str, ...] = TWILIO_MEDIA_REDIRECT_HOSTS
    account_sid: str | None = None  # from TWILIO_ACCOUNT_SID only
    auth_token: str | None = None  # from TWILIO_AUTH_TOKEN only

    @field_validator("media_hosts", "media_redirect_hosts")
    @classmethod
    def _origins(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [entry for entry in value if origin(entry) != entry.rstrip("/").lower()]
        if bad:
            raise ValueError(f"expected origins such as 'https://api.twilio.com', got {bad}")
        return tuple(entry.rstrip("/").lower() for entry in value)


SECRETS = {"TWILIO_ACCOUNT_SID": "account_sid", "TWILIO_AUTH_TOKEN": "auth_token"}
