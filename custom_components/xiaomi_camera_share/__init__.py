"""Xiaomi Camera Share: share Mi Home cameras between Xiaomi accounts from Home Assistant."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.const import EVENT_HOMEASSISTANT_STOP, Platform
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryAuthFailed, ConfigEntryNotReady
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.event import async_track_time_interval

from . import api
from .accounts import account_of_user
from .const import CONF_C_USER_ID, CONF_PASS_TOKEN, DOMAIN, SIGNAL_STATE_CHANGED
from .coordinator import AccountCoordinator
from .data import DATA_KEY, DomainData, XiaomiConfigEntry
from .devices import async_sync_devices
from .entry_data import entry_credentials
from .events import EventLog
from .expiry import ExpiryScheduler
from .frontend import async_setup_frontend
from .repairs import async_offer_blueprints
from .services import async_setup_services
from .sharing import QUICK_READ_EVERY, AccountSharing, SharingContext
from .store import ShareStore
from .websocket_api import async_setup_websocket

if TYPE_CHECKING:
    from homeassistant.helpers.typing import ConfigType

    from .cloud.models import Credentials

PLATFORMS = [Platform.CAMERA, Platform.SENSOR]
CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Set up what all accounts share: Store, events, timers, actions, websocket, card."""
    store = ShareStore(hass)
    await store.async_load()
    events = EventLog(hass, store)
    expiries = ExpiryScheduler(hass, store, events)
    context = SharingContext(store, expiries, events, peers=lambda user_id: account_of_user(hass, user_id))
    hass.data[DATA_KEY] = DomainData(store=store, events=events, expiries=expiries, sharing=context)
    expiries.async_start()
    api.async_check_cloud_override(hass)

    @callback
    def stop_timers(_event: Event) -> None:
        expiries.async_shutdown()

    hass.bus.async_listen_once(EVENT_HOMEASSISTANT_STOP, stop_timers)
    async_setup_services(hass)
    async_setup_websocket(hass)
    await async_setup_frontend(hass)
    await async_offer_blueprints(hass)
    return True


def _account(hass: HomeAssistant, entry: XiaomiConfigEntry) -> AccountSharing:
    """A client, a coordinator and the sharing layer over them, for one account."""

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
    return AccountSharing(hass, entry, client, coordinator, hass.data[DATA_KEY].sharing)


async def async_setup_entry(hass: HomeAssistant, entry: XiaomiConfigEntry) -> bool:
    """Log in with the stored passToken and read the account once."""
    account = _account(hass, entry)
    try:
        await account.coordinator.async_config_entry_first_refresh()
    except (ConfigEntryAuthFailed, ConfigEntryNotReady) as err:
        # Its timed shares cannot end while it is down: say which are overdue, now.
        hass.data[DATA_KEY].expiries.async_report_unattended(entry.entry_id, err)
        raise
    entry.runtime_data = account

    @callback
    def on_refresh() -> None:
        account.async_on_refresh()
        async_sync_devices(hass, entry)
        async_dispatcher_send(hass, SIGNAL_STATE_CHANGED)

    entry.async_on_unload(account.coordinator.async_add_listener(on_refresh))
    entry.async_on_unload(
        async_track_time_interval(
            hass,
            account.async_quick_read,
            QUICK_READ_EVERY,
            name=f"{DOMAIN} quick share read",
            cancel_on_shutdown=True,
        )
    )
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    hass.data[DATA_KEY].expiries.async_attach(entry.entry_id, account)
    on_refresh()
    return True


async def async_remove_entry(hass: HomeAssistant, entry: XiaomiConfigEntry) -> None:
    """End the account's timed shares before it goes; its expiries would never fire."""
    await _account(hass, entry).async_end_all_timed_shares()


async def async_unload_entry(hass: HomeAssistant, entry: XiaomiConfigEntry) -> bool:
    """Stop the account's timers and platforms; its expiries stay in the Store."""
    hass.data[DATA_KEY].expiries.async_detach(entry.entry_id)
    unloaded = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    async_dispatcher_send(hass, SIGNAL_STATE_CHANGED)
    return unloaded
