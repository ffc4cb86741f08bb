"""Events on the bus for automations, each also kept in the audit history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Self

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.util import dt as dt_util

from .const import EVENT_NAME, SIGNAL_STATE_CHANGED, EventType
from .store import HistoryRecord

if TYPE_CHECKING:
    from datetime import datetime

    from .cloud.models import Invite
    from .store import ShareStore


@dataclass(frozen=True, slots=True, kw_only=True)
class ShareEvent:
    """The payload of ``xiaomi_camera_share_event``: a camera, a person, what happened."""

    type: EventType
    entry_id: str | None = None
    did: str | None = None
    camera_name: str | None = None
    user_id: str | None = None
    nickname: str | None = None
    permission: str | None = None
    expires_at: datetime | None = None
    message: str | None = None

    @classmethod
    def about_invite(
        cls, event_type: EventType, entry_id: str, invite: Invite, message: str | None = None
    ) -> Self:
        """An event about an invite to an account: its camera, and who sent it."""
        return cls(
            type=event_type,
            entry_id=entry_id,
            did=invite.did,
            camera_name=invite.device_name,
            user_id=invite.sender_id,
            nickname=invite.sender_name,
            message=message,
        )


class EventLog:
    """Fires each event on the bus and appends the same facts to the history."""

    def __init__(self, hass: HomeAssistant, store: ShareStore) -> None:
        self._hass = hass
        self._store = store

    @callback
    def record(self, event: ShareEvent) -> None:
        """Fire the event, keep it in the history, and tell the card."""
        expires = event.expires_at.isoformat() if event.expires_at else None

        def build(history_id: int) -> HistoryRecord:
            return HistoryRecord(
                id=history_id,
                time=dt_util.utcnow().isoformat(),
                type=event.type.value,
                entry_id=event.entry_id,
                did=event.did,
                camera_name=event.camera_name,
                user_id=event.user_id,
                nickname=event.nickname,
                permission=event.permission,
                expires_at=expires,
                message=event.message,
            )

        record = self._store.add_history(build)
        self._hass.bus.async_fire(EVENT_NAME, {k: v for k, v in record.items() if k not in ("id", "time")})
        async_dispatcher_send(self._hass, SIGNAL_STATE_CHANGED)
