"""Sharing a camera with someone again keeps each share's own end.

The expiry of a share is forgotten by the refresh that shows the share gone, but only
when that refresh began after the expiry was written; until then it is kept, since a
share asked for after a refresh began cannot show in it yet. When the same camera is
shared with the same person again in that time, the old expiry must not end the new
share: a new invite proves the old share is gone. And when the cloud refuses the new
share because the old one is still there (Home Assistant did not know of it yet), the
old share keeps its end.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest
from homeassistant.exceptions import HomeAssistantError
from homeassistant.util import dt as dt_util

from custom_components.xiaomi_camera_share.data import DATA_KEY

from .conftest import FRONT_DOOR, GARDEN, GUEST, OWNER, STRANGER, add_account
from .helpers import advance, call, device_id, stored_expiries

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

    from .simulator import Simulator, World


async def _live(simulator: Simulator) -> list[tuple[str, str]]:
    return [(s.sharee, s.status) for s in await simulator.shares(FRONT_DOOR.did) if s.status != "rejected"]


async def test_an_expiry_set_on_a_declined_invite_does_not_end_the_next_permanent_share(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_storage: dict[str, Any]
) -> None:
    invite = world.share(FRONT_DOOR, GUEST, accepted=False)
    await simulator.seed(world)
    entry = await add_account(hass, simulator, OWNER)
    front_door = device_id(hass, entry.entry_id, FRONT_DOOR.did)
    # The owner gives the waiting invite an end; the guest declines it in the Mi Home app.
    await call(
        hass, "set_expiry", {"device_id": front_door, "recipient": GUEST.user_id, "duration": {"minutes": 10}}
    )
    await simulator.respond(invite, accept=False)
    await advance(hass, timedelta(seconds=30))  # a quick read (an invite waited) shows the decline

    await call(hass, "share", {"device_id": front_door, "recipient": GUEST.user_id})  # for good, this time
    assert await _live(simulator) == [(GUEST.user_id, "pending")]
    assert stored_expiries(hass_storage) == []

    await advance(hass, timedelta(minutes=15))  # past the old end
    assert await _live(simulator) == [(GUEST.user_id, "pending")]


async def test_a_second_share_the_cloud_refuses_leaves_the_first_ones_expiry(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_storage: dict[str, Any]
) -> None:
    await simulator.seed(world)
    entry = await add_account(hass, simulator, OWNER)
    front_door = device_id(hass, entry.entry_id, FRONT_DOOR.did)
    # The refresh after the first share fails, so Home Assistant does not know of it yet.
    await simulator.fault("status", "/share/device_share_list", status=503, count=1)
    await call(
        hass, "share", {"device_id": front_door, "recipient": GUEST.user_id, "duration": {"minutes": 10}}
    )
    [first] = stored_expiries(hass_storage)

    # The automation fires again: the cloud answers that an invite waits.
    with pytest.raises(HomeAssistantError):
        await call(
            hass, "share", {"device_id": front_door, "recipient": GUEST.user_id, "duration": {"hours": 5}}
        )
    assert [r["expires_at"] for r in stored_expiries(hass_storage)] == [first["expires_at"]]

    await advance(hass, timedelta(minutes=11))
    assert await _live(simulator) == []


async def test_a_permanent_share_whose_answer_was_lost_is_not_ended_by_an_earlier_expiry(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_storage: dict[str, Any]
) -> None:
    invite = world.share(FRONT_DOOR, GUEST, accepted=False)
    await simulator.seed(world)
    entry = await add_account(hass, simulator, OWNER)
    front_door = device_id(hass, entry.entry_id, FRONT_DOOR.did)
    await call(
        hass, "set_expiry", {"device_id": front_door, "recipient": GUEST.user_id, "duration": {"minutes": 10}}
    )
    await simulator.respond(invite, accept=False)
    await advance(hass, timedelta(seconds=30))  # a quick read shows the decline

    # Shared again for good; the cloud makes the invite, and its answer is lost.
    await simulator.fault("reply_lost", "/share/share_request", count=1)
    sharing = hass.async_create_task(
        call(hass, "share", {"device_id": front_door, "recipient": GUEST.user_id})
    )
    await simulator.faults_hit()
    await advance(hass, timedelta(seconds=30))  # past the client's request timeout
    with pytest.raises(HomeAssistantError) as err:
        await sharing
    assert err.value.translation_key == "share_unanswered"
    assert stored_expiries(hass_storage) == []

    await advance(hass, timedelta(minutes=15))  # past the old end
    assert await _live(simulator) == [(GUEST.user_id, "pending")]


async def test_the_refresh_that_shows_a_share_gone_forgets_its_expiry_and_keeps_the_others(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_storage: dict[str, Any]
) -> None:
    declined = world.share(FRONT_DOOR, GUEST, accepted=False)
    world.share(GARDEN, GUEST, accepted=True)
    world.share(GARDEN, STRANGER, accepted=True)
    await simulator.seed(world)
    entry = await add_account(hass, simulator, OWNER)
    for camera, person in ((FRONT_DOOR, GUEST), (GARDEN, GUEST), (GARDEN, STRANGER)):
        data = {"device_id": device_id(hass, entry.entry_id, camera.did), "recipient": person.user_id}
        await call(hass, "set_expiry", {**data, "duration": {"hours": 2}})
    assert len(stored_expiries(hass_storage)) == 3

    # The guest declines in the Mi Home app; the next scheduled refresh reads it.
    await simulator.respond(declined, accept=False)
    await advance(hass, timedelta(minutes=6))
    assert sorted((r["did"], r["user_id"]) for r in stored_expiries(hass_storage)) == [
        (GARDEN.did, GUEST.user_id),
        (GARDEN.did, STRANGER.user_id),
    ]


async def test_a_read_that_began_before_an_expiry_was_written_does_not_forget_it(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_storage: dict[str, Any]
) -> None:
    """The share may be too new for that read; the first read begun after it decides."""
    await simulator.seed(world)
    entry = await add_account(hass, simulator, OWNER)
    front_door = device_id(hass, entry.entry_id, FRONT_DOOR.did)
    await call(hass, "share", {"device_id": front_door, "recipient": GUEST.user_id, "duration": {"hours": 1}})
    [record] = stored_expiries(hass_storage)
    written = dt_util.parse_datetime(record["set_at"])
    assert written is not None
    expiries = hass.data[DATA_KEY].expiries

    # Reads of cn that list no share of the front door: begun before, and as, it was written.
    for began in (written - timedelta(seconds=1), written):
        await expiries.async_reconcile(entry.entry_id, {"cn"}, set(), began)
        assert [r["set_at"] for r in stored_expiries(hass_storage)] == [record["set_at"]]
    # One that began later, but of another region, says nothing of it either.
    await expiries.async_reconcile(entry.entry_id, {"de"}, set(), written + timedelta(seconds=1))
    assert len(stored_expiries(hass_storage)) == 1
    # One of its region begun later that still lists it keeps it; one that does not, forgets it.
    shared = {(FRONT_DOOR.did, GUEST.user_id)}
    await expiries.async_reconcile(entry.entry_id, {"cn"}, shared, written + timedelta(seconds=1))
    assert len(stored_expiries(hass_storage)) == 1
    await expiries.async_reconcile(entry.entry_id, {"cn"}, set(), written + timedelta(seconds=1))
    assert stored_expiries(hass_storage) == []
