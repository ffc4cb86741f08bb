"""Keep one HA device per camera of an account, and drop devices of cameras that left."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import device_registry as dr

from .const import DOMAIN
from .entity import camera_device_info

if TYPE_CHECKING:
    from .data import XiaomiConfigEntry


@callback
def async_sync_devices(hass: HomeAssistant, entry: XiaomiConfigEntry) -> None:
    """Register every camera (owned or shared to the account); forget the ones gone."""
    registry = dr.async_get(hass)
    cameras = entry.runtime_data.coordinator.data.cameras
    if not entry.runtime_data.coordinator.last_update_success:
        return
    for device in cameras.values():
        registry.async_get_or_create(config_entry_id=entry.entry_id, **camera_device_info(device))
    for device_entry in dr.async_entries_for_config_entry(registry, entry.entry_id):
        dids = {value for domain, value in device_entry.identifiers if domain == DOMAIN}
        if dids and not any(did in cameras or did.startswith("account_") for did in dids):
            registry.async_update_device(device_entry.id, remove_config_entry_id=entry.entry_id)
