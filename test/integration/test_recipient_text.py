"""Xiaomi IDs and phone numbers as people type them."""

from __future__ import annotations

import pytest

from custom_components.xiaomi_camera_share.recipient_text import account_query, looks_like_email


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("10000000042", "10000000042"),
        ("  10000000042 ", "10000000042"),
        ("+86 100 0000 0042", "+8610000000042"),
        ("+86 10000000042", "+8610000000042"),
        ("100-0000-0042", "10000000042"),
        ("(0086) 100.0000.0042", "+8610000000042"),
        ("0086 10000000042", "+8610000000042"),
        ("\uff11\uff10\uff10\uff10\uff10\uff10\uff10\uff10\uff10\uff14\uff12", "10000000042"),
        ("\uff0b86\u3000100\u20130000\u20130042", "+8610000000042"),
        ("1100000001", "1100000001"),
    ],
)
def test_typed_forms_become_one_query(typed: str, query: str) -> None:
    assert account_query(typed) == query


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "Grandma",
        "1234",  # too short to be an ID or a phone number
        "1" * 21,
        "++8610000000042",
        "+86 100 0000 004x",
        "\u0661\u0662\u0663\u0664\u0665\u0666",  # digits of another script: not what the cloud takes
        "00",
        "grandma@example.com",
    ],
)
def test_anything_else_is_not_a_query(typed: str) -> None:
    assert account_query(typed) is None


def test_email_addresses_are_told_apart() -> None:
    assert looks_like_email("grandma@example.com")
    assert looks_like_email(" grandma\uff20example.com ")
    assert not looks_like_email("10000000042")
    assert not looks_like_email("Grandma")
