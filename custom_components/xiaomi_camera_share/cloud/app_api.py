"""Signed, RC4-encrypted calls to a region's app API (``/app/...``)."""

from __future__ import annotations

import binascii
import json
import logging
from typing import TYPE_CHECKING, Any, Final

from .api_errors import error_for, says_token_expired
from .crypto import decrypt, sign_rc4_request
from .errors import MalformedResponseError, ServiceTokenExpiredError
from .shapes import ReplyShapes
from .transport import HttpReply, send, user_agent

if TYPE_CHECKING:
    import aiohttp

    from .regions import Endpoints, Region
    from .session_token import ServiceSession

_LOGGER = logging.getLogger(__name__)

_STATIC_HEADERS: Final = {
    "x-xiaomi-protocal-flag-cli": "PROTOCAL-HTTP2",
    "MIOT-ENCRYPT-ALGORITHM": "ENCRYPT-RC4",
    "Accept-Encoding": "identity",
}
_LOCALE_COOKIES: Final = {
    "locale": "en_US",
    "timezone": "GMT+00:00",
    "is_daylight": "0",
    "dst_offset": "0",
    "channel": "MI_APP_STORE",
}


class AppApi:
    """Sends one signed request and returns the ``result`` of a code-0 answer."""

    def __init__(
        self, http: aiohttp.ClientSession, endpoints: Endpoints, device_id: str, timeout: float
    ) -> None:
        self._http = http
        self._endpoints = endpoints
        self._timeout = timeout
        self._headers = {**_STATIC_HEADERS, "User-Agent": user_agent(device_id)}
        self.shapes = ReplyShapes()

    async def call(self, session: ServiceSession, region: Region, path: str, data: dict[str, Any]) -> Any:
        """POST ``data`` to ``path``; typed errors for non-zero codes.

        Raises ServiceTokenExpiredError when the cloud no longer accepts the
        serviceToken, so the caller can mint a new one and retry.
        """
        plain = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        signed = sign_rc4_request("POST", path, plain, session.ssecurity)
        cookies = {
            "userId": session.user_id,
            "serviceToken": session.service_token,
            "yetAnotherServiceToken": session.service_token,
            **_LOCALE_COOKIES,
        }
        _LOGGER.debug("POST %s (%s)", path, region)
        reply = await send(
            self._http,
            "POST",
            f"{self._endpoints.app(region)}{path}",
            form=signed.form,
            headers=self._headers,
            cookies=cookies,
            time_limit=self._timeout,
        )
        payload = decode_reply(reply, signed.key)
        self.shapes.record(path, reply.status, payload)
        if reply.status == 401 or says_token_expired(payload):
            raise ServiceTokenExpiredError(str(payload.get("message", "")), code=payload.get("code"))
        if reply.status != 200:
            raise MalformedResponseError(f"unexpected HTTP {reply.status}", code=reply.status)
        code = payload.get("code")
        if not isinstance(code, int):
            raise MalformedResponseError("the answer has no numeric code")
        if code != 0:
            raise error_for(path, code, str(payload.get("message") or ""))
        return payload.get("result")


def decode_reply(reply: HttpReply, key: str) -> dict[str, Any]:
    """The JSON object of an answer: RC4-encrypted normally, plain for some errors."""
    body = reply.body.strip()
    if reply.status == 401 and not body:
        return {}
    if body.startswith(b"{"):
        return _json_object(body)
    try:
        plain = decrypt(key, body)
    except (binascii.Error, ValueError) as err:
        if reply.status == 401:
            return {}
        raise MalformedResponseError("the answer is neither JSON nor RC4 ciphertext") from err
    return _json_object(plain)


def _json_object(raw: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        raise MalformedResponseError("the answer does not decode to JSON") from err
    if not isinstance(payload, dict):
        raise MalformedResponseError("the answer is not a JSON object")
    return payload
