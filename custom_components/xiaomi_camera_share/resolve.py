"""Turn what a service call names (devices, recipients, accounts) into cloud terms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from homeassistant.config_entries import ConfigEntryState
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import device_registry as dr

from .cloud.errors import UserNotFoundError, XiaomiCloudError
from .cloud.regions import Region
from .const import CONF_REGIONS, DOMAIN
from .data import DATA_KEY, XiaomiConfigEntry

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

    from .cloud.models import Device

# Xiaomi IDs are numbers; phone numbers are numbers, optionally with a leading "+".
ID_OR_PHONE: Final = re.compile(r"^\+?\d{5,20}$")


def invalid(key: str, **placeholders: str) -> ServiceValidationError:
    """A translated error about what the caller asked for."""
    return ServiceValidationError(
        translation_domain=DOMAIN, translation_key=key, translation_placeholders=placeholders or None
    )


@dataclass(frozen=True, slots=True)
class TargetCamera:
    """A camera named by a service call, with the account that owns it."""

    entry: XiaomiConfigEntry
    device: Device

    @property
    def region(self) -> Region:
        """Where the camera lives; every share call goes there."""
        return self.device.region


@dataclass(frozen=True, slots=True)
class Recipient:
    """A Xiaomi account to share with (or to stop sharing with)."""

    user_id: str
    nickname: str
    entry: XiaomiConfigEntry | None = None


def loaded_entries(hass: HomeAssistant) -> list[XiaomiConfigEntry]:
    """Every account whose coordinator runs."""
    return [e for e in hass.config_entries.async_loaded_entries(DOMAIN) if e.state is ConfigEntryState.LOADED]


def entry_by_id(hass: HomeAssistant, entry_id: str) -> XiaomiConfigEntry:
    """A loaded account by config entry id, or a clear error."""
    entry: XiaomiConfigEntry | None = hass.config_entries.async_get_entry(entry_id)
    if entry is None or entry.domain != DOMAIN:
        raise invalid("entry_not_found", entry_id=entry_id)
    if entry.state is not ConfigEntryState.LOADED:
        raise invalid("account_not_loaded", account=entry.title)
    return entry


def entry_for_user(hass: HomeAssistant, user_id: str) -> XiaomiConfigEntry | None:
    """The config entry of a Xiaomi account, when it is configured here (loaded or not)."""
    return next((e for e in hass.config_entries.async_entries(DOMAIN) if e.unique_id == user_id), None)


def entry_regions(entry: XiaomiConfigEntry) -> list[Region]:
    """The regions an account uses."""
    return [Region(code) for code in entry.data[CONF_REGIONS]]


def cameras_from_devices(hass: HomeAssistant, device_ids: list[str]) -> list[TargetCamera]:
    """HA device ids → cameras, preferring the account that owns each one."""
    registry = dr.async_get(hass)
    targets: list[TargetCamera] = []
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
            TargetCamera(entry, entry.runtime_data.coordinator.data.cameras[did])
            for entry in loaded_entries(hass)
            if did in entry.runtime_data.coordinator.data.cameras
        ]
        if not candidates:
            raise invalid("account_not_loaded", account=device_entry.name or did)
        owned = [c for c in candidates if c.device.is_owned]
        targets.append(owned[0] if owned else candidates[0])
    return targets


async def resolve_recipient(
    hass: HomeAssistant, text: str, entry: XiaomiConfigEntry, region: Region
) -> Recipient:
    """A saved recipient's name, a Xiaomi ID or a phone number → a Xiaomi account."""
    query = text.strip()
    if not query:
        raise invalid("recipient_invalid", recipient=text)
    saved = hass.data[DATA_KEY].store.find_recipient(query)
    if saved is not None:
        user_id = saved["user_id"]
        return Recipient(user_id, saved["nickname"] or saved["name"], entry_for_user(hass, user_id))
    if not ID_OR_PHONE.match(query):
        raise invalid("recipient_unknown_name", recipient=query)
    try:
        profile = await entry.runtime_data.client.lookup_user(region, query)
    except UserNotFoundError as err:
        raise invalid("recipient_not_found", recipient=query) from err
    except XiaomiCloudError as err:
        raise cloud_failed(err) from err
    return Recipient(profile.user_id, profile.nickname, entry_for_user(hass, profile.user_id))


# Cloud refusals with their own translated message; anything else is "cloud_error".
CLOUD_ERROR_KEYS: Final = frozenset(
    {
        "already_shared",
        "invite_pending",
        "too_many_sharees",
        "invite_expired",
        "user_not_found",
        "device_not_shareable",
        "permission_denied",
        "auth_expired",
    }
)


def cloud_failed(err: XiaomiCloudError) -> HomeAssistantError:
    """A cloud refusal or outage, translated by its stable key."""
    key = f"cloud_{err.key}" if err.key in CLOUD_ERROR_KEYS else "cloud_error"
    return HomeAssistantError(
        translation_domain=DOMAIN, translation_key=key, translation_placeholders={"error": err.key}
    )
