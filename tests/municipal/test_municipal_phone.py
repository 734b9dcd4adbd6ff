"""Contact phone numbers: Saudi by default, international accepted, any digit script."""

from __future__ import annotations

import pytest

from bot.municipal.phone import display_phone, mask_phone, normalize_phone


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("0501234567", "+966501234567"),
        ("05 0123 4567", "+966501234567"),
        ("050-123-4567", "+966501234567"),
        ("٠٥٠١٢٣٤٥٦٧", "+966501234567"),  # Arabic-Indic digits
        ("۰۵۰۱۲۳۴۵۶۷", "+966501234567"),  # Persian digits
        ("966501234567", "+966501234567"),
        ("+966 50 123 4567", "+966501234567"),
        ("00966501234567", "+966501234567"),
        ("012 5739555", "+966125739555"),  # Makkah landline
        ("+62 812-3456-7890", "+6281234567890"),  # Indonesia
        ("+92 300 1234567", "+923001234567"),  # Pakistan
        ("00923001234567", "+923001234567"),
        ("+98 912 345 6789", "+989123456789"),  # Iran
        ("\u200f+966 50 123 4567\u200f", "+966501234567"),  # bidi marks from a paste
    ],
)
def test_valid_numbers_are_normalised_to_e164(typed: str, e164: str):
    assert normalize_phone(typed) == e164


@pytest.mark.parametrize(
    "typed",
    ["", "hello", "12345", "940", "0501234", "+966 12", "+1 555 0100 999 999 9", "05O1234567"],
)
def test_invalid_numbers_are_refused(typed: str):
    assert normalize_phone(typed) is None


def test_display_and_mask():
    assert display_phone("+966501234567") == "+966 50 123 4567"
    masked = mask_phone("+966501234567")
    assert masked.startswith("+96650") and masked.endswith("67") and "1234" not in masked
