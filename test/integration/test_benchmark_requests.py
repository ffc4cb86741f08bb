"""Request cost and freshness, measured against the simulator and printed in every run.

Figures, never timed assertions: what is asserted are request counts, which do not
depend on how busy the machine is. Times are printed as ratios measured in one run.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest

from custom_components.xiaomi_camera_share import coordinator

from .conftest import GUEST, add_account, make_entry, setup_entry
from .helpers import advance, call, device_id, requests_made
from .simulator import Account, Camera, Share, World

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.common import MockConfigEntry
    from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

    from .simulator import Simulator

CAMERA_COUNTS = (1, 10, 100)
REGION_SETS = (["cn"], ["cn", "de"], ["cn", "de", "us", "ru", "sg", "i2"])
ACCOUNTS = 3
LATENCY_MS = 150
# The scheduled refresh's interval: a whole one passes between two readings.
INTERVAL = timedelta(minutes=5)


def _owner(index: int) -> Account:
    return Account(f"90000000{index:02d}", f"Owner {index}", "owner-test-password")


def _world(cameras: int, regions: list[str]) -> World:
    """ACCOUNTS owners, each with `cameras` cameras spread over the regions, all accepted by the guest."""
    world = World(accounts=[GUEST])
    for index in range(ACCOUNTS):
        owner = world.add_account(_owner(index))
        for n in range(cameras):
            region = regions[n % len(regions)]
            camera = world.add_camera(
                Camera(f"69{index}{n:06d}", f"Camera {index}-{n}", owner.user_id, region=region)
            )
            world.share(camera, GUEST, accepted=True)
    return world


async def _scheduled_refresh_cost(
    hass: HomeAssistant, hass_client: ClientSessionGenerator, entries: list[MockConfigEntry]
) -> int:
    """Requests all accounts make for one scheduled refresh, once the first reads are behind."""
    before = [await requests_made(hass, hass_client, e) for e in entries]
    await advance(hass, INTERVAL)
    after = [await requests_made(hass, hass_client, e) for e in entries]
    return sum(a - b for a, b in zip(after, before, strict=True))


def _print(line: str, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():  # the figure is the point: print it in every run
        print(f"\nbenchmark: {line}")


@pytest.mark.parametrize("regions", REGION_SETS, ids=lambda r: f"{len(r)}-regions")
async def test_requests_per_refresh_do_not_grow_with_cameras(
    hass: HomeAssistant,
    simulator: Simulator,
    hass_client: ClientSessionGenerator,
    capsys: pytest.CaptureFixture[str],
    regions: list[str],
) -> None:
    costs: dict[int, tuple[int, int]] = {}
    for cameras in CAMERA_COUNTS:
        await simulator.seed(_world(cameras, regions))
        entries = [await add_account(hass, simulator, _owner(i), regions=regions) for i in range(ACCOUNTS)]
        one = await _scheduled_refresh_cost(hass, hass_client, entries[:1])
        every = await _scheduled_refresh_cost(hass, hass_client, entries)
        costs[cameras] = (one, every)
        for entry in entries:
            assert await hass.config_entries.async_remove(entry.entry_id)
        _print(
            f"cloud requests per scheduled refresh, {cameras} cameras x {len(regions)} regions: "
            f"1 account {one}, {ACCOUNTS} accounts {every}",
            capsys,
        )
    # Per region: a device list and an invite list, and a share list where the account
    # owns cameras; never a request per camera.
    for cameras, (one, every) in costs.items():
        expected = 2 * len(regions) + min(cameras, len(regions))
        assert (one, every) == (expected, expected * ACCOUNTS)


async def test_quick_reads_cost_nothing_at_rest_and_one_request_while_an_invite_waits(
    hass: HomeAssistant,
    simulator: Simulator,
    world: World,
    hass_client: ClientSessionGenerator,
    capsys: pytest.CaptureFixture[str],
) -> None:
    front_door = world.cameras[0]
    await simulator.seed(world)
    owner = await add_account(hass, simulator, world.accounts[0])
    ticks = 12  # four minutes of 20 s ticks, inside one refresh interval

    async def extra_requests() -> int:
        await call(hass, "refresh", {})  # the scheduled refresh restarts its interval from here
        before = await requests_made(hass, hass_client, owner)
        for _ in range(ticks):
            await advance(hass, timedelta(seconds=20))
        return await requests_made(hass, hass_client, owner) - before

    at_rest = await extra_requests()
    await call(
        hass,
        "share",
        {"device_id": device_id(hass, owner.entry_id, front_door.did), "recipient": GUEST.user_id},
    )
    pending = await extra_requests()
    _print(
        f"extra requests per hour between refreshes: at rest {at_rest * 3600 // (ticks * 20)}, "
        f"while an invite waits {pending * 3600 // (ticks * 20)}",
        capsys,
    )
    assert at_rest == 0
    assert pending <= ticks  # at most one request per quick tick


async def test_the_owner_sees_an_accepted_invite_within_one_quick_tick(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    front_door = world.cameras[0]
    await simulator.seed(world)
    owner = await add_account(hass, simulator, world.accounts[0])
    await call(
        hass,
        "share",
        {"device_id": device_id(hass, owner.entry_id, front_door.did), "recipient": GUEST.user_id},
    )
    [invite] = await simulator.shares(front_door.did)
    # The other phone taps Accept.
    await simulator.respond(Share(front_door, GUEST.user_id, invite.invite_id, accepted=False), accept=True)
    await advance(hass, timedelta(seconds=21))
    shares = await call(hass, "list_shares", {})
    [sharee] = next(c for c in shares["cameras"] if c["did"] == front_door.did)["sharees"]
    assert sharee["status"] == "accepted"


async def test_concurrent_reads_hide_latency(
    hass: HomeAssistant,
    simulator: Simulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    regions = REGION_SETS[1]
    await simulator.seed(_world(10, regions))
    await simulator.fault("latency", ms=LATENCY_MS)
    timings: dict[int, float] = {}
    for index, parallel in enumerate((1, coordinator.MAX_PARALLEL_REQUESTS)):
        monkeypatch.setattr(coordinator, "MAX_PARALLEL_REQUESTS", parallel)
        entry = await make_entry(simulator, _owner(index), regions)
        started = time.perf_counter()
        await setup_entry(hass, entry)  # the first refresh: what holds Home Assistant's start-up
        setup = time.perf_counter() - started
        started = time.perf_counter()
        await call(hass, "refresh", {"config_entry_id": entry.entry_id})
        timings[parallel] = time.perf_counter() - started
        _print(
            f"with {LATENCY_MS} ms per request, {parallel} at a time: account set-up {setup:.2f} s, "
            f"full refresh {timings[parallel]:.2f} s",
            capsys,
        )
    sequential, concurrent = timings[1], timings[coordinator.MAX_PARALLEL_REQUESTS]
    _print(f"refresh wall time, concurrent / one at a time: {concurrent / sequential:.2f}", capsys)
