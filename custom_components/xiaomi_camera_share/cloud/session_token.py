"""Minting a short-lived serviceToken from the long-lived passToken."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .errors import AuthExpiredError, MalformedResponseError
from .passport import SID, Passport, passport_code

if TYPE_CHECKING:
    from .models import Credentials
    from .transport import HttpReply

_LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ServiceSession:
    """What signs app API requests; lives in memory only."""

    user_id: str
    service_token: str
    ssecurity: str


@dataclass(frozen=True, slots=True)
class MintResult:
    """A fresh service session, and the credentials as the passport now knows them."""

    session: ServiceSession
    credentials: Credentials


def credential_cookies(credentials: Credentials) -> dict[str, str]:
    """The passport cookies that prove who we are without a password."""
    cookies = {"userId": credentials.user_id, "passToken": credentials.pass_token}
    if credentials.c_user_id:
        cookies["cUserId"] = credentials.c_user_id
    return cookies


def ssecurity_from_header(reply: HttpReply) -> str | None:
    """The ``ssecurity`` the STS callback may carry in its Extension-Pragma JSON."""
    raw = reply.headers.get("Extension-Pragma")
    if not raw:
        return None
    try:
        pragma: Any = json.loads(raw)
    except ValueError:
        return None
    value = pragma.get("ssecurity") if isinstance(pragma, dict) else None
    return value if isinstance(value, str) and value else None


async def mint_service_session(passport: Passport, credentials: Credentials) -> MintResult:
    """serviceLogin with the passToken, then the STS ``location`` that sets serviceToken.

    Raises AuthExpiredError when the passport no longer accepts the passToken.
    """
    payload = await passport.request_json(
        "GET",
        "/pass/serviceLogin",
        params={"sid": SID, "_json": "true"},
        extra_cookies=credential_cookies(credentials),
    )
    location = payload.get("location")
    if passport_code(payload) != 0 or not isinstance(location, str) or not location:
        _LOGGER.debug("passport refused the passToken (code %s)", payload.get("code"))
        raise AuthExpiredError("the passToken is no longer accepted", code=passport_code(payload))
    renewed = _renewed_credentials(credentials, payload, passport.cookies)
    reply = await passport.follow(location)
    if reply.status in (401, 403):
        raise AuthExpiredError("the service token callback refused the login", code=reply.status)
    service_token = reply.cookies.get("serviceToken") or passport.cookies.get("serviceToken")
    # ssecurity comes with serviceLogin; some flows carry it only in the callback's header.
    ssecurity = payload.get("ssecurity") or ssecurity_from_header(reply)
    if not service_token or not isinstance(ssecurity, str):
        raise MalformedResponseError("the login gave no serviceToken or no ssecurity")
    session = ServiceSession(user_id=renewed.user_id, service_token=service_token, ssecurity=ssecurity)
    return MintResult(session=session, credentials=renewed)


def _renewed_credentials(
    credentials: Credentials, payload: dict[str, Any], cookies: dict[str, str]
) -> Credentials:
    """The passport may rotate the passToken (in the body or as a cookie)."""
    pass_token = payload.get("passToken") or cookies.get("passToken") or credentials.pass_token
    c_user_id = payload.get("cUserId") or cookies.get("cUserId") or credentials.c_user_id
    return replace(credentials, pass_token=str(pass_token), c_user_id=str(c_user_id) if c_user_id else None)
