"""Setup, unload, reload, devices, sensors and the coordinator's failure handling."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.helpers import device_registry as dr

from custom_components.xiaomi_camera_share.const import CONF_C_USER_ID, CONF_PASS_TOKEN, DOMAIN

from .conftest import (
    GARDEN,
    GUEST,
    OWNER,
    STRANGER,
    add_account,
    make_entry,
    setup_entry,
)
from .helpers import advance, call, has_camera
from .simulator import Camera

if TYPE_CHECKING:
    import pytest
    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.common import MockConfigEntry

    from .simulator import Simulator, World

POLL = timedelta(minutes=6)  # a little more than the default refresh interval


async def test_setup_creates_devices_and_sensors(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    [front_door, _] = world.cameras
    world.share(front_door, GUEST, accepted=True)
    world.share(front_door, STRANGER, accepted=False)
    await simulator.seed(world)
    entry = await add_account(hass, simulator, OWNER)
    assert entry.state is ConfigEntryState.LOADED

    device = dr.async_get(hass).async_get_device_by_identifier((DOMAIN, front_door.did), entry.entry_id)
    assert device is not None
    assert (dr.CONNECTION_NETWORK_MAC, "aa:bb:cc:00:00:01") in device.connections
    assert device.model == "Xiaomi Smart Camera C200"

    state = hass.states.get("sensor.front_door_shared_with")
    assert state is not None
    assert state.state == "1"
    assert state.attributes["pending"] == 1
    invites = hass.states.get(f"sensor.account_{OWNER.user_id}_incoming_invites")
    assert invites is not None
    assert invites.state == "0"


async def test_unload_and_reload(hass: HomeAssistant, owner_entry: MockConfigEntry) -> None:
    assert await hass.config_entries.async_reload(owner_entry.entry_id)
    await hass.async_block_till_done()
    assert owner_entry.state is ConfigEntryState.LOADED
    assert await hass.config_entries.async_unload(owner_entry.entry_id)
    await hass.async_block_till_done()
    assert owner_entry.state.value == ConfigEntryState.NOT_LOADED.value


async def test_cloud_down_at_start_retries(hass: HomeAssistant, simulator: Simulator, world: World) -> None:
    await simulator.seed(world)
    entry = await make_entry(simulator, OWNER)
    await simulator.fault("status", status=503)
    await setup_entry(hass, entry)
    assert entry.state is ConfigEntryState.SETUP_RETRY


async def test_dead_pass_token_starts_reauth(hass: HomeAssistant, simulator: Simulator, world: World) -> None:
    await simulator.seed(world)
    entry = await make_entry(simulator, OWNER)
    await simulator.revoke_pass_tokens(OWNER)
    await setup_entry(hass, entry)
    assert entry.state is ConfigEntryState.SETUP_ERROR
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [f["context"]["source"] for f in flows] == ["reauth"]


async def test_expired_service_token_is_minted_again_without_reauth(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    await simulator.expire_service_tokens()
    await call(hass, "refresh", {})
    assert owner_entry.state is ConfigEntryState.LOADED
    assert hass.states.get("sensor.front_door_shared_with").state == "0"
    assert not hass.config_entries.flow.async_progress_by_handler(DOMAIN)


async def test_cloud_outage_makes_entities_unavailable_then_recovers(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    await simulator.fault("status", status=503)
    await advance(hass, POLL)
    assert hass.states.get("sensor.front_door_shared_with").state == STATE_UNAVAILABLE
    await advance(hass, 2 * POLL)
    assert caplog.text.count("Error fetching") == 1

    await simulator.clear_faults()
    await advance(hass, 3 * POLL)
    assert hass.states.get("sensor.front_door_shared_with").state == "0"
    assert "Fetching" in caplog.text
    assert "recovered" in caplog.text


async def test_new_camera_appears_without_reload(
    hass: HomeAssistant, simulator: Simulator, world: World, owner_entry: MockConfigEntry
) -> None:
    world.add_camera(Camera("681000003", "Backyard", OWNER.user_id))
    await simulator.seed(world, keep_logins=True)
    await advance(hass, POLL)
    assert hass.states.get("sensor.backyard_shared_with").state == "0"


async def test_camera_that_left_loses_its_device(
    hass: HomeAssistant, simulator: Simulator, world: World, owner_entry: MockConfigEntry
) -> None:
    [front_door, garden] = world.cameras
    assert has_camera(hass, owner_entry.entry_id, garden.did)
    world.remove_camera(GARDEN)
    await simulator.seed(world, keep_logins=True)
    await call(hass, "refresh", {})
    await hass.async_block_till_done()
    assert not has_camera(hass, owner_entry.entry_id, garden.did)
    assert has_camera(hass, owner_entry.entry_id, front_door.did)


async def test_credentials_the_passport_hands_out_are_kept(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    """The passport answers a passToken refresh with the account's current credentials.

    The entry, made without the encrypted user id, learns it from the first refresh
    and keeps it (with the passToken) for the next start.
    """
    await simulator.seed(world)
    entry = await make_entry(simulator, OWNER)
    assert CONF_C_USER_ID not in entry.data
    pass_token = entry.data[CONF_PASS_TOKEN]
    await setup_entry(hass, entry)
    assert entry.data[CONF_C_USER_ID]
    assert entry.data[CONF_PASS_TOKEN] == pass_token
