"""Turning app API answer codes into the typed errors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from .errors import (
    AlreadySharedError,
    ApiError,
    DeviceNotShareableError,
    InviteExpiredError,
    InvitePendingError,
    PermissionDeniedError,
    TooManyShareesError,
    UserNotFoundError,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

SHARE_REQUEST: Final = "/share/share_request"
SHARE_REQUEST_BATCH: Final = "/share/share_request_batch"
SHARE_RESPONSE: Final = "/share/share_response"
PROFILE: Final = "/home/profile"

# Codes that mean the same thing on every endpoint.
GENERAL_ERRORS: Final[Mapping[int, type[ApiError]]] = {
    -1: PermissionDeniedError,
    -11: AlreadySharedError,
    -12: InvitePendingError,
    -13: TooManyShareesError,
}

# Where an endpoint gives a code its own meaning.
ENDPOINT_ERRORS: Final[Mapping[str, Mapping[int, type[ApiError]]]] = {
    SHARE_REQUEST: {-1: DeviceNotShareableError, -6: UserNotFoundError},
    SHARE_REQUEST_BATCH: {-1: DeviceNotShareableError, -6: UserNotFoundError},
    SHARE_RESPONSE: {-6: InviteExpiredError},
}

# Messages and codes by which the cloud says the serviceToken no longer works.
EXPIRED_TOKEN_CODES: Final = frozenset({2, 3})
EXPIRED_TOKEN_MESSAGES: Final = ("auth err", "invalid signature", "servicetoken_expired")


def says_token_expired(payload: Mapping[str, Any]) -> bool:
    """Does this answer mean the serviceToken expired (or its signature failed)?"""
    message = str(payload.get("message") or payload.get("description") or "").lower()
    return payload.get("code") in EXPIRED_TOKEN_CODES or any(
        marker in message for marker in EXPIRED_TOKEN_MESSAGES
    )


def error_for(path: str, code: int, message: str) -> ApiError:
    """The typed error of a non-zero answer ``code`` on ``path``."""
    if path == PROFILE:
        return UserNotFoundError(message, code=code)
    error_type = ENDPOINT_ERRORS.get(path, {}).get(code) or GENERAL_ERRORS.get(code, ApiError)
    return error_type(message or f"the cloud answered code {code}", code=code)
