"""Talking to the Xiaomi passport (account.xiaomi.com) and the STS callback.

The passport answers JSON behind a ``&&&START&&&`` prefix, keeps its state in
cookies, and hands out absolute URLs of real Xiaomi hosts that are mapped onto
the development override before they are requested. A conversation works with the
real URLs throughout: cookies are scoped by their real host (``cookies.py``), and
redirects resolve against the real URL.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any, Final

from yarl import URL

from .cookies import PASSPORT_DOMAIN, CookieJar
from .errors import LoginBlockedError, MalformedResponseError, XiaomiCloudError
from .regions import ACCOUNT_HOST
from .shapes import LoginShapes
from .transport import HttpReply, Timeouts, send, user_agent

if TYPE_CHECKING:
    from collections.abc import Mapping

    import aiohttp

    from .regions import Endpoints

_LOGGER = logging.getLogger(__name__)

JSON_PREFIX: Final = "&&&START&&&"
SDK_VERSION: Final = "3.8.6"
SID: Final = "xiaomiio"
MAX_REDIRECTS: Final = 5

# Passport codes and HTTP statuses that mean "too many attempts, try later".
BLOCKED_CODES: Final = frozenset({70022})
BLOCKED_STATUSES: Final = frozenset({403, 429})


def parse_passport_json(reply: HttpReply) -> dict[str, Any]:
    """Strip the passport's prefix and parse its JSON object."""
    text = reply.text.strip().removeprefix(JSON_PREFIX)
    try:
        payload = json.loads(text)
    except ValueError as err:
        raise MalformedResponseError("the passport answered something that is not JSON") from err
    if not isinstance(payload, dict):
        raise MalformedResponseError("the passport answered JSON that is not an object")
    return payload


def passport_code(payload: Mapping[str, Any]) -> int:
    """The numeric ``code`` of a passport answer (0 when absent)."""
    code = payload.get("code", 0)
    try:
        return int(code)
    except (TypeError, ValueError) as err:
        raise MalformedResponseError("the passport answered a non-numeric code") from err


class Passport:
    """A cookie-carrying conversation with the passport for one client ``device_id``.

    Cookies the passport sets are remembered here (never in the shared session's
    jar) and sent back on later calls of the same conversation, to the hosts they
    belong to only. The shape of every answer is kept in ``shapes`` (no values).
    """

    def __init__(
        self,
        session: aiohttp.ClientSession,
        endpoints: Endpoints,
        device_id: str,
        timeouts: Timeouts,
        shapes: LoginShapes | None = None,
    ) -> None:
        self._session = session
        self._endpoints = endpoints
        self._timeouts = timeouts
        self._headers = {"User-Agent": user_agent(device_id)}
        self.jar = CookieJar()
        self.jar.set("deviceId", device_id)
        self.jar.set("sdkVersion", SDK_VERSION)
        self.shapes = shapes if shapes is not None else LoginShapes("passport")

    @staticmethod
    def real_url(path_or_url: str) -> str:
        """The real URL of a passport path, or of a URL the cloud handed out."""
        if path_or_url.startswith("/"):
            return f"https://{ACCOUNT_HOST}{path_or_url}"
        return path_or_url

    @staticmethod
    def is_passport_url(url: str) -> bool:
        """Whether a real URL belongs to the passport's host family (``*.xiaomi.com``)."""
        host = (URL(url).host or "").lower()
        return host == PASSPORT_DOMAIN or host.endswith(f".{PASSPORT_DOMAIN}")

    async def request(
        self,
        method: str,
        path_or_url: str,
        *,
        params: Mapping[str, str] | None = None,
        form: Mapping[str, str] | None = None,
        time_limit: float | None = None,
    ) -> HttpReply:
        """One passport request; remembers the cookies it sets, refuses when blocked."""
        real = self.real_url(path_or_url)
        try:
            reply = await send(
                self._session,
                method,
                self._endpoints.rewrite(real),
                params=params,
                form=form,
                headers=self._headers,
                cookies=self.jar.for_url(real),
                time_limit=self._timeouts.request if time_limit is None else time_limit,
            )
        except XiaomiCloudError as err:
            self.shapes.record_failure(method, real, err)
            raise
        self.shapes.record(method, real, reply)
        self.jar.receive(real, reply.set_cookies)
        if reply.status in BLOCKED_STATUSES:
            raise LoginBlockedError(f"the passport refused with HTTP {reply.status}", code=reply.status)
        return reply

    async def request_json(
        self,
        method: str,
        path_or_url: str,
        *,
        params: Mapping[str, str] | None = None,
        form: Mapping[str, str] | None = None,
        time_limit: float | None = None,
    ) -> dict[str, Any]:
        """A passport request whose answer is JSON; code 70022 means blocked."""
        _reply, payload = await self.exchange(
            method, path_or_url, params=params, form=form, time_limit=time_limit
        )
        return payload

    async def exchange(
        self,
        method: str,
        path_or_url: str,
        *,
        params: Mapping[str, str] | None = None,
        form: Mapping[str, str] | None = None,
        time_limit: float | None = None,
    ) -> tuple[HttpReply, dict[str, Any]]:
        """As ``request_json``, with the answer's headers and cookies as well."""
        reply = await self.request(method, path_or_url, params=params, form=form, time_limit=time_limit)
        payload = parse_passport_json(reply)
        code = passport_code(payload)
        if code in BLOCKED_CODES:
            raise LoginBlockedError("the passport blocks logins for now", code=code)
        return reply, payload

    async def follow(self, location: str) -> HttpReply:
        """GET a login ``location`` and follow its redirects, collecting cookies.

        Relative redirects resolve against the real URL, which is then mapped
        onto the override like every other URL the cloud hands out.
        """
        url = self.real_url(location)
        for _ in range(MAX_REDIRECTS):
            reply = await self.request("GET", url)
            if reply.location is None:
                return reply
            url = resolve(url, reply.location)
        raise MalformedResponseError("too many redirects after login")


def resolve(base: str, location: str) -> str:
    """A redirect target, absolute, against the real URL it came from."""
    return str(URL(base).join(URL(location)))
