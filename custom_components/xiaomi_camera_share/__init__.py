"""Xiaomi Camera Share: share Mi Home cameras between Xiaomi accounts from Home Assistant."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.const import EVENT_HOMEASSISTANT_STOP, Platform
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.dispatcher import async_dispatcher_send

from . import api
from .cloud.models import Credentials
from .const import CONF_C_USER_ID, CONF_DEVICE_ID, CONF_PASS_TOKEN, CONF_USER_ID, DOMAIN
from .coordinator import AccountCoordinator
from .data import DATA_KEY, SIGNAL_STATE_CHANGED, AccountRuntime, DomainData, XiaomiConfigEntry
from .devices import async_sync_devices
from .expiry import ExpiryScheduler
from .frontend import async_setup_frontend
from .services import async_setup_services
from .store import ShareStore
from .websocket_api import async_setup_websocket

if TYPE_CHECKING:
    from homeassistant.helpers.typing import ConfigType

PLATFORMS = [Platform.SENSOR]
CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Set up what all accounts share: Store, timers, actions, websocket, card."""
    store = ShareStore(hass)
    await store.async_load()
    scheduler = ExpiryScheduler(hass, store)
    hass.data[DATA_KEY] = DomainData(store=store, expiries=scheduler)

    @callback
    def stop_timers(_event: Event) -> None:
        scheduler.async_shutdown()

    hass.bus.async_listen_once(EVENT_HOMEASSISTANT_STOP, stop_timers)
    async_setup_services(hass)
    async_setup_websocket(hass)
    await async_setup_frontend(hass)
    return True


def entry_credentials(entry: XiaomiConfigEntry) -> Credentials:
    """The stored login of an account."""
    return Credentials(
        user_id=entry.data[CONF_USER_ID],
        pass_token=entry.data[CONF_PASS_TOKEN],
        device_id=entry.data[CONF_DEVICE_ID],
        c_user_id=entry.data.get(CONF_C_USER_ID),
    )


async def async_setup_entry(hass: HomeAssistant, entry: XiaomiConfigEntry) -> bool:
    """Log in with the stored passToken and read the account once."""

    @callback
    def keep_credentials(credentials: Credentials) -> None:
        # The cloud may hand out a new passToken; keep it so the next start works.
        hass.config_entries.async_update_entry(
            entry,
            data={
                **entry.data,
                CONF_PASS_TOKEN: credentials.pass_token,
                CONF_C_USER_ID: credentials.c_user_id,
            },
        )

    client = api.create_client(hass, entry_credentials(entry), keep_credentials)
    coordinator = AccountCoordinator(hass, entry, client)
    await coordinator.async_config_entry_first_refresh()
    entry.runtime_data = AccountRuntime(client=client, coordinator=coordinator)

    @callback
    def announce_change() -> None:
        async_sync_devices(hass, entry)
        async_dispatcher_send(hass, SIGNAL_STATE_CHANGED)

    entry.async_on_unload(coordinator.async_add_listener(announce_change))
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    hass.data[DATA_KEY].expiries.async_entry_loaded(entry.entry_id)
    announce_change()
    return True


async def async_remove_entry(hass: HomeAssistant, entry: XiaomiConfigEntry) -> None:
    """End the account's timed shares before it goes; its expiries would never fire."""
    client = api.create_client(hass, entry_credentials(entry))
    await hass.data[DATA_KEY].expiries.async_entry_removed(entry.entry_id, client)


async def async_unload_entry(hass: HomeAssistant, entry: XiaomiConfigEntry) -> bool:
    """Stop the account's timers and platforms; its expiries stay in the Store."""
    hass.data[DATA_KEY].expiries.async_entry_unloaded(entry.entry_id)
    unloaded = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    async_dispatcher_send(hass, SIGNAL_STATE_CHANGED)
    return unloaded
