"""The factories build the real cloud client and login helper."""

from __future__ import annotations

from typing import TYPE_CHECKING

import aiohttp

from custom_components.xiaomi_camera_share.cloud.auth import XiaomiAuth
from custom_components.xiaomi_camera_share.cloud.client import XiaomiCloudClient
from custom_components.xiaomi_camera_share.cloud.models import Credentials
from custom_components.xiaomi_camera_share.cloud.regions import CLOUD_OVERRIDE_ENV

from .conftest import OWNER, REAL_CREATE_AUTH, REAL_CREATE_CLIENT

if TYPE_CHECKING:
    import pytest
    from homeassistant.core import HomeAssistant


async def test_factories_build_real_client_and_auth(
    hass: HomeAssistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CLOUD_OVERRIDE_ENV, "http://127.0.0.1:9")
    credentials = Credentials(user_id=OWNER, pass_token="made-up", device_id="TESTDEVICE01")
    client = REAL_CREATE_CLIENT(hass, credentials)
    assert isinstance(client, XiaomiCloudClient)
    assert client.credentials == credentials
    assert client.request_count == 0
    assert isinstance(REAL_CREATE_AUTH(hass), XiaomiAuth)


async def test_clients_share_one_session_that_keeps_no_cookies(hass: HomeAssistant) -> None:
    """Login cookies must never ride along with another account's requests."""
    first = REAL_CREATE_CLIENT(hass, Credentials(user_id=OWNER, pass_token="made-up-1", device_id="D1"))
    second = REAL_CREATE_CLIENT(hass, Credentials(user_id="42", pass_token="made-up-2", device_id="D2"))
    session = first._http
    assert session is second._http
    assert session is REAL_CREATE_AUTH(hass)._session
    assert isinstance(session.cookie_jar, aiohttp.DummyCookieJar)
