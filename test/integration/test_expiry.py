"""Timed guest access: on time, across restarts, after downtime, and when the cloud fails."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import async_capture_events, async_fire_time_changed

from custom_components.xiaomi_camera_share.const import DOMAIN, EVENT_NAME
from custom_components.xiaomi_camera_share.data import DATA_KEY
from custom_components.xiaomi_camera_share.expiry import retry_delay
from custom_components.xiaomi_camera_share.store import STORAGE_KEY

from .conftest import GUEST, OWNER, make_entry, setup_entry
from .helpers import call, device_id

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant
    from homeassistant.helpers import issue_registry as ir

    from .fake_cloud import FakeCloud


def _stored(entry_id: str, expires_at: str, failures: int = 0) -> dict[str, Any]:
    return {
        "version": 1,
        "minor_version": 1,
        "key": STORAGE_KEY,
        "data": {
            "expiries": [
                {
                    "entry_id": entry_id,
                    "region": "cn",
                    "did": "cam1",
                    "camera_name": "Front door",
                    "user_id": GUEST,
                    "nickname": "Bob",
                    "permission": "control",
                    "expires_at": expires_at,
                    "failures": failures,
                }
            ],
            "history": [],
            "next_history_id": 1,
            "recipients": [],
        },
    }


async def _advance(hass: HomeAssistant, delta: timedelta) -> None:
    async_fire_time_changed(hass, dt_util.utcnow() + delta)
    await hass.async_block_till_done()


async def test_timed_share_is_revoked_on_time(hass: HomeAssistant, cloud: FakeCloud) -> None:
    entry = await setup_entry(hass, make_entry())
    events = async_capture_events(hass, EVENT_NAME)
    await call(
        hass,
        "share",
        {
            "device_id": device_id(hass, entry.entry_id, "cam1"),
            "recipient": GUEST,
            "duration": {"minutes": 5},
        },
    )
    await _advance(hass, timedelta(minutes=4))
    assert len(cloud.sharees_of("cam1")) == 1
    await _advance(hass, timedelta(minutes=6))
    assert cloud.sharees_of("cam1") == []
    assert [e.data["type"] for e in events] == ["invite_sent", "share_expired"]
    assert hass.data[DATA_KEY].store.expiries == []


async def test_expiry_survives_restart(
    hass: HomeAssistant, cloud: FakeCloud, hass_storage: dict[str, Any]
) -> None:
    entry = make_entry()
    cloud.add_share(OWNER, "cam1", GUEST, accepted=True)
    hass_storage[STORAGE_KEY] = _stored(entry.entry_id, (dt_util.utcnow() + timedelta(hours=1)).isoformat())
    await setup_entry(hass, entry)
    state = await call(hass, "list_shares", {})
    cam1 = next(c for c in state["cameras"] if c["did"] == "cam1")
    assert cam1["sharees"][0]["expires_at"] is not None
    assert len(cloud.sharees_of("cam1")) == 1
    await _advance(hass, timedelta(hours=2))
    assert cloud.sharees_of("cam1") == []


async def test_expired_while_home_assistant_was_down(
    hass: HomeAssistant, cloud: FakeCloud, hass_storage: dict[str, Any]
) -> None:
    entry = make_entry()
    cloud.add_share(OWNER, "cam1", GUEST, accepted=True)
    hass_storage[STORAGE_KEY] = _stored(entry.entry_id, (dt_util.utcnow() - timedelta(hours=3)).isoformat())
    events = async_capture_events(hass, EVENT_NAME)
    await setup_entry(hass, entry)
    await hass.async_block_till_done()
    assert cloud.sharees_of("cam1") == []
    assert [e.data["type"] for e in events] == ["share_expired"]


async def test_unloaded_account_keeps_expiry_until_loaded(
    hass: HomeAssistant, cloud: FakeCloud, hass_storage: dict[str, Any]
) -> None:
    entry = make_entry()
    cloud.add_share(OWNER, "cam1", GUEST, accepted=True)
    hass_storage[STORAGE_KEY] = _stored(entry.entry_id, (dt_util.utcnow() + timedelta(minutes=1)).isoformat())
    await setup_entry(hass, entry)
    await hass.config_entries.async_unload(entry.entry_id)
    await _advance(hass, timedelta(minutes=5))
    assert len(cloud.sharees_of("cam1")) == 1
    await hass.config_entries.async_setup(entry.entry_id)
    await _advance(hass, timedelta(minutes=5))
    assert cloud.sharees_of("cam1") == []


async def test_cloud_failing_at_expiry_retries_then_raises_repair(
    hass: HomeAssistant, cloud: FakeCloud, issue_registry: ir.IssueRegistry
) -> None:
    entry = await setup_entry(hass, make_entry())
    await call(
        hass,
        "share",
        {
            "device_id": device_id(hass, entry.entry_id, "cam1"),
            "recipient": GUEST,
            "duration": {"minutes": 1},
        },
    )
    events = async_capture_events(hass, EVENT_NAME)
    cloud.failing_calls.add("revoke")
    await _advance(hass, timedelta(minutes=2))  # first try fails
    assert hass.data[DATA_KEY].store.expiries[0]["failures"] == 1
    await _advance(hass, timedelta(minutes=4))  # retry after 1 min fails
    assert not _expiry_issues(issue_registry)
    await _advance(hass, timedelta(minutes=8))  # retry after 2 min fails: repair issue
    [issue] = _expiry_issues(issue_registry)
    assert issue.domain == DOMAIN
    assert issue.translation_key == "expiry_failed"
    assert issue.translation_placeholders == {
        "camera": "Front door",
        "person": "Bob",
        "account": entry.title,
        "error": "cannot_connect",
    }
    assert [e.data["type"] for e in events] == ["action_failed"]
    assert len(cloud.sharees_of("cam1")) == 1

    cloud.failing_calls.clear()
    await _advance(hass, timedelta(minutes=20))
    assert cloud.sharees_of("cam1") == []
    assert not _expiry_issues(issue_registry)
    assert [e.data["type"] for e in events] == ["action_failed", "share_expired"]


async def test_failed_expiry_is_retried_at_once_after_restart(
    hass: HomeAssistant, cloud: FakeCloud, hass_storage: dict[str, Any]
) -> None:
    entry = make_entry()
    cloud.add_share(OWNER, "cam1", GUEST, accepted=True)
    hass_storage[STORAGE_KEY] = _stored(
        entry.entry_id, (dt_util.utcnow() + timedelta(days=1)).isoformat(), failures=2
    )
    await setup_entry(hass, entry)
    await hass.async_block_till_done()
    assert cloud.sharees_of("cam1") == []


def test_backoff_doubles_and_is_capped() -> None:
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert retry_delay(20) == timedelta(hours=1)


async def test_revoke_cancels_expiry(hass: HomeAssistant, cloud: FakeCloud) -> None:
    entry = await setup_entry(hass, make_entry())
    cam1 = device_id(hass, entry.entry_id, "cam1")
    await call(hass, "share", {"device_id": cam1, "recipient": GUEST, "duration": {"hours": 1}})
    await call(hass, "revoke", {"device_id": cam1, "recipient": GUEST})
    assert hass.data[DATA_KEY].store.expiries == []


async def _share_for_an_hour(hass: HomeAssistant, entry_id: str) -> None:
    await call(
        hass,
        "share",
        {"device_id": device_id(hass, entry_id, "cam1"), "recipient": GUEST, "duration": {"hours": 1}},
    )


async def test_removing_the_account_ends_its_timed_shares(hass: HomeAssistant, cloud: FakeCloud) -> None:
    entry = await setup_entry(hass, make_entry())
    await _share_for_an_hour(hass, entry.entry_id)
    assert len(cloud.sharees_of("cam1")) == 1
    events = async_capture_events(hass, EVENT_NAME)

    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()

    assert cloud.sharees_of("cam1") == []
    assert hass.data[DATA_KEY].store.expiries == []
    assert [e.data["type"] for e in events] == ["share_revoked"]


async def test_a_timed_share_that_outlives_its_removed_account_is_reported(
    hass: HomeAssistant, cloud: FakeCloud, issue_registry: ir.IssueRegistry
) -> None:
    entry = await setup_entry(hass, make_entry())
    await _share_for_an_hour(hass, entry.entry_id)
    cloud.failing = True

    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()

    assert len(cloud.sharees_of("cam1")) == 1
    assert hass.data[DATA_KEY].store.expiries == []
    issue = issue_registry.async_get_issue(DOMAIN, f"expiry_orphaned_{entry.entry_id}_cam1_{GUEST}")
    assert issue is not None
    assert issue.translation_key == "expiry_orphaned"
    assert issue.translation_placeholders == {"camera": "Front door", "person": "Bob"}


def _expiry_issues(issue_registry: ir.IssueRegistry) -> list[ir.IssueEntry]:
    """Repair issues about timed shares (the blueprint offer is another matter)."""
    return [i for i in issue_registry.issues.values() if i.translation_key.startswith("expiry_")]
