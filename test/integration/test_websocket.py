"""The card's websocket API: the state document, its updates, and admin-only access."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component
from jsonschema import Draft202012Validator
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.xiaomi_camera_share.const import DOMAIN

from .conftest import FRONT_DOOR, GARDEN, GUEST, OWNER, STRANGER, add_account, make_entry, setup_entry
from .helpers import announce_state_change, call, device_id
from .simulator import Camera

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.typing import WebSocketGenerator

    from .simulator import Simulator, World

SCHEMA = json.loads((Path(__file__).parents[2] / "schema" / "state-document.schema.json").read_text())
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def valid(document: dict[str, Any]) -> dict[str, Any]:
    errors = sorted(VALIDATOR.iter_errors(document), key=str)
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    return document


async def test_subscribe_pushes_document_and_updates(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_ws_client: WebSocketGenerator
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True, read_only=True)
    shop = world.add_camera(Camera("683000009", "Shop", STRANGER.user_id, region="sg"))
    world.share(shop, OWNER, accepted=False)
    kiosk = world.add_camera(Camera("683000008", "Kiosk", STRANGER.user_id))
    world.share(kiosk, OWNER, accepted=True)
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER)
    # Another integration's camera entity on the same device is found and linked.
    other = MockConfigEntry(domain="demo")
    other.add_to_hass(hass)
    er.async_get(hass).async_get_or_create(
        "camera",
        "demo",
        "front",
        device_id=device_id(hass, owner.entry_id, FRONT_DOOR.did),
        config_entry=other,
        suggested_object_id="front_door_stream",
    )
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "xiaomi_camera_share/subscribe"})
    assert (await client.receive_json())["success"]
    document = valid((await client.receive_json())["event"])

    assert document["accounts"][0]["status"] == "ok"
    cameras = {c["did"]: c for c in document["cameras"]}
    assert cameras[FRONT_DOOR.did]["camera_entity"] == "camera.front_door_stream"
    assert cameras[FRONT_DOOR.did]["sharees"][0]["permission"] == "view_only"
    assert cameras[kiosk.did]["owner"] == {"user_id": STRANGER.user_id, "nickname": "Carol"}
    assert cameras[kiosk.did]["capabilities"]["reason"] == "not_owner"
    assert document["invites"][0]["region"] == "sg"
    assert document["invites"][0]["region_in_use"] is False

    await call(
        hass,
        "share",
        {
            "device_id": device_id(hass, owner.entry_id, GARDEN.did),
            "recipient": GUEST.user_id,
            "duration": {"hours": 2},
        },
    )
    latest = None
    while True:
        message = await client.receive_json()
        latest = valid(message["event"])
        garden = next(c for c in latest["cameras"] if c["did"] == GARDEN.did)
        if garden["sharees"] and garden["sharees"][0]["expires_at"] and latest["history"]:
            break
    assert garden["sharees"][0]["status"] == "pending"
    assert latest["history"][0]["type"] == "invite_sent"


async def test_account_status_offline_and_auth_failed(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_ws_client: WebSocketGenerator
) -> None:
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER)
    guest = await make_entry(simulator, GUEST)
    await simulator.revoke_pass_tokens(GUEST)
    await setup_entry(hass, guest)
    await simulator.fault("status", status=503)
    await call(hass, "refresh", {"config_entry_id": owner.entry_id})
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "xiaomi_camera_share/subscribe"})
    await client.receive_json()
    document = valid((await client.receive_json())["event"])
    assert {a["user_id"]: a["status"] for a in document["accounts"]} == {
        OWNER.user_id: "offline",
        GUEST.user_id: "auth_failed",
    }


async def test_recipients_and_history_commands(
    hass: HomeAssistant, owner_entry: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {
            "type": "xiaomi_camera_share/recipients/save",
            "name": " Grandma ",
            "user_id": GUEST.user_id,
            "region": "cn",
        }
    )
    result = await client.receive_json()
    assert result["result"] == {"name": "Grandma", "user_id": GUEST.user_id, "nickname": None, "region": "cn"}
    await client.send_json_auto_id(
        {"type": "xiaomi_camera_share/recipients/save", "name": "x", "user_id": "abc"}
    )
    assert not (await client.receive_json())["success"]

    for camera in (FRONT_DOOR, GARDEN):
        device = device_id(hass, owner_entry.entry_id, camera.did)
        await call(hass, "share", {"device_id": device, "recipient": "Grandma"})
    await client.send_json_auto_id({"type": "xiaomi_camera_share/history", "limit": 1})
    [newest] = (await client.receive_json())["result"]["entries"]
    assert newest["camera_name"] == "Garden"
    await client.send_json_auto_id({"type": "xiaomi_camera_share/history", "before_id": newest["id"]})
    older = (await client.receive_json())["result"]["entries"]
    assert [e["camera_name"] for e in older] == ["Front door"]

    await client.send_json_auto_id({"type": "xiaomi_camera_share/recipients/delete", "name": "grandma"})
    assert (await client.receive_json())["success"]
    await client.send_json_auto_id({"type": "xiaomi_camera_share/recipients/delete", "name": "grandma"})
    assert (await client.receive_json())["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    "message",
    [
        {"type": "xiaomi_camera_share/subscribe"},
        {"type": "xiaomi_camera_share/history"},
        {"type": "xiaomi_camera_share/recipients/save", "name": "a", "user_id": "1"},
        {"type": "xiaomi_camera_share/recipients/delete", "name": "a"},
    ],
)
async def test_non_admin_is_refused(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
    message: dict[str, Any],
) -> None:
    assert await async_setup_component(hass, DOMAIN, {})
    client = await hass_ws_client(hass, hass_read_only_access_token)
    await client.send_json_auto_id(message)
    response = await client.receive_json()
    assert not response["success"]
    assert response["error"]["code"] == "unauthorized"


async def test_camera_entity_of_another_integration_is_linked_by_mac(
    hass: HomeAssistant, owner_entry: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    """A camera integration keeps its own device; the shared MAC links the two."""
    owner = owner_entry
    other = MockConfigEntry(domain="demo")
    other.add_to_hass(hass)
    their_device = dr.async_get(hass).async_get_or_create(
        config_entry_id=other.entry_id,
        connections={(dr.CONNECTION_NETWORK_MAC, "aa:bb:cc:00:00:01")},
    )
    assert their_device.id != device_id(hass, owner.entry_id, FRONT_DOOR.did)
    er.async_get(hass).async_get_or_create(
        "camera",
        "demo",
        "front-stream",
        device_id=their_device.id,
        config_entry=other,
        suggested_object_id="front_door_live",
    )
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "xiaomi_camera_share/subscribe"})
    assert (await client.receive_json())["success"]
    document = valid((await client.receive_json())["event"])

    cameras = {c["did"]: c for c in document["cameras"]}
    assert cameras[FRONT_DOOR.did]["camera_entity"] == "camera.front_door_live"
    assert cameras[FRONT_DOOR.did]["device_id"] == device_id(hass, owner.entry_id, FRONT_DOOR.did)
    # A camera without a MAC shared with anyone has only its own live view entity.
    assert cameras[GARDEN.did]["camera_entity"] == "camera.garden"


async def test_changes_in_one_go_are_pushed_once(
    hass: HomeAssistant, owner_entry: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "xiaomi_camera_share/subscribe"})
    assert (await client.receive_json())["success"]
    await client.receive_json()  # the first document

    for _ in range(3):
        announce_state_change(hass)
    await client.send_json_auto_id({"type": "xiaomi_camera_share/history", "limit": 1})
    assert (await client.receive_json())["type"] == "event"
    assert (await client.receive_json())["type"] == "result"
