"""The sharing layer: every operation on shares and invites of one Mi account, whole.

Each operation owns its cloud call, its expiry records, its events, what a refusal
teaches about a model, and the marks that tell a withdrawal from a decline. Actions,
timers and auto-accept all come through here; nothing else writes to the cloud.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util

from .capabilities import Capabilities, CloudAnswers, capabilities_of
from .cloud.errors import (
    AlreadySharedError,
    ApiError,
    CloudConnectionError,
    DeviceNotShareableError,
    MalformedResponseError,
    UserNotFoundError,
    XiaomiCloudError,
)
from .cloud.models import BatchShareOutcome, BatchShareResult, Device, Invite, SharePermission, ShareStatus
from .cloud.regions import Region
from .const import CONF_AUTO_ACCEPT_FROM, CONF_NICKNAME, DOMAIN, EventType
from .entry_data import entry_regions
from .events import ShareEvent
from .exceptions import cloud_failed, invalid
from .expiry import expires_at as expiry_time
from .recipient_text import account_query, looks_like_email
from .store import ExpiryRecord

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from homeassistant.config_entries import ConfigEntry

    from .cloud.client import XiaomiCloudClient
    from .cloud.models import Sharee, UserProfile
    from .coordinator import AccountCoordinator, AccountSnapshot
    from .events import EventLog
    from .expiry import ExpiryScheduler
    from .store import ShareStore

_LOGGER = logging.getLogger(__name__)

# A person looked up by the card is shared with moments later; ask the cloud once.
LOOKUP_CACHE_TIME: Final = timedelta(minutes=10)
# While something is about to change, who a camera is shared with is read this often.
QUICK_READ_EVERY: Final = timedelta(seconds=20)
# A timed share this close to its end is watched closely.
EXPIRY_SOON: Final = timedelta(minutes=5)


class RevokeReason(StrEnum):
    """Why a share ends; it decides the event."""

    USER = "user"
    EXPIRY = "expiry"
    ACCOUNT_REMOVED = "account_removed"


class AnsweredBy(StrEnum):
    """Who answered an invite."""

    PERSON = "person"
    AUTO_ACCEPT = "auto_accept"


@dataclass(frozen=True, slots=True)
class Recipient:
    """A Xiaomi account to share with (or to stop sharing with)."""

    user_id: str
    nickname: str


@dataclass(frozen=True, slots=True)
class ShareOutcome:
    """One camera of a share: invited, or accepted at once by an account configured here."""

    did: str
    camera: str
    status: str


type PeerLookup = Callable[[str], AccountSharing | None]


@dataclass(slots=True)
class _CachedProfile:
    profile: UserProfile
    until: datetime


@dataclass(slots=True)
class SharingContext:
    """What every account's sharing layer shares: the Store, timers, events, the other accounts."""

    store: ShareStore
    expiries: ExpiryScheduler
    events: EventLog
    peers: PeerLookup
    lookups: dict[tuple[str, str], _CachedProfile] = field(default_factory=dict)
    # Shares each account withdrew itself, and when, by (entry, camera, person): their
    # disappearance is no "decline", even when a read that began before the withdrawal
    # ends after it. Kept here, not by the account: a revoke under way (an expiry's) may
    # end after its account was reloaded.
    withdrawn: dict[tuple[str, str, str], datetime] = field(default_factory=dict)
    # Cards open right now (live websocket subscriptions): they want fresh state.
    watchers: int = 0


class AccountSharing:
    """Share, revoke, time and answer for one Mi account; held in its entry's runtime data."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        client: XiaomiCloudClient,
        coordinator: AccountCoordinator,
        context: SharingContext,
    ) -> None:
        self._hass = hass
        self._entry = entry
        self.client = client
        self.coordinator = coordinator
        self._context = context
        self.answers = CloudAnswers()
        self._seen: AccountSnapshot | None = None
        self._auto_accepting: set[int] = set()
        # Until the cloud shows it lacks share_request_batch, cameras of one region
        # are shared in one request.
        self._batch_answers = True

    # --- facts about the account ------------------------------------------------

    @property
    def entry_id(self) -> str:
        """The account's config entry."""
        return self._entry.entry_id

    @property
    def user_id(self) -> str:
        """The account's Xiaomi user id."""
        return self._entry.unique_id or ""

    @property
    def title(self) -> str:
        """The account's name in Home Assistant."""
        return self._entry.title

    @property
    def nickname(self) -> str:
        """The account's own name at Xiaomi, as others see it."""
        return str(self._entry.data.get(CONF_NICKNAME) or self._entry.title)

    @property
    def regions(self) -> list[Region]:
        """Where the account keeps cameras."""
        return entry_regions(self._entry)

    @property
    def snapshot(self) -> AccountSnapshot:
        """The last refresh's view of the account."""
        return self.coordinator.data

    def capabilities(self, device: Device) -> Capabilities:
        """What a camera allows, with what refusals taught us."""
        return capabilities_of(device, self.snapshot.sharees_of(device.did), self.answers)

    # --- recipients --------------------------------------------------------------

    async def async_lookup_recipient(self, text: str, region: Region) -> Recipient:
        """A saved recipient's name, a configured account, a Xiaomi ID or a phone number."""
        query = text.strip()
        if not query:
            raise invalid("recipient_invalid")
        saved = self._context.store.find_recipient(query)
        if saved is not None:
            return Recipient(saved["user_id"], saved["nickname"] or saved["name"])
        if (account := account_query(query)) is None:
            key = "recipient_email" if looks_like_email(query) else "recipient_unknown_name"
            raise invalid(key, recipient=query)
        if (peer := self._context.peers(account)) is not None:
            return Recipient(peer.user_id, peer.nickname)
        profile = await self._async_profile(region, account)
        return Recipient(profile.user_id, profile.nickname)

    async def _async_profile(self, region: Region, query: str) -> UserProfile:
        now = dt_util.utcnow()
        cache = self._context.lookups
        cached = cache.get((region.value, query))
        if cached is not None and cached.until > now:
            return cached.profile
        try:
            profile = await self.client.lookup_user(region, query)
        except UserNotFoundError as err:
            raise invalid("recipient_not_found", recipient=query) from err
        except XiaomiCloudError as err:
            raise cloud_failed(err) from err
        # Kept under the query and the id, so sharing with the id found asks nothing.
        entry = _CachedProfile(profile, now + LOOKUP_CACHE_TIME)
        cache[(region.value, query)] = cache[(region.value, profile.user_id)] = entry
        return profile

    async def async_sharees_named(self, device: Device, text: str | None) -> list[Recipient]:
        """The sharees of a camera a caller names: one person, or everyone when none is named."""
        sharees = self.snapshot.sharees_of(device.did)
        if text is None:
            return [Recipient(s.user_id, s.nickname) for s in sharees]
        match = next((s for s in sharees if s.user_id == text.strip()), None)
        if match is None:
            wanted = await self.async_lookup_recipient(text, device.region)
            match = next((s for s in sharees if s.user_id == wanted.user_id), None)
        if match is None:
            raise invalid("recipient_not_sharee", camera=device.name, recipient=text)
        return [Recipient(match.user_id, match.nickname)]

    # --- share -------------------------------------------------------------------

    def check_share(
        self, device: Device, recipient: Recipient, permission: SharePermission, *, auto_accept: bool
    ) -> None:
        """Everything that can be known before asking the cloud, so a refusal changes nothing."""
        name = device.name
        if not device.is_owned or device.did not in self.snapshot.cameras:
            raise invalid("camera_not_owned", camera=name)
        existing = next(
            (s for s in self.snapshot.sharees_of(device.did) if s.user_id == recipient.user_id), None
        )
        if existing is not None:
            key = "already_shared" if existing.status == ShareStatus.ACCEPTED else "invite_already_pending"
            raise invalid(key, camera=name, person=recipient.nickname)
        capabilities = self.capabilities(device)
        if not capabilities.can_share:
            raise invalid(f"camera_not_shareable_{capabilities.reason}", camera=name)
        if permission is SharePermission.VIEW_ONLY and not capabilities.view_only:
            raise invalid("view_only_not_offered", camera=name)
        if recipient.user_id == self.user_id:
            raise invalid("recipient_is_self", camera=name)
        peer = self._context.peers(recipient.user_id)
        if auto_accept and peer is None:
            raise invalid("auto_accept_unavailable", person=recipient.nickname)
        if peer is not None and device.region not in peer.regions:
            raise invalid(
                "recipient_region_mismatch",
                camera=name,
                person=recipient.nickname,
                region=device.region.value,
                account=peer.title,
            )

    async def async_share(
        self,
        devices: Sequence[Device],
        recipient: Recipient,
        permission: SharePermission,
        *,
        until: datetime | None,
        auto_accept: bool,
    ) -> list[ShareOutcome]:
        """Invite a person to cameras of this account, timed when ``until`` is given."""
        for device in devices:
            self.check_share(device, recipient, permission, auto_accept=auto_accept)
        peer = self._context.peers(recipient.user_id)
        involved = [self, *([peer] if peer else [])]
        expiries = self._context.expiries
        # Each pair's expiry before this share: a refusal must not cost an earlier share its end.
        before = {d.did: expiries.find(self.entry_id, d.did, recipient.user_id) for d in devices}
        if until is not None:
            # Written ahead: if the cloud makes a share but its answer is lost, the share
            # still ends on time. A refresh forgets the record if the share never came.
            for device in devices:
                await expiries.async_set(self._expiry(device, recipient, permission, until))
        outcomes: list[ShareOutcome] = []
        for group in _by_region(devices):
            attempt = await self._async_invite(group, recipient, permission)
            if until is None:
                # A new invite went out (or may have: no answer), so the share an earlier
                # expiry was for is gone: that expiry must not end this share for good.
                for device in (*attempt.invited, *attempt.uncertain):
                    if before[device.did] is not None:
                        await expiries.async_cancel(self.entry_id, device.did, recipient.user_id)
            for device in attempt.invited:
                self._record(
                    EventType.INVITE_SENT, device, recipient, permission=permission.value, expires_at=until
                )
                status = "invited"
                if auto_accept and peer is not None and await peer.async_accept_from(self, device):
                    status = "accepted"
                outcomes.append(ShareOutcome(device.did, device.name, status))
            if attempt.failure is None:
                continue
            failed, err = attempt.failure
            # What surely was not shared loses its record; what was shared (in this region
            # or an earlier one) and an unanswered request keep theirs.
            settled = {o.did for o in outcomes} | {d.did for d in attempt.uncertain}
            for device in devices:
                if until is not None and device.did not in settled:
                    # Refused: the pair keeps the end it had (a share the cloud still holds).
                    if (earlier := before[device.did]) is not None:
                        await expiries.async_set(earlier)
                    else:
                        await expiries.async_cancel(self.entry_id, device.did, recipient.user_id)
            self._learn_refusal(failed, permission, err)
            self._record(EventType.ACTION_FAILED, failed, recipient, message=err.key)
            if outcomes:
                await async_refresh_accounts(involved)
            raise _share_failed(
                err, failed, outcomes, timed=until is not None, unanswered=bool(attempt.uncertain)
            )
        await async_refresh_accounts(involved)
        return outcomes

    async def _async_invite(
        self, group: list[Device], recipient: Recipient, permission: SharePermission
    ) -> _Attempt:
        """Invite to cameras of one region: in one request where the cloud answers it."""
        if len(group) > 1 and self._batch_answers:
            try:
                result = await self.client.share_batch(
                    group[0].region, [d.did for d in group], [recipient.user_id], permission
                )
            except (CloudConnectionError, MalformedResponseError) as err:
                return _Attempt([], list(group), (group[0], err))
            except XiaomiCloudError as err:
                if type(err) is not ApiError:
                    return _Attempt([], [], (group[0], err))
                # A cloud without the batch call: one request per camera from now on.
                _LOGGER.debug("share_request_batch not answered (%s); sharing one by one", err.key)
                self._batch_answers = False
            else:
                return _batch_attempt(group, recipient, result)
        invited: list[Device] = []
        for device in group:
            try:
                await self.client.share(device.region, device.did, recipient.user_id, permission)
            except (CloudConnectionError, MalformedResponseError) as err:
                return _Attempt(invited, [device], (device, err))
            except XiaomiCloudError as err:
                return _Attempt(invited, [], (device, err))
            invited.append(device)
        return _Attempt(invited, [], None)

    def _learn_refusal(self, device: Device, permission: SharePermission, err: XiaomiCloudError) -> None:
        """A refused share tells what the product lacks, so the card stops offering it."""
        if isinstance(err, DeviceNotShareableError):
            learned = (
                self.answers.no_view_only
                if permission is SharePermission.VIEW_ONLY
                else self.answers.not_shareable
            )
            learned.add(device.did)

    def _expiry(
        self, device: Device, recipient: Recipient, permission: SharePermission, until: datetime
    ) -> ExpiryRecord:
        return ExpiryRecord(
            entry_id=self.entry_id,
            region=device.region.value,
            did=device.did,
            camera_name=device.name,
            user_id=recipient.user_id,
            nickname=recipient.nickname,
            permission=permission.value,
            expires_at=until.isoformat(),
            failures=0,
        )

    # --- set_expiry --------------------------------------------------------------

    def check_set_expiry(self, device: Device, recipient: Recipient, until: datetime | None) -> None:
        """A share that is ending right now keeps its end; making one permanent needs a timed share."""
        expiries = self._context.expiries
        if expiries.is_running(self.entry_id, device.did, recipient.user_id):
            raise invalid("expiry_in_progress", camera=device.name, person=recipient.nickname)
        if until is None and expiries.find(self.entry_id, device.did, recipient.user_id) is None:
            raise invalid("expiry_not_found", camera=device.name, person=recipient.nickname)

    async def async_set_expiry(self, device: Device, recipient: Recipient, until: datetime | None) -> None:
        """Extend, shorten or cancel when a share ends."""
        self.check_set_expiry(device, recipient, until)
        if until is None:
            await self._context.expiries.async_cancel(self.entry_id, device.did, recipient.user_id)
            return
        sharee = self._sharee(device, recipient.user_id)
        permission = (
            SharePermission.VIEW_ONLY if sharee is not None and sharee.read_only else SharePermission.CONTROL
        )
        await self._context.expiries.async_set(self._expiry(device, recipient, permission, until))

    def _sharee(self, device: Device, user_id: str) -> Sharee | None:
        return next((s for s in self.snapshot.sharees_of(device.did) if s.user_id == user_id), None)

    # --- revoke ------------------------------------------------------------------

    async def async_revoke(
        self, device: Device, recipients: Sequence[Recipient], reason: RevokeReason = RevokeReason.USER
    ) -> None:
        """Take a camera away from people (withdrawing invites too)."""
        if not device.is_owned:
            raise invalid("camera_not_owned", camera=device.name)
        if not recipients:
            raise invalid("nothing_to_revoke", camera=device.name)
        await self._async_revoke(device.region, device.did, device.name, recipients, reason)
        peers = [p for r in recipients if (p := self._context.peers(r.user_id)) is not None]
        # Sharees configured here lose the camera at once, not at their next poll.
        await async_refresh_accounts([self, *peers])

    async def async_end_expired(self, record: ExpiryRecord) -> None:
        """End a timed share that fell due; the scheduler retries on a cloud failure."""
        person = Recipient(record["user_id"], record["nickname"])
        region = _region(record)
        await self._async_revoke(region, record["did"], record["camera_name"], [person], RevokeReason.EXPIRY)
        await self.coordinator.async_request_refresh()

    async def async_end_all_timed_shares(self) -> None:
        """The account is being removed: end its timed shares now, nothing would later.

        A share that cannot be ended is not dropped silently: a repair issue names the
        camera and the person who can still watch it.
        """
        for record in self._context.expiries.records_of(self.entry_id):
            person = Recipient(record["user_id"], record["nickname"])
            try:
                await self._async_revoke(
                    _region(record),
                    record["did"],
                    record["camera_name"],
                    [person],
                    RevokeReason.ACCOUNT_REMOVED,
                )
            except XiaomiCloudError as err:
                _LOGGER.warning(
                    "Could not end the timed share of %s with %s before its account was removed (%s)",
                    record["camera_name"],
                    record["nickname"],
                    err.key,
                )
                await self._context.expiries.async_cancel(self.entry_id, record["did"], record["user_id"])
                ir.async_create_issue(
                    self._hass,
                    DOMAIN,
                    f"expiry_orphaned_{self.entry_id}_{record['did']}_{record['user_id']}",
                    is_fixable=False,
                    severity=ir.IssueSeverity.ERROR,
                    translation_key="expiry_orphaned",
                    translation_placeholders={"camera": record["camera_name"], "person": record["nickname"]},
                )

    async def _async_revoke(
        self, region: Region, did: str, camera_name: str, people: Sequence[Recipient], reason: RevokeReason
    ) -> None:
        """The one revoke: the cloud call, the withdrawal marks, the expiry records, the events."""
        device = _Camera(did, camera_name)
        try:
            await self.client.revoke(region, did, [p.user_id for p in people])
        except XiaomiCloudError as err:
            if reason is RevokeReason.USER:
                self._record(
                    EventType.ACTION_FAILED, device, people[0] if len(people) == 1 else None, message=err.key
                )
                raise cloud_failed(err) from err
            raise
        for person in people:
            self._context.withdrawn[(self.entry_id, did, person.user_id)] = dt_util.utcnow()
            record = self._context.expiries.find(self.entry_id, did, person.user_id)
            await self._context.expiries.async_cancel(self.entry_id, did, person.user_id)
            if reason is RevokeReason.EXPIRY and record is not None:
                self._record(
                    EventType.SHARE_EXPIRED,
                    device,
                    person,
                    permission=record["permission"],
                    expires_at=expiry_time(record),
                )
            else:
                self._record(
                    EventType.SHARE_REVOKED,
                    device,
                    person,
                    permission=record["permission"] if record else None,
                )

    # --- invites -----------------------------------------------------------------

    def select_invites(
        self, invite_id: int | None, sender: str | None, camera: str | None, *, every: bool
    ) -> list[Invite]:
        """The invites an answer is about: one by id, or all matching a sender and/or camera."""
        snapshot = self.snapshot
        if invite_id is not None:
            invite = next((i for i in snapshot.invites if i.invite_id == invite_id), None)
            if invite is None:
                raise invalid("invite_not_found", invite_id=str(invite_id))
            if snapshot.invite_is_expired(invite):
                raise invalid("invite_expired", camera=invite.device_name)
            return [invite]
        if sender is None and camera is None and not every:
            raise invalid("invite_filter_required")
        chosen = [
            i
            for i in snapshot.pending_invites
            if (sender is None or sender.strip() in (i.sender_id, i.sender_name))
            and (camera is None or camera.strip() in (i.did, i.device_name))
        ]
        if not chosen:
            raise invalid("no_matching_invites")
        return chosen

    async def async_answer_invites(
        self, invites: Iterable[Invite], *, accept: bool, by: AnsweredBy = AnsweredBy.PERSON
    ) -> list[Invite]:
        """Accept or decline invites to this account; the answered ones, in order.

        A person's answer fails loudly; auto-accept logs a failure and goes on.
        """
        answered: list[Invite] = []
        for invite in invites:
            try:
                await self.client.respond_to_invite(
                    invite.region, invite.invite_id, accept=accept, msg_id=invite.msg_id
                )
            except XiaomiCloudError as err:
                if by is AnsweredBy.AUTO_ACCEPT:
                    _LOGGER.warning("Could not accept invite %s automatically: %s", invite.invite_id, err.key)
                    continue
                self._context.events.record(
                    ShareEvent.about_invite(EventType.ACTION_FAILED, self.entry_id, invite, err.key)
                )
                raise cloud_failed(err) from err
            answer = EventType.INVITE_ACCEPTED if accept else EventType.INVITE_DECLINED
            self._context.events.record(ShareEvent.about_invite(answer, self.entry_id, invite))
            answered.append(invite)
        # A sender configured here sees the answer at once, not at its next poll.
        senders = [p for i in answered if (p := self._context.peers(i.sender_id)) is not None]
        await async_refresh_accounts([self, *senders])
        return answered

    async def async_accept_from(self, sender: AccountSharing, device: Device) -> bool:
        """Accept at once the invite another account here just sent; False if it is not there."""
        try:
            invites = await self.client.get_invites(device.region)
        except XiaomiCloudError:
            return False
        invite = next(
            (
                i
                for i in invites
                if i.did == device.did and i.sender_id == sender.user_id and i.status == ShareStatus.PENDING
            ),
            None,
        )
        if invite is None:
            return False
        try:
            await self.client.respond_to_invite(
                invite.region, invite.invite_id, accept=True, msg_id=invite.msg_id
            )
        except XiaomiCloudError:
            return False
        self._context.events.record(ShareEvent.about_invite(EventType.INVITE_ACCEPTED, self.entry_id, invite))
        return True

    # --- freshness -----------------------------------------------------------------

    def to_watch(self) -> tuple[set[Region], set[str]]:
        """Share lists (by region) and single cameras worth re-reading now; empty when nothing is expected.

        An owned camera with an invite waiting for an answer, a timed share about to
        end, or a card open: only then is it worth asking the cloud between refreshes.
        A region where one invite waits and nothing else is expected costs one request
        for that camera instead of the region's list.
        """
        snapshot = self.coordinator.data
        if snapshot is None or not self.coordinator.last_update_success:
            return set(), set()
        owned = {did: d for did, d in snapshot.cameras.items() if d.is_owned}
        if self._context.watchers:
            return {d.region for d in owned.values()}, set()
        soon = dt_util.utcnow() + EXPIRY_SOON
        regions = {
            Region(r["region"])
            for r in self._context.expiries.records_of(self.entry_id)
            if expiry_time(r) <= soon and r["did"] in owned
        }
        pending = [
            d
            for did, d in owned.items()
            if any(s.status == ShareStatus.PENDING for s in snapshot.sharees_of(did))
        ]
        for region in {d.region for d in pending}:
            if sum(1 for d in pending if d.region == region) > 1:
                regions.add(region)
        return regions, {d.did for d in pending if d.region not in regions}

    async def async_quick_read(self, _now: datetime | None = None) -> None:
        """Between refreshes, re-read share state where it can change; nothing otherwise."""
        regions, cameras = self.to_watch()
        if regions or cameras:
            await self.coordinator.async_read_shares(regions, cameras)

    # --- after each refresh --------------------------------------------------------

    @callback
    def async_on_refresh(self) -> None:
        """Announce what changed since the last refresh, then accept trusted invites."""
        snapshot = self.coordinator.data
        if snapshot is None or snapshot is self._seen or not self.coordinator.last_update_success:
            return
        if self._seen is not None:
            self._announce_changes(self._seen, snapshot)
        self._seen = snapshot
        self._context.expiries.async_sweep(self.entry_id)
        self._entry.async_create_task(self._hass, self._async_forget_gone_shares(snapshot), "expiry records")
        trusted = set(self._entry.options.get(CONF_AUTO_ACCEPT_FROM, []))
        due = [
            i
            for i in snapshot.pending_invites
            if i.sender_id in trusted and i.invite_id not in self._auto_accepting
        ]
        if due:
            self._auto_accepting.update(i.invite_id for i in due)
            self._entry.async_create_task(self._hass, self._async_auto_accept(due), "auto-accept invites")

    async def _async_forget_gone_shares(self, snapshot: AccountSnapshot) -> None:
        """Expiry records of shares the cloud no longer lists are cleared, never reused."""
        await self._context.expiries.async_reconcile(
            self.entry_id, {r.value for r in self.regions}, snapshot.shared_pairs, snapshot.read_at
        )

    async def _async_auto_accept(self, invites: list[Invite]) -> None:
        try:
            await self.async_answer_invites(invites, accept=True, by=AnsweredBy.AUTO_ACCEPT)
        finally:
            self._auto_accepting.difference_update(i.invite_id for i in invites)

    def _announce_changes(self, old: AccountSnapshot, new: AccountSnapshot) -> None:
        withdrawn = self._context.withdrawn
        for did, camera in new.cameras.items():
            before = {s.user_id: s for s in old.sharees_of(did)}
            for sharee in new.sharees_of(did):
                previous = before.pop(sharee.user_id, None)
                if sharee.status == ShareStatus.ACCEPTED and (
                    previous is None or previous.status != ShareStatus.ACCEPTED
                ):
                    self._record(EventType.SHARE_ACCEPTED, camera, Recipient(sharee.user_id, sharee.nickname))
            for gone in before.values():
                if gone.status == ShareStatus.PENDING and (self.entry_id, did, gone.user_id) not in withdrawn:
                    self._record(EventType.SHARE_DECLINED, camera, Recipient(gone.user_id, gone.nickname))
        self._context.withdrawn = {
            mark: at for mark, at in withdrawn.items() if mark[0] != self.entry_id or at >= new.read_at
        }
        known = {i.invite_id for i in old.invites}
        for invite in new.invites:
            if invite.invite_id not in known and not new.invite_is_expired(invite):
                self._context.events.record(
                    ShareEvent.about_invite(EventType.INVITE_RECEIVED, self.entry_id, invite)
                )

    def _record(
        self,
        event_type: EventType,
        camera: Device | _Camera,
        person: Recipient | None,
        *,
        permission: str | None = None,
        expires_at: datetime | None = None,
        message: str | None = None,
    ) -> None:
        self._context.events.record(
            ShareEvent(
                type=event_type,
                entry_id=self.entry_id,
                did=camera.did,
                camera_name=camera.name,
                user_id=person.user_id if person else None,
                nickname=person.nickname if person else None,
                permission=permission,
                expires_at=expires_at,
                message=message,
            )
        )


def _share_failed(
    err: XiaomiCloudError, device: Device, done: list[ShareOutcome], *, timed: bool, unanswered: bool
) -> HomeAssistantError:
    """Say exactly what happened: what was shared, and whether the cloud answered at all."""
    if done:
        key = "share_stopped_after"
    elif unanswered:
        key = "share_unanswered_timed" if timed else "share_unanswered"
    else:
        return cloud_failed(err)
    return HomeAssistantError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders={
            "camera": device.name,
            "done": ", ".join(o.camera for o in done),
            "error": err.key,
        },
    )


@dataclass(frozen=True, slots=True)
class _Attempt:
    """What one round of invites did: invited, unknown (no answer), and the first failure."""

    invited: list[Device]
    uncertain: list[Device]
    failure: tuple[Device, XiaomiCloudError] | None


def _batch_attempt(group: list[Device], recipient: Recipient, result: BatchShareResult) -> _Attempt:
    """Read a batch answer per camera; a pair it does not mention is not known to be done."""
    invited: list[Device] = []
    uncertain: list[Device] = []
    failure: tuple[Device, XiaomiCloudError] | None = None
    for device in group:
        outcome = result.outcome(device.did, recipient.user_id)
        if outcome is BatchShareOutcome.INVITED:
            invited.append(device)
            continue
        if outcome is BatchShareOutcome.NOT_REPORTED:
            uncertain.append(device)
            err: XiaomiCloudError = MalformedResponseError("the batch answer does not mention the camera")
        elif outcome is BatchShareOutcome.ALREADY_SHARED:
            err = AlreadySharedError("already shared or an invite waits")
        else:
            err = ApiError(f"refused with {result.codes.get((device.did, recipient.user_id))}")
        failure = failure or (device, err)
    return _Attempt(invited, uncertain, failure)


def _by_region(devices: Sequence[Device]) -> list[list[Device]]:
    """Cameras grouped by region, in the order they were named: one batch per region."""
    groups: dict[Region, list[Device]] = {}
    for device in devices:
        groups.setdefault(device.region, []).append(device)
    return list(groups.values())


@dataclass(frozen=True, slots=True)
class _Camera:
    """A camera known by id and name only (from an expiry record)."""

    did: str
    name: str


def _region(record: ExpiryRecord) -> Region:
    return Region(record["region"])


async def async_refresh_accounts(accounts: Iterable[AccountSharing]) -> None:
    """Refresh each account once, so everyone involved sees a change at once."""
    seen: set[str] = set()
    for account in accounts:
        if account.entry_id not in seen:
            seen.add(account.entry_id)
            await account.coordinator.async_refresh()
