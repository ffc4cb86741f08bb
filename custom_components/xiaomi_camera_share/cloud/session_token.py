"""Minting a short-lived serviceToken from the long-lived passToken."""

from __future__ import annotations

import hashlib
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


def pass_token_fingerprint(pass_token: str) -> str:
    """How ``re-pass-token`` names a passToken: the upper-case hex MD5 of it."""
    return hashlib.md5(pass_token.encode("utf-8"), usedforsecurity=False).hexdigest().upper()


def rotated_pass_token(current: str, payload: dict[str, Any], reply: HttpReply) -> str:
    """The passToken to keep after a passToken login: ``current``, or the one that replaces it.

    A new passToken may come in the body or as a cookie. The Mi Home app's account
    SDK replaces its stored passToken only when the answer's ``re-pass-token``
    (a header, or a cookie) is the upper-case MD5 of the stored one; without that
    marker a different passToken in the answer is taken as the new one, as other
    clients do.
    """
    candidate = payload.get("passToken") or reply.cookies.get("passToken")
    if not isinstance(candidate, str) or not candidate or candidate == current:
        return current
    marker = reply.headers.get("re-pass-token") or reply.cookies.get("re-pass-token")
    if marker and marker.strip().upper() != pass_token_fingerprint(current):
        _LOGGER.debug("a new passToken came for another passToken; the current one is kept")
        return current
    return candidate


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
    for name, value in credential_cookies(credentials).items():
        passport.jar.set(name, value)
    login, payload = await passport.exchange(
        "GET", "/pass/serviceLogin", params={"sid": SID, "_json": "true"}
    )
    location = payload.get("location")
    if passport_code(payload) != 0 or not isinstance(location, str) or not location:
        _LOGGER.debug("passport refused the passToken (code %s)", payload.get("code"))
        raise AuthExpiredError("the passToken is no longer accepted", code=passport_code(payload))
    renewed = _renewed_credentials(credentials, payload, login)
    reply = await passport.follow(location)
    if reply.status in (401, 403):
        raise AuthExpiredError("the service token callback refused the login", code=reply.status)
    service_token = reply.cookies.get("serviceToken") or passport.jar.received("serviceToken")
    # ssecurity comes with serviceLogin; some flows carry it only in the callback's header.
    ssecurity = payload.get("ssecurity") or ssecurity_from_header(reply)
    if not service_token or not isinstance(ssecurity, str):
        raise MalformedResponseError("the login gave no serviceToken or no ssecurity")
    session = ServiceSession(user_id=renewed.user_id, service_token=service_token, ssecurity=ssecurity)
    return MintResult(session=session, credentials=renewed)


def _renewed_credentials(credentials: Credentials, payload: dict[str, Any], reply: HttpReply) -> Credentials:
    """The credentials after a passToken login: the passport may rotate the passToken."""
    pass_token = rotated_pass_token(credentials.pass_token, payload, reply)
    c_user_id = payload.get("cUserId") or reply.cookies.get("cUserId") or credentials.c_user_id
    return replace(credentials, pass_token=pass_token, c_user_id=str(c_user_id) if c_user_id else None)
