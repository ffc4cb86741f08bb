"""The state document the card subscribes to (schema/state-document.schema.json)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from homeassistant.config_entries import SOURCE_REAUTH, ConfigEntryState
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util

from .capabilities import capabilities_of, model_name
from .cloud.models import Device, Invite, ShareStatus
from .const import CONF_NICKNAME, CONF_REGIONS, DOMAIN
from .data import DATA_KEY, XiaomiConfigEntry

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

SCHEMA_VERSION: Final = 1
HISTORY_IN_DOCUMENT: Final = 50

type Document = dict[str, Any]


def _iso(epoch: int | None) -> str | None:
    return datetime.fromtimestamp(epoch, dt_util.UTC).isoformat() if epoch else None


def _permission(read_only: bool | None) -> str:
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


def camera_document(hass: HomeAssistant, entry: XiaomiConfigEntry, device: Device) -> Document:
    """One camera with its capabilities, sharees and expiries."""
    runtime = entry.runtime_data
    store = hass.data[DATA_KEY].store
    names = {r["user_id"]: r["name"] for r in store.recipients}
    sharees = runtime.coordinator.data.sharees.get(device.did, [])
    capabilities = capabilities_of(device, sharees, runtime.answers)
    device_id, camera_entity = _linked(hass, entry.entry_id, device.did)
    sharee_docs = []
    for sharee in sharees:
        expiry = store.find_expiry(entry.entry_id, device.did, sharee.user_id)
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
    owner = (
        {"user_id": device.owner_id, "nickname": device.owner_nickname or device.owner_id}
        if not device.is_owned and device.owner_id
        else None
    )
    return {
        "did": device.did,
        "entry_id": entry.entry_id,
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


def invite_document(entry: XiaomiConfigEntry, invite: Invite) -> Document:
    """One incoming invite, with the region where it waits."""
    snapshot = entry.runtime_data.coordinator.data
    return {
        "entry_id": entry.entry_id,
        "invite_id": invite.invite_id,
        "region": invite.region.value,
        "region_in_use": invite.region.value in entry.data[CONF_REGIONS],
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


def _account_document(hass: HomeAssistant, entry: XiaomiConfigEntry) -> Document:
    loaded = entry.state is ConfigEntryState.LOADED
    reauth = any(True for _ in entry.async_get_active_flows(hass, {SOURCE_REAUTH}))
    coordinator = entry.runtime_data.coordinator if loaded else None
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


def state_document(hass: HomeAssistant) -> Document:
    """Everything the card shows, in one document."""
    entries: list[XiaomiConfigEntry] = hass.config_entries.async_entries(DOMAIN)
    loaded = [e for e in entries if e.state is ConfigEntryState.LOADED]
    store = hass.data[DATA_KEY].store
    by_user = {e.unique_id: e.entry_id for e in entries}
    return {
        "version": SCHEMA_VERSION,
        "accounts": [_account_document(hass, e) for e in entries],
        "cameras": [
            camera_document(hass, e, device)
            for e in loaded
            for device in e.runtime_data.coordinator.data.cameras.values()
        ],
        "invites": [invite_document(e, i) for e in loaded for i in e.runtime_data.coordinator.data.invites],
        "recipients": [{**r, "entry_id": by_user.get(r["user_id"])} for r in store.recipients],
        "history": store.history_page(None, HISTORY_IN_DOCUMENT),
    }
