"""Typed runtime data: the sharing layer per account, and what all accounts share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from homeassistant.config_entries import ConfigEntry
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN

if TYPE_CHECKING:
    from .events import EventLog
    from .expiry import ExpiryScheduler
    from .sharing import AccountSharing, SharingContext
    from .store import ShareStore

# A loaded account's runtime data is its sharing layer (client and coordinator inside).
type XiaomiConfigEntry = ConfigEntry[AccountSharing]


@dataclass(slots=True)
class DomainData:
    """Shared by every account: the Store, the event log, the timed-share scheduler."""

    store: ShareStore
    events: EventLog
    expiries: ExpiryScheduler
    sharing: SharingContext


DATA_KEY: Final[HassKey[DomainData]] = HassKey(DOMAIN)
