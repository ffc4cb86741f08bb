"""The state document the card subscribes to (schema/state-document.schema.json)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Final, Literal, TypedDict

from homeassistant.config_entries import SOURCE_REAUTH, ConfigEntryState
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util

from .capabilities import model_name
from .cloud.models import Device, Invite, ShareStatus
from .const import CONF_NICKNAME, CONF_REGIONS, DOMAIN
from .data import DATA_KEY, XiaomiConfigEntry
from .store import HistoryRecord, RecipientRecord

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

    from .sharing import AccountSharing

SCHEMA_VERSION: Final = 1
HISTORY_IN_DOCUMENT: Final = 50

type Permission = Literal["view_only", "control"]


class ShareeDocument(TypedDict):
    """Someone a camera is shared with, or invited to it."""

    user_id: str
    nickname: str
    status: Literal["accepted", "pending"]
    permission: str
    since: str | None
    expires_at: str | None
    recipient_name: str | None


class PersonDocument(TypedDict):
    """A Xiaomi account by id and nickname."""

    user_id: str
    nickname: str


class CapabilitiesDocument(TypedDict):
    """What a camera allows now."""

    can_share: bool
    view_only: bool
    reason: str | None


class CameraDocument(TypedDict):
    """One camera with its capabilities, sharees and expiries."""

    did: str
    entry_id: str
    region: str
    name: str
    model: str
    model_name: str | None
    online: bool
    device_id: str | None
    camera_entity: str | None
    owner: PersonDocument | None
    capabilities: CapabilitiesDocument
    sharees: list[ShareeDocument]


class InviteDocument(TypedDict):
    """One incoming invite, with the region where it waits."""

    entry_id: str
    invite_id: int
    region: str
    region_in_use: bool
    sender_id: str
    sender_name: str
    did: str
    device_name: str
    model: str
    permission: Permission
    status: Literal["expired", "pending"]
    created_at: str | None
    expires_at: str | None


class AccountDocument(TypedDict):
    """One configured Mi account and how it fares."""

    entry_id: str
    user_id: str
    nickname: str
    regions: list[str]
    status: Literal["ok", "offline", "auth_failed"]
    last_update: str | None


class SavedRecipientDocument(RecipientRecord):
    """A saved recipient, with the account configured here for it."""

    entry_id: str | None


class StateDocument(TypedDict):
    """Everything the card shows (schema/state-document.schema.json)."""

    version: int
    accounts: list[AccountDocument]
    cameras: list[CameraDocument]
    invites: list[InviteDocument]
    recipients: list[SavedRecipientDocument]
    history: list[HistoryRecord]


def _iso(epoch: int | None) -> str | None:
    return datetime.fromtimestamp(epoch, dt_util.UTC).isoformat() if epoch else None


def _permission(read_only: bool | None) -> Permission:
    return "view_only" if read_only else "control"


def _linked(hass: HomeAssistant, entry_id: str, did: str) -> tuple[str | None, str | None]:
    """The HA device of a camera and a camera entity for the same camera, if any.

    Home Assistant keeps one device per config entry, so another integration's
    camera entity (go2rtc, hass-xiaomi-miot ...) usually sits on its own device that
    shares the camera's MAC connection; the entity on our own device comes first.
    """
    devices = dr.async_get(hass)
    device = devices.async_get_device_by_identifier((DOMAIN, did), entry_id)
    if device is None:
        return None, None
    same_camera = [device]
    if device.connections:
        same_camera += [
            other
            for other in devices.async_get_devices(connections=set(device.connections))
            if other.id != device.id
        ]
    entities = er.async_get(hass)
    camera = next(
        (
            entity.entity_id
            for candidate in same_camera
            for entity in er.async_entries_for_device(entities, candidate.id)
            if entity.domain == "camera"
        ),
        None,
    )
    return device.id, camera


def camera_document(hass: HomeAssistant, account: AccountSharing, device: Device) -> CameraDocument:
    """One camera with its capabilities, sharees and expiries."""
    store = hass.data[DATA_KEY].store
    names = {r["user_id"]: r["name"] for r in store.recipients}
    capabilities = account.capabilities(device)
    device_id, camera_entity = _linked(hass, account.entry_id, device.did)
    sharee_docs: list[ShareeDocument] = []
    for sharee in account.snapshot.sharees_of(device.did):
        expiry = store.find_expiry(account.entry_id, device.did, sharee.user_id)
        sharee_docs.append(
            {
                "user_id": sharee.user_id,
                "nickname": sharee.nickname,
                "status": "accepted" if sharee.status == ShareStatus.ACCEPTED else "pending",
                "permission": expiry["permission"]
                if expiry and sharee.read_only is None
                else _permission(sharee.read_only),
                "since": _iso(sharee.shared_at),
                "expires_at": expiry["expires_at"] if expiry else None,
                "recipient_name": names.get(sharee.user_id),
            }
        )
    owner: PersonDocument | None = (
        {"user_id": device.owner_id, "nickname": device.owner_nickname or device.owner_id}
        if not device.is_owned and device.owner_id
        else None
    )
    return {
        "did": device.did,
        "entry_id": account.entry_id,
        "region": device.region.value,
        "name": device.name,
        "model": device.model,
        "model_name": model_name(device.model),
        "online": device.is_online,
        "device_id": device_id,
        "camera_entity": camera_entity,
        "owner": owner,
        "capabilities": {
            "can_share": capabilities.can_share,
            "view_only": capabilities.view_only,
            "reason": capabilities.reason.value if capabilities.reason else None,
        },
        "sharees": sharee_docs,
    }


def invite_document(account: AccountSharing, invite: Invite) -> InviteDocument:
    """One incoming invite, with the region where it waits."""
    snapshot = account.snapshot
    return {
        "entry_id": account.entry_id,
        "invite_id": invite.invite_id,
        "region": invite.region.value,
        "region_in_use": invite.region in account.regions,
        "sender_id": invite.sender_id,
        "sender_name": invite.sender_name,
        "did": invite.did,
        "device_name": invite.device_name,
        "model": invite.model,
        "permission": _permission(invite.read_only),
        "status": "expired" if snapshot.invite_is_expired(invite) else "pending",
        "created_at": _iso(invite.created_at),
        "expires_at": _iso(invite.expires_at),
    }


def _account_document(hass: HomeAssistant, entry: XiaomiConfigEntry) -> AccountDocument:
    loaded = entry.state is ConfigEntryState.LOADED
    reauth = any(True for _ in entry.async_get_active_flows(hass, {SOURCE_REAUTH}))
    coordinator = entry.runtime_data.coordinator if loaded else None
    status: Literal["ok", "offline", "auth_failed"]
    if reauth:
        status = "auth_failed"
    elif coordinator is not None and coordinator.last_update_success:
        status = "ok"
    else:
        status = "offline"
    last_update = coordinator.last_update_success_time if coordinator else None
    return {
        "entry_id": entry.entry_id,
        "user_id": entry.unique_id or "",
        "nickname": entry.data.get(CONF_NICKNAME) or entry.title,
        "regions": list(entry.data[CONF_REGIONS]),
        "status": status,
        "last_update": last_update.isoformat() if last_update else None,
    }


def state_document(hass: HomeAssistant) -> StateDocument:
    """Everything the card shows, in one document."""
    entries: list[XiaomiConfigEntry] = hass.config_entries.async_entries(DOMAIN)
    loaded = [e.runtime_data for e in entries if e.state is ConfigEntryState.LOADED]
    store = hass.data[DATA_KEY].store
    by_user = {e.unique_id: e.entry_id for e in entries}
    return {
        "version": SCHEMA_VERSION,
        "accounts": [_account_document(hass, e) for e in entries],
        "cameras": [
            camera_document(hass, account, device)
            for account in loaded
            for device in account.snapshot.cameras.values()
        ],
        "invites": [invite_document(account, i) for account in loaded for i in account.snapshot.invites],
        "recipients": [
            SavedRecipientDocument(**r, entry_id=by_user.get(r["user_id"])) for r in store.recipients
        ],
        "history": store.history_page(None, HISTORY_IN_DOCUMENT),
    }
