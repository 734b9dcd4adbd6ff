"""Telegram updates as neutral `Inbound` messages.

`to_inbound` reads one PTB `Update`: text, location pins and venues, photos
(the largest size, refused by its told size before any download, then
downloaded through the Bot API and handed to the `MediaStore`), shared
contacts, button presses (callback queries), commands (/start /help /language
/status /cancel and any other a flow declares; the engine answers unknown
ones), and everything else as `unsupported` with its kind.
The update_id is the message id: unique per bot, and the same on a
redelivery, so the service handles a redelivered update once.

Edited messages (and live-location updates, which arrive as edits) are not
new messages and give `None`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, PhotoSize, Update, User
from telegram.error import TelegramError

from bot.channels.telegram.reply_parts import DIGEST_PREFIX
from bot.core.media import MediaRejected, MediaStore
from bot.core.messages import Inbound
from dialogs.model import Location, Media

log = logging.getLogger(__name__)

# Telegram's command syntax; which commands exist is the flows' business
# (/start /help /language /status /cancel and any a flow declares)
_COMMAND = re.compile(r"/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s+(.*))?", re.DOTALL)
# attributes of a Message we cannot read, named as the service's `unsupported` kinds
_UNSUPPORTED_KINDS = (
    "sticker",
    "voice",
    "audio",
    "video",
    "video_note",
    "animation",
    "poll",
    "dice",
    "game",
    "story",
    "invoice",
)


async def to_inbound(update: Update, media: MediaStore) -> Inbound | None:
    """The neutral message in `update`, or None when it carries none for us."""
    if update.callback_query is not None:
        return _from_callback(update, update.callback_query)
    message = update.message
    if message is None or update.effective_chat is None:
        return None  # edits, channel posts, inline queries, member updates...
    return replace(_base(update, message.from_user), **await _content(message, media))


def _base(update: Update, user: User | None) -> Inbound:
    """Who and which update, with no content yet."""
    chat = update.effective_chat
    assert chat is not None
    return Inbound(
        channel="telegram",
        user_id=str(chat.id),
        message_id=str(update.update_id),
        locale_hint=user.language_code if user else None,
        display_name=user.full_name if user else None,
    )


def _from_callback(update: Update, query: CallbackQuery) -> Inbound | None:
    if update.effective_chat is None or not query.data:
        return None
    base = _base(update, query.from_user)
    if query.data.startswith(DIGEST_PREFIX):  # a long choice id: answer with the label
        label = _pressed_label(query)
        return replace(base, text=label) if label else replace(base, choice=query.data)
    return replace(base, choice=query.data)


def _pressed_label(query: CallbackQuery) -> str | None:
    markup = getattr(query.message, "reply_markup", None)
    rows = markup.inline_keyboard if isinstance(markup, InlineKeyboardMarkup) else ()
    return next((b.text for row in rows for b in row if b.callback_data == query.data), None)


async def _content(message: Message, media: MediaStore) -> dict[str, Any]:
    if message.text is not None:
        return _text_or_command(message.text)
    if message.venue is not None:
        v = message.venue
        label = ", ".join(p for p in (v.title, v.address) if p)
        return {"location": Location(v.location.latitude, v.location.longitude, label or None)}
    if message.location is not None:
        return {"location": Location(message.location.latitude, message.location.longitude)}
    if message.contact is not None:
        return {"phone": message.contact.phone_number}
    if message.photo:
        return await _photo(message, max(message.photo, key=_area), media)
    if message.document is not None and (message.document.mime_type or "").startswith("image/"):
        return await _photo(message, message.document, media)
    return {"unsupported": _kind(message)}


def _text_or_command(text: str) -> dict[str, Any]:
    """'/status MK-1234566' -> command 'status', text 'MK-1234566'."""
    match = _COMMAND.fullmatch(text.strip())
    if match is None:
        return {"text": text}
    rest = (match.group(2) or "").strip()
    return {"command": match.group(1).lower(), "text": rest or None}


def _area(size: PhotoSize) -> int:
    return size.width * size.height


async def _photo(message: Message, item: object, media: MediaStore) -> dict[str, Any]:
    caption = {"text": message.caption} if message.caption else {}
    try:
        stored = await _download(item, media)
    except MediaRejected as exc:
        log.info("telegram photo refused: %s", exc)
        reason = "unreadable" if exc.reason == "empty" else exc.reason
        return {**caption, "unsupported": f"media_{reason}"}
    except TelegramError as exc:
        log.warning("telegram photo download failed: %s", type(exc).__name__)
        return {**caption, "unsupported": "media_unreadable"}
    return {**caption, "media": stored}


async def _download(item: object, media: MediaStore) -> Media:
    """Check the told size, fetch the file through the Bot API, store it."""
    media.check_size(getattr(item, "file_size", None))
    file = await item.get_file()  # type: ignore[attr-defined]
    media.check_size(file.file_size)
    data = await file.download_as_bytearray()
    return media.store(bytes(data), channel="telegram")


def _kind(message: Message) -> str:
    if message.document is not None:
        return "media_wrong_type"  # a file that is not a picture
    return next((k for k in _UNSUPPORTED_KINDS if getattr(message, k, None)), "other")
