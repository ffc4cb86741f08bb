"""What each sharing operation records in the history: who, which camera, what access, when it ends.

The history (and the automations listening to ``xiaomi_camera_share_event``) is how people
learn what happened while they were away, so each event must name the right person.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest
from homeassistant.exceptions import HomeAssistantError
from pytest_homeassistant_custom_component.common import async_capture_events

from custom_components.xiaomi_camera_share.const import EVENT_NAME

from .conftest import FRONT_DOOR, GARDEN, GUEST, OWNER, STRANGER, add_account
from .helpers import advance, answer_invite, call, device_id, types
from .simulator import Camera

if TYPE_CHECKING:
    from homeassistant.core import Event, HomeAssistant
    from pytest_homeassistant_custom_component.common import MockConfigEntry

    from .simulator import Simulator, World

PERSON_FIELDS = ("type", "entry_id", "did", "user_id", "nickname")


def about(event: Event[dict[str, Any]], *fields: str) -> dict[str, Any]:
    """Some fields of a captured event."""
    return {name: event.data[name] for name in fields}


async def test_a_share_the_cloud_refuses_is_recorded_for_the_person_and_not_offered_again(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.products[FRONT_DOOR.model] = "none"  # the cloud refuses what the model table allows
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER)
    events = async_capture_events(hass, EVENT_NAME)
    target = {"device_id": device_id(hass, owner.entry_id, FRONT_DOOR.did), "recipient": GUEST.user_id}

    with pytest.raises(HomeAssistantError) as err:
        await call(hass, "share", target)
    assert err.value.translation_key == "cloud_device_not_shareable"
    [failed] = events
    assert about(failed, *PERSON_FIELDS, "message") == {
        "type": "action_failed",
        "entry_id": owner.entry_id,
        "did": FRONT_DOOR.did,
        "user_id": GUEST.user_id,
        "nickname": GUEST.nickname,
        "message": "device_not_shareable",
    }
    # A refused control share teaches that the camera cannot be shared at all: the next
    # try is refused here, before any request, and the view-only choice stays open.
    with pytest.raises(HomeAssistantError) as err:
        await call(hass, "share", target)
    assert err.value.translation_key == "camera_not_shareable_model_not_shareable"
    assert len(events) == 1
    assert await simulator.shares() == []


async def test_a_failed_revoke_names_the_person_only_when_it_was_about_one(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True)
    world.share(FRONT_DOOR, STRANGER, accepted=False)
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER)
    events = async_capture_events(hass, EVENT_NAME)
    await simulator.fault("status", "/share/delete_user", status=503)
    front_door = device_id(hass, owner.entry_id, FRONT_DOOR.did)

    for named in ({"recipient": GUEST.user_id}, {}):
        with pytest.raises(HomeAssistantError) as err:
            await call(hass, "revoke", {"device_id": front_door, **named})
        assert err.value.translation_placeholders == {"error": "cannot_connect"}
    assert [about(e, *PERSON_FIELDS, "message") for e in events] == [
        {
            "type": "action_failed",
            "entry_id": owner.entry_id,
            "did": FRONT_DOOR.did,
            "user_id": GUEST.user_id,
            "nickname": GUEST.nickname,
            "message": "cannot_connect",
        },
        {
            "type": "action_failed",
            "entry_id": owner.entry_id,
            "did": FRONT_DOOR.did,
            "user_id": None,
            "nickname": None,
            "message": "cannot_connect",
        },
    ]
    assert len(await simulator.shares(FRONT_DOOR.did)) == 2


async def test_a_share_that_ends_records_the_access_it_gave_and_when_it_ended(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    front_door = device_id(hass, owner_entry.entry_id, FRONT_DOOR.did)
    target = {"device_id": front_door, "recipient": GUEST.user_id}
    shared = await call(hass, "share", {**target, "permission": "view_only", "duration": {"hours": 1}})
    await answer_invite(simulator, FRONT_DOOR, GUEST.user_id, accept=True)
    events = async_capture_events(hass, EVENT_NAME)

    await advance(hass, timedelta(hours=1, minutes=1))

    [expired] = [e for e in events if e.data["type"] == "share_expired"]
    assert about(expired, *PERSON_FIELDS, "permission", "expires_at") == {
        "type": "share_expired",
        "entry_id": owner_entry.entry_id,
        "did": FRONT_DOOR.did,
        "user_id": GUEST.user_id,
        "nickname": GUEST.nickname,
        "permission": "view_only",
        "expires_at": shared["expires_at"],
    }
    assert await simulator.shares(FRONT_DOOR.did) == []


async def test_a_revoke_records_the_access_of_a_timed_share_and_none_for_a_permanent_one(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.share(GARDEN, GUEST, accepted=True)
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER)
    front_door = device_id(hass, owner.entry_id, FRONT_DOOR.did)
    garden = device_id(hass, owner.entry_id, GARDEN.did)
    await call(
        hass,
        "share",
        {
            "device_id": front_door,
            "recipient": GUEST.user_id,
            "permission": "view_only",
            "duration": {"days": 1},
        },
    )
    events = async_capture_events(hass, EVENT_NAME)

    for camera in (front_door, garden):
        await call(hass, "revoke", {"device_id": camera, "recipient": GUEST.user_id})

    assert [about(e, "type", "did", "user_id", "permission", "expires_at") for e in events] == [
        {
            "type": "share_revoked",
            "did": FRONT_DOOR.did,
            "user_id": GUEST.user_id,
            "permission": "view_only",
            "expires_at": None,
        },
        {
            "type": "share_revoked",
            "did": GARDEN.did,
            "user_id": GUEST.user_id,
            "permission": None,
            "expires_at": None,
        },
    ]
    assert await simulator.shares() == []


async def test_revoking_everyone_names_each_person(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True)
    world.share(FRONT_DOOR, STRANGER, accepted=False)
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER)
    events = async_capture_events(hass, EVENT_NAME)

    response = await call(hass, "revoke", {"device_id": device_id(hass, owner.entry_id, FRONT_DOOR.did)})

    assert response["results"][0]["revoked"] == [GUEST.user_id, STRANGER.user_id]
    assert sorted((e.data["user_id"], e.data["nickname"]) for e in events) == [
        (GUEST.user_id, GUEST.nickname),
        (STRANGER.user_id, STRANGER.nickname),
    ]
    assert await simulator.shares(FRONT_DOOR.did) == []


async def test_answers_given_on_the_other_phone_name_who_gave_them(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    front_door = device_id(hass, owner_entry.entry_id, FRONT_DOOR.did)
    for person in (GUEST, STRANGER):
        await call(hass, "share", {"device_id": front_door, "recipient": person.user_id})
    await answer_invite(simulator, FRONT_DOOR, GUEST.user_id, accept=True)
    await answer_invite(simulator, FRONT_DOOR, STRANGER.user_id, accept=False)
    events = async_capture_events(hass, EVENT_NAME)

    await call(hass, "refresh", {})

    answers = [about(e, *PERSON_FIELDS) for e in events]
    assert sorted(answers, key=lambda answer: answer["type"]) == [
        {
            "type": "share_accepted",
            "entry_id": owner_entry.entry_id,
            "did": FRONT_DOOR.did,
            "user_id": GUEST.user_id,
            "nickname": GUEST.nickname,
        },
        {
            "type": "share_declined",
            "entry_id": owner_entry.entry_id,
            "did": FRONT_DOOR.did,
            "user_id": STRANGER.user_id,
            "nickname": STRANGER.nickname,
        },
    ]


async def test_an_invite_that_arrives_is_recorded_for_the_account_it_came_to(
    hass: HomeAssistant, simulator: Simulator, world: World, owner_entry: MockConfigEntry
) -> None:
    hall = world.add_camera(Camera("682000008", "Hall", GUEST.user_id))
    world.share(hall, OWNER, accepted=False)
    await simulator.seed(world, keep_logins=True)
    events = async_capture_events(hass, EVENT_NAME)

    await call(hass, "refresh", {})

    assert types(events) == ["invite_received"]
    assert about(events[0], "entry_id", "did", "user_id") == {
        "entry_id": owner_entry.entry_id,
        "did": hall.did,
        "user_id": GUEST.user_id,
    }


async def test_a_decline_of_an_invite_sent_again_after_a_withdrawal_is_announced(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=False)
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER)
    target = {"device_id": device_id(hass, owner.entry_id, FRONT_DOOR.did), "recipient": GUEST.user_id}
    events = async_capture_events(hass, EVENT_NAME)

    # Withdrawn by the owner: its disappearance is no decline.
    await call(hass, "revoke", target)
    # Sent again and declined on the other phone: that is one.
    await call(hass, "share", target)
    await answer_invite(simulator, FRONT_DOOR, GUEST.user_id, accept=False)
    await call(hass, "refresh", {})

    assert types(events) == ["share_revoked", "invite_sent", "share_declined"]
