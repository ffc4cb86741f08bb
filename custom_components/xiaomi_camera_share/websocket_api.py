"""Websocket commands for the card: the state subscription, saved recipients, history pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import probatio as vol
from homeassistant.components.websocket_api import async_register_command
from homeassistant.components.websocket_api.const import ERR_NOT_FOUND
from homeassistant.components.websocket_api.decorators import async_response, require_admin, websocket_command
from homeassistant.components.websocket_api.messages import event_message
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.dispatcher import async_dispatcher_connect, async_dispatcher_send

from .cloud.regions import Region
from .const import DOMAIN, SIGNAL_STATE_CHANGED
from .data import DATA_KEY
from .state import state_document
from .store import RecipientRecord

if TYPE_CHECKING:
    from homeassistant.components.websocket_api.connection import ActiveConnection

HISTORY_PAGE_MAX = 200


@callback
def async_setup_websocket(hass: HomeAssistant) -> None:
    """Register the commands (all admin-only)."""
    async_register_command(hass, ws_subscribe)
    async_register_command(hass, ws_save_recipient)
    async_register_command(hass, ws_delete_recipient)
    async_register_command(hass, ws_history)


@require_admin
@websocket_command({vol.Required("type"): f"{DOMAIN}/subscribe"})
@callback
def ws_subscribe(hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]) -> None:
    """Send the whole state document now and again after every change."""
    msg_id = msg["id"]
    pending = False

    @callback
    def push() -> None:
        nonlocal pending
        pending = False
        if msg_id in connection.subscriptions:
            connection.send_message(event_message(msg_id, state_document(hass)))

    @callback
    def schedule_push() -> None:
        # An action fires several changes in a row (its events, the expiry, the
        # refresh); build and send the document once for all of them.
        nonlocal pending
        if not pending:
            pending = True
            hass.loop.call_soon(push)

    # An open card makes the accounts read share state more often until it closes.
    context = hass.data[DATA_KEY].sharing
    context.watchers += 1
    disconnect = async_dispatcher_connect(hass, SIGNAL_STATE_CHANGED, schedule_push)

    @callback
    def unsubscribe() -> None:
        context.watchers -= 1
        disconnect()

    connection.subscriptions[msg_id] = unsubscribe
    connection.send_result(msg_id)
    push()


@require_admin
@websocket_command(
    {
        vol.Required("type"): f"{DOMAIN}/recipients/save",
        vol.Required("name"): vol.All(str, vol.Strip, vol.Length(min=1, max=64)),
        vol.Required("user_id"): vol.All(str, vol.Match(r"^\d{1,20}$")),
        vol.Optional("nickname"): vol.Any(None, str),
        vol.Optional("region"): vol.Any(None, vol.In([r.value for r in Region])),
    }
)
@async_response
async def ws_save_recipient(hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]) -> None:
    """Add or replace a saved recipient."""
    record = RecipientRecord(
        name=msg["name"], user_id=msg["user_id"], nickname=msg.get("nickname"), region=msg.get("region")
    )
    await hass.data[DATA_KEY].store.async_save_recipient(record)
    async_dispatcher_send(hass, SIGNAL_STATE_CHANGED)
    connection.send_result(msg["id"], dict(record))


@require_admin
@websocket_command({vol.Required("type"): f"{DOMAIN}/recipients/delete", vol.Required("name"): str})
@async_response
async def ws_delete_recipient(hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]) -> None:
    """Forget a saved recipient."""
    if not await hass.data[DATA_KEY].store.async_delete_recipient(msg["name"]):
        connection.send_error(msg["id"], ERR_NOT_FOUND, "No saved recipient has that name")
        return
    async_dispatcher_send(hass, SIGNAL_STATE_CHANGED)
    connection.send_result(msg["id"])


@require_admin
@websocket_command(
    {
        vol.Required("type"): f"{DOMAIN}/history",
        vol.Optional("before_id"): vol.Coerce(int),
        vol.Optional("limit", default=50): vol.All(vol.Coerce(int), vol.Range(min=1, max=HISTORY_PAGE_MAX)),
    }
)
@callback
def ws_history(hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]) -> None:
    """A page of the audit history, newest first."""
    entries = hass.data[DATA_KEY].store.history_page(msg.get("before_id"), msg["limit"])
    connection.send_result(msg["id"], {"entries": entries})
