"""Typed errors for every failure a user of the Xiaomi cloud can meet.

Each error carries a stable ``key`` that the integration maps to a translated
message; the numeric cloud ``code`` is kept where the cloud gave one.
"""

from __future__ import annotations

from typing import ClassVar


class XiaomiCloudError(Exception):
    """Base class of every error the cloud client raises."""

    key: ClassVar[str] = "cloud_error"

    def __init__(self, message: str = "", *, code: int | None = None) -> None:
        super().__init__(message or self.key)
        self.code = code


# --- Transport ---------------------------------------------------------------


class CloudConnectionError(XiaomiCloudError):
    """The cloud could not be reached, or answered with an HTTP server error."""

    key = "cannot_connect"


class CloudTimeoutError(CloudConnectionError):
    """The cloud did not answer in time."""

    key = "timeout"


class MalformedResponseError(XiaomiCloudError):
    """The cloud answered something that is not the documented shape."""

    key = "malformed_response"


# --- Authentication ----------------------------------------------------------


class AuthError(XiaomiCloudError):
    """Base class of login and session failures."""

    key = "auth_error"


class InvalidCredentialsError(AuthError):
    """Wrong user name or password (passport codes 70016, 20003, 70002).

    The passport may ask for a captcha along with it: ``challenge`` then holds the
    image to answer with the next try (the Mi Home app reads 70016 with a
    ``captchaUrl`` as "wrong password, and a captcha next time").
    """

    key = "invalid_auth"

    def __init__(self, message: str = "", *, code: int | None = None, challenge: object = None) -> None:
        super().__init__(message, code=code)
        self.challenge = challenge


class CaptchaRequiredError(AuthError):
    """The passport wants a captcha; ``challenge`` holds the image to show."""

    key = "captcha_required"

    def __init__(self, message: str = "", *, code: int | None = None, challenge: object = None) -> None:
        super().__init__(message, code=code)
        self.challenge = challenge


class CaptchaWrongError(CaptchaRequiredError):
    """The captcha answer was wrong (87001); a new challenge comes with it."""

    key = "captcha_wrong"


class VerificationCodeWrongError(AuthError):
    """The verification code the user typed was not accepted."""

    key = "verification_code_wrong"


class LoginBlockedError(AuthError):
    """Xiaomi blocks logins for now (too many attempts / risk control)."""

    key = "login_blocked"


class VerificationLimitError(LoginBlockedError):
    """Xiaomi sent this account as many verification codes as it will for now (70022)."""

    key = "verification_limit"


class VerificationCodeNotSentError(AuthError):
    """The passport would not send a verification code, for a reason it did not name."""

    key = "verification_not_sent"


class VerificationMethodRefusedError(AuthError):
    """The identity check no longer accepts the chosen way (code 2); ``methods`` are the ones it does."""

    key = "verification_method_refused"

    def __init__(
        self, message: str = "", *, code: int | None = None, methods: tuple[object, ...] = ()
    ) -> None:
        super().__init__(message, code=code)
        self.methods = methods


class VerificationIncompleteError(AuthError):
    """The code was accepted, but the passport's way back to a login ended without one."""

    key = "verification_incomplete"


class QrLoginTimeoutError(AuthError):
    """The QR code was not scanned before it expired."""

    key = "qr_expired"


class AuthExpiredError(AuthError):
    """The passToken no longer works: the user must log in again (reauth)."""

    key = "auth_expired"


class ServiceTokenExpiredError(AuthError):
    """The short-lived serviceToken expired; the client re-mints it by itself."""

    key = "service_token_expired"


# --- Sharing (app API codes) -------------------------------------------------


class ApiError(XiaomiCloudError):
    """An app API call answered a non-zero code that has no more specific class."""

    key = "api_error"


class AlreadySharedError(ApiError):
    """-11: the device is already shared with that user."""

    key = "already_shared"


class InvitePendingError(ApiError):
    """-12: an invite to that user is already waiting for an answer."""

    key = "invite_pending"


class TooManyShareesError(ApiError):
    """-13: the device has reached its number of sharees."""

    key = "too_many_sharees"


class InviteExpiredError(ApiError):
    """-6 on share_response: the invite expired before it was answered."""

    key = "invite_expired"


class UserNotFoundError(ApiError):
    """No Xiaomi account matches the ID or phone number."""

    key = "user_not_found"


class DeviceNotShareableError(ApiError):
    """The device's product does not allow sharing (or not the permission asked)."""

    key = "device_not_shareable"


class PermissionDeniedError(ApiError):
    """-1: this account may not do that to the device (e.g. it is not the owner)."""

    key = "permission_denied"


class ShareWithSelfError(UserNotFoundError):
    """The recipient is the sharing account itself (refused before any request)."""

    key = "share_with_self"
