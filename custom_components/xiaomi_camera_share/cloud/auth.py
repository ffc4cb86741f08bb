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
    CaptchaWrongError,
    CloudConnectionError,
    CloudTimeoutError,
    InvalidCredentialsError,
    LoginBlockedError,
    MalformedResponseError,
    QrLoginTimeoutError,
    VerificationCodeNotSentError,
    VerificationCodeWrongError,
    VerificationIncompleteError,
    VerificationLimitError,
    VerificationMethodRefusedError,
)
from .identity import (
    MASK_FIELDS,
    METHOD_FLAGS,
    METHOD_NAMES,
    identity_list_url,
    offered_methods,
    skip_url,
)
from .models import (
    CaptchaChallenge,
    Credentials,
    LoginStep,
    QrLogin,
    VerificationChallenge,
    VerificationCodeSent,
    VerificationMethod,
)
from .passport import SID, Passport, parse_passport_json, passport_code, resolve
from .regions import DEFAULT_ENDPOINTS, Endpoints
from .shapes import LoginShapes
from .transport import DEFAULT_TIMEOUTS, Timeouts, random_device_id

if TYPE_CHECKING:
    import aiohttp

    from .transport import HttpReply

_LOGGER = logging.getLogger(__name__)

STS_CALLBACK: Final = "https://sts.api.io.mi.com/sts"
CAPTCHA_CODE: Final = 87001
VERIFICATION_CODE: Final = 81003
INVALID_CREDENTIAL_CODES: Final = frozenset({70016, 20003, 70002})
# An identity call that refuses the chosen way answers this code with the `options` it accepts.
IDENTITY_REFUSED: Final = 2
QR_EXPIRED: Final = 2
# The most requests the end of a verification may take (result/check, end, sts, pages between).
MAX_FINISH_STEPS: Final = 10
# Step 1 fields a failed step 2 hands out again, to be used for the next try.
SIGN_FIELDS: Final = ("_sign", "qs", "callback")


def password_hash(password: str) -> str:
    """What the passport wants instead of the password: upper-case hex MD5."""
    return hashlib.md5(password.encode("utf-8"), usedforsecurity=False).hexdigest().upper()


def _timestamp_ms() -> str:
    return str(int(time.time() * 1000))


def captcha_url(payload: dict[str, Any]) -> str | None:
    """The captcha a passport answer asks for: ``captchaUrl`` or ``captchaURL`` (null means none)."""
    for key in ("captchaUrl", "captchaURL"):
        value = payload.get(key)
        if isinstance(value, str) and value and value != "null":
            return value
    return None


def _security_status(payload: dict[str, Any]) -> int:
    try:
        return int(payload.get("securityStatus") or 0)
    except TypeError, ValueError:
        return 0


def _is_page(reply: HttpReply) -> bool:
    """An HTML page rather than a passport JSON answer."""
    return not reply.text.lstrip().startswith(("&&&START&&&", "{"))


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
        self._passport = self._new_passport("none")
        self._password: _PasswordLogin | None = None
        self._methods: tuple[VerificationMethod, ...] = ()
        self._method: VerificationMethod | None = None
        self._captcha_method: VerificationMethod | None = None
        self._qr_poll_url: str | None = None
        self._qr_deadline = 0.0

    def _new_passport(self, kind: str) -> Passport:
        shapes = LoginShapes(kind)
        return Passport(self._session, self._endpoints, self.device_id, self._timeouts, shapes)

    @property
    def login_shapes(self) -> LoginShapes:
        """The steps of the latest login so far, by shape only (no values), for bug reports."""
        return self._passport.shapes

    # --- password ----------------------------------------------------------------

    async def login_with_password(self, username: str, password: str) -> LoginStep:
        """Start a password login: credentials, or the captcha / code it needs first."""
        self._passport = self._new_passport("password")
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

    async def retry_password(
        self, password: str, captcha: str | None = None, username: str | None = None
    ) -> LoginStep:
        """Try another password (and account) in the same login, with the captcha a wrong one brought."""
        if self._password is None:
            raise AuthError("no password login is in progress")
        self._password.form["hash"] = password_hash(password)
        if username:
            self._password.form["user"] = username.strip()
        return await self._submit_password({"captCode": captcha.strip()} if captcha else {})

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
        for field in SIGN_FIELDS:
            if isinstance(value := payload.get(field), str) and value:
                login.form[field] = value
        challenge_url = captcha_url(payload)
        if code == CAPTCHA_CODE:
            challenge = await self._fetch_captcha(challenge_url or "")
            if login.captcha_sent:
                raise CaptchaWrongError("the captcha answer was wrong", code=code, challenge=challenge)
            return challenge
        if code in INVALID_CREDENTIAL_CODES:
            # A captchaUrl here asks for a captcha with the next try; the password was wrong.
            next_captcha = await self._fetch_captcha(challenge_url) if challenge_url else None
            raise InvalidCredentialsError("wrong account or password", code=code, challenge=next_captcha)
        notification_url = payload.get("notificationUrl")
        has_login = bool(payload.get("passToken")) and bool(payload.get("location"))
        status = _security_status(payload)
        if code == VERIFICATION_CODE or (code == 0 and notification_url and (status or not has_login)):
            return await self._start_verification(str(notification_url or ""))
        if code == 0 and status and not has_login:
            raise MalformedResponseError("the passport wants a verification but gave no link")
        if code != 0:
            raise AuthError(f"the passport refused the login (code {code})", code=code)
        self._password = None
        return self._credentials_from(payload)

    async def _fetch_captcha(self, url: str) -> CaptchaChallenge:
        """Download the captcha image; the passport sets the ``ick`` cookie with it."""
        if not url:
            raise MalformedResponseError("the passport wants a captcha but gave no image")
        reply = await self._passport.request("GET", url)
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

    async def _identity_call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        form: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """An identity call; code 2 with ``options`` says which ways it accepts instead."""
        payload = await self._passport.request_json(method, path, params=params, form=form)
        if passport_code(payload) == IDENTITY_REFUSED and isinstance(payload.get("options"), list):
            self._methods = offered_methods(payload)
            self._method = None
            raise VerificationMethodRefusedError(
                "the identity check accepts other ways now", code=IDENTITY_REFUSED, methods=self._methods
            )
        return payload

    async def send_verification_code(
        self, method: VerificationMethod
    ) -> VerificationCodeSent | CaptchaChallenge:
        """Have Xiaomi send a code by SMS or email; returns where it went (masked).

        The passport may want a captcha first: then the challenge is returned, to be
        answered with ``submit_verification_captcha``. VerificationLimitError says no
        more codes are sent for now; VerificationMethodRefusedError names the ways
        the identity check accepts instead.
        """
        return await self._send_code(method, None)

    async def submit_verification_captcha(self, answer: str) -> VerificationCodeSent | CaptchaChallenge:
        """Send the code again with the captcha text; CaptchaWrongError brings a new picture."""
        if self._captcha_method is None:
            raise AuthError("no code is waiting for a captcha")
        return await self._send_code(self._captcha_method, answer)

    async def _send_code(
        self, method: VerificationMethod, captcha: str | None
    ) -> VerificationCodeSent | CaptchaChallenge:
        self._captcha_method = None
        if method not in self._methods:
            raise AuthError(f"verification by {method} is not offered")
        name, flag = METHOD_NAMES[method], str(METHOD_FLAGS[method])
        target = await self._identity_call(
            "GET", f"/identity/auth/verify{name}", params={"_flag": flag, "_json": "true"}
        )
        try:
            sent = await self._identity_call(
                "POST",
                f"/identity/auth/send{name}Ticket",
                params={"_dc": _timestamp_ms()},
                form={"icode": (captcha or "").strip(), "retry": "0", "_json": "true"},
            )
        except LoginBlockedError as err:
            raise VerificationLimitError(
                "Xiaomi sends no more codes to this account for now", code=err.code
            ) from err
        code = passport_code(sent)
        challenge_url = captcha_url(sent)
        if code == CAPTCHA_CODE or challenge_url:
            challenge = await self._fetch_captcha(challenge_url or "")
            self._captcha_method = method
            if captcha:
                raise CaptchaWrongError("the captcha answer was wrong", code=code, challenge=challenge)
            return challenge
        if code != 0:
            raise VerificationCodeNotSentError("the code could not be sent", code=code)
        self._method = method
        return VerificationCodeSent(method=method, masked_target=str(target.get(MASK_FIELDS[method], "")))

    async def submit_verification_code(self, code: str) -> Credentials:
        """Check the code the user received; VerificationCodeWrongError if it is wrong."""
        if self._method is None:
            raise AuthError("no verification code was sent")
        name = METHOD_NAMES[self._method]
        payload = await self._identity_call(
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
        credentials = await self._finish_verification(location)
        self._method = None
        self._password = None
        return credentials

    async def _finish_verification(self, location: str) -> Credentials:
        """Follow the way back from an accepted code to a login, and read the credentials.

        The way is a chain of redirects (identity/result/check, serviceLoginAuth2/end,
        the sts callback) that may pass an HTML page answered with 200: a "Tips" page
        that goes on when asked again, or a page whose ``skipUrl`` goes on. When the
        chain ends without a passToken, serviceLogin with the cookies it left is the
        last try.
        """
        url = self._passport.real_url(location)
        asked_again: set[str] = set()
        for _ in range(MAX_FINISH_STEPS):
            reply = await self._passport.request("GET", url)
            if reply.location is not None:
                url = resolve(url, reply.location)
                continue
            if reply.status != 200:
                _LOGGER.debug("the verification chain stopped with HTTP %s", reply.status)
                break
            if skip := skip_url(url):
                url = resolve(url, skip)
                continue
            if _is_page(reply) and self._passport.is_passport_url(url) and url not in asked_again:
                asked_again.add(url)
                continue
            break
        if credentials := self._credentials_from_cookies():
            return credentials
        payload = await self._passport.request_json(
            "GET", "/pass/serviceLogin", params={"sid": SID, "_json": "true"}
        )
        if passport_code(payload) == 0:
            try:
                return self._credentials_from(payload)
            except MalformedResponseError:
                pass
        raise VerificationIncompleteError("the verification ended without a login")

    # --- QR code ------------------------------------------------------------------

    async def start_qr_login(self) -> QrLogin:
        """Ask for a QR code to scan with the Mi Home app."""
        self._passport = self._new_passport("qr")
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
        if not isinstance(login_url, str) or not isinstance(poll_url, str) or not poll_url:
            raise MalformedResponseError("the QR login answer lacks loginUrl or lp")
        expires_in = int(payload.get("timeout") or 300)
        self._qr_poll_url = poll_url
        self._qr_deadline = asyncio.get_running_loop().time() + expires_in
        return QrLogin(login_url=login_url, image_url=str(payload.get("qr") or ""), expires_in=expires_in)

    async def wait_for_qr_scan(self) -> Credentials:
        """Long-poll until the code is scanned and confirmed; QrLoginTimeoutError when it expires.

        The poll goes to the URL (``lp``) the cloud handed out, on whatever host it
        names. Only two answers end the wait: code 0 with the credentials, and code 2
        (expired). Anything else (another code, a page, an HTTP error, a poll that ran
        out) means "not yet" until the QR code's own timeout. If no poll got any
        answer at all, the last connection error is raised instead.
        """
        if self._qr_poll_url is None:
            raise AuthError("no QR login is in progress")
        poll_url, self._qr_poll_url = self._qr_poll_url, None
        loop = asyncio.get_running_loop()
        answered = False
        last_error: CloudConnectionError | None = None
        while (remaining := self._qr_deadline - loop.time()) > 0:
            started = loop.time()
            payload: dict[str, Any] | None = None
            time_limit = min(self._timeouts.long_poll, remaining)
            try:
                reply = await self._passport.request("GET", poll_url, time_limit=time_limit)
                answered = True
                payload = parse_passport_json(reply)
                code: int | None = passport_code(payload)
            except CloudTimeoutError:
                # A long poll held to its end is a "not yet"; one cut short by the deadline says nothing.
                answered = answered or time_limit == self._timeouts.long_poll
                continue
            except CloudConnectionError as err:
                last_error, code = err, None
            except LoginBlockedError, MalformedResponseError:
                answered, code = True, None
            if code == 0 and payload is not None:
                return self._credentials_from(payload)
            if code == QR_EXPIRED:
                break
            _LOGGER.debug("QR poll: not scanned yet (code %s)", code)
            pause = min(self._timeouts.poll_pause - (loop.time() - started), self._qr_deadline - loop.time())
            if pause > 0:
                await asyncio.sleep(pause)
        if not answered and last_error is not None:
            raise last_error
        raise QrLoginTimeoutError("the QR code expired before it was scanned")

    # --- shared -------------------------------------------------------------------

    def _credentials_from(self, payload: dict[str, Any]) -> Credentials:
        """Credentials from a login answer, else from the cookies the passport set."""
        jar = self._passport.jar
        user_id = payload.get("userId") or jar.received("userId")
        pass_token = payload.get("passToken") or jar.received("passToken")
        c_user_id = payload.get("cUserId") or jar.received("cUserId")
        if not user_id or not pass_token:
            raise MalformedResponseError("the login succeeded without userId and passToken")
        _LOGGER.debug("logged in as user %s", user_id)
        return Credentials(
            user_id=str(user_id),
            pass_token=str(pass_token),
            device_id=self.device_id,
            c_user_id=str(c_user_id) if c_user_id else None,
        )

    def _credentials_from_cookies(self) -> Credentials | None:
        """Credentials from the cookies the passport set, if it set both userId and passToken."""
        try:
            return self._credentials_from({})
        except MalformedResponseError:
            return None
