"""The one place that builds cloud clients, so tests can swap in a fake cloud."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from homeassistant.helpers.aiohttp_client import async_get_clientsession

from .cloud.auth import XiaomiAuth
from .cloud.client import XiaomiCloudClient
from .cloud.regions import CLOUD_OVERRIDE_ENV, Endpoints

if TYPE_CHECKING:
    from collections.abc import Callable

    from homeassistant.core import HomeAssistant

    from .cloud.models import Credentials


def _endpoints() -> Endpoints:
    """Real Xiaomi hosts, unless the development override points elsewhere."""
    return Endpoints(override=os.environ.get(CLOUD_OVERRIDE_ENV) or None)


def create_client(
    hass: HomeAssistant,
    credentials: Credentials,
    on_credentials_changed: Callable[[Credentials], None] | None = None,
) -> XiaomiCloudClient:
    """A cloud client for one account, on Home Assistant's shared web session."""
    return XiaomiCloudClient(
        async_get_clientsession(hass),
        credentials,
        _endpoints(),
        on_credentials_changed=on_credentials_changed,
    )


def create_auth(hass: HomeAssistant, device_id: str | None = None) -> XiaomiAuth:
    """A login helper for the config flow."""
    return XiaomiAuth(async_get_clientsession(hass), _endpoints(), device_id)
