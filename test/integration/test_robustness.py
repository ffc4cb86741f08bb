"""Nothing lost: the web session's lifetime, written-ahead timed shares, errors at expiry,
accounts that cannot load, stale expiry records, races, the development URL and
diagnostics in every state, each checked against the simulator's state.
"""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest
from homeassistant import config_entries
from homeassistant.config_entries import ConfigEntryState
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import async_capture_events, async_fire_time_changed
from pytest_homeassistant_custom_component.components.diagnostics import get_diagnostics_for_config_entry

from custom_components.xiaomi_camera_share.cloud.regions import CLOUD_OVERRIDE_ENV
from custom_components.xiaomi_camera_share.const import (
    CONF_PASS_TOKEN,
    CONF_REGIONS,
    CONF_SCAN_INTERVAL,
    DOMAIN,
    EVENT_NAME,
)

from .conftest import FRONT_DOOR, GARDEN, GUEST, OWNER, STRANGER, add_account, make_entry, setup_entry
from .helpers import (
    STORAGE_KEY,
    account_sharing,
    advance,
    answer_invite,
    call,
    device_id,
    share_cameras,
    stored_expiries,
    types,
)
from .simulator import Account, Camera

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant
    from homeassistant.helpers import issue_registry as ir
    from pytest_homeassistant_custom_component.common import MockConfigEntry
    from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

    from custom_components.xiaomi_camera_share.cloud.client import XiaomiCloudClient

    from .simulator import Simulator, World

DAVE = Account("4000000004", "Dave", "dave-test-password")
HALL = Camera("682000008", "Hall", GUEST.user_id)
LOBBY = Camera("681000006", "Lobby", OWNER.user_id, model="chuangmi.camera.72ac1", region="de")
PORCH = Camera("681000007", "Porch", OWNER.user_id, region="us")

POLL = timedelta(minutes=6)  # a little more than the default refresh interval
QUICK_READ = timedelta(seconds=21)  # a little more than the quick share read's interval
PAST_REQUEST_TIMEOUT = timedelta(seconds=30)
CN = "/api.io.mi.com/app"
DE = "/de.api.io.mi.com/app"
REVOKE = "/share/delete_user"
SHARE_REQUEST = "/share/share_request"
SHARE_REQUEST_BATCH = "/share/share_request_batch"


# --- helpers -----------------------------------------------------------------------


async def _sharees(simulator: Simulator, camera: Camera) -> list[tuple[str, str]]:
    """Who the cloud shares a camera with, and how far each got."""
    return [(s.sharee, s.status) for s in await simulator.shares(camera.did)]


def _expiry_issue(
    issue_registry: ir.IssueRegistry, entry: MockConfigEntry, camera: Camera, person: Account
) -> ir.IssueEntry | None:
    return issue_registry.async_get_issue(
        DOMAIN, f"expiry_failed_{entry.entry_id}_{camera.did}_{person.user_id}"
    )


def _stored_expiry(entry_id: str, camera: Camera, person: Account, expires_in: timedelta) -> dict[str, Any]:
    """The integration's storage file holding one timed share (as after a restart)."""
    return {
        "version": 1,
        "minor_version": 1,
        "key": STORAGE_KEY,
        "data": {
            "expiries": [
                {
                    "entry_id": entry_id,
                    "region": camera.region,
                    "did": camera.did,
                    "camera_name": camera.name,
                    "user_id": person.user_id,
                    "nickname": person.nickname,
                    "permission": "control",
                    "expires_at": (dt_util.utcnow() + expires_in).isoformat(),
                    "failures": 0,
                }
            ],
            "history": [],
            "next_history_id": 1,
            "recipients": [],
        },
    }


async def _log_in_again(hass: HomeAssistant, entry: MockConfigEntry, account: Account) -> None:
    """Finish the reauth flow Home Assistant started, with the account's password."""
    flows = [
        f
        for f in hass.config_entries.flow.async_progress_by_handler(DOMAIN)
        if f["context"]["source"] == config_entries.SOURCE_REAUTH
    ]
    flow_id = flows[0]["flow_id"] if flows else (await entry.start_reauth_flow(hass))["flow_id"]
    await hass.config_entries.flow.async_configure(flow_id, {"next_step_id": "password"})
    result = await hass.config_entries.flow.async_configure(
        flow_id, {"username": account.user_id, "password": account.password}
    )
    assert result["reason"] == "reauth_successful"
    await hass.async_block_till_done(wait_background_tasks=True)


def _state(entry: MockConfigEntry) -> ConfigEntryState:
    """The entry's state now (read through a call, so a type checker does not hold on to an earlier one)."""
    return entry.state


# --- 1. one web session for the integration's lifetime ----------------------------


async def _account_goes(hass: HomeAssistant, entry: MockConfigEntry, how: str) -> None:
    if how == "reload":
        assert await hass.config_entries.async_reload(entry.entry_id)
    elif how == "options":
        result = await hass.config_entries.options.async_init(entry.entry_id)
        await hass.config_entries.options.async_configure(result["flow_id"], {CONF_SCAN_INTERVAL: 10})
    else:
        await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()


@pytest.mark.parametrize("how", ["reload", "options", "remove"])
async def test_an_account_going_leaves_the_web_session_to_the_others(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_storage: dict[str, Any], how: str
) -> None:
    world.add_camera(HALL)
    world.add_account(DAVE)
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER)
    guest = await add_account(hass, simulator, GUEST)
    await share_cameras(hass, guest, [HALL], STRANGER.user_id, duration={"minutes": 5})

    await _account_goes(hass, owner, how)

    # The other account reads and writes as before.
    await call(hass, "refresh", {"config_entry_id": guest.entry_id})
    assert guest.state is ConfigEntryState.LOADED
    assert hass.states.get("sensor.hall_shared_with").attributes["pending"] == 1
    await share_cameras(hass, guest, [HALL], DAVE.user_id)
    assert (DAVE.user_id, "pending") in await _sharees(simulator, HALL)
    # A new login works.
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": config_entries.SOURCE_USER})
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"next_step_id": "password"})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": DAVE.user_id, "password": DAVE.password}
    )
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_REGIONS: ["cn"]})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert result["result"].state is ConfigEntryState.LOADED
    # The other account's timed share still ends on time.
    await advance(hass, timedelta(minutes=6))
    assert await _sharees(simulator, HALL) == [(DAVE.user_id, "pending")]
    assert stored_expiries(hass_storage) == []
    if how != "remove":
        assert owner.state is ConfigEntryState.LOADED


# --- 2. timed shares are written ahead ----------------------------------------------


@pytest.mark.parametrize(
    ("cameras", "lost"),
    [([FRONT_DOOR], SHARE_REQUEST), ([FRONT_DOOR, GARDEN], SHARE_REQUEST_BATCH)],
    ids=["one camera", "two cameras in one batch"],
)
async def test_a_timed_share_whose_answer_is_lost_still_ends_on_time(
    hass: HomeAssistant,
    simulator: Simulator,
    owner_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    cameras: list[Camera],
    lost: str,
) -> None:
    events = async_capture_events(hass, EVENT_NAME)
    await simulator.fault("reply_lost", lost, count=1)
    sharing = hass.async_create_task(
        share_cameras(hass, owner_entry, cameras, GUEST.user_id, duration={"hours": 1})
    )
    await simulator.faults_hit()  # the cloud made the invites; their answer never comes
    await advance(hass, PAST_REQUEST_TIMEOUT)
    with pytest.raises(HomeAssistantError) as err:
        await sharing
    assert err.value.translation_key == "share_unanswered_timed"
    assert "it will still end at its time" in str(err.value)
    for camera in cameras:
        assert await _sharees(simulator, camera) == [(GUEST.user_id, "pending")]
    assert sorted(r["did"] for r in stored_expiries(hass_storage)) == sorted(c.did for c in cameras)

    # The guest accepts; the refreshes that see the share keep its record.
    for camera in cameras:
        await answer_invite(simulator, camera, GUEST.user_id, accept=True)
    await advance(hass, POLL)
    assert len(stored_expiries(hass_storage)) == len(cameras)
    await advance(hass, timedelta(hours=1))
    for camera in cameras:
        assert await _sharees(simulator, camera) == []
    assert stored_expiries(hass_storage) == []
    assert types(events).count("share_expired") == len(cameras)


@pytest.mark.parametrize("cameras", [[FRONT_DOOR], [FRONT_DOOR, GARDEN]], ids=["one camera", "two cameras"])
async def test_a_refused_timed_share_leaves_no_record(
    hass: HomeAssistant,
    simulator: Simulator,
    world: World,
    hass_storage: dict[str, Any],
    cameras: list[Camera],
) -> None:
    for camera in cameras:
        world.share(camera, STRANGER, accepted=True)
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER)
    await simulator.config(shareeLimit=1)  # the cloud's own limit, unknown to the integration
    before = await simulator.shares()
    with pytest.raises(HomeAssistantError) as err:
        await share_cameras(hass, owner, cameras, GUEST.user_id, duration={"hours": 1})
    assert err.value.translation_key == "cloud_too_many_sharees"
    assert stored_expiries(hass_storage) == []
    assert await simulator.shares() == before


# --- 3. any error at expiry is retried with backoff ----------------------------------


class _BrokenRevoke:
    """The client's revoke raising what a closed or broken client raises, until mended."""

    def __init__(self, client: XiaomiCloudClient) -> None:
        self.broken = True
        self.calls = 0
        self._revoke = client.revoke

    async def __call__(self, *args: Any, **kwargs: Any) -> None:
        self.calls += 1
        if self.broken:
            raise RuntimeError("Session is closed")
        await self._revoke(*args, **kwargs)


async def test_any_error_at_expiry_retries_with_backoff_then_names_the_share(
    hass: HomeAssistant,
    simulator: Simulator,
    owner_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await share_cameras(hass, owner_entry, [FRONT_DOOR], GUEST.user_id, duration={"minutes": 1})
    client = account_sharing(owner_entry).client
    revoke = _BrokenRevoke(client)
    monkeypatch.setattr(client, "revoke", revoke)
    events = async_capture_events(hass, EVENT_NAME)

    await advance(hass, timedelta(minutes=2))  # due: the first try fails
    assert [r["failures"] for r in stored_expiries(hass_storage)] == [1]
    await advance(hass, timedelta(seconds=50))  # the retry waits a minute
    assert revoke.calls == 1
    await advance(hass, timedelta(minutes=4))  # second try
    assert [r["failures"] for r in stored_expiries(hass_storage)] == [2]
    assert _expiry_issue(issue_registry, owner_entry, FRONT_DOOR, GUEST) is None
    await advance(hass, timedelta(minutes=8))  # third try: a repair names it
    issue = _expiry_issue(issue_registry, owner_entry, FRONT_DOOR, GUEST)
    assert issue is not None
    assert issue.translation_key == "expiry_failed"
    assert issue.translation_placeholders == {
        "camera": FRONT_DOOR.name,
        "person": GUEST.nickname,
        "account": owner_entry.title,
        "error": "RuntimeError",
    }
    assert types(events) == ["action_failed"]
    assert await _sharees(simulator, FRONT_DOOR) == [(GUEST.user_id, "pending")]

    revoke.broken = False
    await advance(hass, timedelta(minutes=30))
    assert await _sharees(simulator, FRONT_DOOR) == []
    assert stored_expiries(hass_storage) == []
    assert _expiry_issue(issue_registry, owner_entry, FRONT_DOOR, GUEST) is None
    assert types(events) == ["action_failed", "share_expired"]


async def test_an_auth_failure_at_expiry_asks_to_log_in_again(
    hass: HomeAssistant,
    simulator: Simulator,
    owner_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
) -> None:
    await share_cameras(hass, owner_entry, [FRONT_DOOR], GUEST.user_id, duration={"minutes": 1})
    await simulator.revoke_pass_tokens(OWNER)
    await simulator.expire_service_tokens()
    for wait in (2, 4, 8):
        await advance(hass, timedelta(minutes=wait))
    assert [r["failures"] for r in stored_expiries(hass_storage)] == [3]
    issue = _expiry_issue(issue_registry, owner_entry, FRONT_DOOR, GUEST)
    assert issue is not None
    assert issue.translation_key == "expiry_failed_auth"
    assert issue.translation_placeholders == {
        "camera": FRONT_DOOR.name,
        "person": GUEST.nickname,
        "account": owner_entry.title,
        "error": "auth_expired",
    }
    assert await _sharees(simulator, FRONT_DOOR) == [(GUEST.user_id, "pending")]

    await _log_in_again(hass, owner_entry, OWNER)
    print("DBG", owner_entry.state, stored_expiries(hass_storage), issue_registry.issues.keys())
    assert await _sharees(simulator, FRONT_DOOR) == []
    assert stored_expiries(hass_storage) == []
    assert _expiry_issue(issue_registry, owner_entry, FRONT_DOOR, GUEST) is None


# --- 4. an account that cannot load names its overdue shares ------------------------


async def test_an_overdue_share_of_an_account_with_a_dead_pass_token_is_named_at_start(
    hass: HomeAssistant,
    simulator: Simulator,
    world: World,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True)
    await simulator.seed(world)
    entry = await make_entry(simulator, OWNER)
    hass_storage[STORAGE_KEY] = _stored_expiry(entry.entry_id, FRONT_DOOR, GUEST, -timedelta(hours=2))
    await simulator.revoke_pass_tokens(OWNER)

    await setup_entry(hass, entry)

    assert entry.state is ConfigEntryState.SETUP_ERROR
    issue = _expiry_issue(issue_registry, entry, FRONT_DOOR, GUEST)
    assert issue is not None
    assert issue.translation_key == "expiry_overdue_auth"
    assert issue.translation_placeholders == {
        "camera": FRONT_DOOR.name,
        "person": GUEST.nickname,
        "account": entry.title,
    }
    assert await _sharees(simulator, FRONT_DOOR) == [(GUEST.user_id, "accepted")]

    await _log_in_again(hass, entry, OWNER)
    assert _state(entry) is ConfigEntryState.LOADED
    assert await _sharees(simulator, FRONT_DOOR) == []
    assert _expiry_issue(issue_registry, entry, FRONT_DOOR, GUEST) is None


async def test_an_account_reloaded_with_a_dead_pass_token_names_its_overdue_share(
    hass: HomeAssistant,
    simulator: Simulator,
    world: World,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True)
    await simulator.seed(world)
    entry = await make_entry(simulator, OWNER)
    hass_storage[STORAGE_KEY] = _stored_expiry(entry.entry_id, FRONT_DOOR, GUEST, -timedelta(minutes=5))
    await simulator.fault("status", status=503)
    await setup_entry(hass, entry)  # the cloud is down: the share is overdue, nothing says why yet
    assert entry.state is ConfigEntryState.SETUP_RETRY
    issue = _expiry_issue(issue_registry, entry, FRONT_DOOR, GUEST)
    assert issue is not None
    assert issue.translation_key == "expiry_overdue"
    await simulator.clear_faults()
    await simulator.revoke_pass_tokens(OWNER)

    await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()

    assert _state(entry) is ConfigEntryState.SETUP_ERROR
    issue = _expiry_issue(issue_registry, entry, FRONT_DOOR, GUEST)
    assert issue is not None
    assert issue.translation_key == "expiry_overdue_auth"
    assert issue.translation_placeholders == {
        "camera": FRONT_DOOR.name,
        "person": GUEST.nickname,
        "account": entry.title,
    }
    assert await _sharees(simulator, FRONT_DOOR) == [(GUEST.user_id, "accepted")]

    await _log_in_again(hass, entry, OWNER)
    assert await _sharees(simulator, FRONT_DOOR) == []
    assert stored_expiries(hass_storage) == []
    assert _expiry_issue(issue_registry, entry, FRONT_DOOR, GUEST) is None


# --- 5. stale expiry records ----------------------------------------------------------


@pytest.mark.parametrize("gone", ["declined", "revoked in Mi Home"])
async def test_a_record_whose_share_is_gone_never_ends_a_later_permanent_share(
    hass: HomeAssistant,
    simulator: Simulator,
    world: World,
    owner_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    gone: str,
) -> None:
    await share_cameras(hass, owner_entry, [FRONT_DOOR], GUEST.user_id, duration={"hours": 1})
    assert len(stored_expiries(hass_storage)) == 1
    if gone == "declined":
        await answer_invite(simulator, FRONT_DOOR, GUEST.user_id, accept=False)
    else:
        await simulator.seed(world, keep_logins=True)  # the world without the share
    await call(hass, "refresh", {})
    await hass.async_block_till_done()
    assert stored_expiries(hass_storage) == []

    await share_cameras(hass, owner_entry, [FRONT_DOOR], GUEST.user_id)  # for good this time
    await answer_invite(simulator, FRONT_DOOR, GUEST.user_id, accept=True)
    await advance(hass, timedelta(hours=2))
    assert await _sharees(simulator, FRONT_DOOR) == [(GUEST.user_id, "accepted")]


# --- 7. bad inputs (more in test_bad_inputs.py and the fuzzing) -----------------------

_TARGET = object()  # stands for the front door's device id
_TWICE = object()  # stands for the front door's device id, given twice

BAD_INPUTS: list[tuple[str, dict[str, Any], str]] = [
    ("share", {"device_id": [], "recipient": GUEST.user_id}, "device_required"),
    ("share", {"device_id": None, "recipient": GUEST.user_id}, "device_required"),
    ("revoke", {"device_id": []}, "device_required"),
    ("revoke", {"device_id": None, "recipient": GUEST.user_id}, "device_required"),
    ("set_expiry", {"device_id": [], "recipient": GUEST.user_id}, "device_required"),
    (
        "set_expiry",
        {"device_id": None, "recipient": GUEST.user_id, "duration": {"hours": 1}},
        "device_required",
    ),
    ("share", {"device_id": _TWICE, "recipient": STRANGER.user_id}, "device_repeated"),
    ("revoke", {"device_id": _TWICE}, "device_repeated"),
    ("set_expiry", {"device_id": _TWICE, "recipient": GUEST.user_id}, "device_repeated"),
    *[
        (service, {"device_id": _TARGET, "recipient": person, "duration": duration}, "duration_too_long")
        for duration in (1e20, "99999999999:00", {"days": 1e12}, "inf", 10**30)
        for service, person in (("share", STRANGER.user_id), ("set_expiry", GUEST.user_id))
    ],
]


@pytest.mark.parametrize(
    ("service", "data", "key"),
    BAD_INPUTS,
    ids=[f"{service}-{key}-{n}" for n, (service, _, key) in enumerate(BAD_INPUTS)],
)
async def test_a_bad_input_is_refused_and_changes_nothing(
    hass: HomeAssistant,
    simulator: Simulator,
    world: World,
    hass_storage: dict[str, Any],
    service: str,
    data: dict[str, Any],
    key: str,
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True)
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER)
    await share_cameras(hass, owner, [GARDEN], GUEST.user_id, duration={"hours": 1})
    target = device_id(hass, owner.entry_id, FRONT_DOOR.did)
    given = {**data}
    if given["device_id"] is _TARGET:
        given["device_id"] = target
    elif given["device_id"] is _TWICE:
        given["device_id"] = [target, device_id(hass, owner.entry_id, GARDEN.did), target]
    shares_before = await simulator.shares()
    expiries_before = stored_expiries(hass_storage)
    events = async_capture_events(hass, EVENT_NAME)  # every history entry is also an event

    with pytest.raises(ServiceValidationError) as err:
        await call(hass, service, given)

    assert err.value.translation_domain == DOMAIN
    assert err.value.translation_key == key
    assert str(err.value)
    assert key not in str(err.value)
    assert await simulator.shares() == shares_before
    assert stored_expiries(hass_storage) == expiries_before
    assert events == []


@pytest.mark.parametrize("duration", [None, {"hours": 1}], ids=["permanent", "timed"])
async def test_a_batch_answer_refusing_a_later_camera_says_exactly_what_was_shared(
    hass: HomeAssistant,
    simulator: Simulator,
    world: World,
    owner_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    duration: dict[str, int] | None,
) -> None:
    # In Mi Home, after the integration's last refresh, the garden went to the guest.
    world.share(GARDEN, GUEST, accepted=False)
    await simulator.seed(world, keep_logins=True)
    events = async_capture_events(hass, EVENT_NAME)
    extra = {"duration": duration} if duration else {}

    with pytest.raises(HomeAssistantError) as err:
        await share_cameras(hass, owner_entry, [FRONT_DOOR, GARDEN], GUEST.user_id, **extra)

    assert err.value.translation_key == "share_stopped_after"
    assert err.value.translation_placeholders == {
        "camera": GARDEN.name,
        "done": FRONT_DOOR.name,
        "error": "already_shared",
    }
    assert await _sharees(simulator, FRONT_DOOR) == [(GUEST.user_id, "pending")]
    assert await _sharees(simulator, GARDEN) == [(GUEST.user_id, "pending")]
    # Refreshed at once: the front door's invite shows.
    assert hass.states.get("sensor.front_door_shared_with").attributes["pending"] == 1
    assert [r["did"] for r in stored_expiries(hass_storage)] == ([FRONT_DOOR.did] if duration else [])
    assert types(events) == ["invite_sent", "action_failed"]
    assert [e.data["did"] for e in events] == [FRONT_DOOR.did, GARDEN.did]


@pytest.mark.parametrize("failure", ["refused", "no answer", "answer lost"])
async def test_a_share_failing_on_a_later_camera_says_exactly_what_was_shared(
    hass: HomeAssistant,
    simulator: Simulator,
    world: World,
    hass_storage: dict[str, Any],
    failure: str,
) -> None:
    # Three cameras in three regions: one request each, in the order they are named.
    for camera in (LOBBY, PORCH):
        world.add_camera(camera)
    if failure == "refused":
        world.products[LOBBY.model] = "none"  # the cloud refuses what the model table allows
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER, regions=["cn", "de", "us"])
    if failure == "no answer":
        await simulator.fault("status", f"{DE}{SHARE_REQUEST}", status=503)
    elif failure == "answer lost":
        await simulator.fault("reply_lost", f"{DE}{SHARE_REQUEST}", count=1)
    events = async_capture_events(hass, EVENT_NAME)

    sharing = hass.async_create_task(
        share_cameras(hass, owner, [FRONT_DOOR, LOBBY, PORCH], GUEST.user_id, duration={"hours": 1})
    )
    if failure == "answer lost":
        await simulator.faults_hit()
        await advance(hass, PAST_REQUEST_TIMEOUT)
    with pytest.raises(HomeAssistantError) as err:
        await sharing

    assert err.value.translation_key == "share_stopped_after"
    assert err.value.translation_placeholders == {
        "camera": LOBBY.name,
        "done": FRONT_DOOR.name,
        "error": {"refused": "device_not_shareable", "no answer": "cannot_connect", "answer lost": "timeout"}[
            failure
        ],
    }
    assert "the cameras after it were not tried" in str(err.value)
    made = [FRONT_DOOR.did] + ([LOBBY.did] if failure == "answer lost" else [])
    assert [(s.did, s.sharee) for s in await simulator.shares()] == [(did, GUEST.user_id) for did in made]
    # Refreshed at once: the invites show.
    assert hass.states.get("sensor.front_door_shared_with").attributes["pending"] == 1
    # What was made ends on time; the untried camera, and one the refresh shows unmade, have no record.
    assert sorted(r["did"] for r in stored_expiries(hass_storage)) == sorted(made)
    assert types(events) == ["invite_sent", "action_failed"]
    await advance(hass, timedelta(hours=2))
    assert await simulator.shares() == []


# --- 8. races ---------------------------------------------------------------------------


async def test_a_refresh_in_flight_during_a_revoke_reports_no_decline(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=False)
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER)
    events = async_capture_events(hass, EVENT_NAME)
    # The refresh reads the share list at once but waits for its invites.
    await simulator.fault("latency", "/share/receive_share_list", ms=1500, count=1)
    refreshing = hass.async_create_task(call(hass, "refresh", {"config_entry_id": owner.entry_id}))
    await simulator.faults_hit()
    await asyncio.sleep(0.2)  # its share list (still with the invite) has come back
    front_door = device_id(hass, owner.entry_id, FRONT_DOOR.did)
    await call(hass, "revoke", {"device_id": front_door, "recipient": GUEST.user_id})
    await refreshing
    await call(hass, "refresh", {})
    await advance(hass, POLL)
    assert await _sharees(simulator, FRONT_DOOR) == []
    assert types(events) == ["share_revoked"]


async def test_a_quick_read_in_flight_during_a_revoke_reports_no_decline(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    """The quick read between refreshes reads two regions; one answers before the revoke, one after."""
    world.add_camera(LOBBY)
    world.share(FRONT_DOOR, GUEST, accepted=False)
    world.share(LOBBY, STRANGER, accepted=False)
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER, regions=["cn", "de"])
    events = async_capture_events(hass, EVENT_NAME)
    await simulator.fault("latency", DE, ms=1500, count=1)
    async_fire_time_changed(hass, dt_util.utcnow() + QUICK_READ)  # the quick read starts
    await simulator.faults_hit()
    await asyncio.sleep(0.2)  # the front door's sharees (the invite still there) have come back
    front_door = device_id(hass, owner.entry_id, FRONT_DOOR.did)
    await call(hass, "revoke", {"device_id": front_door, "recipient": GUEST.user_id})
    await hass.async_block_till_done(wait_background_tasks=True)  # the quick read ends
    await call(hass, "refresh", {})
    await advance(hass, POLL)
    assert await _sharees(simulator, FRONT_DOOR) == []
    assert types(events) == ["share_revoked"]


async def _expiry_revoke_in_flight(hass: HomeAssistant, simulator: Simulator, *, fails: bool) -> None:
    """Let a timed share of one minute fall due, its revoke held up in the cloud for a while."""
    await simulator.fault("latency", REVOKE, ms=1000, count=1)
    if fails:
        await simulator.fault("status", REVOKE, status=503, count=1)
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(minutes=2))
    await simulator.faults_hit()


async def test_a_manual_revoke_during_a_failing_expiry_revoke_stands(
    hass: HomeAssistant,
    simulator: Simulator,
    owner_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
) -> None:
    await share_cameras(hass, owner_entry, [FRONT_DOOR], GUEST.user_id, duration={"minutes": 1})
    events = async_capture_events(hass, EVENT_NAME)
    await _expiry_revoke_in_flight(hass, simulator, fails=True)
    front_door = device_id(hass, owner_entry.entry_id, FRONT_DOOR.did)
    await call(hass, "revoke", {"device_id": front_door, "recipient": GUEST.user_id})
    await hass.async_block_till_done(wait_background_tasks=True)  # the expiry's revoke fails
    assert stored_expiries(hass_storage) == []
    await advance(hass, timedelta(hours=2))
    assert stored_expiries(hass_storage) == []
    assert await _sharees(simulator, FRONT_DOOR) == []
    assert _expiry_issue(issue_registry, owner_entry, FRONT_DOOR, GUEST) is None
    assert types(events) == ["share_revoked"]


async def test_set_expiry_while_the_share_is_ending_is_refused(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    await share_cameras(hass, owner_entry, [FRONT_DOOR], GUEST.user_id, duration={"minutes": 1})
    events = async_capture_events(hass, EVENT_NAME)
    await _expiry_revoke_in_flight(hass, simulator, fails=False)
    front_door = device_id(hass, owner_entry.entry_id, FRONT_DOOR.did)
    for duration in ({"hours": 2}, None):
        data = {"device_id": front_door, "recipient": GUEST.user_id}
        with pytest.raises(ServiceValidationError) as err:
            await call(hass, "set_expiry", {**data, "duration": duration} if duration else data)
        assert err.value.translation_key == "expiry_in_progress"
        assert err.value.translation_placeholders == {"camera": FRONT_DOOR.name, "person": GUEST.nickname}
    await hass.async_block_till_done(wait_background_tasks=True)
    assert await _sharees(simulator, FRONT_DOOR) == []
    assert stored_expiries(hass_storage) == []
    assert types(events) == ["share_expired"]


# --- 9. the development cloud URL -----------------------------------------------------


async def test_plain_http_to_another_host_is_refused(
    hass: HomeAssistant,
    simulator: Simulator,
    world: World,
    simulator_url: str,
    monkeypatch: pytest.MonkeyPatch,
    issue_registry: ir.IssueRegistry,
) -> None:
    await simulator.seed(world)
    entry = await make_entry(simulator, OWNER)
    # Every address of this machine, so even an old build that sent the logins there
    # reached nothing but the simulator; it is no loopback address.
    monkeypatch.setenv(CLOUD_OVERRIDE_ENV, simulator_url.replace("127.0.0.1", "0.0.0.0"))

    await setup_entry(hass, entry)

    assert entry.state is ConfigEntryState.SETUP_ERROR
    issue = issue_registry.async_get_issue(DOMAIN, "cloud_override")
    assert issue is not None
    assert issue.translation_key == "cloud_override_unsafe"
    assert issue.severity == "error"
    assert issue.translation_placeholders == {"variable": CLOUD_OVERRIDE_ENV}


@pytest.mark.parametrize("scheme", ["http", "https"])
async def test_loopback_or_https_override_works_with_a_warning(
    hass: HomeAssistant,
    simulator: Simulator,
    world: World,
    simulator_url: str,
    monkeypatch: pytest.MonkeyPatch,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
    scheme: str,
) -> None:
    await simulator.seed(world)
    entry = await make_entry(simulator, OWNER)
    if scheme == "https":
        # Nothing listens for TLS on the loopback's discard port: allowed, and unreachable.
        monkeypatch.setenv(CLOUD_OVERRIDE_ENV, "https://127.0.0.1:9")
    await setup_entry(hass, entry)

    expected = ConfigEntryState.LOADED if scheme == "http" else ConfigEntryState.SETUP_RETRY
    assert entry.state is expected
    issue = issue_registry.async_get_issue(DOMAIN, "cloud_override")
    assert issue is not None
    assert issue.translation_key == "cloud_override"
    assert issue.severity == "warning"
    assert f"{CLOUD_OVERRIDE_ENV} is set" in caplog.text
    assert entry.data[CONF_PASS_TOKEN] not in caplog.text


# --- 10. diagnostics in every state --------------------------------------------------


async def _entry_in_state(
    hass: HomeAssistant, simulator: Simulator, world: World, state: str, monkeypatch: pytest.MonkeyPatch
) -> MockConfigEntry:
    await simulator.seed(world)
    await add_account(hass, simulator, GUEST)  # the integration itself is loaded
    entry = await make_entry(simulator, OWNER)
    if state == "not loaded":
        entry.add_to_hass(hass)
    elif state == "unloaded":
        await setup_entry(hass, entry)
        await hass.config_entries.async_unload(entry.entry_id)
    elif state == "auth failed":
        await simulator.revoke_pass_tokens(OWNER)
        await setup_entry(hass, entry)
    elif state == "cloud down":
        await simulator.fault("status", status=503)
        await setup_entry(hass, entry)
    else:  # a setup error of another kind
        monkeypatch.setenv(CLOUD_OVERRIDE_ENV, "ftp://127.0.0.1:9")
        await setup_entry(hass, entry)
    await hass.async_block_till_done()
    await simulator.clear_faults()
    return entry


@pytest.mark.parametrize(
    ("state", "entry_state"),
    [
        ("not loaded", ConfigEntryState.NOT_LOADED),
        ("unloaded", ConfigEntryState.NOT_LOADED),
        ("auth failed", ConfigEntryState.SETUP_ERROR),
        ("cloud down", ConfigEntryState.SETUP_RETRY),
        ("setup error", ConfigEntryState.SETUP_ERROR),
    ],
)
async def test_diagnostics_work_for_an_entry_in_any_state(
    hass: HomeAssistant,
    simulator: Simulator,
    world: World,
    hass_client: ClientSessionGenerator,
    hass_storage: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    state: str,
    entry_state: ConfigEntryState,
) -> None:
    entry = await _entry_in_state(hass, simulator, world, state, monkeypatch)
    assert entry.state is entry_state
    diagnostics: dict[str, Any] = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    assert diagnostics["state"] == entry_state.value
    assert diagnostics["cameras"] == []
    assert diagnostics["requests_made"] is None
    text = json.dumps(diagnostics)
    for secret in (entry.data[CONF_PASS_TOKEN], OWNER.user_id, OWNER.nickname):
        assert secret not in text


async def test_an_account_reloaded_while_its_share_is_ending_ends_it_once(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    await share_cameras(hass, owner_entry, [FRONT_DOOR], GUEST.user_id, duration={"minutes": 1})
    events = async_capture_events(hass, EVENT_NAME)
    await _expiry_revoke_in_flight(hass, simulator, fails=False)
    # Reloaded (say, its options changed) while the revoke waits for the cloud: the account
    # arms its overdue share again, which must not start a second end beside the first.
    await hass.config_entries.async_reload(owner_entry.entry_id)
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=1))
    await hass.async_block_till_done(wait_background_tasks=True)
    await advance(hass, timedelta(minutes=5))
    assert await _sharees(simulator, FRONT_DOOR) == []
    assert stored_expiries(hass_storage) == []
    assert types(events) == ["share_expired"]
