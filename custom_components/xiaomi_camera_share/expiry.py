"""Timed guest access: the expiry records and their timers, retried until the share ends.

What ending a share means (the cloud call, the event, the refresh) belongs to the
sharing layer; this module decides when, and keeps trying when the cloud fails.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Final, Protocol

from homeassistant.config_entries import SOURCE_REAUTH
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.util import dt as dt_util

from .cloud.errors import AuthError, XiaomiCloudError
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
    """Ends one timed share of an account; raises when that fails."""

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


def _is_auth_failure(err: BaseException) -> bool:
    return isinstance(err, AuthError)


class ExpiryScheduler:
    """Every timed share in the Store, each with a timer, retried until it has ended.

    Timers run for every record, loaded account or not: one that falls due while
    its account cannot act (its passToken died, the cloud was down at start) raises
    a repair naming the camera and the person, instead of passing silently.
    """

    def __init__(self, hass: HomeAssistant, store: ShareStore, events: EventLog) -> None:
        self._hass = hass
        self._store = store
        self._events = events
        self._timers: dict[ExpiryKey, CALLBACK_TYPE] = {}
        self._handlers: dict[str, ExpiryHandler] = {}
        self._running: set[ExpiryKey] = set()

    # --- records ---------------------------------------------------------------

    def find(self, entry_id: str, did: str, user_id: str) -> ExpiryRecord | None:
        """The expiry of one sharee of one camera, if the share is timed."""
        return self._store.find_expiry(entry_id, did, user_id)

    def records_of(self, entry_id: str) -> list[ExpiryRecord]:
        """Every timed share of one account."""
        return [r for r in self._store.expiries if r["entry_id"] == entry_id]

    def is_running(self, entry_id: str, did: str, user_id: str) -> bool:
        """Whether the share is being ended right now."""
        return (entry_id, did, user_id) in self._running

    async def async_set(self, record: ExpiryRecord) -> None:
        """Save an expiry (new or changed) and arm it."""
        stamped: ExpiryRecord = {**record, "set_at": dt_util.utcnow().isoformat()}
        await self._store.async_set_expiry(stamped)
        self._arm(stamped, expires_at(stamped))
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

    async def async_reconcile(
        self, entry_id: str, regions_read: set[str], still_shared: set[tuple[str, str]], read_at: datetime
    ) -> None:
        """Forget records whose share the cloud no longer lists (declined, or ended in Mi Home).

        Only records older than the read, in regions it covered, count: a share asked
        for after the read began cannot show in it yet. A record kept would later end
        a new permanent share of the same camera with the same person.
        """
        for record in self.records_of(entry_id):
            set_at = dt_util.parse_datetime(stamp) if (stamp := record.get("set_at")) else None
            if (
                record["region"] not in regions_read
                or (record["did"], record["user_id"]) in still_shared
                or (set_at is not None and set_at >= read_at)
            ):
                continue
            if expiry_key(record) not in self._running:
                await self.async_cancel(*expiry_key(record))

    @callback
    def async_sweep(self, entry_id: str) -> None:
        """Start at once every expiry already past due: a clock jump or a suspend delays timers."""
        now = dt_util.utcnow()
        for record in self.records_of(entry_id):
            if (
                record["failures"] == 0
                and expires_at(record) <= now
                and expiry_key(record) not in self._running
            ):
                self._arm(record, now)

    # --- timers ----------------------------------------------------------------

    @callback
    def async_start(self) -> None:
        """Arm every record in the Store, whether or not its account loads."""
        for record in self._store.expiries:
            self._arm(record, expires_at(record))

    @callback
    def async_attach(self, entry_id: str, handler: ExpiryHandler) -> None:
        """An account can act: its expiries already past (HA was down) run at once."""
        self._handlers[entry_id] = handler
        for record in self.records_of(entry_id):
            self._arm(record, dt_util.utcnow() if record["failures"] else expires_at(record))

    @callback
    def async_detach(self, entry_id: str) -> None:
        """An account stops acting; its timers stay, to tell when a share is left overdue."""
        self._handlers.pop(entry_id, None)

    @callback
    def async_report_unattended(self, entry_id: str, cause: BaseException) -> None:
        """An account could not load: name each of its overdue shares in a repair now."""
        now = dt_util.utcnow()
        for record in self.records_of(entry_id):
            if expires_at(record) <= now:
                self._repair_unattended(
                    record, auth=_is_auth_failure(cause) or isinstance(cause, ConfigEntryAuthFailed)
                )

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
        if record is None or key in self._running:
            return
        handler = self._handlers.get(key[0])
        if handler is None:
            self._repair_unattended(record, auth=self._needs_login(key[0]))
            return
        self._running.add(key)
        try:
            await handler.async_end_expired(record)
        except Exception as err:  # whatever failed, the share must not stay behind
            await self._async_failed(record, err)
        finally:
            self._running.discard(key)

    def _needs_login(self, entry_id: str) -> bool:
        entry = self._hass.config_entries.async_get_entry(entry_id)
        return entry is not None and any(
            True for _ in entry.async_get_active_flows(self._hass, {SOURCE_REAUTH})
        )

    def _account_title(self, entry_id: str) -> str:
        entry = self._hass.config_entries.async_get_entry(entry_id)
        return entry.title if entry else entry_id

    def _repair_unattended(self, record: ExpiryRecord, *, auth: bool) -> None:
        """The share is past due and its account cannot end it now."""
        ir.async_create_issue(
            self._hass,
            DOMAIN,
            issue_id(record),
            is_fixable=False,
            severity=ir.IssueSeverity.ERROR,
            translation_key="expiry_overdue_auth" if auth else "expiry_overdue",
            translation_placeholders={
                "camera": record["camera_name"],
                "person": record["nickname"],
                "account": self._account_title(record["entry_id"]),
            },
        )

    async def _async_failed(self, record: ExpiryRecord, err: Exception) -> None:
        current = self._store.find_expiry(*expiry_key(record))
        if current is None or current["expires_at"] != record["expires_at"]:
            # Revoked or rescheduled by hand while this attempt ran: theirs stands.
            return
        failures = current["failures"] + 1
        updated: ExpiryRecord = {**current, "failures": failures}
        await self._store.async_set_expiry(updated)
        delay = retry_delay(failures)
        cause = err.key if isinstance(err, XiaomiCloudError) else type(err).__name__
        _LOGGER.warning(
            "Could not end the timed share of %s with %s (%s); trying again in %s",
            record["camera_name"],
            record["nickname"],
            cause,
            delay,
        )
        if failures >= FAILURES_BEFORE_REPAIR:
            # Raised again on every later failure: a repair from before a restart is not
            # active after it, and the cause (a login, say) may have changed since.
            ir.async_create_issue(
                self._hass,
                DOMAIN,
                issue_id(record),
                is_fixable=False,
                severity=ir.IssueSeverity.ERROR,
                translation_key="expiry_failed_auth" if _is_auth_failure(err) else "expiry_failed",
                translation_placeholders={
                    "camera": record["camera_name"],
                    "person": record["nickname"],
                    "account": self._account_title(record["entry_id"]),
                    "error": cause,
                },
            )
        if failures == FAILURES_BEFORE_REPAIR:
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
