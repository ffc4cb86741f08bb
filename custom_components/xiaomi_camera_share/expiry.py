"""Timed guest access: the expiry records and their timers, retried until the share ends.

What ending a share means (the cloud call, the event, the refresh) belongs to the
sharing layer; this module decides when, and keeps trying when the cloud fails.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Final, Protocol

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.util import dt as dt_util

from .cloud.errors import XiaomiCloudError
from .const import DOMAIN, SIGNAL_STATE_CHANGED, EventType
from .events import ShareEvent

if TYPE_CHECKING:
    from .events import EventLog
    from .store import ExpiryRecord, ShareStore

_LOGGER = logging.getLogger(__name__)

# After this many failed revokes in a row a repair issue tells the user.
FAILURES_BEFORE_REPAIR: Final = 3
FIRST_RETRY: Final = timedelta(minutes=1)
LONGEST_RETRY: Final = timedelta(hours=1)

type ExpiryKey = tuple[str, str, str]


class ExpiryHandler(Protocol):
    """Ends one timed share of an account; raises XiaomiCloudError when the cloud fails."""

    async def async_end_expired(self, record: ExpiryRecord) -> None:
        """Revoke the share the record describes."""


def expiry_key(record: ExpiryRecord) -> ExpiryKey:
    """Account, camera and person: one timed share."""
    return (record["entry_id"], record["did"], record["user_id"])


def retry_delay(failures: int) -> timedelta:
    """Doubling waits from one minute, capped at an hour."""
    delay: timedelta = FIRST_RETRY * 2 ** max(failures - 1, 0)
    return min(delay, LONGEST_RETRY)


def issue_id(record: ExpiryRecord) -> str:
    """One repair issue per camera and person."""
    return f"expiry_failed_{record['entry_id']}_{record['did']}_{record['user_id']}"


def expires_at(record: ExpiryRecord) -> datetime:
    """When the share is to end."""
    return dt_util.parse_datetime(record["expires_at"]) or dt_util.utcnow()


class ExpiryScheduler:
    """Every timed share in the Store, with one timer per share of a loaded account."""

    def __init__(self, hass: HomeAssistant, store: ShareStore, events: EventLog) -> None:
        self._hass = hass
        self._store = store
        self._events = events
        self._timers: dict[ExpiryKey, CALLBACK_TYPE] = {}
        self._handlers: dict[str, ExpiryHandler] = {}

    # --- records ---------------------------------------------------------------

    def find(self, entry_id: str, did: str, user_id: str) -> ExpiryRecord | None:
        """The expiry of one sharee of one camera, if the share is timed."""
        return self._store.find_expiry(entry_id, did, user_id)

    def records_of(self, entry_id: str) -> list[ExpiryRecord]:
        """Every timed share of one account."""
        return [r for r in self._store.expiries if r["entry_id"] == entry_id]

    async def async_set(self, record: ExpiryRecord) -> None:
        """Save an expiry (new or changed) and arm it."""
        await self._store.async_set_expiry(record)
        if record["entry_id"] in self._handlers:
            self._arm(record, expires_at(record))
        async_dispatcher_send(self._hass, SIGNAL_STATE_CHANGED)

    async def async_cancel(self, entry_id: str, did: str, user_id: str) -> bool:
        """Forget an expiry (the share became permanent or ended); True when there was one."""
        record = self._store.find_expiry(entry_id, did, user_id)
        if record is None:
            return False
        self._disarm(expiry_key(record))
        ir.async_delete_issue(self._hass, DOMAIN, issue_id(record))
        await self._store.async_remove_expiry(entry_id, did, user_id)
        async_dispatcher_send(self._hass, SIGNAL_STATE_CHANGED)
        return True

    # --- timers ----------------------------------------------------------------

    @callback
    def async_attach(self, entry_id: str, handler: ExpiryHandler) -> None:
        """Arm a loaded account's expiries; those already past (HA was down) run at once."""
        self._handlers[entry_id] = handler
        for record in self.records_of(entry_id):
            self._arm(record, dt_util.utcnow() if record["failures"] else expires_at(record))

    @callback
    def async_detach(self, entry_id: str) -> None:
        """Stop an account's timers; the Store keeps its expiries for the next load."""
        self._handlers.pop(entry_id, None)
        for key in [k for k in self._timers if k[0] == entry_id]:
            self._disarm(key)

    @callback
    def async_shutdown(self) -> None:
        """Cancel every timer."""
        for unsub in self._timers.values():
            unsub()
        self._timers.clear()
        self._handlers.clear()

    def _arm(self, record: ExpiryRecord, when: datetime) -> None:
        key = expiry_key(record)
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
        handler = self._handlers.get(key[0])
        if record is None or handler is None:
            return
        try:
            await handler.async_end_expired(record)
        except XiaomiCloudError as err:
            await self._async_failed(record, err)

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
            self._events.record(
                ShareEvent(
                    type=EventType.ACTION_FAILED,
                    entry_id=record["entry_id"],
                    did=record["did"],
                    camera_name=record["camera_name"],
                    user_id=record["user_id"],
                    nickname=record["nickname"],
                    message="expiry_failed",
                )
            )
        self._arm(updated, dt_util.utcnow() + delay)
