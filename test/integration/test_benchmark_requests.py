"""Cloud requests per refresh must not grow with the number of cameras."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .conftest import GUEST, add_account
from .helpers import call, requests_made
from .simulator import Account, Camera, World

if TYPE_CHECKING:
    import pytest
    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

    from .simulator import Simulator

CAMERA_COUNTS = (1, 10, 100)


async def test_requests_per_refresh_do_not_grow(
    hass: HomeAssistant,
    simulator: Simulator,
    hass_client: ClientSessionGenerator,
    capsys: pytest.CaptureFixture[str],
) -> None:
    world = World(accounts=[GUEST])
    owners = [
        world.add_account(Account(f"90000000{i:02d}", f"Owner {i}", "owner-test-password")) for i in range(3)
    ]
    for index, (owner, cameras) in enumerate(zip(owners, CAMERA_COUNTS, strict=True)):
        for n in range(cameras):
            camera = world.add_camera(Camera(f"69{index}{n:06d}", f"Camera {index}-{n}", owner.user_id))
            world.share(camera, GUEST, accepted=n % 2 == 0)
    await simulator.seed(world)

    counts: dict[int, int] = {}
    for owner, cameras in zip(owners, CAMERA_COUNTS, strict=True):
        entry = await add_account(hass, simulator, owner, regions=["cn", "de"])
        before = await requests_made(hass, hass_client, entry)
        await call(hass, "refresh", {"config_entry_id": entry.entry_id})
        counts[cameras] = await requests_made(hass, hass_client, entry) - before
        with capsys.disabled():  # the figure is the point: print it in every run
            print(f"\nbenchmark: cloud requests per refresh, {cameras} cameras, 2 regions: {counts[cameras]}")
    assert counts[1] == counts[10] == counts[100]
