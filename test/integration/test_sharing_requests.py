"""Which requests a sharing operation sends: batches, look-ups, auto-accept and the refreshes after.

Each test checks the outcome in the simulator, and that the cloud was asked what it had to
be asked, no more: a fault armed on a path shows whether a request went there.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest
from homeassistant.exceptions import HomeAssistantError
from pytest_homeassistant_custom_component.common import async_capture_events

from custom_components.xiaomi_camera_share.cloud.errors import ApiError
from custom_components.xiaomi_camera_share.const import EVENT_NAME
from custom_components.xiaomi_camera_share.sharing import LOOKUP_CACHE_TIME

from .conftest import FRONT_DOOR, GARDEN, GUEST, GUEST_PHONE, OWNER, STRANGER, add_account
from .helpers import account_sharing, call, device_id, share_cameras
from .simulator import Camera, Share

if TYPE_CHECKING:
    from freezegun.api import FrozenDateTimeFactory
    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.common import MockConfigEntry

    from .simulator import Simulator, World

PROFILE = "/home/profile"
SHARE_REQUEST = "/share/share_request"
SHARE_REQUEST_BATCH = "/share/share_request_batch"
RECEIVE_SHARE_LIST = "/share/receive_share_list"
ATTIC = Camera("683000009", "Attic", STRANGER.user_id)


async def _statuses(simulator: Simulator, user_id: str) -> dict[str, list[str]]:
    """Per camera, how far each of the person's shares and invites got, oldest first."""
    statuses: dict[str, list[str]] = {}
    for share in await simulator.shares():
        if share.sharee == user_id:
            statuses.setdefault(share.did, []).append(share.status)
    return statuses


# --- batches ------------------------------------------------------------------------


async def test_a_batch_the_cloud_refuses_whole_shares_nothing_and_the_next_is_one_request_again(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.share(FRONT_DOOR, STRANGER, accepted=True)
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER)
    await simulator.config(shareeLimit=1)  # the cloud's own limit, unknown to the integration
    before = await simulator.shares()
    events = async_capture_events(hass, EVENT_NAME)

    with pytest.raises(HomeAssistantError) as err:
        await share_cameras(hass, owner, [GARDEN, FRONT_DOOR], GUEST.user_id)

    # The whole request was refused: no camera went, and the message does not say one did.
    assert err.value.translation_key == "cloud_too_many_sharees"
    assert await simulator.shares() == before
    assert [(e.data["type"], e.data["did"]) for e in events] == [("action_failed", GARDEN.did)]

    # A refusal of the request is no sign that the cloud lacks the batch call.
    await simulator.config(shareeLimit=10)
    await simulator.fault("status", SHARE_REQUEST, status=503)
    await share_cameras(hass, owner, [GARDEN, FRONT_DOOR], GUEST.user_id, permission="view_only")
    invited = [s for s in await simulator.shares() if s.sharee == GUEST.user_id]
    assert [(s.did, s.status, s.read_only) for s in invited] == [
        (GARDEN.did, "pending", True),
        (FRONT_DOOR.did, "pending", True),
    ]


class _NoBatchCall:
    """The client's share_batch as a cloud without share_request_batch answers it."""

    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        raise ApiError("unknown method")


async def test_a_cloud_without_the_batch_call_is_asked_one_camera_at_a_time_from_then_on(
    hass: HomeAssistant,
    simulator: Simulator,
    owner_entry: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = account_sharing(owner_entry).client
    batch = _NoBatchCall()
    monkeypatch.setattr(client, "share_batch", batch)
    caplog.set_level(logging.DEBUG, logger="custom_components.xiaomi_camera_share.sharing")

    for person in (GUEST, STRANGER):
        response = await share_cameras(hass, owner_entry, [FRONT_DOOR, GARDEN], person.user_id)
        assert [r["status"] for r in response["results"]] == ["invited", "invited"]

    assert batch.calls == 1
    assert "share_request_batch not answered (api_error); sharing one by one" in caplog.messages
    for person in (GUEST, STRANGER):
        assert await _statuses(simulator, person.user_id) == {
            FRONT_DOOR.did: ["pending"],
            GARDEN.did: ["pending"],
        }


# --- recipients -----------------------------------------------------------------------


async def test_an_account_configured_here_is_shared_with_without_asking_the_cloud(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    await add_account(hass, simulator, GUEST)
    await simulator.fault("status", PROFILE, status=503)

    response = await share_cameras(hass, owner_entry, [FRONT_DOOR], " 200 000 0002 ")

    assert response["recipient"] == {"user_id": GUEST.user_id, "nickname": GUEST.nickname}
    assert await _statuses(simulator, GUEST.user_id) == {FRONT_DOOR.did: ["pending"]}


async def test_a_person_looked_up_is_kept_for_ten_minutes_and_no_longer(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    lookup = {"config_entry_id": owner_entry.entry_id, "recipient": GUEST_PHONE}
    found = await call(hass, "lookup_recipient", lookup)
    # From now on the cloud cannot look anyone up: only a kept answer can be given.
    await simulator.fault("status", PROFILE, status=503)

    freezer.tick(LOOKUP_CACHE_TIME - timedelta(seconds=1))
    assert await call(hass, "lookup_recipient", lookup) == found
    freezer.tick(timedelta(seconds=1))
    with pytest.raises(HomeAssistantError) as err:
        await call(hass, "lookup_recipient", lookup)
    assert err.value.translation_placeholders == {"error": "cannot_connect"}


async def test_revoking_by_xiaomi_id_takes_only_that_person_and_asks_no_one(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True)
    world.share(FRONT_DOOR, STRANGER, accepted=True)
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER)
    await simulator.fault("status", PROFILE, status=503)

    await call(
        hass,
        "revoke",
        {"device_id": device_id(hass, owner.entry_id, FRONT_DOOR.did), "recipient": STRANGER.user_id},
    )

    assert [s.sharee for s in await simulator.shares(FRONT_DOOR.did)] == [GUEST.user_id]


# --- auto-accept and the refreshes after ---------------------------------------------------


async def test_auto_accept_answers_the_invite_just_sent_and_no_other(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.add_camera(ATTIC)
    world.share(ATTIC, GUEST, accepted=False)  # from someone else: the guest has not answered
    earlier = world.share(FRONT_DOOR, GUEST, accepted=False)
    await simulator.seed(world)
    await simulator.respond(Share(FRONT_DOOR, GUEST.user_id, earlier.invite_id, accepted=False), accept=False)
    owner = await add_account(hass, simulator, OWNER)
    await add_account(hass, simulator, GUEST)

    response = await share_cameras(hass, owner, [FRONT_DOOR], GUEST.user_id, auto_accept=True)

    assert response["results"][0]["status"] == "accepted"
    assert await _statuses(simulator, GUEST.user_id) == {
        ATTIC.did: ["pending"],
        FRONT_DOOR.did: ["accepted"],
    }


async def test_an_invite_list_the_receiving_account_cannot_read_leaves_the_invite_waiting(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    await add_account(hass, simulator, GUEST)
    await simulator.fault("status", RECEIVE_SHARE_LIST, status=503, count=1)

    response = await share_cameras(hass, owner_entry, [FRONT_DOOR], GUEST.user_id, auto_accept=True)

    assert response["results"][0]["status"] == "invited"
    assert await _statuses(simulator, GUEST.user_id) == {FRONT_DOOR.did: ["pending"]}


async def test_an_invite_the_receiving_account_does_not_find_is_not_answered(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    guest = await add_account(hass, simulator, GUEST)
    await share_cameras(hass, owner_entry, [FRONT_DOOR], GUEST.user_id)
    garden = account_sharing(owner_entry).snapshot.cameras[GARDEN.did]

    # The cloud lists the front door's invite to the guest, none for the garden.
    assert not await account_sharing(guest).async_accept_from(account_sharing(owner_entry), garden)
    assert await _statuses(simulator, GUEST.user_id) == {FRONT_DOOR.did: ["pending"]}


async def test_answering_two_invites_of_one_sender_refreshes_that_sender_once(
    hass: HomeAssistant, simulator: Simulator, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    for camera in (Camera("682000008", "Hall", GUEST.user_id), Camera("682000007", "Porch", GUEST.user_id)):
        world.share(world.add_camera(camera), OWNER, accepted=False)
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER)
    guest = await add_account(hass, simulator, GUEST)
    refreshes: list[str] = []
    for entry in (owner, guest):
        coordinator = account_sharing(entry).coordinator
        refresh = coordinator.async_refresh

        async def counted(refresh: Any = refresh, entry_id: str = entry.entry_id) -> None:
            refreshes.append(entry_id)
            await refresh()

        monkeypatch.setattr(coordinator, "async_refresh", counted)

    answered = await call(hass, "accept_invite", {"config_entry_id": owner.entry_id, "all": True})

    assert len(answered["invites"]) == 2
    assert sorted(refreshes) == sorted([owner.entry_id, guest.entry_id])
    assert await _statuses(simulator, OWNER.user_id) == {"682000008": ["accepted"], "682000007": ["accepted"]}
