"""Contract tests: the cloud client against the real simulator process over HTTP.

The simulator's base URL comes from the `simulator_url` fixture (test/conftest.py),
which uses the test runner's simulator or starts one for this run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import aiohttp
import pytest

from custom_components.xiaomi_camera_share.cloud.auth import XiaomiAuth
from custom_components.xiaomi_camera_share.cloud.client import XiaomiCloudClient
from custom_components.xiaomi_camera_share.cloud.models import Credentials
from custom_components.xiaomi_camera_share.cloud.regions import Endpoints
from custom_components.xiaomi_camera_share.cloud.transport import DEFAULT_TIMEOUTS, Timeouts

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable

    from .seed import SeedAccount

# The ways the simulator can answer where the real cloud's answer is not known
# for sure (docs/cloud-contract.md); every contract test runs against each.
SIMULATOR_PROFILES: dict[str, dict[str, Any]] = {
    # device_share_list with only what the Mi Home app reads: userid, nickname, icon, mtime.
    "app-shape": {"deviceShareListStatus": 0},
    # device_share_list that also says each sharee's status and isReadOnly.
    "status-in-list": {"deviceShareListStatus": 1},
}


@pytest.fixture
def endpoints(simulator_url: str) -> Endpoints:
    return Endpoints(override=simulator_url)


@pytest.fixture
async def http(socket_enabled: None) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


class Control:
    """The simulator's /_control/ surface, playing one profile (kept across resets)."""

    def __init__(self, http: aiohttp.ClientSession, base_url: str, profile: str = "app-shape") -> None:
        self._http = http
        self._base = f"{base_url}/_control"
        self.profile = profile

    async def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        # The simulator takes non-GET control calls only as JSON, bodiless ones included.
        if body is None and method != "GET":
            body = {}
        async with self._http.request(method, f"{self._base}{path}", json=body) as response:
            payload = await response.json(content_type=None)
            assert response.status == 200, f"control {method} {path}: {payload}"
            return payload

    async def reset(self) -> None:
        await self.call("POST", "/reset")
        await self.config(**SIMULATOR_PROFILES[self.profile])

    async def config(self, **settings: Any) -> None:
        await self.call("POST", "/config", settings)

    async def fault(self, **fault: Any) -> None:
        await self.call("POST", "/faults", fault)

    async def advance_clock(self, seconds: int) -> None:
        await self.call("POST", "/clock/advance", {"seconds": seconds})

    async def outbox(self, kind: str, user_id: str | None = None) -> list[dict[str, Any]]:
        query = f"?kind={kind}" + (f"&userId={user_id}" if user_id else "")
        entries: list[dict[str, Any]] = await self.call("GET", f"/outbox{query}")
        return entries


@pytest.fixture(params=sorted(SIMULATOR_PROFILES))
def simulator_profile(request: pytest.FixtureRequest) -> str:
    """Which of the simulator's profiles this run of a test plays against."""
    profile: str = request.param
    return profile


@pytest.fixture
async def control(
    http: aiohttp.ClientSession, simulator_url: str, simulator_profile: str
) -> AsyncIterator[Control]:
    """The control surface, with the simulator reset to the profile before and after each test."""
    control = Control(http, simulator_url, simulator_profile)
    await control.reset()
    yield control
    await control.call("POST", "/reset")


@pytest.fixture
def make_auth(http: aiohttp.ClientSession, endpoints: Endpoints) -> Callable[[], XiaomiAuth]:
    return lambda: XiaomiAuth(http, endpoints)


@pytest.fixture
def login(
    control: Control, make_auth: Callable[[], XiaomiAuth]
) -> Callable[[SeedAccount], Awaitable[Credentials]]:
    """Log a seed account in with its password (accounts without a challenge)."""

    async def login(account: SeedAccount) -> Credentials:
        step = await make_auth().login_with_password(account.login, account.password)
        assert isinstance(step, Credentials), step
        return step

    return login


@pytest.fixture
def make_client(http: aiohttp.ClientSession, endpoints: Endpoints) -> Callable[..., XiaomiCloudClient]:
    def make_client(
        credentials: Credentials,
        *,
        on_credentials_changed: Callable[[Credentials], None] | None = None,
        timeouts: Timeouts = DEFAULT_TIMEOUTS,
    ) -> XiaomiCloudClient:
        return XiaomiCloudClient(
            http, credentials, endpoints, on_credentials_changed=on_credentials_changed, timeouts=timeouts
        )

    return make_client


@pytest.fixture
def client_of(
    login: Callable[[SeedAccount], Awaitable[Credentials]], make_client: Callable[..., XiaomiCloudClient]
) -> Callable[[SeedAccount], Awaitable[XiaomiCloudClient]]:
    """A logged-in client of a seed account."""

    async def client_of(account: SeedAccount) -> XiaomiCloudClient:
        return make_client(await login(account))

    return client_of
