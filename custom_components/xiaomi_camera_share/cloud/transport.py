"""One HTTP exchange with a Xiaomi host, with transport failures made typed.

Cookies never go through the session's cookie jar: the session is shared with
the rest of Home Assistant, so cookies are sent as an explicit ``Cookie`` header
and read back from the response's ``Set-Cookie`` headers. Whatever aiohttp puts
into the shared jar from a Xiaomi answer is removed at once, so one account's
tokens are never sent along with another account's requests. Redirects are never
followed automatically, because a redirect to a real Xiaomi host must first be
mapped onto the development override.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import string
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

import aiohttp

from .errors import CloudConnectionError, CloudTimeoutError

if TYPE_CHECKING:
    from collections.abc import Mapping
    from http.cookies import Morsel

    from multidict import CIMultiDictProxy

_LOGGER = logging.getLogger(__name__)

_AGENT_ALPHABET = string.ascii_uppercase + string.digits


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds to wait for an ordinary request and for one QR long poll."""

    request: float = 20.0
    long_poll: float = 130.0


DEFAULT_TIMEOUTS: Final = Timeouts()


def random_device_id(length: int = 16) -> str:
    """A random client id of the kind the Mi Home app sends as ``deviceId``."""
    return "".join(secrets.choice(string.ascii_lowercase + string.digits) for _ in range(length))


def user_agent(client_id: str) -> str:
    """The Android Mi Home user agent the cloud expects, tied to a client id."""
    suffix = "".join(char for char in client_id.upper() if char in _AGENT_ALPHABET)[:16]
    return f"Android-7.1.1-1.0.0-ONEPLUS A3010-136-{suffix} APP/xiaomi.smarthome APPV/62830"


def cookie_header(cookies: Mapping[str, str]) -> str:
    """Render cookies as the value of one ``Cookie`` header."""
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


@dataclass(frozen=True, slots=True)
class HttpReply:
    """Everything the client reads from a response, read before it is released."""

    status: int
    url: str
    body: bytes
    headers: CIMultiDictProxy[str]
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self) -> str | None:
        """The redirect target of a 3xx answer."""
        return self.headers.get("Location") if 300 <= self.status < 400 else None


def _forget_cookies(jar: aiohttp.abc.AbstractCookieJar, host: str) -> None:
    """Remove every cookie the jar would send to ``host`` (its own or a parent domain's)."""

    def sent_to_host(morsel: Morsel[str]) -> bool:
        domain = morsel["domain"].lstrip(".")
        return bool(domain) and (host == domain or host.endswith(f".{domain}"))

    jar.clear(sent_to_host)


async def send(
    session: aiohttp.ClientSession,
    method: str,
    url: str,
    *,
    time_limit: float,
    params: Mapping[str, str] | None = None,
    form: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
    cookies: Mapping[str, str] | None = None,
) -> HttpReply:
    """Send one request; HTTP 5xx, connection errors and timeouts become typed errors."""
    request_headers = dict(headers or {})
    if cookies:
        request_headers["Cookie"] = cookie_header(cookies)
    try:
        async with session.request(
            method,
            url,
            params=params,
            data=dict(form) if form is not None else None,
            headers=request_headers,
            allow_redirects=False,
            timeout=aiohttp.ClientTimeout(total=time_limit),
        ) as response:
            # aiohttp has already copied Set-Cookie into the shared jar; take the
            # Xiaomi cookies out again before anything else can send them.
            _forget_cookies(session.cookie_jar, response.url.host or "")
            body = await response.read()
            reply = HttpReply(
                status=response.status,
                url=str(response.url),
                body=body,
                headers=response.headers,
                cookies={name: morsel.value for name, morsel in response.cookies.items()},
            )
    except TimeoutError as err:
        raise CloudTimeoutError(f"no answer within {time_limit:g} s") from err
    except (aiohttp.ClientError, asyncio.IncompleteReadError) as err:
        raise CloudConnectionError(f"request failed: {type(err).__name__}") from err
    if reply.status >= 500:
        _LOGGER.debug("HTTP %s from %s", reply.status, response.url.path)
        raise CloudConnectionError(f"server error HTTP {reply.status}", code=reply.status)
    return reply
