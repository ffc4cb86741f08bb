"""One coordinator per account: it only reads devices, shares and invites."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, Final

from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers.update_coordinator import TimestampDataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util

from .cloud.errors import AuthExpiredError, XiaomiCloudError
from .cloud.models import Device, Invite, Sharee, ShareStatus
from .cloud.regions import Region
from .const import CONF_SCAN_INTERVAL, DEFAULT_SCAN_INTERVAL, DOMAIN
from .entry_data import entry_regions

if TYPE_CHECKING:
    from collections.abc import Callable, Coroutine

    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant

    from .cloud.client import XiaomiCloudClient

_LOGGER = logging.getLogger(__name__)

# Requests of one refresh that run at once, per account: enough to hide latency,
# few enough to stay a polite client.
MAX_PARALLEL_REQUESTS: Final = 4
# Regions the account does not keep cameras in are searched for invites this often.
OTHER_REGIONS_EVERY: Final = timedelta(hours=1)


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
        self._every_region_next = False
        self._others_read_at: datetime | None = None
        self._other_invites: list[Invite] = []

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

    def read_every_region_next(self) -> None:
        """Look for invites in every region at the next refresh (someone asked for it)."""
        self._every_region_next = True

    async def _fetch(self) -> AccountSnapshot:

        snapshot = AccountSnapshot()
        regions = entry_regions(self.config_entry)
        # Invites are looked for in every region, so one waiting where the account does
        # not look for cameras is still found and named; the others only now and then.
        others = [r for r in Region if r not in regions]
        read_others = (
            self._every_region_next
            or self._others_read_at is None
            or snapshot.read_at - self._others_read_at >= OTHER_REGIONS_EVERY
        )
        invite_regions = regions + others if read_others else regions
        limit = asyncio.Semaphore(MAX_PARALLEL_REQUESTS)
        try:
            async with asyncio.TaskGroup() as group:
                region_reads = [group.create_task(self._read_region(region, limit)) for region in regions]
                invite_reads = [
                    group.create_task(_bounded(limit, partial(self.client.get_invites, region)))
                    for region in invite_regions
                ]
        except ExceptionGroup as group_error:
            raise _most_telling(group_error) from group_error
        for read in region_reads:
            cameras, sharees = read.result()
            snapshot.cameras.update(cameras)
            snapshot.sharees.update(sharees)
        invites = [i for read in invite_reads for i in read.result() if i.status == ShareStatus.PENDING]
        if read_others:
            self._every_region_next = False
            self._others_read_at = snapshot.read_at
            self._other_invites = [i for i in invites if i.region in others]
        snapshot.invites = [i for i in invites if i.region in regions] + self._other_invites
        return snapshot

    async def _read_region(
        self, region: Region, limit: asyncio.Semaphore
    ) -> tuple[dict[str, Device], dict[str, list[Sharee]]]:
        """The cameras of one region, and who each owned one is shared with."""
        devices = await _bounded(limit, partial(self.client.get_devices, region))
        cameras = {d.did: d for d in devices if d.is_camera}
        if not any(d.is_owned for d in cameras.values()):
            return cameras, {}
        return cameras, _live_sharees(cameras, await _bounded(limit, partial(self.client.get_shares, region)))

    async def async_read_shares(self, regions: set[Region], cameras: set[str]) -> None:
        """Re-read only who cameras are shared with (whole regions, or single cameras), and publish it.

        The cheap poll while something is about to change; the full refresh keeps its
        own schedule, and the snapshot keeps its older read time (it is not complete).
        """
        if (began := self.data) is None:
            return
        limit = asyncio.Semaphore(MAX_PARALLEL_REQUESTS)
        singles = {did: self.data.cameras[did] for did in cameras if did in self.data.cameras}
        try:
            async with asyncio.TaskGroup() as group:
                lists = {
                    r: group.create_task(_bounded(limit, partial(self.client.get_shares, r))) for r in regions
                }
                ones = {
                    did: group.create_task(
                        _bounded(limit, partial(self.client.get_device_sharees, d.region, did))
                    )
                    for did, d in singles.items()
                }
        except ExceptionGroup as group_error:
            _LOGGER.debug("quick share read failed: %s", _most_telling(group_error).key)
            return
        if self.data is not began:
            # A refresh ended while this read ran (a revoke's, say): what it read may be
            # newer than this, and an older view never replaces a newer one.
            return
        sharees = dict(self.data.sharees)
        for region, read in lists.items():
            in_region = {did: d for did, d in self.data.cameras.items() if d.region == region}
            sharees.update(_live_sharees(in_region, read.result()))
        for did, one in ones.items():
            sharees.update(_live_sharees({did: singles[did]}, {did: one.result()}))
        self.data = replace(self.data, sharees=sharees)
        self.async_update_listeners()


async def _bounded[T](limit: asyncio.Semaphore, call: Callable[[], Coroutine[Any, Any, T]]) -> T:
    # The request is made only once a slot is free: a task cancelled while it waits
    # leaves no coroutine behind that was never awaited.
    async with limit:
        return await call()


def _live_sharees(cameras: dict[str, Device], shares: dict[str, list[Sharee]]) -> dict[str, list[Sharee]]:
    """Sharees of each owned camera: pending and accepted; declined ones are gone from view."""
    return {
        did: [s for s in shares.get(did, []) if s.status in (ShareStatus.PENDING, ShareStatus.ACCEPTED)]
        for did, device in cameras.items()
        if device.is_owned
    }


def _most_telling(group_error: ExceptionGroup) -> XiaomiCloudError:
    """Of the failures of parallel reads, the one that decides what the user must do."""
    errors = [e for e in group_error.exceptions if isinstance(e, XiaomiCloudError)]
    if len(errors) != len(group_error.exceptions):
        raise group_error
    return next((e for e in errors if isinstance(e, AuthExpiredError)), errors[0])
