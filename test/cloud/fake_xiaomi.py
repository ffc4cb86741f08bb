"""A scriptable stand-in for Xiaomi's passport and app API, served by aiohttp.

It checks request signatures with its own few lines of crypto (the client's
crypto is checked separately against the shared vectors), so a request the
client signs wrongly is refused here exactly as the cloud would refuse it.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
from cryptography.hazmat.primitives.ciphers import Cipher

from custom_components.xiaomi_camera_share.cloud.models import Credentials
from custom_components.xiaomi_camera_share.cloud.transport import Timeouts

PREFIX = "&&&START&&&"
USER = "alice@example.invalid"
PASSWORD = "made-up-password"
USER_ID = "1001"
C_USER_ID = "made-up-c-user-id"
PASS_TOKEN = "made-up-pass-token-1"
ROTATED_PASS_TOKEN = "made-up-pass-token-2"
SSECURITY = base64.b64encode(b"made-up-ssecure!").decode()
CAPTCHA_ANSWER = "k7x2"
CAPTCHA_IMAGE = b"\x89PNG made-up image"
VERIFY_TICKET = "424242"
SIGN = "made-up-sign"

# Short enough that timeout tests stay fast, long enough for a loaded machine.
TEST_TIMEOUTS = Timeouts(request=1.0, long_poll=1.0)

CREDENTIALS = Credentials(
    user_id=USER_ID, pass_token=PASS_TOKEN, device_id="madeupdevice0001", c_user_id=C_USER_ID
)

ApiReply = dict[str, Any] | web.StreamResponse
ApiHandler = Callable[[dict[str, Any], str], ApiReply | Awaitable[ApiReply]]


def _rc4(key: bytes, payload: bytes) -> bytes:
    cipher = Cipher(ARC4(key), mode=None).encryptor()
    cipher.update(bytes(1024))
    return cipher.update(payload)


def _sha1_b64(parts: list[str]) -> str:
    return base64.b64encode(hashlib.sha1("&".join(parts).encode()).digest()).decode()


def passport_json(payload: dict[str, Any], **kwargs: Any) -> web.Response:
    return web.Response(text=PREFIX + json.dumps(payload), content_type="application/json", **kwargs)


@dataclass
class ApiCall:
    """One app API request as the fake saw it."""

    region_host: str
    path: str
    data: dict[str, Any]
    cookies: dict[str, str]
    form: dict[str, str]


@dataclass
class FakeXiaomi:
    """State and behaviour knobs of the fake cloud; tests flip them."""

    pass_tokens: set[str] = field(default_factory=lambda: {PASS_TOKEN})
    rotate_pass_token: bool = False
    service_token_counter: int = 0
    valid_service_tokens: set[str] = field(default_factory=set)
    require_captcha: bool = False
    require_verification: bool = False
    verification_options: list[int] = field(default_factory=lambda: [4, 8])
    blocked_code: int | None = None
    blocked_status: int | None = None
    passport_raw_body: str | None = None
    sts_redirects: bool = False
    ssecurity_in_header_only: bool = False
    qr_replies: list[dict[str, Any]] = field(default_factory=list)
    qr_timeout: int = 300
    qr_poll_delay: float = 0.0
    handlers: dict[str, ApiHandler] = field(default_factory=dict)
    calls: list[ApiCall] = field(default_factory=list)
    passport_requests: list[web.Request] = field(default_factory=list)
    passport_cookies: list[dict[str, str]] = field(default_factory=list)

    # --- helpers for tests ---------------------------------------------------------

    def expire_service_tokens(self) -> None:
        self.valid_service_tokens.clear()

    def app_calls(self, path: str) -> list[ApiCall]:
        return [call for call in self.calls if call.path == path]

    def make_app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        return app

    # --- dispatch ------------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        host, _, rest = request.path.lstrip("/").partition("/")
        path = "/" + rest
        if host == "account.xiaomi.com":
            self.passport_requests.append(request)
            self.passport_cookies.append(dict(request.cookies))
            return await self._passport(request, path)
        if host == "sts.api.io.mi.com":
            return self._sts(request)
        if host.endswith("api.io.mi.com") and path.startswith("/app/"):
            return await self._app(request, host, path.removeprefix("/app"))
        raise web.HTTPNotFound

    async def _passport(self, request: web.Request, path: str) -> web.StreamResponse:
        if self.blocked_status is not None:
            return web.Response(status=self.blocked_status, text="blocked")
        if self.passport_raw_body is not None:
            return web.Response(text=self.passport_raw_body)
        if self.blocked_code is not None:
            return passport_json({"code": self.blocked_code, "desc": "too many attempts"})
        routes: dict[tuple[str, str], Callable[[web.Request], Awaitable[web.StreamResponse]]] = {
            ("GET", "/pass/serviceLogin"): self._service_login,
            ("POST", "/pass/serviceLoginAuth2"): self._login_auth2,
            ("GET", "/pass/getCode"): self._captcha,
            ("GET", "/identity/list"): self._identity_list,
            ("GET", "/identity/auth/verifyPhone"): self._verify_target,
            ("GET", "/identity/auth/verifyEmail"): self._verify_target,
            ("POST", "/identity/auth/sendPhoneTicket"): self._send_ticket,
            ("POST", "/identity/auth/sendEmailTicket"): self._send_ticket,
            ("POST", "/identity/auth/verifyPhone"): self._verify_ticket,
            ("POST", "/identity/auth/verifyEmail"): self._verify_ticket,
            ("GET", "/longPolling/loginUrl"): self._qr_start,
            ("GET", "/longPolling/poll"): self._qr_poll,
        }
        handler = routes.get((request.method, path))
        if handler is None:
            raise web.HTTPNotFound
        return await handler(request)

    async def _service_login(self, request: web.Request) -> web.StreamResponse:
        token = request.cookies.get("passToken")
        if token is None:
            return passport_json(
                {
                    "code": 70016,
                    "_sign": SIGN,
                    "qs": "%3Fsid%3Dxiaomiio%26_json%3Dtrue",
                    "sid": "xiaomiio",
                    "callback": "https://sts.api.io.mi.com/sts",
                    "location": "https://account.xiaomi.com/fe/service/login?sid=xiaomiio&qs=abc&callback=cb",
                }
            )
        if token not in self.pass_tokens or request.cookies.get("userId") != USER_ID:
            return passport_json({"code": 70016, "desc": "login verification failed"})
        payload: dict[str, Any] = {
            "code": 0,
            "ssecurity": SSECURITY,
            "userId": int(USER_ID),
            "location": "https://sts.api.io.mi.com/sts?sign=made-up&nonce=1",
        }
        if self.ssecurity_in_header_only:
            del payload["ssecurity"]
        if self.rotate_pass_token:
            self.pass_tokens = {ROTATED_PASS_TOKEN}
            payload["passToken"] = ROTATED_PASS_TOKEN
        return passport_json(payload)

    async def _login_auth2(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        if form.get("_sign") != SIGN or form.get("sid") != "xiaomiio":
            return passport_json({"code": 70016, "desc": "bad sign"})
        if self.require_captcha:
            answer = form.get("captCode")
            if answer != CAPTCHA_ANSWER or request.cookies.get("ick") != "made-up-ick":
                return passport_json({"code": 87001, "captchaUrl": "/pass/getCode?icodeType=login&0.5"})
        if form.get("user") != USER or form.get("hash") != hashlib.md5(PASSWORD.encode()).hexdigest().upper():
            return passport_json({"code": 70016, "desc": "wrong password"})
        if self.require_verification:
            return passport_json(
                {
                    "code": 0,
                    "notificationUrl": "https://account.xiaomi.com/fe/service/identity/authStart?sid=xiaomiio&context=made-up",
                }
            )
        return passport_json(
            {
                "code": 0,
                "ssecurity": SSECURITY,
                "userId": int(USER_ID),
                "cUserId": C_USER_ID,
                "passToken": PASS_TOKEN,
                "location": "https://sts.api.io.mi.com/sts?sign=made-up",
            }
        )

    async def _captcha(self, request: web.Request) -> web.StreamResponse:
        response = web.Response(body=CAPTCHA_IMAGE, content_type="image/png")
        response.set_cookie("ick", "made-up-ick")
        return response

    async def _identity_list(self, request: web.Request) -> web.StreamResponse:
        if request.query.get("context") != "made-up":
            raise web.HTTPBadRequest
        response = passport_json(
            {"code": 0, "flag": self.verification_options[0], "options": self.verification_options}
        )
        response.set_cookie("identity_session", "made-up-identity")
        return response

    def _has_identity(self, request: web.Request) -> bool:
        return request.cookies.get("identity_session") == "made-up-identity"

    async def _verify_target(self, request: web.Request) -> web.StreamResponse:
        if not self._has_identity(request):
            return passport_json({"code": 70016})
        return passport_json({"code": 0, "maskedPhone": "138******00", "maskedEmail": "a***@example.invalid"})

    async def _send_ticket(self, request: web.Request) -> web.StreamResponse:
        return passport_json({"code": 0 if self._has_identity(request) else 70016})

    async def _verify_ticket(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        if not self._has_identity(request) or form.get("ticket") != VERIFY_TICKET:
            return passport_json({"code": 70014, "desc": "wrong code"})
        response = passport_json({"code": 0, "location": "https://sts.api.io.mi.com/sts?after=verify"})
        response.set_cookie("passToken", PASS_TOKEN)
        response.set_cookie("userId", USER_ID)
        response.set_cookie("cUserId", C_USER_ID)
        return response

    async def _qr_start(self, request: web.Request) -> web.StreamResponse:
        if request.query.get("qs") != "abc":
            raise web.HTTPBadRequest
        return passport_json(
            {
                "code": 0,
                "loginUrl": "https://account.xiaomi.com/longPolling/login?ticket=made-up",
                "qr": "https://account.xiaomi.com/longPolling/qr?ticket=made-up",
                "lp": "https://account.xiaomi.com/longPolling/poll?ticket=made-up",
                "timeout": self.qr_timeout,
            }
        )

    async def _qr_poll(self, request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(self.qr_poll_delay)
        reply = self.qr_replies.pop(0) if self.qr_replies else {"code": 1, "desc": "not scanned yet"}
        return passport_json(reply)

    def _sts(self, request: web.Request) -> web.StreamResponse:
        if self.sts_redirects and request.path == "/sts.api.io.mi.com/sts":
            # A relative redirect: it must resolve against the real host, then the override.
            raise web.HTTPFound("/sts/final?step=2")
        self.service_token_counter += 1
        token = f"made-up-service-token-{self.service_token_counter}"
        self.valid_service_tokens.add(token)
        response = web.Response(text="ok")
        response.set_cookie("serviceToken", token)
        if self.ssecurity_in_header_only:
            response.headers["Extension-Pragma"] = json.dumps({"ssecurity": SSECURITY, "nonce": 1})
        return response

    async def _app(self, request: web.Request, host: str, path: str) -> web.StreamResponse:
        form = {key: str(value) for key, value in (await request.post()).items()}
        if request.cookies.get("serviceToken") not in self.valid_service_tokens:
            return web.json_response({"code": 2, "message": "auth err"}, status=401)
        key_b64 = base64.b64encode(
            hashlib.sha256(base64.b64decode(SSECURITY) + base64.b64decode(form["_nonce"])).digest()
        ).decode()
        key = base64.b64decode(key_b64)
        expected = _sha1_b64(
            ["POST", path, f"data={form['data']}", f"rc4_hash__={form['rc4_hash__']}", key_b64]
        )
        data_json = _rc4(key, base64.b64decode(form["data"])).decode()
        rc4_hash = _rc4(key, base64.b64decode(form["rc4_hash__"])).decode()
        if form["signature"] != expected or rc4_hash != _sha1_b64(
            ["POST", path, f"data={data_json}", key_b64]
        ):
            return web.json_response({"code": 3, "message": "invalid signature"}, status=401)
        data = json.loads(data_json)
        self.calls.append(ApiCall(host, path, data, dict(request.cookies), form))
        handler = self.handlers.get(path)
        if handler is None:
            raise web.HTTPNotFound
        reply = handler(data, host)
        if asyncio.iscoroutine(reply):
            reply = await reply
        if isinstance(reply, web.StreamResponse):
            return reply
        return web.Response(text=base64.b64encode(_rc4(key, json.dumps(reply).encode())).decode())
