"""Fixtures: a fake Xiaomi cloud patched in where the integration builds its clients."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from unittest.mock import patch

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.xiaomi_camera_share import api
from custom_components.xiaomi_camera_share.cloud.regions import Region
from custom_components.xiaomi_camera_share.const import (
    CONF_DEVICE_ID,
    CONF_NICKNAME,
    CONF_PASS_TOKEN,
    CONF_REGIONS,
    CONF_USER_ID,
    DOMAIN,
)

from .fake_cloud import FakeAuth, FakeCloud

# The real factories, kept before the autouse patch replaces them in every test.
REAL_CREATE_CLIENT = api.create_client
REAL_CREATE_AUTH = api.create_auth

if TYPE_CHECKING:
    from collections.abc import Iterator

    from homeassistant.core import HomeAssistant

OWNER = "1000000001"
GUEST = "2000000002"
STRANGER = "3000000003"
GUEST_PHONE = "+10000000002"


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Load the integration from custom_components/."""


@pytest.fixture(autouse=True)
def frontend_loaded(hass: HomeAssistant) -> None:
    """The test environment lacks the frontend package; the integration only needs it loaded."""
    hass.config.components.add("frontend")


@pytest.fixture
def cloud() -> FakeCloud:
    """An owner with two cameras in Mainland China, a guest and a stranger."""
    fake = FakeCloud()
    fake.add_account(OWNER, "Alice")
    fake.add_account(GUEST, "Bob", phone=GUEST_PHONE)
    fake.add_account(STRANGER, "Carol")
    fake.add_camera(OWNER, "cam1", "Front door", mac="AA:BB:CC:00:00:01")
    fake.add_camera(OWNER, "cam2", "Garden", model="isa.camera.hlc7")
    return fake


@pytest.fixture(autouse=True)
def patch_cloud(cloud: FakeCloud) -> Iterator[None]:
    """Every client and login helper the integration builds talks to the fake cloud."""
    with (
        patch(
            "custom_components.xiaomi_camera_share.api.create_client",
            side_effect=lambda hass, credentials, on_change=None: cloud.client(credentials, on_change),
        ),
        patch(
            "custom_components.xiaomi_camera_share.api.create_auth",
            side_effect=lambda hass, device_id=None: FakeAuth(cloud),
        ),
    ):
        yield


def make_entry(user_id: str = OWNER, regions: list[str] | None = None, **options: Any) -> MockConfigEntry:
    """A config entry as the config flow creates it."""
    return MockConfigEntry(
        domain=DOMAIN,
        unique_id=user_id,
        title=f"Account {user_id}",
        data={
            CONF_USER_ID: user_id,
            CONF_PASS_TOKEN: f"pt-{user_id}",
            CONF_DEVICE_ID: "TESTDEVICE01",
            CONF_REGIONS: regions or [Region.CN.value],
            CONF_NICKNAME: f"nick-{user_id}",
        },
        options=options,
    )


async def setup_entry(hass: HomeAssistant, entry: MockConfigEntry) -> MockConfigEntry:
    """Add and set up one account."""
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


@pytest.fixture
async def owner_entry(hass: HomeAssistant, cloud: FakeCloud) -> MockConfigEntry:
    """The owner's account, loaded."""
    return await setup_entry(hass, make_entry(OWNER))
