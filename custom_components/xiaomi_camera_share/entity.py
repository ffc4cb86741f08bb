"""Base entities: one HA device per Mi camera, one per account."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.helpers.device_registry import (
    CONNECTION_NETWORK_MAC,
    DeviceEntryType,
    DeviceInfo,
    format_mac,
)
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .capabilities import model_name
from .const import DOMAIN
from .coordinator import AccountCoordinator

if TYPE_CHECKING:
    from .cloud.models import Device


def camera_device_info(device: Device) -> DeviceInfo:
    """Identify a camera by its did; its MAC lets it merge with other integrations' entries."""
    info = DeviceInfo(
        identifiers={(DOMAIN, device.did)},
        name=device.name,
        manufacturer="Xiaomi",
        model=model_name(device.model) or device.model,
        model_id=device.model,
    )
    if device.mac:
        info["connections"] = {(CONNECTION_NETWORK_MAC, format_mac(device.mac))}
    return info


class CameraEntity(CoordinatorEntity[AccountCoordinator]):
    """An entity that belongs to one camera of one account."""

    _attr_has_entity_name = True

    def __init__(self, coordinator: AccountCoordinator, did: str, key: str) -> None:
        super().__init__(coordinator)
        self.did = did
        device = coordinator.data.cameras[did]
        self._attr_unique_id = f"{did}_{key}"
        self._attr_translation_key = key
        self._attr_device_info = camera_device_info(device)

    @property
    def available(self) -> bool:
        """Unavailable while the cloud fails or once the camera left the account."""
        return super().available and self.did in self.coordinator.data.cameras


class AccountEntity(CoordinatorEntity[AccountCoordinator]):
    """An entity of the account itself (its inbox)."""

    _attr_has_entity_name = True

    def __init__(self, coordinator: AccountCoordinator, key: str) -> None:
        super().__init__(coordinator)
        entry = coordinator.config_entry
        self._attr_unique_id = f"{entry.unique_id}_{key}"
        self._attr_translation_key = key
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, f"account_{entry.unique_id}")},
            name=entry.title,
            manufacturer="Xiaomi",
            model="Mi account",
            # A cloud account, not a thing in the home: Home Assistant lists it as a service.
            entry_type=DeviceEntryType.SERVICE,
        )
