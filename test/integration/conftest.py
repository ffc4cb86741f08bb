"""Fixtures: Home Assistant with the integration, talking to the real simulator over HTTP.

The integration builds its cloud clients and web session as in production; the
development override (CLOUD_OVERRIDE_ENV) points every Xiaomi host at the simulator.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import aiohttp
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.xiaomi_camera_share.cloud.regions import CLOUD_OVERRIDE_ENV
from custom_components.xiaomi_camera_share.const import (
    CONF_DEVICE_ID,
    CONF_NICKNAME,
    CONF_PASS_TOKEN,
    CONF_REGIONS,
    CONF_USER_ID,
    DOMAIN,
)

from .simulator import Account, Camera, Simulator, World

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from homeassistant.core import HomeAssistant

OWNER = Account("1000000001", "Alice", "alice-test-password")
GUEST_PHONE = "+10000000002"
GUEST = Account("2000000002", "Bob", "bob-test-password", phone=GUEST_PHONE.removeprefix("+"))
STRANGER = Account("3000000003", "Carol", "carol-test-password")
FRONT_DOOR = Camera("681000001", "Front door", OWNER.user_id, mac="AA:BB:CC:00:00:01")
GARDEN = Camera("681000002", "Garden", OWNER.user_id, model="isa.camera.hlc7")
# QR long polls answer "not scanned yet" after this many real seconds (default 10).
QR_HOLD_SECONDS = 0.2


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Load the integration from custom_components/."""


@pytest.fixture(autouse=True)
def frontend_loaded(hass: HomeAssistant) -> None:
    """The test environment lacks the frontend package; the integration only needs it loaded."""
    hass.config.components.add("frontend")


@pytest.fixture
async def simulator(
    simulator_url: str, socket_enabled: None, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Simulator]:
    """The simulator, reset to an empty world, and the integration pointed at it."""
    monkeypatch.setenv(CLOUD_OVERRIDE_ENV, simulator_url)
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as http:
        control = Simulator(http, simulator_url)
        await control.reset()
        await control.config(qrHoldSeconds=QR_HOLD_SECONDS)
        yield control


@pytest.fixture
def world() -> World:
    """An owner with two cameras in Mainland China, a guest and a stranger; not seeded yet."""
    return World(accounts=[OWNER, GUEST, STRANGER], cameras=[FRONT_DOOR, GARDEN])


async def make_entry(
    simulator: Simulator, account: Account, regions: list[str] | None = None, **options: Any
) -> MockConfigEntry:
    """A config entry as the config flow creates it, with a passToken from a real login."""
    credentials = await simulator.login(account)
    return MockConfigEntry(
        domain=DOMAIN,
        unique_id=account.user_id,
        title=f"Account {account.user_id}",
        data={
            CONF_USER_ID: credentials.user_id,
            CONF_PASS_TOKEN: credentials.pass_token,
            CONF_DEVICE_ID: credentials.device_id,
            CONF_REGIONS: regions or ["cn"],
            CONF_NICKNAME: account.nickname,
        },
        options=options,
    )


async def setup_entry(hass: HomeAssistant, entry: MockConfigEntry) -> MockConfigEntry:
    """Add and set up one account."""
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


async def add_account(
    hass: HomeAssistant,
    simulator: Simulator,
    account: Account,
    regions: list[str] | None = None,
    **options: Any,
) -> MockConfigEntry:
    """Log an account in and set it up."""
    return await setup_entry(hass, await make_entry(simulator, account, regions, **options))


@pytest.fixture
async def owner_entry(hass: HomeAssistant, simulator: Simulator, world: World) -> MockConfigEntry:
    """The base world seeded, and the owner's account loaded."""
    await simulator.seed(world)
    return await add_account(hass, simulator, OWNER)
