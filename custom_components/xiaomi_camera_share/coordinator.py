"""One coordinator per account: it only reads devices, shares and invites."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers.update_coordinator import TimestampDataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util

from .cloud.errors import AuthExpiredError, XiaomiCloudError
from .cloud.models import Device, Invite, Sharee, ShareStatus
from .cloud.regions import Region
from .const import CONF_SCAN_INTERVAL, DEFAULT_SCAN_INTERVAL, DOMAIN
from .entry_data import entry_regions

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant

    from .cloud.client import XiaomiCloudClient

_LOGGER = logging.getLogger(__name__)


@dataclass(slots=True)
class AccountSnapshot:
    """One refresh's view of an account."""

    # When the read began: anything changed after it may not show yet.
    read_at: datetime = field(default_factory=dt_util.utcnow)
    cameras: dict[str, Device] = field(default_factory=dict)
    sharees: dict[str, list[Sharee]] = field(default_factory=dict)
    invites: list[Invite] = field(default_factory=list)

    def invite_is_expired(self, invite: Invite) -> bool:
        """The cloud keeps expired invites as pending; their time tells them apart."""
        return invite.expires_at is not None and invite.expires_at <= dt_util.utcnow().timestamp()

    @property
    def pending_invites(self) -> list[Invite]:
        """Invites that can still be answered."""
        return [i for i in self.invites if not self.invite_is_expired(i)]

    def sharees_of(self, did: str) -> list[Sharee]:
        """Who a camera is shared with or waits for an answer from."""
        return self.sharees.get(did, [])

    @property
    def shared_pairs(self) -> set[tuple[str, str]]:
        """Every (camera, person) with a live share or invite."""
        return {(did, s.user_id) for did, sharees in self.sharees.items() for s in sharees}


class AccountCoordinator(TimestampDataUpdateCoordinator[AccountSnapshot]):
    """Reads one account; per region one device list, one share list, one invite list.

    It never writes to the cloud: what reacts to a refresh (events, auto-accept)
    listens to it from the sharing layer.
    """

    config_entry: ConfigEntry

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry, client: XiaomiCloudClient) -> None:
        minutes = entry.options.get(CONF_SCAN_INTERVAL)
        super().__init__(
            hass,
            _LOGGER,
            config_entry=entry,
            name=f"{DOMAIN} {entry.title}",
            update_interval=timedelta(minutes=minutes) if minutes else DEFAULT_SCAN_INTERVAL,
        )
        self.client = client

    async def _async_update_data(self) -> AccountSnapshot:
        try:
            return await self._fetch()
        except AuthExpiredError as err:
            raise ConfigEntryAuthFailed(translation_domain=DOMAIN, translation_key="auth_expired") from err
        except XiaomiCloudError as err:
            raise UpdateFailed(
                translation_domain=DOMAIN,
                translation_key="cloud_unavailable",
                translation_placeholders={"error": err.key},
            ) from err

    async def _fetch(self) -> AccountSnapshot:
        snapshot = AccountSnapshot()
        for region in entry_regions(self.config_entry):
            devices = await self.client.get_devices(region)
            cameras = {d.did: d for d in devices if d.is_camera}
            snapshot.cameras.update(cameras)
            if any(d.is_owned for d in cameras.values()):
                shares = await self.client.get_shares(region)
                for did in cameras:
                    snapshot.sharees[did] = [
                        s for s in shares.get(did, []) if s.status != ShareStatus.REJECTED
                    ]
        # Invites are looked for in every region, so one waiting where the account
        # does not look for cameras is still found and named.
        for region in Region:
            invites = await self.client.get_invites(region)
            snapshot.invites.extend(i for i in invites if i.status == ShareStatus.PENDING)
        return snapshot
