"""Logbook lines for the integration's events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from homeassistant.components.logbook.const import LOGBOOK_ENTRY_MESSAGE, LOGBOOK_ENTRY_NAME
from homeassistant.core import Event, HomeAssistant, callback

from .const import DOMAIN, EVENT_NAME

if TYPE_CHECKING:
    from collections.abc import Callable

MESSAGES: Final = {
    "invite_sent": "invited {nickname} to {camera}",
    "share_accepted": "{nickname} accepted {camera}",
    "share_declined": "{nickname} declined {camera}",
    "share_revoked": "stopped sharing {camera} with {nickname}",
    "share_expired": "timed access of {nickname} to {camera} ended",
    "invite_received": "{nickname} invited this account to {camera}",
    "invite_accepted": "accepted {camera} from {nickname}",
    "invite_declined": "declined {camera} from {nickname}",
    "action_failed": "could not change sharing of {camera} ({message})",
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
