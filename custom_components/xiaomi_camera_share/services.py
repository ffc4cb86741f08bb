"""Actions: thin adapters from Home Assistant calls to the sharing layer, admins only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse, SupportsResponse
from homeassistant.helpers.service import async_register_admin_service
from homeassistant.util import dt as dt_util
from homeassistant.util.json import JsonValueType

from .accounts import account_by_entry_id, account_of_user, cameras_from_devices, loaded_entries
from .cloud.models import SharePermission
from .cloud.regions import Region
from .const import DOMAIN
from .exceptions import invalid
from .service_schemas import (
    ATTR_ALL,
    ATTR_AUTO_ACCEPT,
    ATTR_CAMERA,
    ATTR_CONFIG_ENTRY_ID,
    ATTR_DEVICE_ID,
    ATTR_DURATION,
    ATTR_INVITE_ID,
    ATTR_PERMISSION,
    ATTR_RECIPIENT,
    ATTR_REGION,
    ATTR_SENDER,
    INVITE_SCHEMA,
    LOOKUP_SCHEMA,
    MAX_DURATION,
    MIN_DURATION,
    OPTIONAL_ENTRY_SCHEMA,
    REVOKE_SCHEMA,
    SET_EXPIRY_SCHEMA,
    SHARE_SCHEMA,
)
from .sharing import async_refresh_accounts
from .state import camera_document, invite_document

if TYPE_CHECKING:
    from collections.abc import Callable, Coroutine
    from datetime import datetime, timedelta

    import probatio as vol

    from .cloud.models import Device
    from .sharing import AccountSharing

type Handler = Callable[[ServiceCall], Coroutine[Any, Any, ServiceResponse]]


def _until(call: ServiceCall) -> datetime | None:
    """When a timed share ends, from the call's duration; None for no end."""
    duration: timedelta | None = call.data.get(ATTR_DURATION)
    if duration is None:
        return None
    if duration < MIN_DURATION:
        raise invalid("duration_too_short")
    if duration > MAX_DURATION:
        raise invalid("duration_too_long")
    return dt_util.utcnow() + duration


def _permission(text: str) -> SharePermission:
    try:
        return SharePermission(text)
    except ValueError as err:
        raise invalid("permission_invalid", permission=text) from err


def _by_account(
    targets: list[tuple[AccountSharing, Device]],
) -> list[tuple[AccountSharing, list[Device]]]:
    """Cameras grouped by the account that acts on them, in the order they were named."""
    grouped: dict[str, tuple[AccountSharing, list[Device]]] = {}
    for account, device in targets:
        grouped.setdefault(account.entry_id, (account, []))[1].append(device)
    return list(grouped.values())


async def _async_share(call: ServiceCall) -> ServiceResponse:
    targets = cameras_from_devices(call.hass, call.data[ATTR_DEVICE_ID])
    permission = _permission(call.data[ATTR_PERMISSION])
    until = _until(call)
    auto_accept: bool = call.data[ATTR_AUTO_ACCEPT]
    first_account, first_camera = targets[0]
    recipient = await first_account.async_lookup_recipient(call.data[ATTR_RECIPIENT], first_camera.region)
    # Every pair is checked before the first invite goes out.
    for account, device in targets:
        account.check_share(device, recipient, permission, auto_accept=auto_accept)
    outcomes = [
        outcome
        for account, devices in _by_account(targets)
        for outcome in await account.async_share(
            devices, recipient, permission, until=until, auto_accept=auto_accept
        )
    ]
    known_here = account_of_user(call.hass, recipient.user_id) is not None
    regions = list[JsonValueType](sorted({d.region.value for _, d in targets}))
    return {
        "recipient": {"user_id": recipient.user_id, "nickname": recipient.nickname},
        "results": [{"did": o.did, "camera": o.camera, "status": o.status} for o in outcomes],
        "expires_at": until.isoformat() if until else None,
        # Only another account configured here is known to use the right region.
        "invite_regions": None if known_here else regions,
    }


async def _async_revoke(call: ServiceCall) -> ServiceResponse:
    targets = cameras_from_devices(call.hass, call.data[ATTR_DEVICE_ID])
    named: str | None = call.data.get(ATTR_RECIPIENT)
    plan = []
    for account, device in targets:
        if not device.is_owned:
            raise invalid("camera_not_owned", camera=device.name)
        people = await account.async_sharees_named(device, named)
        if not people:
            raise invalid("nothing_to_revoke", camera=device.name)
        plan.append((account, device, people))
    for account, device, people in plan:
        await account.async_revoke(device, people)
    return {
        "results": [
            {
                "did": device.did,
                "camera": device.name,
                "revoked": list[JsonValueType](p.user_id for p in people),
            }
            for _, device, people in plan
        ]
    }


async def _async_set_expiry(call: ServiceCall) -> ServiceResponse:
    until = _until(call)
    plan = [
        (account, device, (await account.async_sharees_named(device, call.data[ATTR_RECIPIENT]))[0])
        for account, device in cameras_from_devices(call.hass, call.data[ATTR_DEVICE_ID])
    ]
    for account, device, person in plan:
        account.check_set_expiry(device, person, until)
    for account, device, person in plan:
        await account.async_set_expiry(device, person, until)
    return {"expires_at": until.isoformat() if until else None}


def _answer(accept: bool) -> Handler:
    async def answer(call: ServiceCall) -> ServiceResponse:
        account = account_by_entry_id(call.hass, call.data[ATTR_CONFIG_ENTRY_ID])
        invites = account.select_invites(
            call.data.get(ATTR_INVITE_ID),
            call.data.get(ATTR_SENDER),
            call.data.get(ATTR_CAMERA),
            every=call.data[ATTR_ALL],
        )
        answered = await account.async_answer_invites(invites, accept=accept)
        return {
            "invites": [
                {
                    "invite_id": invite.invite_id,
                    "camera": invite.device_name,
                    "sender": invite.sender_name,
                    "region": invite.region.value,
                    # An accepted camera shows up only where the account looks for cameras.
                    "region_in_use": invite.region in account.regions,
                }
                for invite in answered
            ]
        }

    return answer


def _accounts_of(call: ServiceCall) -> list[AccountSharing]:
    entry_id: str | None = call.data.get(ATTR_CONFIG_ENTRY_ID)
    if entry_id:
        return [account_by_entry_id(call.hass, entry_id)]
    return [entry.runtime_data for entry in loaded_entries(call.hass)]


async def _async_list_shares(call: ServiceCall) -> ServiceResponse:
    cameras = [
        camera_document(call.hass, account, device)
        for account in _accounts_of(call)
        for device in account.snapshot.cameras.values()
        if device.is_owned
    ]
    return {"cameras": cameras}  # type: ignore[dict-item]


async def _async_list_invites(call: ServiceCall) -> ServiceResponse:
    invites = [
        invite_document(account, invite)
        for account in _accounts_of(call)
        for invite in account.snapshot.invites
    ]
    return {"invites": invites}  # type: ignore[dict-item]


async def _async_lookup_recipient(call: ServiceCall) -> ServiceResponse:
    account = account_by_entry_id(call.hass, call.data[ATTR_CONFIG_ENTRY_ID])
    region = Region(call.data.get(ATTR_REGION) or account.regions[0])
    recipient = await account.async_lookup_recipient(call.data[ATTR_RECIPIENT], region)
    peer = account_of_user(call.hass, recipient.user_id)
    return {
        "user_id": recipient.user_id,
        "nickname": recipient.nickname,
        "entry_id": peer.entry_id if peer else None,
        "regions": [r.value for r in peer.regions] if peer else None,
    }


async def _async_refresh(call: ServiceCall) -> None:
    accounts = _accounts_of(call)
    for account in accounts:
        account.coordinator.read_every_region_next()
    await async_refresh_accounts(accounts)


def async_setup_services(hass: HomeAssistant) -> None:
    """Register every action once, for all accounts; non-admin users are refused."""
    writes: dict[str, tuple[Handler, vol.Schema]] = {
        "share": (_async_share, SHARE_SCHEMA),
        "revoke": (_async_revoke, REVOKE_SCHEMA),
        "set_expiry": (_async_set_expiry, SET_EXPIRY_SCHEMA),
        "accept_invite": (_answer(True), INVITE_SCHEMA),
        "decline_invite": (_answer(False), INVITE_SCHEMA),
    }
    for name, (handler, schema) in writes.items():
        async_register_admin_service(hass, DOMAIN, name, handler, schema, SupportsResponse.OPTIONAL)
    reads: dict[str, tuple[Handler, vol.Schema]] = {
        "list_shares": (_async_list_shares, OPTIONAL_ENTRY_SCHEMA),
        "list_invites": (_async_list_invites, OPTIONAL_ENTRY_SCHEMA),
        "lookup_recipient": (_async_lookup_recipient, LOOKUP_SCHEMA),
    }
    for name, (handler, schema) in reads.items():
        async_register_admin_service(hass, DOMAIN, name, handler, schema, SupportsResponse.ONLY)
    async_register_admin_service(hass, DOMAIN, "refresh", _async_refresh, OPTIONAL_ENTRY_SCHEMA)
