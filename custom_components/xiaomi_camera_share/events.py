"""Events on the bus for automations, each also kept in the audit history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.util import dt as dt_util

from .const import EVENT_NAME
from .data import DATA_KEY, SIGNAL_STATE_CHANGED
from .store import HistoryRecord

if TYPE_CHECKING:
    from datetime import datetime

    from .cloud.models import Invite


@callback
def async_record_event(
    hass: HomeAssistant,
    event_type: str,
    *,
    entry_id: str | None = None,
    did: str | None = None,
    camera_name: str | None = None,
    user_id: str | None = None,
    nickname: str | None = None,
    permission: str | None = None,
    expires_at: datetime | None = None,
    message: str | None = None,
) -> None:
    """Fire ``xiaomi_camera_share_event`` and append the same facts to the history."""
    expires = expires_at.isoformat() if expires_at else None

    def build(history_id: int) -> HistoryRecord:
        return HistoryRecord(
            id=history_id,
            time=dt_util.utcnow().isoformat(),
            type=event_type,
            entry_id=entry_id,
            did=did,
            camera_name=camera_name,
            user_id=user_id,
            nickname=nickname,
            permission=permission,
            expires_at=expires,
            message=message,
        )

    record = hass.data[DATA_KEY].store.add_history(build)
    event_data = {key: value for key, value in record.items() if key not in ("id", "time")}
    hass.bus.async_fire(EVENT_NAME, event_data)
    async_dispatcher_send(hass, SIGNAL_STATE_CHANGED)


@callback
def async_record_invite_event(
    hass: HomeAssistant, event_type: str, entry_id: str, invite: Invite, message: str | None = None
) -> None:
    """An event about an invite to this account: its camera, and who sent it."""
    async_record_event(
        hass,
        event_type,
        entry_id=entry_id,
        did=invite.did,
        camera_name=invite.device_name,
        user_id=invite.sender_id,
        nickname=invite.sender_name,
        message=message,
    )
