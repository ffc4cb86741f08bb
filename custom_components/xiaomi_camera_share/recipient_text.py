"""Xiaomi IDs and phone numbers as people type them, made into what the cloud looks up."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# Xiaomi IDs are numbers; phone numbers are numbers, optionally with a leading "+".
_ID_OR_PHONE: Final = re.compile(r"^\+?\d{5,20}$")
# What people put between digits: spaces (of any width), dashes, dots, parentheses.
_SEPARATORS: Final = re.compile(r"[\s\-.()\u2010-\u2015\u2212]+")
_EMAIL: Final = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def looks_like_email(text: str) -> bool:
    """Xiaomi does not look people up by email; say so instead of "not found"."""
    return bool(_EMAIL.match(unicodedata.normalize("NFKC", text).strip()))


def account_query(text: str) -> str | None:
    """A Xiaomi ID or phone number in the one form the cloud looks up, or None.

    Full-width digits become ASCII, separators go, and "0086" becomes "+86", so
    "+86 100-0000-0042", "(0086) 10000000042" and the same in full-width digits all work.
    """
    compact = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text).strip())
    if compact.startswith("00") and len(compact) > 2:
        compact = "+" + compact[2:]
    if not compact.isascii() or not _ID_OR_PHONE.match(compact):
        return None
    return compact
