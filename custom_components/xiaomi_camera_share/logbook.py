"""Logbook lines for the integration's events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from homeassistant.components.logbook.const import LOGBOOK_ENTRY_MESSAGE, LOGBOOK_ENTRY_NAME
from homeassistant.core import Event, HomeAssistant, callback

from .const import DOMAIN, EVENT_NAME, EventType

if TYPE_CHECKING:
    from collections.abc import Callable

MESSAGES: Final[dict[str, str]] = {
    EventType.INVITE_SENT: "invited {nickname} to {camera}",
    EventType.SHARE_ACCEPTED: "{nickname} accepted {camera}",
    EventType.SHARE_DECLINED: "{nickname} declined {camera}",
    EventType.SHARE_REVOKED: "stopped sharing {camera} with {nickname}",
    EventType.SHARE_EXPIRED: "timed access of {nickname} to {camera} ended",
    EventType.INVITE_RECEIVED: "{nickname} invited this account to {camera}",
    EventType.INVITE_ACCEPTED: "accepted {camera} from {nickname}",
    EventType.INVITE_DECLINED: "declined {camera} from {nickname}",
    EventType.ACTION_FAILED: "could not change sharing of {camera} ({message})",
}


def describe(event: Event) -> dict[str, str]:
    """One sentence per event, from the names it carries."""
    data = event.data
    template = MESSAGES.get(data.get("type", ""), "changed sharing of {camera}")
    message = template.format(
        nickname=data.get("nickname") or data.get("user_id") or "someone",
        camera=data.get("camera_name") or data.get("did") or "a camera",
        message=data.get("message") or "unknown error",
    )
    return {LOGBOOK_ENTRY_NAME: "Xiaomi Camera Share", LOGBOOK_ENTRY_MESSAGE: message}


@callback
def async_describe_events(
    hass: HomeAssistant,
    async_describe_event: Callable[[str, str, Callable[[Event], dict[str, Any]]], None],
) -> None:
    """Describe ``xiaomi_camera_share_event`` in the logbook."""
    async_describe_event(DOMAIN, EVENT_NAME, describe)
