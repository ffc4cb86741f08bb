"""Small helpers shared by the integration tests."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from homeassistant.helpers import device_registry as dr

from custom_components.xiaomi_camera_share.const import DOMAIN

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant


def device_id(hass: HomeAssistant, entry_id: str, did: str) -> str:
    """The HA device registry id of a camera of one account."""
    device = dr.async_get(hass).async_get_device_by_identifier((DOMAIN, did), entry_id)
    assert device is not None
    return device.id


async def call(hass: HomeAssistant, service: str, data: dict[str, Any], **kwargs: Any) -> Any:
    """Call one of the integration's actions and return its response."""
    responds = service != "refresh"
    return await hass.services.async_call(
        DOMAIN, service, data, blocking=True, return_response=responds, **kwargs
    )
