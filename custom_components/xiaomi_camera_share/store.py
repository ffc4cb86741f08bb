"""Persistent state of the integration: timed shares, audit history, saved recipients."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, NotRequired, TypedDict

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.storage import Store

from .const import DOMAIN

if TYPE_CHECKING:
    from collections.abc import Callable

STORAGE_KEY: Final = f"{DOMAIN}.storage"
STORAGE_VERSION: Final = 1
STORAGE_MINOR_VERSION: Final = 1
HISTORY_LIMIT: Final = 500
# History is not precious enough to write on every entry; expiries are written at once.
HISTORY_SAVE_DELAY: Final = 2.0


class ExpiryRecord(TypedDict):
    """A share that must be revoked at ``expires_at`` (ISO 8601, UTC).

    It is written before the share is asked of the cloud, so a share whose answer
    was lost still ends on time. ``set_at`` tells a refresh that began earlier, and
    so cannot show the share yet, from one that proves the share is gone.
    """

    entry_id: str
    region: str
    did: str
    camera_name: str
    user_id: str
    nickname: str
    permission: str
    expires_at: str
    failures: int
    set_at: NotRequired[str]


class HistoryRecord(TypedDict):
    """One audit entry; the shape of the state document's ``historyEntry``."""

    id: int
    time: str
    type: str
    entry_id: str | None
    did: str | None
    camera_name: str | None
    user_id: str | None
    nickname: str | None
    permission: str | None
    expires_at: str | None
    message: str | None


class RecipientRecord(TypedDict):
    """A saved recipient: a name people use for a Xiaomi account."""

    name: str
    user_id: str
    nickname: str | None
    region: str | None


class StoredData(TypedDict):
    """Everything the Store file holds."""

    expiries: list[ExpiryRecord]
    history: list[HistoryRecord]
    next_history_id: int
    recipients: list[RecipientRecord]
    schema: NotRequired[int]


def _empty() -> StoredData:
    return {"expiries": [], "history": [], "next_history_id": 1, "recipients": []}


class _MigratingStore(Store[StoredData]):
    """A Store that upgrades older files; version 1 is the first, so nothing to do yet."""

    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: dict[str, Any]
    ) -> StoredData:
        data = _empty()
        data.update(old_data)  # type: ignore[typeddict-item]
        return data


class ShareStore:
    """Typed access to the Store file, with listeners for the websocket subscription."""

    def __init__(self, hass: HomeAssistant) -> None:
        self._store = _MigratingStore(hass, STORAGE_VERSION, STORAGE_KEY, minor_version=STORAGE_MINOR_VERSION)
        self._data: StoredData = _empty()

    async def async_load(self) -> None:
        """Read the file (or start empty)."""
        self._data = await self._store.async_load() or _empty()

    # --- timed shares ---------------------------------------------------

    @property
    def expiries(self) -> list[ExpiryRecord]:
        """Every pending expiry."""
        return list(self._data["expiries"])

    def find_expiry(self, entry_id: str, did: str, user_id: str) -> ExpiryRecord | None:
        """The expiry of one sharee of one camera, if the share is timed."""
        for record in self._data["expiries"]:
            if (record["entry_id"], record["did"], record["user_id"]) == (entry_id, did, user_id):
                return record
        return None

    async def async_set_expiry(self, record: ExpiryRecord) -> None:
        """Add or replace the expiry of one sharee of one camera."""
        self._remove(record["entry_id"], record["did"], record["user_id"])
        self._data["expiries"].append(record)
        await self._store.async_save(self._data)

    async def async_remove_expiry(self, entry_id: str, did: str, user_id: str) -> bool:
        """Forget an expiry; True when there was one."""
        removed = self._remove(entry_id, did, user_id)
        if removed:
            await self._store.async_save(self._data)
        return removed

    def _remove(self, entry_id: str, did: str, user_id: str) -> bool:
        before = len(self._data["expiries"])
        self._data["expiries"] = [
            r
            for r in self._data["expiries"]
            if (r["entry_id"], r["did"], r["user_id"]) != (entry_id, did, user_id)
        ]
        return len(self._data["expiries"]) != before

    # --- audit history --------------------------------------------------

    @callback
    def add_history(self, entry: Callable[[int], HistoryRecord]) -> HistoryRecord:
        """Append an entry built with the next id; the oldest fall off past the limit."""
        record = entry(self._data["next_history_id"])
        self._data["next_history_id"] += 1
        self._data["history"].insert(0, record)
        del self._data["history"][HISTORY_LIMIT:]
        self._store.async_delay_save(lambda: self._data, HISTORY_SAVE_DELAY)
        return record

    def history_page(self, before_id: int | None, limit: int) -> list[HistoryRecord]:
        """Newest first, only entries older than ``before_id`` when given."""
        entries = self._data["history"]
        if before_id is not None:
            entries = [e for e in entries if e["id"] < before_id]
        return entries[:limit]

    # --- saved recipients -----------------------------------------------

    @property
    def recipients(self) -> list[RecipientRecord]:
        """Saved recipients, in the order they were saved."""
        return list(self._data["recipients"])

    def find_recipient(self, name: str) -> RecipientRecord | None:
        """A saved recipient by name, ignoring case and surrounding blanks."""
        wanted = name.strip().casefold()
        return next((r for r in self._data["recipients"] if r["name"].casefold() == wanted), None)

    async def async_save_recipient(self, record: RecipientRecord) -> None:
        """Add a recipient, or replace the one with the same name."""
        self._data["recipients"] = [
            r for r in self._data["recipients"] if r["name"].casefold() != record["name"].casefold()
        ]
        self._data["recipients"].append(record)
        await self._store.async_save(self._data)

    async def async_delete_recipient(self, name: str) -> bool:
        """Forget a saved recipient; True when there was one."""
        found = self.find_recipient(name)
        if found is None:
            return False
        self._data["recipients"].remove(found)
        await self._store.async_save(self._data)
        return True
