"""Camera entities whose still image is drawn on request (name, time, a moving bar)."""

from __future__ import annotations

import hashlib
from html import escape
from typing import TYPE_CHECKING

from homeassistant.components.camera import Camera
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.device_registry import CONNECTION_NETWORK_MAC, DeviceInfo
from homeassistant.util import dt as dt_util

if TYPE_CHECKING:
    from datetime import datetime

    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant
    from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

SOURCE_DOMAIN = "xiaomi_camera_share"


async def async_setup_entry(
    hass: HomeAssistant, entry: ConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add one demo camera per Mi camera device that has a MAC address."""
    registry = dr.async_get(hass)
    cameras = []
    devices = [
        device
        for source_entry in hass.config_entries.async_entries(SOURCE_DOMAIN)
        for device in dr.async_entries_for_config_entry(registry, source_entry.entry_id)
    ]
    for device in devices:
        source_ids = [ident for domain, ident in device.identifiers if domain == SOURCE_DOMAIN]
        macs = [value for kind, value in device.connections if kind == CONNECTION_NETWORK_MAC]
        if source_ids and macs:
            cameras.append(DemoCamera(source_ids[0], device.name or source_ids[0], macs[0]))
    async_add_entities(cameras)


class DemoCamera(Camera):
    """A camera that draws its picture: what a real camera integration would stream."""

    _attr_has_entity_name = True
    _attr_name = None

    def __init__(self, did: str, label: str, mac: str) -> None:
        super().__init__()
        self._label = label
        self._hue = int(hashlib.sha256(did.encode()).hexdigest()[:2], 16) * 360 // 256
        self._attr_unique_id = f"demo_{did}"
        self._attr_device_info = DeviceInfo(connections={(CONNECTION_NETWORK_MAC, mac)}, name=label)
        self.content_type = "image/svg+xml"

    async def async_camera_image(self, width: int | None = None, height: int | None = None) -> bytes | None:
        """Draw the current picture."""
        return render_frame(self._label, self._hue, dt_util.now())


def render_frame(label: str, hue: int, now: datetime) -> bytes:
    """A 16:9 picture with the camera's name, the time and a bar that moves each second."""
    bar_x = (now.second % 60) * 640 // 60
    svg = f"""<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="hsl({hue},45%,35%)"/>
<stop offset="1" stop-color="hsl({(hue + 40) % 360},55%,18%)"/>
</linearGradient></defs>
<rect width="640" height="360" fill="url(#g)"/>
<rect x="{bar_x}" y="0" width="8" height="360" fill="rgba(255,255,255,0.25)"/>
<text x="24" y="52" font-family="sans-serif" font-size="30" fill="#fff">{escape(label)}</text>
<text x="24" y="336" font-family="monospace" font-size="22" fill="#fff">{now:%Y-%m-%d %H:%M:%S}</text>
</svg>"""
    return svg.encode()
