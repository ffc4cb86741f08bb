"""Diagnostics redact secrets and personal data; events read well in the logbook."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from homeassistant.core import Event, HomeAssistant
from pytest_homeassistant_custom_component.components.diagnostics import get_diagnostics_for_config_entry

from custom_components.xiaomi_camera_share.const import CONF_AUTO_ACCEPT_FROM, DOMAIN, EVENT_NAME, EVENT_TYPES
from custom_components.xiaomi_camera_share.logbook import MESSAGES, async_describe_events, describe

from .conftest import GUEST, GUEST_PHONE, OWNER, STRANGER, make_entry, setup_entry
from .helpers import call, device_id

if TYPE_CHECKING:
    from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

    from .fake_cloud import FakeCloud


async def test_diagnostics_redact(
    hass: HomeAssistant, cloud: FakeCloud, hass_client: ClientSessionGenerator
) -> None:
    cloud.add_share(OWNER, "cam1", GUEST, accepted=True)
    cloud.add_camera(STRANGER, "cam9", "Shop")
    cloud.add_share(STRANGER, "cam9", OWNER, accepted=False)
    entry = await setup_entry(hass, make_entry(OWNER, None, **{CONF_AUTO_ACCEPT_FROM: [STRANGER]}))
    await call(
        hass,
        "share",
        {
            "device_id": device_id(hass, entry.entry_id, "cam2"),
            "recipient": GUEST_PHONE,
            "duration": {"hours": 1},
        },
    )
    diagnostics: dict[str, Any] = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    text = json.dumps(diagnostics)
    for secret in (
        f"pt-{OWNER}",
        OWNER,
        GUEST,
        STRANGER,
        GUEST_PHONE,
        "AA:BB:CC",
        "Bob",
        "Carol",
        "TESTDEVICE01",
        "cam1",
    ):
        assert secret not in text, secret
    assert diagnostics["cameras"][0]["model"] == "chuangmi.camera.046c04"
    assert diagnostics["timed_shares"][0]["failures"] == 0
    assert diagnostics["requests_made"] > 0


async def test_no_token_in_logs(hass: HomeAssistant, cloud: FakeCloud, caplog: Any) -> None:
    caplog.set_level("DEBUG")
    entry = await setup_entry(hass, make_entry())
    cloud.failing_calls.add("revoke")
    await call(
        hass,
        "share",
        {
            "device_id": device_id(hass, entry.entry_id, "cam1"),
            "recipient": GUEST,
            "duration": {"minutes": 1},
        },
    )
    cloud.failing = True
    await entry.runtime_data.coordinator.async_refresh()
    assert f"pt-{OWNER}" not in caplog.text


def test_every_event_type_has_a_logbook_line() -> None:
    assert set(MESSAGES) == set(EVENT_TYPES)
    for event_type in EVENT_TYPES:
        line = describe(
            Event(
                EVENT_NAME,
                {"type": event_type, "nickname": "Bob", "camera_name": "Garden", "message": "timeout"},
            )
        )
        assert line["name"] == "Xiaomi Camera Share"
        assert "{" not in line["message"]
    fallback = describe(Event(EVENT_NAME, {"type": "share_revoked", "user_id": GUEST, "did": "cam1"}))
    assert fallback["message"] == f"stopped sharing cam1 with {GUEST}"


async def test_logbook_registration(hass: HomeAssistant) -> None:
    registered: list[tuple[str, str]] = []
    async_describe_events(hass, lambda domain, event, _describe: registered.append((domain, event)))
    assert registered == [(DOMAIN, EVENT_NAME)]
