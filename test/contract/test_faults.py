"""Transport faults injected by the simulator, and how the client reports them."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import pytest

from custom_components.xiaomi_camera_share.cloud.client import XiaomiCloudClient
from custom_components.xiaomi_camera_share.cloud.errors import (
    CloudConnectionError,
    CloudTimeoutError,
    MalformedResponseError,
)
from custom_components.xiaomi_camera_share.cloud.models import Credentials
from custom_components.xiaomi_camera_share.cloud.regions import Region
from custom_components.xiaomi_camera_share.cloud.transport import Timeouts

from .seed import OWNER, SeedAccount

if TYPE_CHECKING:
    from .conftest import Control

Login = Callable[[SeedAccount], Awaitable[Credentials]]
MakeClient = Callable[..., XiaomiCloudClient]
DEVICE_LIST = "/api.io.mi.com/app/v2/home/device_list_page"


async def test_server_error(login: Login, make_client: MakeClient, control: Control) -> None:
    client = make_client(await login(OWNER))
    await control.fault(kind="status", status=503, path=DEVICE_LIST, count=1)
    with pytest.raises(CloudConnectionError) as err:
        await client.get_devices(Region.CN)
    assert err.value.code == 503
    assert await client.get_devices(Region.CN)  # the fault was spent


async def test_passport_server_error(login: Login, make_client: MakeClient, control: Control) -> None:
    credentials = await login(OWNER)
    await control.fault(kind="status", status=500, path="/account.xiaomi.com", count=1)
    with pytest.raises(CloudConnectionError):
        await make_client(credentials).get_devices(Region.CN)


async def test_timeout(login: Login, make_client: MakeClient, control: Control) -> None:
    client = make_client(await login(OWNER), timeouts=Timeouts(request=1.0))
    await control.fault(kind="timeout", path=DEVICE_LIST, count=1)
    started = time.monotonic()
    with pytest.raises(CloudTimeoutError):
        await client.get_devices(Region.CN)
    assert time.monotonic() - started < 5


async def test_passport_timeout(login: Login, make_client: MakeClient, control: Control) -> None:
    credentials = await login(OWNER)
    await control.fault(kind="timeout", path="/account.xiaomi.com/pass/serviceLogin", count=1)
    with pytest.raises(CloudTimeoutError):
        await make_client(credentials, timeouts=Timeouts(request=1.0)).get_devices(Region.CN)


async def test_malformed_body(login: Login, make_client: MakeClient, control: Control) -> None:
    client = make_client(await login(OWNER))
    await control.fault(kind="malformed", path="/api.io.mi.com", count=1)
    with pytest.raises(MalformedResponseError):
        await client.get_devices(Region.CN)


async def test_latency(login: Login, make_client: MakeClient, control: Control) -> None:
    client = make_client(await login(OWNER), timeouts=Timeouts(request=5.0))
    await control.fault(kind="latency", ms=800, path="/api.io.mi.com")
    started = time.monotonic()
    devices = await client.get_devices(Region.CN)
    elapsed = time.monotonic() - started
    assert len(devices) == 4
    assert 0.8 <= elapsed < 5
