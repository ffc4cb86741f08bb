"""One coordinator per account: devices, shares and invites in a constant number of calls."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers.update_coordinator import TimestampDataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util

from .cloud.errors import AuthExpiredError, XiaomiCloudError
from .cloud.models import Device, Invite, Sharee, ShareStatus
from .cloud.regions import Region
from .const import CONF_AUTO_ACCEPT_FROM, CONF_SCAN_INTERVAL, DEFAULT_SCAN_INTERVAL, DOMAIN
from .events import async_record_event, async_record_invite_event
from .resolve import entry_regions

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

    from .cloud.client import XiaomiCloudClient
    from .data import XiaomiConfigEntry

_LOGGER = logging.getLogger(__name__)


@dataclass(slots=True)
class AccountSnapshot:
    """One refresh's view of an account."""

    cameras: dict[str, Device] = field(default_factory=dict)
    sharees: dict[str, list[Sharee]] = field(default_factory=dict)
    invites: list[Invite] = field(default_factory=list)

    def invite_is_expired(self, invite: Invite) -> bool:
        """The cloud keeps expired invites as pending; their time tells them apart."""
        return invite.expires_at is not None and invite.expires_at <= dt_util.utcnow().timestamp()

    @property
    def pending_invites(self) -> list[Invite]:
        """Invites that can still be accepted."""
        return [i for i in self.invites if not self.invite_is_expired(i)]


class AccountCoordinator(TimestampDataUpdateCoordinator[AccountSnapshot]):
    """Reads one account; per region one device list, one share list, one invite list."""

    config_entry: XiaomiConfigEntry

    def __init__(self, hass: HomeAssistant, entry: XiaomiConfigEntry, client: XiaomiCloudClient) -> None:
        minutes = entry.options.get(CONF_SCAN_INTERVAL)
        super().__init__(
            hass,
            _LOGGER,
            config_entry=entry,
            name=f"{DOMAIN} {entry.title}",
            update_interval=timedelta(minutes=minutes) if minutes else DEFAULT_SCAN_INTERVAL,
        )
        self.client = client
        # Shares this integration withdrew itself, so their disappearance is no "decline".
        self.withdrawn: set[tuple[str, str]] = set()

    async def _async_update_data(self) -> AccountSnapshot:
        try:
            snapshot = await self._fetch()
        except AuthExpiredError as err:
            raise ConfigEntryAuthFailed(translation_domain=DOMAIN, translation_key="auth_expired") from err
        except XiaomiCloudError as err:
            raise UpdateFailed(
                translation_domain=DOMAIN,
                translation_key="cloud_unavailable",
                translation_placeholders={"error": err.key},
            ) from err
        if self.data is not None:
            self._announce_changes(self.data, snapshot)
        return await self._auto_accept(snapshot)

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

    def _announce_changes(self, old: AccountSnapshot, new: AccountSnapshot) -> None:
        entry_id = self.config_entry.entry_id
        for did, camera in new.cameras.items():
            before = {s.user_id: s for s in old.sharees.get(did, [])}
            for sharee in new.sharees.get(did, []):
                previous = before.pop(sharee.user_id, None)
                if sharee.status == ShareStatus.ACCEPTED and (
                    previous is None or previous.status != ShareStatus.ACCEPTED
                ):
                    self._announce("share_accepted", camera, sharee)
            for gone in before.values():
                if gone.status == ShareStatus.PENDING and (did, gone.user_id) not in self.withdrawn:
                    self._announce("share_declined", camera, gone)
        self.withdrawn.clear()
        known = {i.invite_id for i in old.invites}
        for invite in new.invites:
            if invite.invite_id not in known and not new.invite_is_expired(invite):
                async_record_invite_event(self.hass, "invite_received", entry_id, invite)

    def _announce(self, event: str, camera: Device, sharee: Sharee) -> None:
        async_record_event(
            self.hass,
            event,
            entry_id=self.config_entry.entry_id,
            did=camera.did,
            camera_name=camera.name,
            user_id=sharee.user_id,
            nickname=sharee.nickname,
        )

    async def _auto_accept(self, snapshot: AccountSnapshot) -> AccountSnapshot:
        """Accept invites from the senders the options name; they vanish from the inbox."""
        trusted = set(self.config_entry.options.get(CONF_AUTO_ACCEPT_FROM, []))
        if not trusted:
            return snapshot
        accepted: set[int] = set()
        for invite in snapshot.pending_invites:
            if invite.sender_id not in trusted:
                continue
            try:
                await self.client.respond_to_invite(invite.region, invite.invite_id, True, invite.msg_id)
            except XiaomiCloudError as err:
                _LOGGER.warning("Could not accept invite %s automatically: %s", invite.invite_id, err.key)
                continue
            accepted.add(invite.invite_id)
            async_record_invite_event(self.hass, "invite_accepted", self.config_entry.entry_id, invite)
        if accepted:
            snapshot.invites = [i for i in snapshot.invites if i.invite_id not in accepted]
        return snapshot
