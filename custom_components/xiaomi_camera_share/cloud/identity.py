"""The passport's identity check (a code sent by SMS or email after a password)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from yarl import URL

from .errors import MalformedResponseError
from .models import VerificationMethod

if TYPE_CHECKING:
    from collections.abc import Mapping

# The identity service names the ways it can reach the user with these flags.
METHOD_FLAGS: Final[Mapping[VerificationMethod, int]] = {
    VerificationMethod.PHONE: 4,
    VerificationMethod.EMAIL: 8,
}
# The endpoint suffix per method: verifyPhone / sendPhoneTicket, verifyEmail / ...
METHOD_NAMES: Final[Mapping[VerificationMethod, str]] = {
    VerificationMethod.PHONE: "Phone",
    VerificationMethod.EMAIL: "Email",
}
MASK_FIELDS: Final[Mapping[VerificationMethod, str]] = {
    VerificationMethod.PHONE: "maskedPhone",
    VerificationMethod.EMAIL: "maskedEmail",
}


def identity_list_url(notification_url: str) -> str:
    """The identity list URL that belongs to a login's ``notificationUrl``."""
    for start_path in ("/fe/service/identity/authStart", "/identity/authStart"):
        if start_path in notification_url:
            return notification_url.replace(start_path, "/identity/list", 1)
    raise MalformedResponseError("the verification link has an unknown form")


def offered_methods(payload: Mapping[str, Any]) -> tuple[VerificationMethod, ...]:
    """The methods the identity list offers (``options``, else the single ``flag``)."""
    raw = payload.get("options")
    flags = raw if isinstance(raw, list) else [payload.get("flag")]
    methods = tuple(method for method, flag in METHOD_FLAGS.items() if flag in flags)
    if not methods:
        raise MalformedResponseError("the identity check offers no phone or email")
    return methods


def skip_url(url: str) -> str | None:
    """Where a passport page goes on: a ``/fe/...`` page may name it as ``skipUrl``."""
    parsed = URL(url)
    if not parsed.path.startswith("/fe/"):
        return None
    return parsed.query.get("skipUrl") or None
