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
from urllib.parse import quote

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
TEST_TIMEOUTS = Timeouts(request=1.0, long_poll=1.0, poll_pause=0.05)
NOTIFICATION_URL = "https://account.xiaomi.com/fe/service/identity/authStart?sid=xiaomiio&context=made-up"

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


def html_page(title: str) -> web.Response:
    return web.Response(text=f"<html><head><title>{title}</title></head></html>", content_type="text/html")


def fingerprint(token: str) -> str:
    return hashlib.md5(token.encode()).hexdigest().upper()


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
    # A wrong password answers 70016 with a captchaUrl, and the next try needs it.
    wrong_password_captcha: bool = False
    captcha_armed: bool = False
    # The body of step 2 that asks for verification (see _verification_body).
    verification_body: str = "notification"
    # sendXTicket wants a captcha first; or answers this code (e.g. 70022, too many codes).
    send_ticket_captcha: bool = False
    send_ticket_code: int | None = None
    # Identity calls accept only these flags, and answer code 2 with them for others.
    identity_accepts: list[int] | None = None
    # How the right code ends: direct, chain, tips, skip, fallback or broken (see _verify_ticket).
    finish: str = "direct"
    # A passToken refresh rotates: "body", "cookie"; re-pass-token "match", "other" or None.
    rotation: str | None = None
    re_pass_token: str | None = "match"
    qr_on_lp_host: bool = False
    blocked_code: int | None = None
    blocked_status: int | None = None
    passport_raw_body: str | None = None
    sts_redirects: bool = False
    ssecurity_in_header_only: bool = False
    qr_replies: list[dict[str, Any] | web.Response] = field(default_factory=list)
    qr_timeout: int = 300
    qr_poll_delay: float = 0.0
    handlers: dict[str, ApiHandler] = field(default_factory=dict)
    calls: list[ApiCall] = field(default_factory=list)
    passport_requests: list[web.Request] = field(default_factory=list)
    passport_cookies: list[dict[str, str]] = field(default_factory=list)
    # (host, path, cookies) of every request, in order.
    seen: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    finish_tokens: dict[str, bool] = field(default_factory=dict)

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
        self.seen.append((host, path, dict(request.cookies)))
        if host.endswith(".lp.account.xiaomi.com") and path == "/lp/s":
            return await self._qr_poll(request)
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
            ("GET", "/identity/result/check"): self._result_check,
            ("GET", "/fe/service/identity/confirm"): self._skip_page,
            ("GET", "/pass/serviceLoginAuth2/end"): self._login_end,
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
        # The fallback after a verification sends the passToken of the chain without userId.
        user_ok = request.cookies.get("userId", USER_ID if self.finish == "fallback" else None) == USER_ID
        if token not in self.pass_tokens or not user_ok:
            return passport_json({"code": 70016, "desc": "login verification failed"})
        payload: dict[str, Any] = {
            "code": 0,
            "ssecurity": SSECURITY,
            "userId": int(USER_ID),
            "cUserId": C_USER_ID,
            "location": "https://sts.api.io.mi.com/sts?sign=made-up&nonce=1",
        }
        if self.ssecurity_in_header_only:
            del payload["ssecurity"]
        if self.rotate_pass_token:
            self.pass_tokens = {ROTATED_PASS_TOKEN}
            payload["passToken"] = ROTATED_PASS_TOKEN
        response = passport_json(payload)
        if self.rotation is not None:
            self.pass_tokens = {ROTATED_PASS_TOKEN}
            if self.rotation == "body":
                payload["passToken"] = ROTATED_PASS_TOKEN
                response = passport_json(payload)
            else:
                response.set_cookie("passToken", ROTATED_PASS_TOKEN, domain=".xiaomi.com", path="/")
            if self.re_pass_token is not None:
                marked = token if self.re_pass_token == "match" else "some-other-pass-token"
                response.headers["re-pass-token"] = fingerprint(marked)
        return response

    async def _login_auth2(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        if form.get("_sign") != SIGN or form.get("sid") != "xiaomiio":
            return passport_json({"code": 70016, "desc": "bad sign"})
        if self.require_captcha or self.captcha_armed:
            answer = form.get("captCode")
            if answer != CAPTCHA_ANSWER or request.cookies.get("ick") != "made-up-ick":
                return passport_json({"code": 87001, "captchaUrl": "/pass/getCode?icodeType=login&0.5"})
            self.captcha_armed = False
        if form.get("user") != USER or form.get("hash") != hashlib.md5(PASSWORD.encode()).hexdigest().upper():
            wrong: dict[str, Any] = {"code": 70016, "desc": "wrong password", "captchaUrl": None}
            if self.wrong_password_captcha:
                self.captcha_armed = True
                wrong.update(captchaUrl="/pass/getCode?icodeType=login&0.7", _sign=SIGN)
            return passport_json(wrong)
        if self.require_verification:
            return passport_json(self._verification_body())
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

    def _verification_body(self) -> dict[str, Any]:
        """Step 2 of an account that must verify, in the shape the test asks for."""
        bodies: dict[str, dict[str, Any]] = {
            # What the simulator and older clients know: a link and no login.
            "notification": {"code": 0, "notificationUrl": NOTIFICATION_URL},
            # The real body: securityStatus, an empty location, a relative /identity/authStart link.
            "security_status": {
                "code": 0,
                "result": "ok",
                "captchaUrl": None,
                "location": "",
                "securityStatus": 16,
                "notificationUrl": "/identity/authStart?sid=passport&context=made-up",
            },
            # securityStatus marks it even where a login seems to come along.
            "security_status_with_login": {
                "code": 0,
                "securityStatus": 1,
                "passToken": PASS_TOKEN,
                "userId": int(USER_ID),
                "location": "https://sts.api.io.mi.com/sts?sign=made-up",
                "notificationUrl": NOTIFICATION_URL,
            },
            # securityStatus without a link cannot be followed.
            "security_status_without_link": {"code": 0, "securityStatus": 16, "location": ""},
        }
        return bodies[self.verification_body]

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

    def _refusal(self, request: web.Request) -> web.Response | None:
        """Code 2 with the accepted flags, for an identity call with another way."""
        flag = 4 if "Phone" in request.path else 8
        if self.identity_accepts is None or flag in self.identity_accepts:
            return None
        accepts = self.identity_accepts
        return passport_json({"code": 2, "flag": accepts[0], "options": accepts, "option": accepts[0]})

    async def _verify_target(self, request: web.Request) -> web.StreamResponse:
        if not self._has_identity(request):
            return passport_json({"code": 70016})
        if refusal := self._refusal(request):
            return refusal
        return passport_json({"code": 0, "maskedPhone": "138******00", "maskedEmail": "a***@example.invalid"})

    async def _send_ticket(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        if not self._has_identity(request):
            return passport_json({"code": 70016})
        if refusal := self._refusal(request):
            return refusal
        if self.send_ticket_code is not None:
            return passport_json({"code": self.send_ticket_code, "desc": "too many codes"})
        if self.send_ticket_captcha and (
            form.get("icode") != CAPTCHA_ANSWER or request.cookies.get("ick") != "made-up-ick"
        ):
            return passport_json({"code": 87001, "captchaURL": "/pass/getCode?icodeType=antispam&0.9"})
        return passport_json({"code": 0})

    async def _verify_ticket(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        if not self._has_identity(request) or form.get("ticket") != VERIFY_TICKET:
            return passport_json({"code": 70014, "desc": "wrong code"})
        if refusal := self._refusal(request):
            return refusal
        if self.finish == "direct":
            response = passport_json({"code": 0, "location": "https://sts.api.io.mi.com/sts?after=verify"})
            response.set_cookie("passToken", PASS_TOKEN)
            response.set_cookie("userId", USER_ID)
            response.set_cookie("cUserId", C_USER_ID)
            return response
        return passport_json(
            {
                "code": 0,
                "location": "https://account.xiaomi.com/identity/result/check?sid=xiaomiio&context=made-up",
            }
        )

    async def _result_check(self, request: web.Request) -> web.StreamResponse:
        if not self._has_identity(request):
            return html_page("Xiaomi Account")
        self.finish_tokens["made-up-finish"] = False
        end = "/pass/serviceLoginAuth2/end?_authenticationToken=made-up-finish"
        if self.finish == "skip":
            skip = quote(f"https://account.xiaomi.com{end}", safe="")
            raise web.HTTPFound(f"https://account.xiaomi.com/fe/service/identity/confirm?skipUrl={skip}")
        # A relative redirect: it resolves against the real passport URL.
        raise web.HTTPFound(end)

    async def _skip_page(self, request: web.Request) -> web.StreamResponse:
        return html_page("Xiaomi Account")

    async def _login_end(self, request: web.Request) -> web.StreamResponse:
        token = request.query.get("_authenticationToken", "")
        if token not in self.finish_tokens or self.finish == "broken":
            return html_page("Xiaomi Account")
        if self.finish == "tips" and not self.finish_tokens[token]:
            self.finish_tokens[token] = True
            return html_page("Xiaomi Account - Tips")
        del self.finish_tokens[token]
        if self.finish == "fallback":
            response = html_page("Xiaomi Account")
            response.set_cookie("passToken", PASS_TOKEN, domain=".xiaomi.com", path="/")
            return response
        response = web.Response(status=302, headers={"Location": "https://sts.api.io.mi.com/sts?after=end"})
        response.headers["Extension-Pragma"] = json.dumps({"ssecurity": SSECURITY, "nonce": 1})
        response.set_cookie("passToken", PASS_TOKEN, domain=".xiaomi.com", path="/")
        response.set_cookie("userId", USER_ID, domain=".xiaomi.com", path="/")
        response.set_cookie("cUserId", C_USER_ID, domain=".xiaomi.com", path="/")
        return response

    async def _qr_start(self, request: web.Request) -> web.StreamResponse:
        if request.query.get("qs") != "abc":
            raise web.HTTPBadRequest
        return passport_json(
            {
                "code": 0,
                "loginUrl": "https://account.xiaomi.com/longPolling/login?ticket=made-up",
                "qr": "https://account.xiaomi.com/longPolling/qr?ticket=made-up",
                "lp": (
                    "https://c3.lp.account.xiaomi.com/lp/s?k=made-up"
                    if self.qr_on_lp_host
                    else "https://account.xiaomi.com/longPolling/poll?ticket=made-up"
                ),
                "timeout": self.qr_timeout,
            }
        )

    async def _qr_poll(self, request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(self.qr_poll_delay)
        reply = self.qr_replies.pop(0) if self.qr_replies else {"code": 1, "desc": "not scanned yet"}
        return reply if isinstance(reply, web.Response) else passport_json(reply)

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
