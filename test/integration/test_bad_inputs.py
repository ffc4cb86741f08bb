"""A table of bad requests: each one gets its own translated error and changes nothing."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events

from custom_components.xiaomi_camera_share.const import DOMAIN, EVENT_NAME

from .conftest import FRONT_DOOR, GARDEN, GUEST, OWNER, STRANGER, add_account, make_entry
from .helpers import call, device_id, stored_expiries
from .simulator import Account, Camera

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

    from .simulator import Simulator, World

OTHER_REGION = Account("4000000004", "Dave", "dave-test-password")
UNLOADED = Account("5000000005", "Erin", "erin-test-password")
CAMERA_GROUP = Camera("681000003", "Camera group", OWNER.user_id, model="isa.camera.virtual")
FULL_HOUSE = Camera("681000004", "Full house", OWNER.user_id)
CONTROL_ONLY = Camera("681000005", "Old camera", OWNER.user_id, model="chuangmi.camera.ipc019")
NEIGHBOUR = Camera("683000009", "Neighbour", STRANGER.user_id)
OLD_INVITE = Camera("683000010", "Old invite", STRANGER.user_id)
FRIENDS = [Account(f"70000000{n:02d}", f"Friend {n}", "friend-test-password") for n in range(10)]


class Ids:
    """Ids the table's requests refer to."""

    def __init__(
        self,
        hass: HomeAssistant,
        owner: MockConfigEntry,
        unloaded: MockConfigEntry,
        foreign: str,
        expired_invite: int,
    ) -> None:
        self.hass = hass
        self.owner = owner
        self.unloaded = unloaded
        self.foreign_device = foreign
        self.expired_invite = expired_invite

    def cam(self, camera: Camera) -> str:
        return device_id(self.hass, self.owner.entry_id, camera.did)

    def account_device(self) -> str:
        device = dr.async_get(self.hass).async_get_device_by_identifier(
            (DOMAIN, f"account_{OWNER.user_id}"), self.owner.entry_id
        )
        assert device is not None
        return device.id


@pytest.fixture
async def ids(hass: HomeAssistant, simulator: Simulator, world: World) -> Ids:
    for account in (OTHER_REGION, UNLOADED, *FRIENDS):
        world.add_account(account)
    world.share(FRONT_DOOR, GUEST, accepted=True)
    world.share(FRONT_DOOR, STRANGER, accepted=False)
    for camera in (CAMERA_GROUP, FULL_HOUSE, CONTROL_ONLY, NEIGHBOUR, OLD_INVITE):
        world.add_camera(camera)
    for friend in FRIENDS:
        world.share(FULL_HOUSE, friend, accepted=True)
    world.share(NEIGHBOUR, OWNER, accepted=True)
    # Sent eight days ago and a minute past its expiry: the cloud still lists it as pending.
    now = int(time.time())
    expired = world.share(OLD_INVITE, OWNER, accepted=False, sent_at=now - 8 * 86400, expires_at=now - 60)
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER)
    await add_account(hass, simulator, OTHER_REGION, regions=["de"])
    unloaded = await make_entry(simulator, UNLOADED)
    unloaded.add_to_hass(hass)
    other = MockConfigEntry(domain="demo")
    other.add_to_hass(hass)
    foreign = dr.async_get(hass).async_get_or_create(
        config_entry_id=other.entry_id, identifiers={("demo", "x")}
    )
    return Ids(hass, owner, unloaded, foreign.id, expired.invite_id)


Case = tuple[str, Callable[[Ids], dict[str, Any]], str]

CASES: list[Case] = [
    ("share", lambda w: {"device_id": "no-such-device", "recipient": GUEST.user_id}, "device_not_found"),
    ("share", lambda w: {"device_id": w.account_device(), "recipient": GUEST.user_id}, "device_not_found"),
    ("share", lambda w: {"device_id": w.foreign_device, "recipient": GUEST.user_id}, "device_not_found"),
    (
        "share",
        lambda w: {"device_id": w.cam(GARDEN), "recipient": GUEST.user_id, "permission": "admin"},
        "permission_invalid",
    ),
    (
        "share",
        lambda w: {"device_id": w.cam(GARDEN), "recipient": GUEST.user_id, "duration": {"seconds": 30}},
        "duration_too_short",
    ),
    (
        "share",
        lambda w: {"device_id": w.cam(GARDEN), "recipient": GUEST.user_id, "duration": {"days": 400}},
        "duration_too_long",
    ),
    ("share", lambda w: {"device_id": w.cam(GARDEN), "recipient": "   "}, "recipient_invalid"),
    (
        "share",
        lambda w: {"device_id": w.cam(GARDEN), "recipient": "Nobody Saved"},
        "recipient_unknown_name",
    ),
    (
        "share",
        lambda w: {"device_id": w.cam(GARDEN), "recipient": "bob@example.com"},
        "recipient_email",
    ),
    ("share", lambda w: {"device_id": w.cam(GARDEN), "recipient": "9999999999"}, "recipient_not_found"),
    ("share", lambda w: {"device_id": w.cam(GARDEN), "recipient": OWNER.user_id}, "recipient_is_self"),
    ("share", lambda w: {"device_id": w.cam(NEIGHBOUR), "recipient": GUEST.user_id}, "camera_not_owned"),
    (
        "share",
        lambda w: {"device_id": w.cam(CAMERA_GROUP), "recipient": GUEST.user_id},
        "camera_not_shareable_model_not_shareable",
    ),
    (
        "share",
        lambda w: {"device_id": w.cam(FULL_HOUSE), "recipient": GUEST.user_id},
        "camera_not_shareable_sharee_limit",
    ),
    (
        "share",
        lambda w: {"device_id": w.cam(CONTROL_ONLY), "recipient": GUEST.user_id, "permission": "view_only"},
        "view_only_not_offered",
    ),
    (
        "share",
        lambda w: {"device_id": [w.cam(GARDEN), w.cam(FRONT_DOOR)], "recipient": GUEST.user_id},
        "already_shared",
    ),
    (
        "share",
        lambda w: {"device_id": w.cam(FRONT_DOOR), "recipient": STRANGER.user_id},
        "invite_already_pending",
    ),
    (
        "share",
        lambda w: {"device_id": w.cam(GARDEN), "recipient": STRANGER.user_id, "auto_accept": True},
        "auto_accept_unavailable",
    ),
    (
        "share",
        lambda w: {"device_id": w.cam(GARDEN), "recipient": OTHER_REGION.user_id},
        "recipient_region_mismatch",
    ),
    ("revoke", lambda w: {"device_id": w.cam(GARDEN), "recipient": GUEST.user_id}, "recipient_not_sharee"),
    ("revoke", lambda w: {"device_id": w.cam(GARDEN)}, "nothing_to_revoke"),
    ("revoke", lambda w: {"device_id": w.cam(NEIGHBOUR)}, "camera_not_owned"),
    (
        "set_expiry",
        lambda w: {"device_id": w.cam(FRONT_DOOR), "recipient": GUEST.user_id},
        "expiry_not_found",
    ),
    (
        "set_expiry",
        lambda w: {"device_id": w.cam(GARDEN), "recipient": GUEST.user_id, "duration": {"hours": 1}},
        "recipient_not_sharee",
    ),
    (
        "accept_invite",
        lambda w: {"config_entry_id": "nope", "all": True},
        "homeassistant/service_config_entry_not_found",
    ),
    (
        "accept_invite",
        lambda w: {"config_entry_id": w.unloaded.entry_id, "all": True},
        "homeassistant/service_config_entry_not_loaded",
    ),
    ("accept_invite", lambda w: {"config_entry_id": w.owner.entry_id}, "invite_filter_required"),
    (
        "accept_invite",
        lambda w: {"config_entry_id": w.owner.entry_id, "invite_id": 42},
        "invite_not_found",
    ),
    (
        "decline_invite",
        lambda w: {"config_entry_id": w.owner.entry_id, "sender": "Nobody"},
        "no_matching_invites",
    ),
    (
        "accept_invite",
        lambda w: {"config_entry_id": w.owner.entry_id, "invite_id": w.expired_invite},
        "invite_expired",
    ),
    (
        "lookup_recipient",
        lambda w: {"config_entry_id": w.owner.entry_id, "recipient": "+19999999999"},
        "recipient_not_found",
    ),
    (
        "list_shares",
        lambda w: {"config_entry_id": w.unloaded.entry_id},
        "homeassistant/service_config_entry_not_loaded",
    ),
]


def test_table_is_large_and_distinct() -> None:
    assert len(CASES) >= 20
    assert len({key for _, _, key in CASES}) >= 20


@pytest.mark.parametrize(("service", "build", "key"), CASES, ids=[f"{s}-{k}" for s, _, k in CASES])
async def test_bad_input(
    hass: HomeAssistant,
    simulator: Simulator,
    ids: Ids,
    hass_storage: dict[str, Any],
    service: str,
    build: Callable[[Ids], dict[str, Any]],
    key: str,
) -> None:
    data = build(ids)
    shares_before = await simulator.shares()
    expiries_before = stored_expiries(hass_storage)
    events = async_capture_events(hass, EVENT_NAME)  # every history entry is also an event
    with pytest.raises(HomeAssistantError) as err:
        await call(hass, service, data)
    # Home Assistant's own refusals (an unknown or unloaded account) carry its domain.
    domain, _, key = key.rpartition("/")
    assert err.value.translation_domain == (domain or DOMAIN)
    assert err.value.translation_key == key
    assert await simulator.shares() == shares_before
    assert stored_expiries(hass_storage) == expiries_before
    assert events == []
    # The message is translated: English text, not the key.
    assert str(err.value)
    assert key not in str(err.value)
    # Every placeholder is filled, and with a name, not with nothing.
    assert "{" not in str(err.value)
    assert "None" not in str(err.value)
