"""The one place that builds cloud clients and the web session they share."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import aiohttp
from homeassistant.const import EVENT_HOMEASSISTANT_CLOSE
from homeassistant.core import Event, callback
from homeassistant.helpers.aiohttp_client import async_create_clientsession
from homeassistant.util.hass_dict import HassKey

from .cloud.auth import XiaomiAuth
from .cloud.client import XiaomiCloudClient
from .cloud.regions import CLOUD_OVERRIDE_ENV, Endpoints

if TYPE_CHECKING:
    from collections.abc import Callable

    from homeassistant.core import HomeAssistant

    from .cloud.models import Credentials


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


def _endpoints() -> Endpoints:
    """Real Xiaomi hosts, unless the development override points elsewhere."""
    return Endpoints(override=os.environ.get(CLOUD_OVERRIDE_ENV) or None)


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
