"""Find loaded accounts, and the cameras Home Assistant device ids name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.config_entries import ConfigEntryState
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import service

from .const import DOMAIN
from .exceptions import invalid

if TYPE_CHECKING:
    from collections.abc import Sequence

    from homeassistant.core import HomeAssistant

    from .cloud.models import Device
    from .data import XiaomiConfigEntry
    from .sharing import AccountSharing


def loaded_entries(hass: HomeAssistant) -> list[XiaomiConfigEntry]:
    """Every account whose sharing layer runs."""
    return [e for e in hass.config_entries.async_loaded_entries(DOMAIN) if e.state is ConfigEntryState.LOADED]


def account_by_entry_id(hass: HomeAssistant, entry_id: str) -> AccountSharing:
    """A loaded account by config entry id, or Home Assistant's translated refusal."""
    entry: XiaomiConfigEntry = service.async_get_config_entry(hass, DOMAIN, entry_id)
    return entry.runtime_data


def account_of_user(hass: HomeAssistant, user_id: str) -> AccountSharing | None:
    """The loaded account of a Xiaomi user id, when it is configured here."""
    return next((e.runtime_data for e in loaded_entries(hass) if e.unique_id == user_id), None)


def cameras_from_devices(
    hass: HomeAssistant, device_ids: Sequence[str]
) -> list[tuple[AccountSharing, Device]]:
    """HA device ids → cameras, each with the account that owns it (or else sees it)."""
    if not device_ids:
        raise invalid("device_required")
    if len(set(device_ids)) != len(device_ids):
        raise invalid("device_repeated")
    registry = dr.async_get(hass)
    targets: list[tuple[AccountSharing, Device]] = []
    for device_id in device_ids:
        device_entry = registry.async_get(device_id)
        did = (
            next((value for domain, value in device_entry.identifiers if domain == DOMAIN), None)
            if device_entry
            else None
        )
        if device_entry is None or did is None or did.startswith("account_"):
            raise invalid("device_not_found", device_id=device_id)
        candidates = [
            (entry.runtime_data, entry.runtime_data.snapshot.cameras[did])
            for entry in loaded_entries(hass)
            if did in entry.runtime_data.snapshot.cameras
        ]
        if not candidates:
            raise invalid("account_not_loaded", account=device_entry.name or did)
        owned = [c for c in candidates if c[1].is_owned]
        targets.append(owned[0] if owned else candidates[0])
    return targets
