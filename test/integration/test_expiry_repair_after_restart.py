"""A timed share whose revoke kept failing is named by a repair again after a restart.

Home Assistant does not bring back a repair raised before a restart (it was not
persistent); the share is still overdue, so the next failed try must raise it anew.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from homeassistant.util import dt as dt_util

from custom_components.xiaomi_camera_share.const import DOMAIN
from custom_components.xiaomi_camera_share.expiry import FAILURES_BEFORE_REPAIR

from .conftest import FRONT_DOOR, GUEST, OWNER, make_entry, setup_entry
from .helpers import STORAGE_KEY, stored_expiries

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant
    from homeassistant.helpers import issue_registry as ir

    from .simulator import Simulator, World

REVOKE = "/share/delete_user"


def _storage(entry_id: str, failures: int) -> dict[str, Any]:
    """The storage file as the last run left it: the guest's share overdue, its revoke failed."""
    record = {
        "entry_id": entry_id,
        "region": "cn",
        "did": FRONT_DOOR.did,
        "camera_name": "Front door",
        "user_id": GUEST.user_id,
        "nickname": "Bob",
        "permission": "control",
        "expires_at": (dt_util.utcnow() - timedelta(minutes=30)).isoformat(),
        "failures": failures,
    }
    data = {"expiries": [record], "history": [], "next_history_id": 1, "recipients": []}
    return {"version": 1, "minor_version": 1, "key": STORAGE_KEY, "data": data}


async def test_a_revoke_failing_past_the_threshold_is_named_again_after_a_restart(
    hass: HomeAssistant,
    simulator: Simulator,
    world: World,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True)
    await simulator.seed(world)
    entry = await make_entry(simulator, OWNER)
    hass_storage[STORAGE_KEY] = _storage(entry.entry_id, FAILURES_BEFORE_REPAIR)
    await simulator.fault("status", REVOKE, status=503)

    await setup_entry(hass, entry)  # the overdue share is tried again at once, and fails
    await hass.async_block_till_done()

    assert [r["failures"] for r in stored_expiries(hass_storage)] == [FAILURES_BEFORE_REPAIR + 1]
    issue = issue_registry.async_get_issue(
        DOMAIN, f"expiry_failed_{entry.entry_id}_{FRONT_DOOR.did}_{GUEST.user_id}"
    )
    assert issue is not None
    assert issue.translation_key == "expiry_failed"
    assert issue.translation_placeholders == {
        "camera": "Front door",
        "person": "Bob",
        "account": entry.title,
        "error": "cannot_connect",
    }
