"""Diagnostics redact secrets and personal data; events read well in the logbook."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from homeassistant.core import Event, HomeAssistant
from pytest_homeassistant_custom_component.components.diagnostics import get_diagnostics_for_config_entry

from custom_components.xiaomi_camera_share.const import (
    CONF_AUTO_ACCEPT_FROM,
    CONF_DEVICE_ID,
    CONF_PASS_TOKEN,
    DOMAIN,
    EVENT_NAME,
    EVENT_TYPES,
)
from custom_components.xiaomi_camera_share.logbook import async_describe_events

from .conftest import FRONT_DOOR, GARDEN, GUEST, GUEST_PHONE, OWNER, STRANGER, add_account
from .helpers import call, device_id
from .simulator import Camera

if TYPE_CHECKING:
    from collections.abc import Callable

    import pytest
    from pytest_homeassistant_custom_component.common import MockConfigEntry
    from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

    from .simulator import Simulator, World


async def test_diagnostics_redact(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_client: ClientSessionGenerator
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True)
    shop = world.add_camera(Camera("683000009", "Shop", STRANGER.user_id))
    world.share(shop, OWNER, accepted=False)
    await simulator.seed(world)
    entry = await add_account(hass, simulator, OWNER, **{CONF_AUTO_ACCEPT_FROM: [STRANGER.user_id]})
    await call(
        hass,
        "share",
        {
            "device_id": device_id(hass, entry.entry_id, GARDEN.did),
            "recipient": GUEST_PHONE,
            "duration": {"hours": 1},
        },
    )
    diagnostics: dict[str, Any] = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    text = json.dumps(diagnostics)
    for secret in (
        entry.data[CONF_PASS_TOKEN],
        entry.data[CONF_DEVICE_ID],
        OWNER.user_id,
        GUEST.user_id,
        STRANGER.user_id,
        GUEST_PHONE.removeprefix("+"),
        "AA:BB:CC",
        "Bob",
        "Carol",
        FRONT_DOOR.did,
    ):
        assert secret not in text, secret
    assert diagnostics["cameras"][0]["model"] == "chuangmi.camera.046c04"
    assert diagnostics["timed_shares"][0]["failures"] == 0
    assert diagnostics["requests_made"] > 0


async def test_no_token_in_logs(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    await simulator.fault("status", "/share/delete_user", status=503)
    await call(
        hass,
        "share",
        {
            "device_id": device_id(hass, owner_entry.entry_id, FRONT_DOOR.did),
            "recipient": GUEST.user_id,
            "duration": {"minutes": 1},
        },
    )
    await simulator.fault("status", status=503)
    await call(hass, "refresh", {})
    assert owner_entry.data[CONF_PASS_TOKEN] not in caplog.text


def _describer(hass: HomeAssistant) -> Callable[[Event], dict[str, str]]:
    """What the logbook platform registers for the integration's events."""
    registered: list[tuple[str, str, Callable[[Event], dict[str, str]]]] = []
    async_describe_events(hass, lambda domain, event, describe: registered.append((domain, event, describe)))
    [(domain, event_name, describe)] = registered
    assert (domain, event_name) == (DOMAIN, EVENT_NAME)
    return describe


async def test_every_event_type_has_a_logbook_line(hass: HomeAssistant) -> None:
    describe = _describer(hass)
    for event_type in EVENT_TYPES:
        line = describe(
            Event(
                EVENT_NAME,
                {"type": event_type, "nickname": "Bob", "camera_name": "Garden", "message": "timeout"},
            )
        )
        assert line["name"] == "Xiaomi Camera Share"
        assert "{" not in line["message"]
        assert not line["message"].startswith("changed sharing"), event_type  # its own line, not the fallback
        assert "Bob" not in line["message"]  # every user reads the logbook: no person in it
    fallback = describe(Event(EVENT_NAME, {"type": "share_revoked", "user_id": GUEST.user_id, "did": "cam1"}))
    assert fallback["message"] == "stopped a share of cam1"


async def test_logbook_registration(hass: HomeAssistant) -> None:
    assert _describer(hass) is not None
