"""Setup, unload, reload, devices, sensors and the coordinator's failure handling."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.helpers import device_registry as dr
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.xiaomi_camera_share.const import DOMAIN

from .conftest import GUEST, OWNER, make_entry, setup_entry

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

    from .fake_cloud import FakeCloud


async def test_setup_creates_devices_and_sensors(hass: HomeAssistant, cloud: FakeCloud) -> None:
    cloud.add_share(OWNER, "cam1", GUEST, accepted=True)
    cloud.add_share(OWNER, "cam1", "3000000003", accepted=False)
    entry = await setup_entry(hass, make_entry())
    assert entry.state is ConfigEntryState.LOADED

    device = dr.async_get(hass).async_get_device_by_identifier((DOMAIN, "cam1"), entry.entry_id)
    assert device is not None
    assert (dr.CONNECTION_NETWORK_MAC, "aa:bb:cc:00:00:01") in device.connections
    assert device.model == "Xiaomi Smart Camera C200"

    state = hass.states.get("sensor.front_door_shared_with")
    assert state is not None
    assert state.state == "1"
    assert state.attributes["pending"] == 1
    invites = hass.states.get(f"sensor.account_{OWNER}_incoming_invites")
    assert invites is not None
    assert invites.state == "0"


async def test_unload_and_reload(hass: HomeAssistant, cloud: FakeCloud) -> None:
    entry = await setup_entry(hass, make_entry())
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state.value == ConfigEntryState.NOT_LOADED.value


async def test_cloud_down_at_start_retries(hass: HomeAssistant, cloud: FakeCloud) -> None:
    cloud.failing = True
    entry = await setup_entry(hass, make_entry())
    assert entry.state is ConfigEntryState.SETUP_RETRY


async def test_dead_pass_token_starts_reauth(hass: HomeAssistant, cloud: FakeCloud) -> None:
    cloud.dead_tokens.add(f"pt-{OWNER}")
    entry = await setup_entry(hass, make_entry())
    assert entry.state is ConfigEntryState.SETUP_ERROR
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [f["context"]["source"] for f in flows] == ["reauth"]


async def test_cloud_outage_makes_entities_unavailable_then_recovers(
    hass: HomeAssistant, cloud: FakeCloud, caplog
) -> None:
    await setup_entry(hass, make_entry())
    cloud.failing = True
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(minutes=6))
    await hass.async_block_till_done(wait_background_tasks=True)
    assert hass.states.get("sensor.front_door_shared_with").state == STATE_UNAVAILABLE
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(minutes=12))
    await hass.async_block_till_done(wait_background_tasks=True)
    assert caplog.text.count("Error fetching") == 1

    cloud.failing = False
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(minutes=18))
    await hass.async_block_till_done(wait_background_tasks=True)
    assert hass.states.get("sensor.front_door_shared_with").state == "0"
    assert "Fetching" in caplog.text
    assert "recovered" in caplog.text


async def test_new_camera_appears_without_reload(hass: HomeAssistant, cloud: FakeCloud) -> None:
    await setup_entry(hass, make_entry())
    cloud.add_camera(OWNER, "cam3", "Backyard")
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(minutes=6))
    await hass.async_block_till_done(wait_background_tasks=True)
    assert hass.states.get("sensor.backyard_shared_with").state == "0"


async def test_camera_that_left_loses_its_device(hass: HomeAssistant, cloud: FakeCloud) -> None:
    entry = await setup_entry(hass, make_entry())
    registry = dr.async_get(hass)
    assert registry.async_get_device_by_identifier((DOMAIN, "cam2"), entry.entry_id) is not None
    del cloud.devices["cam2"]
    await entry.runtime_data.coordinator.async_refresh()
    await hass.async_block_till_done()
    assert registry.async_get_device_by_identifier((DOMAIN, "cam2"), entry.entry_id) is None
    assert registry.async_get_device_by_identifier((DOMAIN, "cam1"), entry.entry_id) is not None


async def test_new_pass_token_is_kept(hass: HomeAssistant, cloud: FakeCloud) -> None:
    entry = await setup_entry(hass, make_entry())
    cloud.rotated_tokens[OWNER] = "pt-renewed"
    await entry.runtime_data.coordinator.async_refresh()
    assert entry.data["pass_token"] == "pt-renewed"
