"""What we read of a Telegram update, declared with the Bot API's types (checked before PTB).

python-telegram-bot builds its objects without checking types: `"text": 123`
becomes a Message whose text is an int, and reading it fails later. So every
field `to_inbound` reads is declared here with its Bot API type and limits
(text ≤ 4096 characters, caption ≤ 1024, callback data a string of ≤ 64
bytes, names within the people.display_name column, a contact's phone
within cases.contact_phone, coordinates in range, ...), and `refusal(data)`
says which field is wrong before anything is parsed or stored. Fields we do
not read are not checked (Telegram adds new ones all the time); kinds of
update we do not take (edits, channel posts) pass through to be ignored.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from bot.channels.fields import STORABLE, Latitude, Longitude, Refusal
from bot.channels.telegram.reply_parts import CALLBACK_DATA_LIMIT, TEXT_LIMIT

CAPTION_LIMIT = 1024
NAME_LIMIT = 99  # first and last name together within people.display_name (200)
TelegramId = Annotated[int, Field(ge=-(2**52), le=2**52)]  # ids fit in 52 bits (Bot API)
Count = Annotated[int, Field(ge=0, le=2**53)]


def _callback_bytes(value: str) -> str:
    if len(value.encode("utf-8")) > CALLBACK_DATA_LIMIT:
        raise ValueError(f"is longer than {CALLBACK_DATA_LIMIT} bytes")
    return value


def _text(max_length: int, min_length: int = 0) -> Any:
    return Field(min_length=min_length, max_length=max_length)


Name = Annotated[str, _text(NAME_LIMIT), STORABLE]
Short = Annotated[str, _text(64, 1), STORABLE]
Caption = Annotated[str, _text(CAPTION_LIMIT), STORABLE]
MessageText = Annotated[str, _text(TEXT_LIMIT), STORABLE]
CallbackData = Annotated[str, _text(CALLBACK_DATA_LIMIT), STORABLE, AfterValidator(_callback_bytes)]
Phone = Annotated[str, Field(max_length=32, pattern=r"^\+?[0-9][0-9 ()\-]{2,30}$")]
FileId = Annotated[str, _text(256, 1), STORABLE]
Label = Annotated[str, _text(512), STORABLE]


class _Part(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", populate_by_name=True)


class UserIn(_Part):
    id: TelegramId
    is_bot: bool
    first_name: Name
    last_name: Name | None = None
    username: Short | None = None
    language_code: Short | None = None


class ChatIn(_Part):
    id: TelegramId
    type: Short


class LocationIn(_Part):
    latitude: Latitude
    longitude: Longitude


class VenueIn(_Part):
    location: LocationIn
    title: Label
    address: Label


class ContactIn(_Part):
    phone_number: Phone


class PhotoSizeIn(_Part):
    file_id: FileId
    file_unique_id: FileId
    width: Count
    height: Count
    file_size: Count | None = None


class DocumentIn(_Part):
    file_id: FileId
    file_unique_id: FileId
    mime_type: Label | None = None
    file_size: Count | None = None


class MessageIn(_Part):
    message_id: Count
    date: Count
    chat: ChatIn
    from_user: UserIn | None = Field(default=None, alias="from")
    text: MessageText | None = None
    caption: Caption | None = None
    location: LocationIn | None = None
    venue: VenueIn | None = None
    contact: ContactIn | None = None
    photo: Annotated[list[PhotoSizeIn], Field(max_length=20)] | None = None
    document: DocumentIn | None = None


class PressedOn(_Part):
    """The message a pressed button was on (possibly "inaccessible": date 0, no content)."""

    message_id: Count
    date: Count
    chat: ChatIn


class CallbackQueryIn(_Part):
    id: Short
    from_user: UserIn = Field(alias="from")
    message: PressedOn | None = None
    data: CallbackData | None = None


class UpdateIn(_Part):
    update_id: Annotated[int, Field(ge=0, le=2**53)]
    message: MessageIn | None = None
    callback_query: CallbackQueryIn | None = None


def refusal(data: dict[str, Any]) -> Refusal | None:
    """Which field of this update breaks the Bot API's types or our limits; None if none."""
    try:
        UpdateIn.model_validate(data)
    except ValidationError as exc:
        return Refusal.of(exc)
    return None
