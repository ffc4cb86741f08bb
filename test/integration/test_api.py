"""The integration builds its cloud clients as in production: where they connect, and with what session."""

from __future__ import annotations

from typing import TYPE_CHECKING

import aiohttp
from homeassistant.config_entries import ConfigEntryState

from custom_components.xiaomi_camera_share.cloud.regions import CLOUD_OVERRIDE_ENV

from .conftest import FRONT_DOOR, GARDEN, GUEST, OWNER, add_account, make_entry, setup_entry
from .helpers import cloud_web_session, has_camera
from .simulator import Camera

if TYPE_CHECKING:
    import pytest
    from homeassistant.core import HomeAssistant

    from .simulator import Simulator, World

# Nothing listens on the discard port of the loopback interface.
NOWHERE = "http://127.0.0.1:9"


async def test_the_development_override_picks_the_cloud(
    hass: HomeAssistant, simulator: Simulator, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    await simulator.seed(world)
    reached = await add_account(hass, simulator, OWNER)
    assert reached.state is ConfigEntryState.LOADED
    assert has_camera(hass, reached.entry_id, FRONT_DOOR.did)

    guest = await make_entry(simulator, GUEST)
    monkeypatch.setenv(CLOUD_OVERRIDE_ENV, NOWHERE)
    await setup_entry(hass, guest)
    assert guest.state is ConfigEntryState.SETUP_RETRY


async def test_accounts_share_one_session_that_keeps_no_cookies(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    """Login cookies must never ride along with another account's requests."""
    hall = world.add_camera(Camera("682000008", "Hall", GUEST.user_id))
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER)
    guest = await add_account(hass, simulator, GUEST)
    # Each account, logged in side by side, reads only its own cameras.
    assert has_camera(hass, owner.entry_id, GARDEN.did)
    assert not has_camera(hass, owner.entry_id, hall.did)
    assert has_camera(hass, guest.entry_id, hall.did)
    assert not has_camera(hass, guest.entry_id, GARDEN.did)
    session = cloud_web_session(hass)
    assert session is cloud_web_session(hass)
    assert isinstance(session.cookie_jar, aiohttp.DummyCookieJar)
