"""What the quick reads between refreshes watch: only what can change, and as cheaply as can be.

``AccountSharing.to_watch`` answers (share-list regions, single cameras). A region costs one
``device_share_list``; a single camera one ``get_share_user``. So one waiting invite in a
region is watched by its camera, two by the region; a timed share about to end watches its
region; an open card watches every region with owned cameras; nothing else is read.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from custom_components.xiaomi_camera_share.cloud.regions import Region
from custom_components.xiaomi_camera_share.const import DOMAIN
from custom_components.xiaomi_camera_share.sharing import EXPIRY_SOON

from .conftest import FRONT_DOOR, GARDEN, GUEST, OWNER, STRANGER, add_account
from .helpers import account_sharing, advance, call, device_id
from .simulator import Camera

if TYPE_CHECKING:
    from freezegun.api import FrozenDateTimeFactory
    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.common import MockConfigEntry

    from .simulator import Simulator, World

LOBBY = Camera("681000006", "Lobby", OWNER.user_id, model="chuangmi.camera.72ac1", region="de")
CELLAR = Camera("681000007", "Cellar", OWNER.user_id, model="chuangmi.camera.72ac1", region="de")
# A camera shared to the owner: not the owner's to share, so never watched.
NEIGHBOUR = Camera("681000008", "Neighbour", STRANGER.user_id, region="de")


async def test_nothing_is_watched_when_nothing_can_change(
    hass: HomeAssistant, owner_entry: MockConfigEntry
) -> None:
    assert account_sharing(owner_entry).to_watch() == (set(), set())


async def test_one_waiting_invite_is_watched_by_its_camera_and_two_by_their_region(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    for camera in (LOBBY, CELLAR, NEIGHBOUR):
        world.add_camera(camera)
    world.share(FRONT_DOOR, GUEST, accepted=False)  # the only invite waiting in cn
    world.share(GARDEN, STRANGER, accepted=True)  # answered: nothing to wait for
    world.share(LOBBY, GUEST, accepted=False)  # two invites waiting in de
    world.share(CELLAR, STRANGER, accepted=False)
    world.share(NEIGHBOUR, OWNER, accepted=True)
    await simulator.seed(world)
    entry = await add_account(hass, simulator, OWNER, regions=["cn", "de"])

    assert account_sharing(entry).to_watch() == ({Region.DE}, {FRONT_DOOR.did})


async def test_a_timed_share_watches_its_region_only_while_its_end_is_near(
    hass: HomeAssistant, simulator: Simulator, world: World, freezer: FrozenDateTimeFactory
) -> None:
    world.add_camera(LOBBY)
    world.share(LOBBY, GUEST, accepted=True)
    world.share(FRONT_DOOR, GUEST, accepted=True)
    await simulator.seed(world)
    entry = await add_account(hass, simulator, OWNER, regions=["cn", "de"])
    lobby = device_id(hass, entry.entry_id, LOBBY.did)
    sharing = account_sharing(entry)

    await call(
        hass, "set_expiry", {"device_id": lobby, "recipient": GUEST.user_id, "duration": {"minutes": 30}}
    )
    assert sharing.to_watch() == (set(), set())
    # Near means at most EXPIRY_SOON away (the clock stands still, so exactly that).
    soon = {"minutes": EXPIRY_SOON.total_seconds() / 60}
    await call(hass, "set_expiry", {"device_id": lobby, "recipient": GUEST.user_id, "duration": soon})
    assert sharing.to_watch() == ({Region.DE}, set())


async def test_an_open_card_watches_every_region_with_owned_cameras_until_it_closes(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_ws_client: Any
) -> None:
    world.add_camera(NEIGHBOUR)  # de holds only a camera shared to the owner
    world.share(NEIGHBOUR, OWNER, accepted=True)
    world.share(FRONT_DOOR, GUEST, accepted=False)
    await simulator.seed(world)
    entry = await add_account(hass, simulator, OWNER, regions=["cn", "de"])
    sharing = account_sharing(entry)

    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": f"{DOMAIN}/subscribe"})
    assert (await client.receive_json())["success"]
    # The waiting invite is read with the rest of its region's list, not on its own too.
    assert sharing.to_watch() == ({Region.CN}, set())
    await client.close()
    await hass.async_block_till_done()
    assert sharing.to_watch() == (set(), {FRONT_DOOR.did})


async def test_an_account_whose_last_refresh_failed_watches_nothing(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=False)
    await simulator.seed(world)
    entry = await add_account(hass, simulator, OWNER)
    sharing = account_sharing(entry)
    assert sharing.to_watch() == (set(), {FRONT_DOOR.did})

    await simulator.fault("status", status=503)
    await advance(hass, timedelta(minutes=6))
    assert not sharing.coordinator.last_update_success
    # The scheduled refresh retries; quick reads would only add to a cloud that fails.
    assert sharing.to_watch() == (set(), set())
