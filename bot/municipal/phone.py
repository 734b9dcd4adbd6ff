"""Contact phone numbers: read in any digit script, checked, stored as E.164.

Saudi numbers are the default (0501234567, 05 0123 4567, 966501234567); a
pilgrim's home number with its country code (+62 812..., 0092 300...) is
accepted as it is. Only numbers that phonenumbers judges valid pass.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

from dialogs.tickets import normalize_digits

DEFAULT_REGION = "SA"
# Eastern-Arabic "+" lookalikes and separators people paste.
_JUNK = re.compile(r"[\s\u200e\u200f\u202a-\u202e().\-–—/]")


def normalize_phone(text: str, *, region: str = DEFAULT_REGION) -> str | None:
    """The number in E.164 (`+966501234567`), or None when it is not a valid number."""
    raw = _JUNK.sub("", normalize_digits(text.strip())).replace("＋", "+")
    if not raw or not re.fullmatch(r"\+?\d{5,17}", raw):
        return None
    if raw.startswith("966") and len(raw) == 12:
        raw = "+" + raw  # 966501234567 typed without the plus
    try:
        number = phonenumbers.parse(raw, region)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def is_valid_phone(text: str) -> bool:
    return normalize_phone(text) is not None


def display_phone(e164: str) -> str:
    """International format for showing a stored number back to its owner."""
    number = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def mask_phone(e164: str) -> str:
    """For logs and agent lists where the full number is not needed: +96650*****67."""
    return e164[:6] + "*" * max(len(e164) - 8, 0) + e164[-2:]
