"""Typed runtime data: per account (config entry) and for the whole integration."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from homeassistant.config_entries import ConfigEntry
from homeassistant.util.hass_dict import HassKey

from .capabilities import CloudAnswers
from .const import DOMAIN

if TYPE_CHECKING:
    from .cloud.client import XiaomiCloudClient
    from .coordinator import AccountCoordinator
    from .expiry import ExpiryScheduler
    from .store import ShareStore


@dataclass(slots=True)
class AccountRuntime:
    """What one loaded account holds while Home Assistant runs."""

    client: XiaomiCloudClient
    coordinator: AccountCoordinator
    answers: CloudAnswers = field(default_factory=CloudAnswers)


type XiaomiConfigEntry = ConfigEntry[AccountRuntime]


@dataclass(slots=True)
class DomainData:
    """Shared by every account: the Store and the timed-share scheduler."""

    store: ShareStore
    expiries: ExpiryScheduler


DATA_KEY: Final[HassKey[DomainData]] = HassKey(DOMAIN)

# Sent whenever anything in the state document may have changed.
SIGNAL_STATE_CHANGED: Final = f"{DOMAIN}_state_changed"
