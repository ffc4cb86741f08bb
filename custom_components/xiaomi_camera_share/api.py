"""The one place that builds cloud clients and the web session they share."""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

import aiohttp
from homeassistant.const import EVENT_HOMEASSISTANT_CLOSE
from homeassistant.core import Event, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.aiohttp_client import async_create_clientsession
from homeassistant.util.hass_dict import HassKey
from yarl import URL

from .cloud.auth import XiaomiAuth
from .cloud.client import XiaomiCloudClient
from .cloud.regions import CLOUD_OVERRIDE_ENV, Endpoints, override_is_safe
from .const import DOMAIN

if TYPE_CHECKING:
    from collections.abc import Callable

    from homeassistant.core import HomeAssistant

    from .cloud.models import Credentials


_LOGGER = logging.getLogger(__name__)

_SESSION: HassKey[aiohttp.ClientSession] = HassKey("xiaomi_camera_share_session")


def _session(hass: HomeAssistant) -> aiohttp.ClientSession:
    """One web session for every account, without a cookie jar, as long as Home Assistant runs.

    Home Assistant's shared session keeps cookies across integrations and
    requests; Xiaomi's login cookies (passToken among them) must never ride along
    with another account's requests, so the client sends its cookies explicitly.
    The session is not tied to whichever account asked first: Home Assistant would
    close it when that account unloads, under every other account's feet.
    """
    if (session := hass.data.get(_SESSION)) is None:
        session = hass.data[_SESSION] = async_create_clientsession(
            hass, auto_cleanup=False, cookie_jar=aiohttp.DummyCookieJar()
        )

        @callback
        def close(_event: Event) -> None:
            hass.data.pop(_SESSION, None)
            session.detach()

        hass.bus.async_listen_once(EVENT_HOMEASSISTANT_CLOSE, close)
    return session


class UnsafeCloudOverrideError(HomeAssistantError):
    """The development override would send logins in clear text off this machine."""


def _override() -> str | None:
    return os.environ.get(CLOUD_OVERRIDE_ENV) or None


def cloud_override_refused() -> bool:
    """Whether a development override is set that logins must not be sent to."""
    override = _override()
    return override is not None and not override_is_safe(override)


def _endpoints() -> Endpoints:
    """Real Xiaomi hosts, unless the development override points elsewhere (safely)."""
    override = _override()
    if override is not None and not override_is_safe(override):
        raise UnsafeCloudOverrideError(
            translation_domain=DOMAIN, translation_key="cloud_override_unsafe", translation_placeholders=None
        )
    return Endpoints(override=override)


@callback
def async_check_cloud_override(hass: HomeAssistant) -> None:
    """While the development override is set, say so in the log and as a repair."""
    override = _override()
    if override is None:
        ir.async_delete_issue(hass, DOMAIN, "cloud_override")
        return
    safe = override_is_safe(override)
    _LOGGER.warning(
        "%s is set: logins and sharing go to %s instead of Xiaomi's cloud%s",
        CLOUD_OVERRIDE_ENV,
        URL(override).origin() if safe else "an address that is refused",
        "" if safe else " (plain http is allowed to loopback addresses only)",
    )
    ir.async_create_issue(
        hass,
        DOMAIN,
        "cloud_override",
        is_fixable=False,
        severity=ir.IssueSeverity.WARNING if safe else ir.IssueSeverity.ERROR,
        translation_key="cloud_override" if safe else "cloud_override_unsafe",
        translation_placeholders={"variable": CLOUD_OVERRIDE_ENV},
    )


def create_client(
    hass: HomeAssistant,
    credentials: Credentials,
    on_credentials_changed: Callable[[Credentials], None] | None = None,
) -> XiaomiCloudClient:
    """A cloud client for one account."""
    return XiaomiCloudClient(
        _session(hass),
        credentials,
        _endpoints(),
        on_credentials_changed=on_credentials_changed,
    )


def create_auth(hass: HomeAssistant, device_id: str | None = None) -> XiaomiAuth:
    """A login helper for the config flow."""
    return XiaomiAuth(_session(hass), _endpoints(), device_id)
