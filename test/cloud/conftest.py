"""Fixtures for the cloud client's unit tests: a fake Xiaomi over real local HTTP."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import aiohttp
import pytest

from custom_components.xiaomi_camera_share.cloud.client import XiaomiCloudClient
from custom_components.xiaomi_camera_share.cloud.regions import Endpoints

from .fake_xiaomi import CREDENTIALS, TEST_TIMEOUTS, FakeXiaomi

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable

    from aiohttp.test_utils import TestServer

    from custom_components.xiaomi_camera_share.cloud.models import Credentials


@pytest.fixture
def fake() -> FakeXiaomi:
    return FakeXiaomi()


@pytest.fixture
async def endpoints(
    socket_enabled: None,
    fake: FakeXiaomi,
    aiohttp_server: Callable[[Any], Awaitable[TestServer]],
) -> Endpoints:
    server = await aiohttp_server(fake.make_app())
    return Endpoints(override=str(server.make_url("")))


@pytest.fixture
async def http(socket_enabled: None) -> AsyncIterator[aiohttp.ClientSession]:
    # A jar that would keep cookies of 127.0.0.1, so the tests see what it receives.
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        yield session


@pytest.fixture
def rotations() -> list[Credentials]:
    """Credentials handed to on_credentials_changed, in order."""
    return []


@pytest.fixture
def client(
    http: aiohttp.ClientSession, endpoints: Endpoints, rotations: list[Credentials]
) -> XiaomiCloudClient:
    return XiaomiCloudClient(
        http, CREDENTIALS, endpoints, on_credentials_changed=rotations.append, timeouts=TEST_TIMEOUTS
    )
