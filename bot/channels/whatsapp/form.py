"""What Twilio posts for a WhatsApp message, declared field by field (checked after the signature).

Twilio's signature joins the sorted parameter names and values with no
separator, so a request whose parameters are cut differently signs the same:
`MessageSid=SMx…` + `MessageType=text` and `MessageSid=SMx…MessageTypetext`
have one signature. The signature therefore proves the bytes, not the
fields, and every field is held to its real format here: `MessageSid` is
`SM`/`MM` and 32 hex digits, `From`/`To` are `whatsapp:` + an E.164 number,
`NumMedia` one or two ASCII digits up to 10, coordinates decimal numbers in
range, texts storable and within their columns, media URLs parseable http(s)
URLs (whose hosts the download then checks against the allow-list). A
parameter that appears twice, or a name that is not a Twilio-style name, is
refused too. Parameters we do not read are only held to the generic rules
(Twilio adds new ones). `TwilioForm.check(pairs)` gives the checked form or
a `Refusal` naming the first wrong field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from bot.channels.fields import STORABLE, Refusal

MAX_PARAMETERS = 120
MAX_MEDIA = 10  # Twilio: up to 10 media per message
BODY_LIMIT = 4096  # WhatsApp's longest message
VALUE_LIMIT = 4096  # any other parameter
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")

SidText = Annotated[str, Field(pattern=r"^(SM|MM)[0-9a-f]{32}$")]
AccountSidText = Annotated[str, Field(pattern=r"^AC[0-9a-f]{32}$")]
WhatsAppAddress = Annotated[str, Field(max_length=40, pattern=r"^whatsapp:\+[1-9][0-9]{6,14}$")]
SmallCount = Annotated[str, Field(pattern=r"^[0-9]{1,2}$")]
DecimalNumber = Annotated[str, Field(max_length=24, pattern=r"^-?[0-9]{1,3}(\.[0-9]{1,16})?$")]
TwilioWord = Annotated[str, Field(max_length=32, pattern=r"^[a-z_]*$")]
MediaTypeText = Annotated[str, Field(max_length=127, pattern=r"^([\w.+-]+/[\w.+-]+(;.{0,64})?)?$")]
MediaUrlText = Annotated[str, Field(min_length=1, max_length=2048), STORABLE]
BodyText = Annotated[str, Field(max_length=BODY_LIMIT), STORABLE]
NameText = Annotated[str, Field(max_length=200), STORABLE]  # people.display_name
LabelText = Annotated[str, Field(max_length=512), STORABLE]
PayloadText = Annotated[str, Field(max_length=256), STORABLE]
GenericText = Annotated[str, Field(max_length=VALUE_LIMIT), STORABLE]


def origin(url: str) -> str | None:
    """"https://api.twilio.com" of a URL (scheme, host, port as written), or None if unreadable."""
    try:
        parts = urlsplit(url)
        port = parts.port  # ValueError when out of range or not a number
    except ValueError:
        return None
    host, scheme = parts.hostname, parts.scheme.lower()
    if scheme not in ("http", "https") or not host or not host.isascii():
        return None
    if parts.username is not None:  # credentials in the URL: never ours to send
        return None
    shown = f"[{host}]" if ":" in host else host
    default = {"http": 80, "https": 443}[scheme]
    return f"{scheme}://{shown}" + (f":{port}" if port not in (None, default) else "")


class _Others(BaseModel):
    """Every parameter, whatever its name: storable text within the generic limit."""

    model_config = ConfigDict(strict=True)
    values: dict[str, GenericText]


class TwilioForm(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)

    MessageSid: SidText
    From: WhatsAppAddress
    To: WhatsAppAddress | None = None
    AccountSid: AccountSidText | None = None
    SmsMessageSid: SidText | None = None
    SmsSid: SidText | None = None
    MessageType: TwilioWord | None = None
    MessageStatus: TwilioWord | None = None
    Body: BodyText = ""
    ProfileName: NameText = ""
    NumMedia: SmallCount = "0"
    MediaUrl0: MediaUrlText | None = None
    MediaContentType0: MediaTypeText | None = None
    Latitude: DecimalNumber | None = None
    Longitude: DecimalNumber | None = None
    Address: LabelText = ""
    Label: LabelText = ""
    ButtonPayload: PayloadText = ""
    ListId: PayloadText = ""

    @field_validator("NumMedia")
    @classmethod
    def _media_count(cls, value: str) -> str:
        if int(value) > MAX_MEDIA:
            raise ValueError(f"must be at most {MAX_MEDIA}")
        return value

    @field_validator("Latitude", "Longitude")
    @classmethod
    def _coordinate(cls, value: str | None, info: ValidationInfo) -> str | None:
        limit = 90 if info.field_name == "Latitude" else 180
        if value is not None and abs(float(value)) > limit:
            raise ValueError(f"must be between -{limit} and {limit}")
        return value

    @field_validator("MediaUrl0")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and origin(value) is None:
            raise ValueError("is not an http(s) URL with a host and a valid port")
        return value

    @property
    def num_media(self) -> int:
        return int(self.NumMedia)

    @classmethod
    def check(cls, pairs: Sequence[tuple[str, str]]) -> TwilioForm | Refusal:
        """The form of these parameters, or which one is wrong."""
        if len(pairs) > MAX_PARAMETERS:
            return Refusal("body", f"has more than {MAX_PARAMETERS} parameters")
        seen: set[str] = set()
        for name, _ in pairs:
            if not _NAME.fullmatch(name):
                return Refusal("body", "has a parameter name Twilio does not send")
            if name in seen:
                return Refusal(name, "appears more than once")
            seen.add(name)
        values = dict(pairs)
        try:
            _Others.model_validate({"values": values})
            return cls.model_validate(values)
        except ValidationError as exc:
            refusal = Refusal.of(exc)
            return Refusal(refusal.field.removeprefix("values."), refusal.reason)
