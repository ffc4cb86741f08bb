"""Actions: share, revoke, invites, lookups and refresh, registered once in async_setup."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Iterable
from datetime import datetime, timedelta
from functools import wraps
from typing import Any, Final

import probatio as vol
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse, SupportsResponse
from homeassistant.exceptions import Unauthorized
from homeassistant.helpers import config_validation as cv
from homeassistant.util import dt as dt_util
from homeassistant.util.json import JsonObjectType, JsonValueType

from .capabilities import capabilities_of
from .cloud.errors import DeviceNotShareableError, XiaomiCloudError
from .cloud.models import Invite, SharePermission, ShareStatus
from .cloud.regions import REGION_NAMES, Region
from .const import DOMAIN
from .data import DATA_KEY, XiaomiConfigEntry
from .events import async_record_event, async_record_invite_event
from .resolve import (
    Recipient,
    TargetCamera,
    cameras_from_devices,
    cloud_failed,
    entry_by_id,
    entry_for_user,
    entry_regions,
    invalid,
    loaded_entries,
    resolve_recipient,
)
from .state import camera_document, invite_document
from .store import ExpiryRecord

MIN_DURATION: Final = timedelta(minutes=1)
MAX_DURATION: Final = timedelta(days=365)

ATTR_CONFIG_ENTRY_ID: Final = "config_entry_id"
ATTR_DEVICE_ID: Final = "device_id"
ATTR_RECIPIENT: Final = "recipient"
ATTR_PERMISSION: Final = "permission"
ATTR_DURATION: Final = "duration"
ATTR_AUTO_ACCEPT: Final = "auto_accept"
ATTR_INVITE_ID: Final = "invite_id"
ATTR_SENDER: Final = "sender"
ATTR_CAMERA: Final = "camera"
ATTR_ALL: Final = "all"

DEVICES = vol.All(cv.ensure_list, [cv.string])
SHARE_SCHEMA = vol.Schema(
    {
        vol.Required(ATTR_DEVICE_ID): DEVICES,
        vol.Required(ATTR_RECIPIENT): cv.string,
        vol.Optional(ATTR_PERMISSION, default=SharePermission.CONTROL.value): cv.string,
        vol.Optional(ATTR_DURATION): cv.time_period,
        vol.Optional(ATTR_AUTO_ACCEPT, default=False): cv.boolean,
    }
)
REVOKE_SCHEMA = vol.Schema({vol.Required(ATTR_DEVICE_ID): DEVICES, vol.Optional(ATTR_RECIPIENT): cv.string})
SET_EXPIRY_SCHEMA = vol.Schema(
    {
        vol.Required(ATTR_DEVICE_ID): DEVICES,
        vol.Required(ATTR_RECIPIENT): cv.string,
        vol.Optional(ATTR_DURATION): cv.time_period,
    }
)
INVITE_SCHEMA = vol.Schema(
    {
        vol.Required(ATTR_CONFIG_ENTRY_ID): cv.string,
        vol.Optional(ATTR_INVITE_ID): vol.Coerce(int),
        vol.Optional(ATTR_SENDER): cv.string,
        vol.Optional(ATTR_CAMERA): cv.string,
        vol.Optional(ATTR_ALL, default=False): cv.boolean,
    }
)
OPTIONAL_ENTRY_SCHEMA = vol.Schema({vol.Optional(ATTR_CONFIG_ENTRY_ID): cv.string})
LOOKUP_SCHEMA = vol.Schema(
    {
        vol.Required(ATTR_CONFIG_ENTRY_ID): cv.string,
        vol.Required(ATTR_RECIPIENT): cv.string,
        vol.Optional("region"): vol.In([r.value for r in Region]),
    }
)

type Handler = Callable[[ServiceCall], Coroutine[Any, Any, ServiceResponse]]


def _admin_only(handler: Handler) -> Handler:
    """Refuse actions that change sharing when a non-admin user calls them.

    Automations and scripts call without a user and stay allowed.
    """

    @wraps(handler)
    async def guarded(call: ServiceCall) -> ServiceResponse:
        if call.context.user_id is not None:
            user = await call.hass.auth.async_get_user(call.context.user_id)
            if user is None or not user.is_admin:
                raise Unauthorized(context=call.context)
        return await handler(call)

    return guarded


def _duration(call: ServiceCall) -> timedelta | None:
    duration: timedelta | None = call.data.get(ATTR_DURATION)
    if duration is None:
        return None
    if duration < MIN_DURATION:
        raise invalid("duration_too_short")
    if duration > MAX_DURATION:
        raise invalid("duration_too_long")
    return duration


def _permission(text: str) -> SharePermission:
    try:
        return SharePermission(text)
    except ValueError as err:
        raise invalid("permission_invalid", permission=text) from err


def _check_shareable(camera: TargetCamera, recipient: Recipient, permission: SharePermission) -> None:
    """Everything that can be known before asking the cloud, so a refusal changes nothing."""
    runtime = camera.entry.runtime_data
    sharees = runtime.coordinator.data.sharees.get(camera.device.did, [])
    name = camera.device.name
    if not camera.device.is_owned:
        raise invalid("camera_not_owned", camera=name)
    capabilities = capabilities_of(camera.device, sharees, runtime.answers)
    existing = next((s for s in sharees if s.user_id == recipient.user_id), None)
    if existing is not None:
        key = "already_shared" if existing.status == ShareStatus.ACCEPTED else "invite_already_pending"
        raise invalid(key, camera=name, person=recipient.nickname)
    if not capabilities.can_share:
        raise invalid(f"camera_not_shareable_{capabilities.reason}", camera=name)
    if permission is SharePermission.VIEW_ONLY and not capabilities.view_only:
        raise invalid("view_only_not_offered", camera=name)
    if recipient.user_id == camera.entry.unique_id:
        raise invalid("recipient_is_self", camera=name)
    if recipient.entry is not None and camera.region not in entry_regions(recipient.entry):
        raise invalid(
            "recipient_region_mismatch",
            camera=name,
            person=recipient.nickname,
            region=REGION_NAMES[camera.region],
            account=recipient.entry.title,
        )


async def _async_share(call: ServiceCall) -> ServiceResponse:
    hass = call.hass
    cameras = cameras_from_devices(hass, call.data[ATTR_DEVICE_ID])
    permission = _permission(call.data[ATTR_PERMISSION])
    duration = _duration(call)
    first = cameras[0]
    recipient = await resolve_recipient(hass, call.data[ATTR_RECIPIENT], first.entry, first.region)
    auto_accept: bool = call.data[ATTR_AUTO_ACCEPT]
    if auto_accept and not _entries(recipient):
        raise invalid("auto_accept_unavailable", person=recipient.nickname)
    for camera in cameras:
        _check_shareable(camera, recipient, permission)

    expires_at = dt_util.utcnow() + duration if duration else None
    results: list[JsonValueType] = []
    for camera in cameras:
        results.append(
            await _async_share_one(
                hass, camera, recipient, permission, expires_at=expires_at, auto_accept=auto_accept
            )
        )
    await _async_refresh({camera.entry for camera in cameras} | _entries(recipient))
    regions = sorted({camera.region for camera in cameras})
    return {
        "recipient": {"user_id": recipient.user_id, "nickname": recipient.nickname},
        "results": results,
        "expires_at": expires_at.isoformat() if expires_at else None,
        # Only another account configured here is known to use the right region.
        "region_note": None
        if recipient.entry is not None
        else (
            "Invites only arrive when the recipient's Mi Home app uses the same region: "
            + ", ".join(REGION_NAMES[r] for r in regions)
        ),
    }


def _loaded(entries: Iterable[XiaomiConfigEntry | None]) -> set[XiaomiConfigEntry]:
    """The accounts among these that are configured and loaded here."""
    return {e for e in entries if e is not None and e.state is ConfigEntryState.LOADED}


def _entries(recipient: Recipient) -> set[XiaomiConfigEntry]:
    """The recipient's account, when it is configured and loaded here."""
    return _loaded([recipient.entry])


def _expiry(
    camera: TargetCamera, recipient: Recipient, permission: SharePermission, expires_at: datetime
) -> ExpiryRecord:
    """When a share of this camera with this person is to end."""
    return ExpiryRecord(
        entry_id=camera.entry.entry_id,
        region=camera.region.value,
        did=camera.device.did,
        camera_name=camera.device.name,
        user_id=recipient.user_id,
        nickname=recipient.nickname,
        permission=permission.value,
        expires_at=expires_at.isoformat(),
        failures=0,
    )


async def _async_share_one(
    hass: HomeAssistant,
    camera: TargetCamera,
    recipient: Recipient,
    permission: SharePermission,
    *,
    expires_at: datetime | None,
    auto_accept: bool,
) -> JsonObjectType:
    runtime = camera.entry.runtime_data
    device = camera.device
    try:
        await runtime.client.share(camera.region, device.did, recipient.user_id, permission)
    except XiaomiCloudError as err:
        if isinstance(err, DeviceNotShareableError):
            # Learn from the refusal so the card stops offering what the product lacks.
            target = (
                runtime.answers.no_view_only
                if permission is SharePermission.VIEW_ONLY
                else runtime.answers.not_shareable
            )
            target.add(device.did)
        _record_failure(hass, camera, recipient, err)
        raise cloud_failed(err) from err
    async_record_event(
        hass,
        "invite_sent",
        entry_id=camera.entry.entry_id,
        did=device.did,
        camera_name=device.name,
        user_id=recipient.user_id,
        nickname=recipient.nickname,
        permission=permission.value,
        expires_at=expires_at,
    )
    if expires_at is not None:
        await hass.data[DATA_KEY].expiries.async_set(_expiry(camera, recipient, permission, expires_at))
    status = "invited"
    if auto_accept and recipient.entry is not None:
        status = await _async_accept_on_recipient_side(hass, camera, recipient)
    return {"did": device.did, "camera": device.name, "status": status}


async def _async_accept_on_recipient_side(
    hass: HomeAssistant, camera: TargetCamera, recipient: Recipient
) -> str:
    assert recipient.entry is not None
    entry = entry_by_id(hass, recipient.entry.entry_id)
    client = entry.runtime_data.client
    try:
        invites = await client.get_invites(camera.region)
        invite = next(
            i
            for i in invites
            if i.did == camera.device.did
            and i.sender_id == camera.entry.unique_id
            and i.status == ShareStatus.PENDING
        )
        await client.respond_to_invite(camera.region, invite.invite_id, True, invite.msg_id)
    except XiaomiCloudError, StopIteration:
        return "invited"
    async_record_event(
        hass,
        "invite_accepted",
        entry_id=entry.entry_id,
        did=camera.device.did,
        camera_name=camera.device.name,
        user_id=camera.entry.unique_id,
        nickname=camera.entry.title,
    )
    return "accepted"


def _record_failure(
    hass: HomeAssistant, camera: TargetCamera, recipient: Recipient | None, err: XiaomiCloudError
) -> None:
    async_record_event(
        hass,
        "action_failed",
        entry_id=camera.entry.entry_id,
        did=camera.device.did,
        camera_name=camera.device.name,
        user_id=recipient.user_id if recipient else None,
        nickname=recipient.nickname if recipient else None,
        message=err.key,
    )


async def _async_refresh(entries: set[XiaomiConfigEntry]) -> None:
    for entry in entries:
        await entry.runtime_data.coordinator.async_refresh()


async def _sharee_targets(call: ServiceCall, camera: TargetCamera) -> list[Recipient]:
    """The sharees of a camera that a call names: one recipient, or everyone."""
    sharees = camera.entry.runtime_data.coordinator.data.sharees.get(camera.device.did, [])
    text: str | None = call.data.get(ATTR_RECIPIENT)
    if text is None:
        return [Recipient(s.user_id, s.nickname) for s in sharees]
    match = next((s for s in sharees if s.user_id == text.strip()), None)
    if match is None:
        recipient = await resolve_recipient(call.hass, text, camera.entry, camera.region)
        match = next((s for s in sharees if s.user_id == recipient.user_id), None)
    if match is None:
        raise invalid("recipient_not_sharee", camera=camera.device.name, recipient=text)
    return [Recipient(match.user_id, match.nickname)]


async def _async_revoke(call: ServiceCall) -> ServiceResponse:
    hass = call.hass
    cameras = cameras_from_devices(hass, call.data[ATTR_DEVICE_ID])
    plan: list[tuple[TargetCamera, list[Recipient]]] = []
    for camera in cameras:
        if not camera.device.is_owned:
            raise invalid("camera_not_owned", camera=camera.device.name)
        targets = await _sharee_targets(call, camera)
        if not targets:
            raise invalid("nothing_to_revoke", camera=camera.device.name)
        plan.append((camera, targets))
    results: list[JsonValueType] = []
    for camera, targets in plan:
        runtime = camera.entry.runtime_data
        user_ids = [t.user_id for t in targets]
        try:
            await runtime.client.revoke(camera.region, camera.device.did, user_ids)
        except XiaomiCloudError as err:
            _record_failure(hass, camera, targets[0] if len(targets) == 1 else None, err)
            raise cloud_failed(err) from err
        for target in targets:
            runtime.coordinator.withdrawn.add((camera.device.did, target.user_id))
            await hass.data[DATA_KEY].expiries.async_cancel(
                camera.entry.entry_id, camera.device.did, target.user_id
            )
            async_record_event(
                hass,
                "share_revoked",
                entry_id=camera.entry.entry_id,
                did=camera.device.did,
                camera_name=camera.device.name,
                user_id=target.user_id,
                nickname=target.nickname,
            )
        results.append(
            {"did": camera.device.did, "camera": camera.device.name, "revoked": list[JsonValueType](user_ids)}
        )
    # Sharees configured here lose the camera at once, not at their next poll.
    sharees = _loaded(entry_for_user(hass, target.user_id) for _, targets in plan for target in targets)
    await _async_refresh({camera.entry for camera in cameras} | sharees)
    return {"results": results}


async def _async_set_expiry(call: ServiceCall) -> ServiceResponse:
    """Extend, shorten or cancel when a share ends."""
    hass = call.hass
    duration = _duration(call)
    cameras = cameras_from_devices(hass, call.data[ATTR_DEVICE_ID])
    plan = [(camera, (await _sharee_targets(call, camera))[0]) for camera in cameras]
    expiries = hass.data[DATA_KEY].expiries
    store = hass.data[DATA_KEY].store
    if duration is None:
        for camera, target in plan:
            if store.find_expiry(camera.entry.entry_id, camera.device.did, target.user_id) is None:
                raise invalid("expiry_not_found", camera=camera.device.name, person=target.nickname)
        for camera, target in plan:
            await expiries.async_cancel(camera.entry.entry_id, camera.device.did, target.user_id)
        return {"expires_at": None}
    expires_at = dt_util.utcnow() + duration
    for camera, target in plan:
        sharee = next(
            s
            for s in camera.entry.runtime_data.coordinator.data.sharees[camera.device.did]
            if s.user_id == target.user_id
        )
        permission = SharePermission.VIEW_ONLY if sharee.read_only else SharePermission.CONTROL
        await expiries.async_set(_expiry(camera, target, permission, expires_at))
    return {"expires_at": expires_at.isoformat()}


def _select_invites(call: ServiceCall, entry: XiaomiConfigEntry) -> list[Invite]:
    snapshot = entry.runtime_data.coordinator.data
    invite_id: int | None = call.data.get(ATTR_INVITE_ID)
    if invite_id is not None:
        invite = next((i for i in snapshot.invites if i.invite_id == invite_id), None)
        if invite is None:
            raise invalid("invite_not_found", invite_id=str(invite_id))
        if snapshot.invite_is_expired(invite):
            raise invalid("invite_expired", camera=invite.device_name)
        return [invite]
    sender: str | None = call.data.get(ATTR_SENDER)
    camera: str | None = call.data.get(ATTR_CAMERA)
    if sender is None and camera is None and not call.data[ATTR_ALL]:
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


def _respond(accept: bool) -> Handler:
    async def respond(call: ServiceCall) -> ServiceResponse:
        hass = call.hass
        entry = entry_by_id(hass, call.data[ATTR_CONFIG_ENTRY_ID])
        invites = _select_invites(call, entry)
        used = entry_regions(entry)
        answered: list[JsonValueType] = []
        for invite in invites:
            try:
                await entry.runtime_data.client.respond_to_invite(
                    invite.region, invite.invite_id, accept, invite.msg_id
                )
            except XiaomiCloudError as err:
                async_record_invite_event(hass, "action_failed", entry.entry_id, invite, err.key)
                raise cloud_failed(err) from err
            async_record_invite_event(
                hass, "invite_accepted" if accept else "invite_declined", entry.entry_id, invite
            )
            answered.append(
                {
                    "invite_id": invite.invite_id,
                    "camera": invite.device_name,
                    "sender": invite.sender_name,
                    "region": invite.region.value,
                    # An accepted camera shows up only where the account looks for cameras.
                    "region_in_use": invite.region in used,
                }
            )
        # A sender configured here sees the answer at once, not at its next poll.
        senders = _loaded(entry_for_user(hass, invite.sender_id) for invite in invites)
        await _async_refresh({entry} | senders)
        return {"invites": answered}

    return respond


def _entries_of(call: ServiceCall) -> list[XiaomiConfigEntry]:
    entry_id: str | None = call.data.get(ATTR_CONFIG_ENTRY_ID)
    return [entry_by_id(call.hass, entry_id)] if entry_id else loaded_entries(call.hass)


async def _async_list_shares(call: ServiceCall) -> ServiceResponse:
    hass = call.hass
    cameras = [
        camera_document(hass, entry, device)
        for entry in _entries_of(call)
        for device in entry.runtime_data.coordinator.data.cameras.values()
        if device.is_owned
    ]
    return {"cameras": cameras}  # type: ignore[dict-item]


async def _async_list_invites(call: ServiceCall) -> ServiceResponse:
    invites = [
        invite_document(entry, invite)
        for entry in _entries_of(call)
        for invite in entry.runtime_data.coordinator.data.invites
    ]
    return {"invites": invites}  # type: ignore[dict-item]


async def _async_lookup_recipient(call: ServiceCall) -> ServiceResponse:
    entry = entry_by_id(call.hass, call.data[ATTR_CONFIG_ENTRY_ID])
    region = Region(call.data.get("region") or entry_regions(entry)[0])
    recipient = await resolve_recipient(call.hass, call.data[ATTR_RECIPIENT], entry, region)
    return {
        "user_id": recipient.user_id,
        "nickname": recipient.nickname,
        "entry_id": recipient.entry.entry_id if recipient.entry else None,
        "regions": [r.value for r in entry_regions(recipient.entry)] if recipient.entry else None,
    }


async def _async_refresh_service(call: ServiceCall) -> ServiceResponse:
    await _async_refresh(set(_entries_of(call)))
    return None


def async_setup_services(hass: HomeAssistant) -> None:
    """Register every action once, for all accounts."""
    register = hass.services.async_register
    register(DOMAIN, "share", _admin_only(_async_share), SHARE_SCHEMA, SupportsResponse.OPTIONAL)
    register(DOMAIN, "revoke", _admin_only(_async_revoke), REVOKE_SCHEMA, SupportsResponse.OPTIONAL)
    register(
        DOMAIN, "set_expiry", _admin_only(_async_set_expiry), SET_EXPIRY_SCHEMA, SupportsResponse.OPTIONAL
    )
    register(DOMAIN, "accept_invite", _admin_only(_respond(True)), INVITE_SCHEMA, SupportsResponse.OPTIONAL)
    register(DOMAIN, "decline_invite", _admin_only(_respond(False)), INVITE_SCHEMA, SupportsResponse.OPTIONAL)
    register(DOMAIN, "list_shares", _async_list_shares, OPTIONAL_ENTRY_SCHEMA, SupportsResponse.ONLY)
    register(DOMAIN, "list_invites", _async_list_invites, OPTIONAL_ENTRY_SCHEMA, SupportsResponse.ONLY)
    register(DOMAIN, "lookup_recipient", _async_lookup_recipient, LOOKUP_SCHEMA, SupportsResponse.ONLY)
    register(DOMAIN, "refresh", _async_refresh_service, OPTIONAL_ENTRY_SCHEMA)
