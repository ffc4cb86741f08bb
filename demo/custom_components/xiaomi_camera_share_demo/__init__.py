"""Demo cameras for the development instance: one camera entity per Mi camera.

Stands in for the camera integration a real user has (go2rtc, hass-xiaomi-miot ...):
each entity joins the Mi camera's device through its MAC connection, exactly the way
a real camera integration's entity would, so the card finds it as the linked camera.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.const import Platform

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant

PLATFORMS = [Platform.CAMERA]


async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    """Set up the demo cameras."""
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    """Unload the demo cameras."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
