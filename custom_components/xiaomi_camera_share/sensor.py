"""Sensors: accepted sharees per camera, incoming invites per account."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from homeassistant.components.sensor import SensorEntity, SensorStateClass
from homeassistant.core import HomeAssistant, callback

from .cloud.models import ShareStatus
from .entity import AccountEntity, CameraEntity

if TYPE_CHECKING:
    from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

    from .coordinator import AccountCoordinator
    from .data import XiaomiConfigEntry

# Reads come from the coordinator; there is nothing to update in parallel.
PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant, entry: XiaomiConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add the inbox sensor, and a sharee sensor for every owned camera as it appears."""
    coordinator = entry.runtime_data.coordinator
    known: set[str] = set()

    @callback
    def add_new_cameras() -> None:
        owned = {did for did, device in coordinator.data.cameras.items() if device.is_owned}
        new = owned - known
        if new:
            known.update(new)
            async_add_entities(ShareesSensor(coordinator, did) for did in sorted(new))

    async_add_entities([InvitesSensor(coordinator)])
    add_new_cameras()
    entry.async_on_unload(coordinator.async_add_listener(add_new_cameras))


class ShareesSensor(CameraEntity, SensorEntity):
    """How many accounts have accepted this camera; pending invites as an attribute."""

    _attr_state_class = SensorStateClass.MEASUREMENT

    def __init__(self, coordinator: AccountCoordinator, did: str) -> None:
        super().__init__(coordinator, did, "sharees")

    @property
    def _sharees(self) -> list[Any]:
        return list(self.coordinator.data.sharees.get(self.did, []))

    @property
    def native_value(self) -> int:
        """Accepted sharees."""
        return sum(1 for s in self._sharees if s.status == ShareStatus.ACCEPTED)

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """How many invites wait for an answer; never who (any user and the recorder see states)."""
        return {"pending": sum(1 for s in self._sharees if s.status == ShareStatus.PENDING)}


class InvitesSensor(AccountEntity, SensorEntity):
    """How many invites wait for this account."""

    _attr_state_class = SensorStateClass.MEASUREMENT

    def __init__(self, coordinator: AccountCoordinator) -> None:
        super().__init__(coordinator, "invites")

    @property
    def native_value(self) -> int:
        """Invites that can still be accepted."""
        return len(self.coordinator.data.pending_invites)

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """How many invites wait in each region; never who sent them."""
        regions = Counter(i.region.value for i in self.coordinator.data.pending_invites)
        return {"regions": dict(sorted(regions.items()))}
