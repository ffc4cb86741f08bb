"""What the model table says about sharing, and how the cloud's answers refine it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from homeassistant.exceptions import HomeAssistantError

from .conftest import GUEST, OWNER, STRANGER, add_account
from .helpers import call, device_id
from .simulator import Camera, World

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

    from .simulator import Simulator

# model → (can_share, view_only, reason), as the integration's model table has it
TABLE: dict[str, tuple[bool, bool, str | None]] = {
    "chuangmi.camera.029a02": (True, True, None),
    "chuangmi.camera.ipc019": (True, False, None),
    "lumi.camera.gwagl01": (False, False, "model_not_shareable"),
    "isa.camera.virtual": (False, False, "model_not_shareable"),
    "vendor.camera.unknown": (True, False, None),
}


async def _capabilities(hass: HomeAssistant) -> dict[str, dict[str, Any]]:
    """Each owned camera's capabilities by did, as list_shares reports them."""
    shares = await call(hass, "list_shares", {})
    return {c["did"]: c["capabilities"] for c in shares["cameras"]}


async def test_model_table(hass: HomeAssistant, simulator: Simulator) -> None:
    cameras = [Camera(f"68400000{n}", f"Camera {n}", OWNER.user_id, model=m) for n, m in enumerate(TABLE)]
    await simulator.seed(World(accounts=[OWNER], cameras=cameras))
    await add_account(hass, simulator, OWNER)
    capabilities = await _capabilities(hass)
    for camera in cameras:
        found = capabilities[camera.did]
        assert (found["can_share"], found["view_only"], found["reason"]) == TABLE[camera.model], camera.model


async def test_cloud_answers_override_the_table(hass: HomeAssistant, simulator: Simulator) -> None:
    no_sharing = Camera("684000011", "No sharing", OWNER.user_id, model="vendor.camera.closed")
    no_view_only = Camera("684000012", "No view-only", OWNER.user_id, model="vendor.camera.unknown")
    proven = Camera("684000013", "Proven", OWNER.user_id, model="chuangmi.camera.ipc019")
    world = World(accounts=[OWNER, GUEST, STRANGER], cameras=[no_sharing, no_view_only, proven])
    world.products[no_sharing.model] = "none"
    # A read-only sharee proves the choice exists even where the table doubts it.
    world.share(proven, STRANGER, accepted=True, read_only=True)
    await simulator.seed(world)
    entry = await add_account(hass, simulator, OWNER)
    for camera, permission in ((no_sharing, "control"), (no_view_only, "view_only")):
        device = device_id(hass, entry.entry_id, camera.did)
        with pytest.raises(HomeAssistantError):
            await call(
                hass, "share", {"device_id": device, "recipient": GUEST.user_id, "permission": permission}
            )
    capabilities = await _capabilities(hass)
    assert capabilities[no_sharing.did]["can_share"] is False
    assert capabilities[no_view_only.did]["view_only"] is False
    assert capabilities[proven.did]["view_only"] is True
