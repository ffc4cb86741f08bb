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
from http.cookies import CookieError, SimpleCookie
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
    """Seconds to wait for an ordinary request and for one QR long poll.

    ``poll_pause`` is the least time between two QR polls, so a poll host that
    answers "not yet" at once is not asked in a tight loop.
    """

    request: float = 20.0
    long_poll: float = 130.0
    poll_pause: float = 2.0


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
    set_cookies: tuple[Morsel[str], ...] = ()

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self) -> str | None:
        """The redirect target of a 3xx answer."""
        return self.headers.get("Location") if 300 <= self.status < 400 else None


def _set_cookies(headers: CIMultiDictProxy[str]) -> tuple[Morsel[str], ...]:
    """Every Set-Cookie of an answer with its attributes (Domain, Path, Max-Age...)."""
    morsels: list[Morsel[str]] = []
    for line in headers.getall("Set-Cookie", ()):
        parsed: SimpleCookie = SimpleCookie()
        try:
            parsed.load(line)
        except CookieError:
            _LOGGER.debug("ignored a Set-Cookie header that does not parse")
            continue
        morsels.extend(parsed.values())
    return tuple(morsels)


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
            set_cookies = _set_cookies(response.headers)
            reply = HttpReply(
                status=response.status,
                url=str(response.url),
                body=body,
                headers=response.headers,
                cookies={morsel.key: morsel.value for morsel in set_cookies},
                set_cookies=set_cookies,
            )
    except TimeoutError as err:
        raise CloudTimeoutError(f"no answer within {time_limit:g} s") from err
    except (aiohttp.ClientError, asyncio.IncompleteReadError) as err:
        raise CloudConnectionError(f"request failed: {type(err).__name__}") from err
    if reply.status >= 500:
        _LOGGER.debug("HTTP %s from %s", reply.status, response.url.path)
        raise CloudConnectionError(f"server error HTTP {reply.status}", code=reply.status)
    return reply
