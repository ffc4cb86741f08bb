"""Logbook lines for the integration's events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from homeassistant.components.logbook.const import LOGBOOK_ENTRY_MESSAGE, LOGBOOK_ENTRY_NAME
from homeassistant.core import Event, HomeAssistant, callback

from .const import DOMAIN, EVENT_NAME, EventType

if TYPE_CHECKING:
    from collections.abc import Callable

# The logbook is open to every user, so its lines name the camera, never the person:
# who can watch what stays in the card's history, which only admins see.
MESSAGES: Final[dict[str, str]] = {
    EventType.INVITE_SENT: "sent an invite to {camera}",
    EventType.SHARE_ACCEPTED: "an invite to {camera} was accepted",
    EventType.SHARE_DECLINED: "an invite to {camera} was declined",
    EventType.SHARE_REVOKED: "stopped a share of {camera}",
    EventType.SHARE_EXPIRED: "a timed share of {camera} ended",
    EventType.INVITE_RECEIVED: "this account was invited to {camera}",
    EventType.INVITE_ACCEPTED: "accepted an invite to {camera}",
    EventType.INVITE_DECLINED: "declined an invite to {camera}",
    EventType.ACTION_FAILED: "could not change sharing of {camera} ({message})",
}


def describe(event: Event) -> dict[str, str]:
    """One sentence per event, from the names it carries."""
    data = event.data
    template = MESSAGES.get(data.get("type", ""), "changed sharing of {camera}")
    message = template.format(
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
