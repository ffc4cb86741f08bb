"""Durations too large to represent are refused for what they are: too long, or in the past."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from homeassistant.exceptions import ServiceValidationError

from .conftest import FRONT_DOOR, GUEST
from .helpers import call, device_id, stored_expiries

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.common import MockConfigEntry

    from .simulator import Simulator


@pytest.mark.parametrize(
    ("duration", "key"),
    [
        ({"days": 1e12}, "duration_too_long"),
        (1e20, "duration_too_long"),
        ("inf", "duration_too_long"),
        ({"days": -1e12}, "duration_too_short"),
        (-1e20, "duration_too_short"),
        ("-inf", "duration_too_short"),
        ({"seconds": 30}, "duration_too_short"),
    ],
)
async def test_a_duration_out_of_range_is_named_and_changes_nothing(
    hass: HomeAssistant,
    simulator: Simulator,
    owner_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    duration: Any,
    key: str,
) -> None:
    data = {
        "device_id": device_id(hass, owner_entry.entry_id, FRONT_DOOR.did),
        "recipient": GUEST.user_id,
        "duration": duration,
    }
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, "share", data)
    assert err.value.translation_key == key
    assert await simulator.shares() == []
    assert stored_expiries(hass_storage) == []
