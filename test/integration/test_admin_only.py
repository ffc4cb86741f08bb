"""Sharing data is for admins: every action and websocket command refuses other users, and
what any user (and the recorder) sees of the accounts is counts, never who.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from homeassistant.components import websocket_api
from homeassistant.components.recorder import history
from homeassistant.core import Context
from homeassistant.exceptions import Unauthorized
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.recorder import get_instance
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import CLIENT_ID, MockUser
from pytest_homeassistant_custom_component.components.recorder.common import async_wait_recording_done

from custom_components.xiaomi_camera_share.const import DOMAIN

from .conftest import FRONT_DOOR, GARDEN, GUEST, GUEST_PHONE, OWNER, STRANGER, add_account
from .helpers import call, device_id, requests_made
from .simulator import Camera

if TYPE_CHECKING:
    from homeassistant.components.recorder.core import Recorder
    from homeassistant.core import HomeAssistant
    from homeassistant.core import State as HaState
    from pytest_homeassistant_custom_component.common import MockConfigEntry
    from pytest_homeassistant_custom_component.typing import ClientSessionGenerator, WebSocketGenerator

    from .simulator import Simulator, World

SHOP = Camera("683000009", "Shop", STRANGER.user_id)
# Who must never show in a state: the sharees, the invite's sender, a phone number.
IDENTITIES = (
    GUEST.user_id,
    GUEST.nickname,
    STRANGER.user_id,
    STRANGER.nickname,
    GUEST_PHONE.removeprefix("+"),
)

type Build = Callable[[HomeAssistant, MockConfigEntry], dict[str, Any]]

# Every action, with data that an admin's call would act on.
ACTIONS: dict[str, Build] = {
    "share": lambda h, e: {"device_id": device_id(h, e.entry_id, GARDEN.did), "recipient": GUEST_PHONE},
    "revoke": lambda h, e: {"device_id": device_id(h, e.entry_id, FRONT_DOOR.did)},
    "set_expiry": lambda h, e: {
        "device_id": device_id(h, e.entry_id, FRONT_DOOR.did),
        "recipient": GUEST.user_id,
        "duration": {"hours": 1},
    },
    "accept_invite": lambda h, e: {"config_entry_id": e.entry_id, "all": True},
    "decline_invite": lambda h, e: {"config_entry_id": e.entry_id, "all": True},
    "list_shares": lambda h, e: {},
    "list_invites": lambda h, e: {"config_entry_id": e.entry_id},
    "lookup_recipient": lambda h, e: {"config_entry_id": e.entry_id, "recipient": GUEST_PHONE},
    "refresh": lambda h, e: {},
}

# Every websocket command, with a message an admin's card would send.
COMMANDS: dict[str, dict[str, Any]] = {
    f"{DOMAIN}/subscribe": {},
    f"{DOMAIN}/history": {"limit": 10},
    f"{DOMAIN}/recipients/save": {"name": "Guest", "user_id": GUEST.user_id},
    f"{DOMAIN}/recipients/delete": {"name": "Guest"},
}


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(recorder_mock: Recorder, enable_custom_integrations: None) -> None:
    """Load the integration from custom_components/, with the recorder running from the start."""


@pytest.fixture
async def owner(hass: HomeAssistant, simulator: Simulator, world: World) -> MockConfigEntry:
    """The owner shares the front door with the guest, invited the stranger, and has an invite."""
    world.share(FRONT_DOOR, GUEST, accepted=True)
    world.share(GARDEN, STRANGER, accepted=False)
    world.add_camera(SHOP)
    world.share(SHOP, OWNER, accepted=False)
    await simulator.seed(world)
    return await add_account(hass, simulator, OWNER)


@pytest.fixture(params=["read-only", "plain"])
def non_admin(request: pytest.FixtureRequest, hass: HomeAssistant, hass_read_only_user: MockUser) -> MockUser:
    """A user of the read-only group, or one of no group at all."""
    if request.param == "read-only":
        return hass_read_only_user
    return MockUser(name="Plain user").add_to_hass(hass)


async def test_every_action_is_refused_to_a_non_admin(
    hass: HomeAssistant,
    simulator: Simulator,
    owner: MockConfigEntry,
    hass_client: ClientSessionGenerator,
    hass_admin_user: MockUser,
    non_admin: MockUser,
) -> None:
    assert set(hass.services.async_services_for_domain(DOMAIN)) == set(ACTIONS)
    shares_before = await simulator.shares()
    requests_before = await requests_made(hass, hass_client, owner)

    for service, build in ACTIONS.items():
        with pytest.raises(Unauthorized):
            await call(hass, service, build(hass, owner), context=Context(user_id=non_admin.id))

    # Nothing was asked of the cloud: no look-up, no refresh, no write.
    assert await requests_made(hass, hass_client, owner) == requests_before
    assert await simulator.shares() == shares_before
    # An admin may read.
    admin = Context(user_id=hass_admin_user.id)
    found = await call(hass, "lookup_recipient", ACTIONS["lookup_recipient"](hass, owner), context=admin)
    assert found["user_id"] == GUEST.user_id
    assert (await call(hass, "list_invites", {}, context=admin))["invites"]


async def test_every_websocket_command_is_refused_to_a_non_admin(
    hass: HomeAssistant, owner: MockConfigEntry, hass_ws_client: WebSocketGenerator, non_admin: MockUser
) -> None:
    registered = sorted(c for c in hass.data[websocket_api.DOMAIN] if c.startswith(f"{DOMAIN}/"))
    assert registered == sorted(COMMANDS)
    refresh_token = await hass.auth.async_create_refresh_token(non_admin, CLIENT_ID)
    client = await hass_ws_client(hass, hass.auth.async_create_access_token(refresh_token))
    for command, fields in COMMANDS.items():
        await client.send_json_auto_id({"type": command, **fields})
        response = await client.receive_json()
        assert not response["success"], command
        assert response["error"]["code"] == "unauthorized", command


def _our_states(hass: HomeAssistant) -> list[HaState]:
    registry = er.async_get(hass)
    ours = {e.entity_id for e in registry.entities.values() if e.platform == DOMAIN}
    return [s for s in hass.states.async_all() if s.entity_id in ours]


async def test_states_and_the_recorder_carry_counts_not_identities(
    hass: HomeAssistant, owner: MockConfigEntry
) -> None:
    started = dt_util.utcnow()
    await call(hass, "refresh", {})
    every_state = _our_states(hass)
    # The camera entities (live view) carry no sharing data; the sensors carry counts.
    states = [s for s in every_state if s.domain == "sensor"]
    assert len(states) == 3  # two cameras' sharees, the account's invites
    extra = {
        s.entity_id: {k: v for k, v in s.attributes.items() if k in ("pending", "regions")} for s in states
    }
    assert extra == {
        "sensor.front_door_shared_with": {"pending": 0},
        "sensor.garden_shared_with": {"pending": 1},
        f"sensor.account_{OWNER.user_id}_incoming_invites": {"regions": {"cn": 1}},
    }
    for state in states:
        assert set(state.attributes) <= {"pending", "regions", "friendly_name", "state_class", "icon"}
    assert {s.entity_id: s.state for s in states} == {
        "sensor.front_door_shared_with": "1",
        "sensor.garden_shared_with": "0",
        f"sensor.account_{OWNER.user_id}_incoming_invites": "1",
    }
    seen = json.dumps([s.as_dict() for s in every_state], default=str)
    for identity in IDENTITIES:
        assert identity not in seen, identity

    await async_wait_recording_done(hass)
    recorded = await get_instance(hass).async_add_executor_job(
        history.get_significant_states, hass, started, None, [s.entity_id for s in states]
    )
    assert set(recorded) == {s.entity_id for s in states}
    kept = json.dumps({e: [s.as_dict() for s in rows] for e, rows in recorded.items()}, default=str)
    for identity in IDENTITIES:
        assert identity not in kept, identity
