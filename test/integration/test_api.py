"""The factories build the real cloud client and login helper."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
