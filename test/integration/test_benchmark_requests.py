"""Cloud requests per refresh must not grow with the number of cameras."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .conftest import make_entry, setup_entry

if TYPE_CHECKING:
    import pytest
    from homeassistant.core import HomeAssistant

    from .fake_cloud import FakeCloud


async def test_requests_per_refresh_do_not_grow(
    hass: HomeAssistant, cloud: FakeCloud, capsys: pytest.CaptureFixture[str]
) -> None:
    counts: dict[int, int] = {}
    for index, cameras in enumerate((1, 10, 100)):
        owner = f"90000000{index:02d}"
        cloud.add_account(owner, f"Owner {index}")
        for n in range(cameras):
            cloud.add_camera(owner, f"bench{index}-{n}", f"Camera {index}-{n}")
            cloud.add_share(owner, f"bench{index}-{n}", "2000000002", accepted=n % 2 == 0)
        entry = await setup_entry(hass, make_entry(owner, regions=["cn", "de"]))
        client = entry.runtime_data.client
        before = client.request_count
        await entry.runtime_data.coordinator.async_refresh()
        counts[cameras] = client.request_count - before
        with capsys.disabled():  # the figure is the point: print it in every run
            print(f"\nbenchmark: cloud requests per refresh, {cameras} cameras, 2 regions: {counts[cameras]}")
    assert counts[1] == counts[10] == counts[100]
