"""Timed guest access: revoke on time, after downtime, and keep trying when the cloud fails."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Final

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.util import dt as dt_util

from .cloud.errors import XiaomiCloudError
from .cloud.regions import Region
from .const import DOMAIN
from .data import SIGNAL_STATE_CHANGED, XiaomiConfigEntry
from .events import async_record_event

if TYPE_CHECKING:
    from .cloud.client import XiaomiCloudClient
    from .store import ExpiryRecord, ShareStore

_LOGGER = logging.getLogger(__name__)

# After this many failed revokes in a row a repair issue tells the user.
FAILURES_BEFORE_REPAIR: Final = 3
FIRST_RETRY: Final = timedelta(minutes=1)
LONGEST_RETRY: Final = timedelta(hours=1)

type ExpiryKey = tuple[str, str, str]


def _key(record: ExpiryRecord) -> ExpiryKey:
    return (record["entry_id"], record["did"], record["user_id"])


def retry_delay(failures: int) -> timedelta:
    """Doubling waits from one minute, capped at an hour."""
    delay: timedelta = FIRST_RETRY * 2 ** max(failures - 1, 0)
    return min(delay, LONGEST_RETRY)


def issue_id(record: ExpiryRecord) -> str:
    """One repair issue per camera and person."""
    return f"expiry_failed_{record['entry_id']}_{record['did']}_{record['user_id']}"


def _record(
    hass: HomeAssistant,
    event_type: str,
    record: ExpiryRecord,
    *,
    permission: str | None = None,
    expires_at: datetime | None = None,
    message: str | None = None,
) -> None:
    """An event about the camera and the person of a timed share."""
    async_record_event(
        hass,
        event_type,
        entry_id=record["entry_id"],
        did=record["did"],
        camera_name=record["camera_name"],
        user_id=record["user_id"],
        nickname=record["nickname"],
        permission=permission,
        expires_at=expires_at,
        message=message,
    )


class ExpiryScheduler:
    """Keeps one timer per timed share of every loaded account."""

    def __init__(self, hass: HomeAssistant, store: ShareStore) -> None:
        self._hass = hass
        self._store = store
        self._timers: dict[ExpiryKey, CALLBACK_TYPE] = {}

    @callback
    def async_entry_loaded(self, entry_id: str) -> None:
        """Arm the account's expiries; those already past (HA was down) run at once."""
        for record in self._store.expiries:
            if record["entry_id"] == entry_id:
                self._arm(record, self._due(record))

    @callback
    def async_entry_unloaded(self, entry_id: str) -> None:
        """Stop the account's timers; the Store keeps the expiries for the next load."""
        for key in [k for k in self._timers if k[0] == entry_id]:
            self._timers.pop(key)()

    async def async_set(self, record: ExpiryRecord) -> None:
        """Save an expiry (new or extended) and arm it."""
        await self._store.async_set_expiry(record)
        self._arm(record, dt_util.parse_datetime(record["expires_at"]) or dt_util.utcnow())
        async_dispatcher_send(self._hass, SIGNAL_STATE_CHANGED)

    async def async_cancel(self, entry_id: str, did: str, user_id: str) -> bool:
        """Make a timed share permanent (or forget it after a revoke)."""
        record = self._store.find_expiry(entry_id, did, user_id)
        if record is None:
            return False
        self._disarm(_key(record))
        ir.async_delete_issue(self._hass, DOMAIN, issue_id(record))
        await self._store.async_remove_expiry(entry_id, did, user_id)
        async_dispatcher_send(self._hass, SIGNAL_STATE_CHANGED)
        return True

    async def async_entry_removed(self, entry_id: str, client: XiaomiCloudClient) -> None:
        """End a removed account's timed shares now: nothing else would end them later.

        A share that cannot be ended is not dropped silently: a repair issue names the
        camera and the person who can still watch it.
        """
        for record in [r for r in self._store.expiries if r["entry_id"] == entry_id]:
            self._disarm(_key(record))
            ir.async_delete_issue(self._hass, DOMAIN, issue_id(record))
            placeholders = {"camera": record["camera_name"], "person": record["nickname"]}
            try:
                await client.revoke(Region(record["region"]), record["did"], [record["user_id"]])
            except XiaomiCloudError as err:
                _LOGGER.warning(
                    "Could not end the timed share of %s with %s before its account was removed (%s)",
                    record["camera_name"],
                    record["nickname"],
                    err.key,
                )
                ir.async_create_issue(
                    self._hass,
                    DOMAIN,
                    f"expiry_orphaned_{entry_id}_{record['did']}_{record['user_id']}",
                    is_fixable=False,
                    severity=ir.IssueSeverity.ERROR,
                    translation_key="expiry_orphaned",
                    translation_placeholders=placeholders,
                )
            else:
                _record(self._hass, "share_revoked", record, permission=record["permission"])
            await self._store.async_remove_expiry(entry_id, record["did"], record["user_id"])

    @callback
    def async_shutdown(self) -> None:
        """Cancel every timer."""
        for unsub in self._timers.values():
            unsub()
        self._timers.clear()

    def _due(self, record: ExpiryRecord) -> datetime:
        expires = dt_util.parse_datetime(record["expires_at"]) or dt_util.utcnow()
        if record["failures"]:
            return dt_util.utcnow()
        return expires

    def _arm(self, record: ExpiryRecord, when: datetime) -> None:
        key = _key(record)
        self._disarm(key)
        self._timers[key] = async_track_point_in_utc_time(
            self._hass, partial(self._async_fire, key), max(when, dt_util.utcnow())
        )

    def _disarm(self, key: ExpiryKey) -> None:
        if (unsub := self._timers.pop(key, None)) is not None:
            unsub()

    async def _async_fire(self, key: ExpiryKey, _now: datetime) -> None:
        self._timers.pop(key, None)
        record = self._store.find_expiry(*key)
        entry: XiaomiConfigEntry | None = self._hass.config_entries.async_get_entry(key[0])
        if record is None or entry is None or entry.state is not ConfigEntryState.LOADED:
            return
        runtime = entry.runtime_data
        try:
            await runtime.client.revoke(Region(record["region"]), record["did"], [record["user_id"]])
        except XiaomiCloudError as err:
            await self._async_failed(record, err)
            return
        runtime.coordinator.withdrawn.add((record["did"], record["user_id"]))
        await self.async_cancel(*key)
        _record(
            self._hass,
            "share_expired",
            record,
            permission=record["permission"],
            expires_at=dt_util.parse_datetime(record["expires_at"]),
        )
        await runtime.coordinator.async_request_refresh()

    async def _async_failed(self, record: ExpiryRecord, err: XiaomiCloudError) -> None:
        failures = record["failures"] + 1
        updated: ExpiryRecord = {**record, "failures": failures}
        await self._store.async_set_expiry(updated)
        delay = retry_delay(failures)
        _LOGGER.warning(
            "Could not end the timed share of %s with %s (%s); trying again in %s",
            record["camera_name"],
            record["nickname"],
            err.key,
            delay,
        )
        if failures == FAILURES_BEFORE_REPAIR:
            ir.async_create_issue(
                self._hass,
                DOMAIN,
                issue_id(record),
                is_fixable=False,
                severity=ir.IssueSeverity.ERROR,
                translation_key="expiry_failed",
                translation_placeholders={"camera": record["camera_name"], "person": record["nickname"]},
            )
            _record(self._hass, "action_failed", record, message="expiry_failed")
        self._arm(updated, dt_util.utcnow() + delay)
