"""Logging in to a Xiaomi account: password (+ captcha, + verification code) or QR.

A login yields ``Credentials`` (userId + passToken), which is all that is ever
stored; the password is only hashed and sent, never kept beyond the login.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from yarl import URL

from .errors import (
    AuthError,
    CaptchaRequiredError,
    CaptchaWrongError,
    CloudTimeoutError,
    InvalidCredentialsError,
    MalformedResponseError,
    QrLoginTimeoutError,
    VerificationCodeWrongError,
)
from .identity import MASK_FIELDS, METHOD_FLAGS, METHOD_NAMES, identity_list_url, offered_methods
from .models import (
    CaptchaChallenge,
    Credentials,
    LoginStep,
    QrLogin,
    VerificationChallenge,
    VerificationCodeSent,
    VerificationMethod,
)
from .passport import SID, Passport, passport_code
from .regions import DEFAULT_ENDPOINTS, Endpoints
from .transport import DEFAULT_TIMEOUTS, Timeouts, random_device_id

if TYPE_CHECKING:
    import aiohttp

_LOGGER = logging.getLogger(__name__)

STS_CALLBACK: Final = "https://sts.api.io.mi.com/sts"
CAPTCHA_CODE: Final = 87001
VERIFICATION_CODE: Final = 81003
INVALID_CREDENTIAL_CODES: Final = frozenset({70016, 20003, 70002})
QR_NOT_SCANNED: Final = 1
QR_EXPIRED: Final = 2


def password_hash(password: str) -> str:
    """What the passport wants instead of the password: upper-case hex MD5."""
    return hashlib.md5(password.encode("utf-8"), usedforsecurity=False).hexdigest().upper()


def _timestamp_ms() -> str:
    return str(int(time.time() * 1000))


@dataclass(slots=True)
class _PasswordLogin:
    """A password login between its steps (the sign of step 1 and the hash)."""

    form: dict[str, str]
    captcha_sent: bool = False


class XiaomiAuth:
    """One login conversation; create a new instance (or start over) per login."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        endpoints: Endpoints = DEFAULT_ENDPOINTS,
        device_id: str | None = None,
        *,
        timeouts: Timeouts = DEFAULT_TIMEOUTS,
    ) -> None:
        self._session = session
        self._endpoints = endpoints
        self._timeouts = timeouts
        self.device_id = device_id or random_device_id()
        self._passport = self._new_passport()
        self._password: _PasswordLogin | None = None
        self._methods: tuple[VerificationMethod, ...] = ()
        self._method: VerificationMethod | None = None
        self._qr_poll_url: str | None = None
        self._qr_deadline = 0.0

    def _new_passport(self) -> Passport:
        return Passport(self._session, self._endpoints, self.device_id, self._timeouts)

    # --- password ----------------------------------------------------------------

    async def login_with_password(self, username: str, password: str) -> LoginStep:
        """Start a password login: credentials, or the captcha / code it needs first."""
        self._passport = self._new_passport()
        sign = await self._passport.request_json(
            "GET", "/pass/serviceLogin", params={"sid": SID, "_json": "true"}
        )
        self._password = _PasswordLogin(
            form={
                "user": username.strip(),
                "hash": password_hash(password),
                "sid": str(sign.get("sid") or SID),
                "callback": str(sign.get("callback") or STS_CALLBACK),
                "qs": str(sign.get("qs") or "%3Fsid%3Dxiaomiio%26_json%3Dtrue"),
                "_sign": str(sign.get("_sign") or ""),
                "_json": "true",
            }
        )
        return await self._submit_password({})

    async def submit_captcha(self, answer: str) -> LoginStep:
        """Resend the password with the captcha text; CaptchaWrongError if it was wrong."""
        return await self._submit_password({"captCode": answer.strip()})

    async def _submit_password(self, extra: dict[str, str]) -> LoginStep:
        if self._password is None:
            raise AuthError("no password login is in progress")
        login = self._password
        login.captcha_sent = bool(extra)
        payload = await self._passport.request_json(
            "POST",
            "/pass/serviceLoginAuth2",
            params={"_dc": _timestamp_ms()} if extra else None,
            form={**login.form, **extra},
        )
        code = passport_code(payload)
        captcha_url = payload.get("captchaUrl") or payload.get("captchaURL")
        if code == CAPTCHA_CODE or (code != 0 and captcha_url):
            challenge = await self._fetch_captcha(str(captcha_url or ""))
            if login.captcha_sent:
                raise CaptchaWrongError("the captcha answer was wrong", code=code, challenge=challenge)
            return challenge
        if code in INVALID_CREDENTIAL_CODES:
            raise InvalidCredentialsError("wrong account or password", code=code)
        notification_url = payload.get("notificationUrl")
        if (code == 0 and notification_url and not payload.get("passToken")) or code == VERIFICATION_CODE:
            return await self._start_verification(str(notification_url or ""))
        if code != 0:
            raise AuthError(f"the passport refused the login (code {code})", code=code)
        self._password = None
        return self._credentials_from(payload)

    async def _fetch_captcha(self, captcha_url: str) -> CaptchaChallenge:
        """Download the captcha image; the passport sets the ``ick`` cookie with it."""
        if not captcha_url:
            raise MalformedResponseError("the passport wants a captcha but gave no image")
        reply = await self._passport.request("GET", captcha_url)
        if reply.status != 200 or not reply.body:
            raise MalformedResponseError(f"the captcha image could not be loaded (HTTP {reply.status})")
        content_type = reply.headers.get("Content-Type", "image/jpeg").split(";")[0].strip()
        return CaptchaChallenge(image=reply.body, content_type=content_type)

    # --- verification code -------------------------------------------------------

    async def _start_verification(self, notification_url: str) -> VerificationChallenge:
        if not notification_url:
            raise MalformedResponseError("the passport wants a verification but gave no link")
        payload = await self._passport.request_json("GET", identity_list_url(notification_url))
        self._methods = offered_methods(payload)
        self._method = None
        return VerificationChallenge(methods=self._methods)

    async def send_verification_code(self, method: VerificationMethod) -> VerificationCodeSent:
        """Have Xiaomi send a code by SMS or email; returns where it went (masked)."""
        if method not in self._methods:
            raise AuthError(f"verification by {method} is not offered")
        name, flag = METHOD_NAMES[method], str(METHOD_FLAGS[method])
        target = await self._passport.request_json(
            "GET", f"/identity/auth/verify{name}", params={"_flag": flag, "_json": "true"}
        )
        sent = await self._passport.request_json(
            "POST",
            f"/identity/auth/send{name}Ticket",
            params={"_dc": _timestamp_ms()},
            form={"icode": "", "retry": "0", "_json": "true"},
        )
        captcha_url = sent.get("captchaUrl") or sent.get("captchaURL")
        if captcha_url:
            challenge = await self._fetch_captcha(str(captcha_url))
            raise CaptchaRequiredError("sending the code needs a captcha", challenge=challenge)
        if passport_code(sent) != 0:
            raise AuthError("the code could not be sent", code=passport_code(sent))
        self._method = method
        return VerificationCodeSent(method=method, masked_target=str(target.get(MASK_FIELDS[method], "")))

    async def submit_verification_code(self, code: str) -> Credentials:
        """Check the code the user received; VerificationCodeWrongError if it is wrong."""
        if self._method is None:
            raise AuthError("no verification code was sent")
        name = METHOD_NAMES[self._method]
        payload = await self._passport.request_json(
            "POST",
            f"/identity/auth/verify{name}",
            params={"_dc": _timestamp_ms()},
            form={
                "_flag": str(METHOD_FLAGS[self._method]),
                "ticket": code.strip(),
                "trust": "false",
                "_json": "true",
            },
        )
        location = payload.get("location")
        if passport_code(payload) != 0 or not isinstance(location, str) or not location:
            raise VerificationCodeWrongError("the code was not accepted", code=passport_code(payload))
        await self._passport.follow(location)
        self._method = None
        self._password = None
        return self._credentials_from({})

    # --- QR code ------------------------------------------------------------------

    async def start_qr_login(self) -> QrLogin:
        """Ask for a QR code to scan with the Mi Home app."""
        self._passport = self._new_passport()
        start = await self._passport.request_json(
            "GET", "/pass/serviceLogin", params={"sid": SID, "_json": "true", "_locale": "en_US"}
        )
        location = start.get("location")
        if not isinstance(location, str) or not location:
            raise MalformedResponseError("the passport gave no login location for a QR code")
        params = {
            **URL(location).query,
            "theme": "",
            "bizDeviceType": "",
            "_hasLogo": "false",
            "_qrsize": "240",
            "_dc": _timestamp_ms(),
        }
        payload = await self._passport.request_json("GET", "/longPolling/loginUrl", params=params)
        login_url, poll_url = payload.get("loginUrl"), payload.get("lp")
        if not isinstance(login_url, str) or not isinstance(poll_url, str):
            raise MalformedResponseError("the QR login answer lacks loginUrl or lp")
        expires_in = int(payload.get("timeout") or 300)
        self._qr_poll_url = poll_url
        self._qr_deadline = asyncio.get_running_loop().time() + expires_in
        return QrLogin(login_url=login_url, image_url=str(payload.get("qr") or ""), expires_in=expires_in)

    async def wait_for_qr_scan(self) -> Credentials:
        """Long-poll until the code is scanned and confirmed; QrLoginTimeoutError when it expires."""
        if self._qr_poll_url is None:
            raise AuthError("no QR login is in progress")
        loop = asyncio.get_running_loop()
        while loop.time() < self._qr_deadline:
            try:
                payload = await self._passport.request_json(
                    "GET", self._qr_poll_url, time_limit=self._timeouts.long_poll
                )
            except CloudTimeoutError:
                continue  # a long poll that ran out is a "not yet"
            code = passport_code(payload)
            if code == 0:
                self._qr_poll_url = None
                return self._credentials_from(payload)
            if code == QR_EXPIRED:
                break
            if code != QR_NOT_SCANNED:
                raise AuthError(f"the QR login failed (code {code})", code=code)
        self._qr_poll_url = None
        raise QrLoginTimeoutError("the QR code expired before it was scanned")

    # --- shared -------------------------------------------------------------------

    def _credentials_from(self, payload: dict[str, Any]) -> Credentials:
        """Credentials from a login answer, else from the cookies the passport set."""
        cookies = self._passport.cookies
        user_id = payload.get("userId") or cookies.get("userId")
        pass_token = payload.get("passToken") or cookies.get("passToken")
        c_user_id = payload.get("cUserId") or cookies.get("cUserId")
        if not user_id or not pass_token:
            raise MalformedResponseError("the login succeeded without userId and passToken")
        _LOGGER.debug("logged in as user %s", user_id)
        return Credentials(
            user_id=str(user_id),
            pass_token=str(pass_token),
            device_id=self.device_id,
            c_user_id=str(c_user_id) if c_user_id else None,
        )
