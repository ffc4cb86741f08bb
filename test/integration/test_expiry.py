"""Timed guest access: on time, across restarts, after downtime, and when the cloud fails."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from homeassistant.core import callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import async_capture_events

from custom_components.xiaomi_camera_share.const import DOMAIN, EVENT_NAME, SIGNAL_STATE_CHANGED

from .conftest import FRONT_DOOR, GUEST, OWNER, make_entry, setup_entry
from .helpers import STORAGE_KEY, advance, call, device_id, stored_expiries, types

if TYPE_CHECKING:
    import pytest
    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.common import MockConfigEntry

    from .simulator import Simulator, World

REVOKE = "/share/delete_user"


def _stored(entry_id: str, expires_at: str, failures: int = 0) -> dict[str, Any]:
    """The integration's storage file holding one timed share of the front door with the guest."""
    return {
        "version": 1,
        "minor_version": 1,
        "key": STORAGE_KEY,
        "data": {
            "expiries": [
                {
                    "entry_id": entry_id,
                    "region": "cn",
                    "did": FRONT_DOOR.did,
                    "camera_name": "Front door",
                    "user_id": GUEST.user_id,
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


async def _restart_with_stored_expiry(
    simulator: Simulator,
    world: World,
    hass_storage: dict[str, Any],
    expires_in: timedelta,
    failures: int = 0,
) -> MockConfigEntry:
    """The guest holds the front door; Home Assistant starts with its expiry stored."""
    world.share(FRONT_DOOR, GUEST, accepted=True)
    await simulator.seed(world)
    entry = await make_entry(simulator, OWNER)
    expires_at = (dt_util.utcnow() + expires_in).isoformat()
    hass_storage[STORAGE_KEY] = _stored(entry.entry_id, expires_at, failures)
    return entry


async def _share_for(hass: HomeAssistant, entry_id: str, duration: dict[str, int]) -> None:
    await call(
        hass,
        "share",
        {
            "device_id": device_id(hass, entry_id, FRONT_DOOR.did),
            "recipient": GUEST.user_id,
            "duration": duration,
        },
    )


async def _front_door_sharees(simulator: Simulator) -> list[str]:
    return [s.sharee for s in await simulator.shares(FRONT_DOOR.did)]


async def test_timed_share_is_revoked_on_time(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    events = async_capture_events(hass, EVENT_NAME)
    await _share_for(hass, owner_entry.entry_id, {"minutes": 5})
    await advance(hass, timedelta(minutes=4))
    assert await _front_door_sharees(simulator) == [GUEST.user_id]
    await advance(hass, timedelta(minutes=6))
    assert await _front_door_sharees(simulator) == []
    assert types(events) == ["invite_sent", "share_expired"]
    assert stored_expiries(hass_storage) == []


async def test_expiry_survives_restart(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_storage: dict[str, Any]
) -> None:
    entry = await _restart_with_stored_expiry(simulator, world, hass_storage, timedelta(hours=1))
    await setup_entry(hass, entry)
    state = await call(hass, "list_shares", {})
    front_door = next(c for c in state["cameras"] if c["did"] == FRONT_DOOR.did)
    assert front_door["sharees"][0]["expires_at"] is not None
    assert await _front_door_sharees(simulator) == [GUEST.user_id]
    await advance(hass, timedelta(hours=2))
    assert await _front_door_sharees(simulator) == []


async def test_expired_while_home_assistant_was_down(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_storage: dict[str, Any]
) -> None:
    entry = await _restart_with_stored_expiry(simulator, world, hass_storage, -timedelta(hours=3))
    events = async_capture_events(hass, EVENT_NAME)
    await setup_entry(hass, entry)
    await hass.async_block_till_done()
    assert await _front_door_sharees(simulator) == []
    assert types(events) == ["share_expired"]


async def test_unloaded_account_keeps_expiry_until_loaded(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_storage: dict[str, Any]
) -> None:
    entry = await _restart_with_stored_expiry(simulator, world, hass_storage, timedelta(minutes=1))
    await setup_entry(hass, entry)
    await hass.config_entries.async_unload(entry.entry_id)
    await advance(hass, timedelta(minutes=5))
    assert await _front_door_sharees(simulator) == [GUEST.user_id]
    await hass.config_entries.async_setup(entry.entry_id)
    await advance(hass, timedelta(minutes=5))
    assert await _front_door_sharees(simulator) == []


async def test_cloud_failing_at_expiry_retries_then_raises_repair(
    hass: HomeAssistant,
    simulator: Simulator,
    owner_entry: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    hass_storage: dict[str, Any],
) -> None:
    await _share_for(hass, owner_entry.entry_id, {"minutes": 1})
    events = async_capture_events(hass, EVENT_NAME)
    await simulator.fault("status", REVOKE, status=503)
    await advance(hass, timedelta(minutes=2))  # first try fails
    assert [r["failures"] for r in stored_expiries(hass_storage)] == [1]
    await advance(hass, timedelta(minutes=4))  # retry after 1 min fails
    assert not _expiry_issues(issue_registry)
    await advance(hass, timedelta(minutes=8))  # retry after 2 min fails: repair issue
    [issue] = _expiry_issues(issue_registry)
    assert issue.domain == DOMAIN
    assert issue.translation_key == "expiry_failed"
    assert issue.translation_placeholders == {
        "camera": "Front door",
        "person": "Bob",
        "account": owner_entry.title,
        "error": "cannot_connect",
    }
    assert types(events) == ["action_failed"]
    assert await _front_door_sharees(simulator) == [GUEST.user_id]

    await simulator.clear_faults()
    await advance(hass, timedelta(minutes=20))
    assert await _front_door_sharees(simulator) == []
    assert not _expiry_issues(issue_registry)
    assert types(events) == ["action_failed", "share_expired"]


async def test_retries_wait_twice_as_long_each_time_up_to_an_hour(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    await _share_for(hass, owner_entry.entry_id, {"minutes": 1})
    await simulator.fault("status", REVOKE, status=503)
    await advance(hass, timedelta(minutes=2))  # the first try fails
    half_a_minute = timedelta(seconds=30)
    for failures, wait_minutes in enumerate((1, 2, 4, 8, 16, 32, 60, 60), start=1):
        wait = timedelta(minutes=wait_minutes)
        await advance(hass, wait - half_a_minute)
        assert [r["failures"] for r in stored_expiries(hass_storage)] == [failures], wait_minutes
        await advance(hass, wait + half_a_minute)
        assert [r["failures"] for r in stored_expiries(hass_storage)] == [failures + 1], wait_minutes


async def test_failed_expiry_is_retried_at_once_after_restart(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_storage: dict[str, Any]
) -> None:
    entry = await _restart_with_stored_expiry(simulator, world, hass_storage, timedelta(days=1), failures=2)
    await setup_entry(hass, entry)
    await hass.async_block_till_done()
    assert await _front_door_sharees(simulator) == []


async def test_revoke_cancels_expiry(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    await _share_for(hass, owner_entry.entry_id, {"hours": 1})
    assert len(stored_expiries(hass_storage)) == 1
    front_door = device_id(hass, owner_entry.entry_id, FRONT_DOOR.did)
    await call(hass, "revoke", {"device_id": front_door, "recipient": GUEST.user_id})
    assert stored_expiries(hass_storage) == []


async def test_removing_the_account_ends_its_timed_shares(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    await _share_for(hass, owner_entry.entry_id, {"hours": 1})
    assert await _front_door_sharees(simulator) == [GUEST.user_id]
    events = async_capture_events(hass, EVENT_NAME)

    await hass.config_entries.async_remove(owner_entry.entry_id)
    await hass.async_block_till_done()

    assert await _front_door_sharees(simulator) == []
    assert stored_expiries(hass_storage) == []
    assert types(events) == ["share_revoked"]


async def test_a_timed_share_that_outlives_its_removed_account_is_reported(
    hass: HomeAssistant,
    simulator: Simulator,
    owner_entry: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    hass_storage: dict[str, Any],
) -> None:
    await _share_for(hass, owner_entry.entry_id, {"hours": 1})
    await simulator.fault("status", status=503)

    await hass.config_entries.async_remove(owner_entry.entry_id)
    await hass.async_block_till_done()

    assert await _front_door_sharees(simulator) == [GUEST.user_id]
    assert stored_expiries(hass_storage) == []
    issue_id = f"expiry_orphaned_{owner_entry.entry_id}_{FRONT_DOOR.did}_{GUEST.user_id}"
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_key == "expiry_orphaned"
    assert issue.translation_placeholders == {"camera": "Front door", "person": "Bob"}


def _expiry_issues(issue_registry: ir.IssueRegistry) -> list[ir.IssueEntry]:
    """Repair issues about timed shares (the blueprint offer and the cloud override are other matters)."""
    return [i for i in issue_registry.issues.values() if i.translation_key.startswith("expiry_")]


async def test_a_failing_expiry_is_logged_repaired_and_recorded_in_full(
    hass: HomeAssistant,
    simulator: Simulator,
    owner_entry: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await _share_for(hass, owner_entry.entry_id, {"minutes": 1})
    events = async_capture_events(hass, EVENT_NAME)
    await simulator.fault("status", REVOKE, status=503)
    await advance(hass, timedelta(minutes=2))
    assert (
        "Could not end the timed share of Front door with Bob (cannot_connect); trying again in 0:01:00"
        in [r.getMessage() for r in caplog.records]
    )
    await advance(hass, timedelta(minutes=4))
    await advance(hass, timedelta(minutes=8))
    [issue] = _expiry_issues(issue_registry)
    assert (issue.is_fixable, issue.severity) == (False, ir.IssueSeverity.ERROR)
    [failed] = events
    assert failed.data == {
        "type": "action_failed",
        "entry_id": owner_entry.entry_id,
        "did": FRONT_DOOR.did,
        "camera_name": "Front door",
        "user_id": GUEST.user_id,
        "nickname": "Bob",
        "permission": None,
        "expires_at": None,
        "message": "expiry_failed",
    }


async def test_an_expiry_the_cloud_refuses_for_a_lost_login_asks_to_log_in(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry, issue_registry: ir.IssueRegistry
) -> None:
    await _share_for(hass, owner_entry.entry_id, {"minutes": 1})
    await simulator.revoke_pass_tokens(OWNER)
    await simulator.expire_service_tokens()
    await advance(hass, timedelta(minutes=2))
    await advance(hass, timedelta(minutes=4))
    await advance(hass, timedelta(minutes=8))
    [issue] = _expiry_issues(issue_registry)
    assert issue.translation_key == "expiry_failed_auth"
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["error"] == "auth_expired"


async def test_an_overdue_share_of_an_account_that_cannot_act_is_repaired_naming_it(
    hass: HomeAssistant,
    simulator: Simulator,
    world: World,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
) -> None:
    entry = await _restart_with_stored_expiry(simulator, world, hass_storage, timedelta(minutes=1))
    await setup_entry(hass, entry)
    await hass.config_entries.async_unload(entry.entry_id)
    await advance(hass, timedelta(minutes=5))
    [issue] = _expiry_issues(issue_registry)
    assert issue.issue_id == f"expiry_failed_{entry.entry_id}_{FRONT_DOOR.did}_{GUEST.user_id}"
    assert (issue.translation_key, issue.is_fixable, issue.severity) == (
        "expiry_overdue",
        False,
        ir.IssueSeverity.ERROR,
    )
    assert issue.translation_placeholders == {"camera": "Front door", "person": "Bob", "account": entry.title}
    # Once the account can act, the share ends and the repair goes.
    await hass.config_entries.async_setup(entry.entry_id)
    await advance(hass, timedelta(minutes=5))
    assert await _front_door_sharees(simulator) == []
    assert not _expiry_issues(issue_registry)


async def test_an_overdue_share_of_an_account_no_longer_here_is_named_by_the_accounts_id(
    hass: HomeAssistant,
    simulator: Simulator,
    world: World,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
) -> None:
    entry = await _restart_with_stored_expiry(simulator, world, hass_storage, timedelta(minutes=1))
    # The account was removed while Home Assistant was down; its timed share stayed stored.
    hass_storage[STORAGE_KEY] = _stored(
        "removed-account", hass_storage[STORAGE_KEY]["data"]["expiries"][0]["expires_at"]
    )
    await setup_entry(hass, entry)
    await advance(hass, timedelta(minutes=5))
    [issue] = _expiry_issues(issue_registry)
    assert issue.translation_key == "expiry_overdue"
    assert issue.translation_placeholders == {
        "camera": "Front door",
        "person": "Bob",
        "account": "removed-account",
    }
    # Nothing here can end it: the guest still holds the camera, and the repair says so.
    assert await _front_door_sharees(simulator) == [GUEST.user_id]


async def test_an_overdue_share_of_an_account_asked_to_log_in_again_says_so(
    hass: HomeAssistant,
    simulator: Simulator,
    world: World,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
) -> None:
    entry = await _restart_with_stored_expiry(simulator, world, hass_storage, timedelta(minutes=1))
    await setup_entry(hass, entry)
    await hass.config_entries.async_unload(entry.entry_id)
    entry.async_start_reauth(hass)
    await hass.async_block_till_done()
    await advance(hass, timedelta(minutes=5))
    [issue] = _expiry_issues(issue_registry)
    assert issue.translation_key == "expiry_overdue_auth"
    assert issue.translation_placeholders == {"camera": "Front door", "person": "Bob", "account": entry.title}


async def test_timed_shares_are_stamped_and_announced_as_they_change(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    announced: list[None] = []

    @callback
    def heard() -> None:
        announced.append(None)

    async_dispatcher_connect(hass, SIGNAL_STATE_CHANGED, heard)
    before = dt_util.utcnow()
    await _share_for(hass, owner_entry.entry_id, {"hours": 1})
    [record] = stored_expiries(hass_storage)
    set_at = dt_util.parse_datetime(record["set_at"])
    assert set_at is not None
    assert before <= set_at <= dt_util.utcnow()
    assert announced
    announced.clear()
    front_door = device_id(hass, owner_entry.entry_id, FRONT_DOOR.did)
    await call(hass, "set_expiry", {"device_id": front_door, "recipient": GUEST.user_id})
    assert stored_expiries(hass_storage) == []
    assert announced
    # Timing the share again changes nothing else: the new end alone tells the open cards.
    announced.clear()
    await call(
        hass, "set_expiry", {"device_id": front_door, "recipient": GUEST.user_id, "duration": {"hours": 2}}
    )
    assert len(stored_expiries(hass_storage)) == 1
    assert announced


async def test_an_ended_timed_share_is_recorded_with_the_camera_and_the_person(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    await _share_for(hass, owner_entry.entry_id, {"minutes": 5})
    events = async_capture_events(hass, EVENT_NAME)
    await advance(hass, timedelta(minutes=6))
    [expired] = events
    assert {k: expired.data[k] for k in ("type", "did", "camera_name", "user_id", "nickname")} == {
        "type": "share_expired",
        "did": FRONT_DOOR.did,
        "camera_name": "Front door",
        "user_id": GUEST.user_id,
        "nickname": "Bob",
    }


async def test_removing_the_account_records_and_reports_each_timed_share_by_name(
    hass: HomeAssistant,
    simulator: Simulator,
    owner_entry: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await _share_for(hass, owner_entry.entry_id, {"hours": 1})
    events = async_capture_events(hass, EVENT_NAME)
    await simulator.fault("status", REVOKE, status=503, count=1)
    await hass.config_entries.async_remove(owner_entry.entry_id)
    await hass.async_block_till_done()
    assert (
        "Could not end the timed share of Front door with Bob before its account was removed (cannot_connect)"
        in [r.getMessage() for r in caplog.records]
    )
    [issue] = _expiry_issues(issue_registry)
    assert (issue.is_fixable, issue.severity) == (False, ir.IssueSeverity.ERROR)
    assert events == []


async def test_removing_the_account_records_the_end_of_each_timed_share(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    await _share_for(hass, owner_entry.entry_id, {"hours": 1})
    events = async_capture_events(hass, EVENT_NAME)
    await hass.config_entries.async_remove(owner_entry.entry_id)
    await hass.async_block_till_done()
    [revoked] = events
    assert {k: revoked.data[k] for k in ("type", "did", "camera_name", "user_id", "nickname")} == {
        "type": "share_revoked",
        "did": FRONT_DOOR.did,
        "camera_name": "Front door",
        "user_id": GUEST.user_id,
        "nickname": "Bob",
    }
