"""Fixtures of the chaos soak: the simulator as the cloud, a frozen clock, Home Assistant lives."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import aiohttp
import pytest

from custom_components.xiaomi_camera_share.cloud import app_api, passport
from custom_components.xiaomi_camera_share.cloud.regions import CLOUD_OVERRIDE_ENV

from .harness import Lives

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from freezegun.api import FrozenDateTimeFactory

    from test.integration.simulator import Simulator
else:  # pytest imports the suites from test/ as their root
    from integration.simulator import Simulator


@pytest.fixture
async def cloud(
    simulator_url: str, socket_enabled: None, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Simulator]:
    """The simulator, reset, and the integration pointed at it through the development override."""
    monkeypatch.setenv(CLOUD_OVERRIDE_ENV, simulator_url)
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as http:
        control = Simulator(http, simulator_url)
        await control.reset()
        yield control
        await control.clear_faults()


@pytest.fixture
async def lives(
    freezer: FrozenDateTimeFactory,
    cloud: Simulator,
    hass_storage: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[Lives]:
    """Home Assistant lives over one storage; whatever still runs is stopped at the end."""
    loop = asyncio.get_running_loop()
    debug, handler = loop.get_debug(), loop.get_exception_handler()
    # asyncio's debug mode times callbacks on the frozen clock, and slows every step.
    loop.set_debug(False)
    harness = Lives(freezer, cloud)
    for module in (app_api, passport):
        monkeypatch.setattr(module, "send", harness.held.watch(module.send))
    try:
        yield harness
        if harness.running:
            await harness.stop()
    finally:
        loop.set_debug(debug)
        loop.set_exception_handler(handler)
