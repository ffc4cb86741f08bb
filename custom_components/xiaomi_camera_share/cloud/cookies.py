"""The cookies of one login conversation, each sent only where it belongs.

A login walks across host families: the passport (``account.xiaomi.com`` and its
data-centre hosts such as ``c3.lp.account.xiaomi.com``) and the service hosts
(``sts.api.io.mi.com``). A cookie goes back only to the host that set it, or to the
domain its ``Domain`` attribute names when that domain contains the setting host,
and only on paths under its ``Path`` (RFC 6265). The passport marks ``passToken``
``Domain=.xiaomi.com``, so it is never sent to a ``*.mi.com`` host along a redirect
chain. Hosts and paths are always the real Xiaomi ones, also when a development
override carries the requests elsewhere.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Final

from yarl import URL

if TYPE_CHECKING:
    from collections.abc import Iterable
    from http.cookies import Morsel

_LOGGER = logging.getLogger(__name__)

# The domain of the client's own passport cookies (deviceId, sdkVersion, a stored passToken).
PASSPORT_DOMAIN: Final = "xiaomi.com"


@dataclass(frozen=True, slots=True)
class _Cookie:
    name: str
    value: str
    domain: str
    host_only: bool
    path: str

    def matches(self, host: str, path: str) -> bool:
        if self.host_only:
            if host != self.domain:
                return False
        elif host != self.domain and not host.endswith(f".{self.domain}"):
            return False
        return path == self.path or path.startswith(self.path.rstrip("/") + "/")


def _default_path(request_path: str) -> str:
    """RFC 6265 §5.1.4: the request path up to its last slash."""
    if not request_path.startswith("/") or request_path.count("/") == 1:
        return "/"
    return request_path[: request_path.rindex("/")]


def _expired(morsel: Morsel[str]) -> bool:
    """A Set-Cookie that deletes its cookie (Max-Age <= 0, or an Expires in the past)."""
    if max_age := morsel["max-age"]:
        try:
            return int(max_age) <= 0
        except ValueError:
            return False
    if expires := morsel["expires"]:
        try:
            return parsedate_to_datetime(expires).timestamp() <= time.time()
        except TypeError, ValueError:
            return False
    return False


def url_host_path(url: str) -> tuple[str, str]:
    """The lower-case host and the path of an absolute URL."""
    parsed = URL(url)
    return (parsed.host or "").lower(), parsed.path or "/"


class CookieJar:
    """Cookies set by the cloud during one conversation, and the client's own."""

    def __init__(self) -> None:
        self._cookies: dict[tuple[str, str, str], _Cookie] = {}
        self._received: dict[str, str] = {}

    def set(self, name: str, value: str, domain: str = PASSPORT_DOMAIN, path: str = "/") -> None:
        """A cookie of the client's own, sent to ``domain`` and every host below it."""
        self._cookies[(name, domain, path)] = _Cookie(name, value, domain, host_only=False, path=path)

    def receive(self, url: str, set_cookies: Iterable[Morsel[str]]) -> None:
        """Remember what an answer from ``url`` set, in the scope it gave each cookie."""
        host, request_path = url_host_path(url)
        for morsel in set_cookies:
            domain = morsel["domain"].strip().lstrip(".").lower()
            if domain and (domain.count(".") == 0 or not (host == domain or host.endswith(f".{domain}"))):
                _LOGGER.debug("ignored cookie %s for another domain", morsel.key)
                continue
            path = morsel["path"] if morsel["path"].startswith("/") else _default_path(request_path)
            cookie = _Cookie(morsel.key, morsel.value, domain or host, host_only=not domain, path=path)
            key = (cookie.name, cookie.domain, cookie.path)
            if _expired(morsel):
                self._cookies.pop(key, None)
                self._received.pop(cookie.name, None)
                continue
            self._cookies[key] = cookie
            self._received[cookie.name] = cookie.value

    def for_url(self, url: str) -> dict[str, str]:
        """The cookies to send with a request to ``url``: longer paths first, as browsers do."""
        host, path = url_host_path(url)
        matching = sorted(
            (cookie for cookie in self._cookies.values() if cookie.matches(host, path)),
            key=lambda cookie: len(cookie.path),
            reverse=True,
        )
        cookies: dict[str, str] = {}
        for cookie in matching:
            cookies.setdefault(cookie.name, cookie.value)
        return cookies

    def received(self, name: str) -> str | None:
        """The value the cloud last set for a cookie of that name (any scope), if any."""
        return self._received.get(name)
