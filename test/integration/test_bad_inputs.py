"""A table of bad requests: each one gets its own translated error and changes nothing."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.xiaomi_camera_share.const import DOMAIN
from custom_components.xiaomi_camera_share.data import DATA_KEY

from .conftest import GUEST, OWNER, STRANGER, make_entry, setup_entry
from .fake_cloud import FakeCloud
from .helpers import call, device_id

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

OTHER_REGION_USER = "4000000004"
UNLOADED_USER = "5000000005"


class World:
    """Ids the table's requests refer to."""

    def __init__(
        self, hass: HomeAssistant, owner: MockConfigEntry, unloaded: MockConfigEntry, foreign: str
    ) -> None:
        self.hass = hass
        self.owner = owner
        self.unloaded = unloaded
        self.foreign_device = foreign

    def cam(self, did: str) -> str:
        return device_id(self.hass, self.owner.entry_id, did)

    def account_device(self) -> str:
        device = dr.async_get(self.hass).async_get_device_by_identifier(
            (DOMAIN, f"account_{OWNER}"), self.owner.entry_id
        )
        assert device is not None
        return device.id


@pytest.fixture
async def world(hass: HomeAssistant, cloud: FakeCloud) -> World:
    cloud.add_account(OTHER_REGION_USER, "Dave")
    cloud.add_share(OWNER, "cam1", GUEST, accepted=True)
    cloud.add_share(OWNER, "cam1", STRANGER, accepted=False)
    cloud.add_camera(OWNER, "cam3", "Camera group", model="isa.camera.virtual")
    cloud.add_camera(OWNER, "cam4", "Full house")
    for n in range(10):
        cloud.add_account(f"70000000{n:02d}", f"Friend {n}")
        cloud.add_share(OWNER, "cam4", f"70000000{n:02d}", accepted=True)
    cloud.add_camera(STRANGER, "cam9", "Neighbour")
    cloud.add_share(STRANGER, "cam9", OWNER, accepted=True)
    cloud.add_camera(STRANGER, "cam10", "Old invite")
    cloud.add_share(STRANGER, "cam10", OWNER, accepted=False).expires = int(time.time()) - 60
    owner = await setup_entry(hass, make_entry(OWNER))
    owner.runtime_data.answers.no_view_only.add("cam2")
    await setup_entry(hass, make_entry(OTHER_REGION_USER, regions=["de"]))
    unloaded = make_entry(UNLOADED_USER)
    unloaded.add_to_hass(hass)
    other = MockConfigEntry(domain="demo")
    other.add_to_hass(hass)
    foreign = dr.async_get(hass).async_get_or_create(
        config_entry_id=other.entry_id, identifiers={("demo", "x")}
    )
    return World(hass, owner, unloaded, foreign.id)


def expired_invite_id(cloud: FakeCloud) -> int:
    return next(s.invite_id for s in cloud.shares if s.did == "cam10")


Case = tuple[str, Callable[[World, FakeCloud], dict[str, Any]], str]

CASES: list[Case] = [
    ("share", lambda w, c: {"device_id": "no-such-device", "recipient": GUEST}, "device_not_found"),
    ("share", lambda w, c: {"device_id": w.account_device(), "recipient": GUEST}, "device_not_found"),
    ("share", lambda w, c: {"device_id": w.foreign_device, "recipient": GUEST}, "device_not_found"),
    (
        "share",
        lambda w, c: {"device_id": w.cam("cam2"), "recipient": GUEST, "permission": "admin"},
        "permission_invalid",
    ),
    (
        "share",
        lambda w, c: {"device_id": w.cam("cam2"), "recipient": GUEST, "duration": {"seconds": 30}},
        "duration_too_short",
    ),
    (
        "share",
        lambda w, c: {"device_id": w.cam("cam2"), "recipient": GUEST, "duration": {"days": 400}},
        "duration_too_long",
    ),
    ("share", lambda w, c: {"device_id": w.cam("cam2"), "recipient": "   "}, "recipient_invalid"),
    (
        "share",
        lambda w, c: {"device_id": w.cam("cam2"), "recipient": "Nobody Saved"},
        "recipient_unknown_name",
    ),
    ("share", lambda w, c: {"device_id": w.cam("cam2"), "recipient": "9999999999"}, "recipient_not_found"),
    ("share", lambda w, c: {"device_id": w.cam("cam2"), "recipient": OWNER}, "recipient_is_self"),
    ("share", lambda w, c: {"device_id": w.cam("cam9"), "recipient": GUEST}, "camera_not_owned"),
    (
        "share",
        lambda w, c: {"device_id": w.cam("cam3"), "recipient": GUEST},
        "camera_not_shareable_model_not_shareable",
    ),
    (
        "share",
        lambda w, c: {"device_id": w.cam("cam4"), "recipient": GUEST},
        "camera_not_shareable_sharee_limit",
    ),
    (
        "share",
        lambda w, c: {"device_id": w.cam("cam2"), "recipient": GUEST, "permission": "view_only"},
        "view_only_not_offered",
    ),
    (
        "share",
        lambda w, c: {"device_id": [w.cam("cam2"), w.cam("cam1")], "recipient": GUEST},
        "already_shared",
    ),
    ("share", lambda w, c: {"device_id": w.cam("cam1"), "recipient": STRANGER}, "invite_already_pending"),
    (
        "share",
        lambda w, c: {"device_id": w.cam("cam2"), "recipient": STRANGER, "auto_accept": True},
        "auto_accept_unavailable",
    ),
    (
        "share",
        lambda w, c: {"device_id": w.cam("cam2"), "recipient": OTHER_REGION_USER},
        "recipient_region_mismatch",
    ),
    ("revoke", lambda w, c: {"device_id": w.cam("cam2"), "recipient": GUEST}, "recipient_not_sharee"),
    ("revoke", lambda w, c: {"device_id": w.cam("cam2")}, "nothing_to_revoke"),
    ("revoke", lambda w, c: {"device_id": w.cam("cam9")}, "camera_not_owned"),
    ("set_expiry", lambda w, c: {"device_id": w.cam("cam1"), "recipient": GUEST}, "expiry_not_found"),
    (
        "set_expiry",
        lambda w, c: {"device_id": w.cam("cam2"), "recipient": GUEST, "duration": {"hours": 1}},
        "recipient_not_sharee",
    ),
    (
        "accept_invite",
        lambda w, c: {"config_entry_id": "nope", "all": True},
        "homeassistant/service_config_entry_not_found",
    ),
    (
        "accept_invite",
        lambda w, c: {"config_entry_id": w.unloaded.entry_id, "all": True},
        "homeassistant/service_config_entry_not_loaded",
    ),
    ("accept_invite", lambda w, c: {"config_entry_id": w.owner.entry_id}, "invite_filter_required"),
    (
        "accept_invite",
        lambda w, c: {"config_entry_id": w.owner.entry_id, "invite_id": 42},
        "invite_not_found",
    ),
    (
        "decline_invite",
        lambda w, c: {"config_entry_id": w.owner.entry_id, "sender": "Nobody"},
        "no_matching_invites",
    ),
    (
        "accept_invite",
        lambda w, c: {"config_entry_id": w.owner.entry_id, "invite_id": expired_invite_id(c)},
        "invite_expired",
    ),
    (
        "lookup_recipient",
        lambda w, c: {"config_entry_id": w.owner.entry_id, "recipient": "+19999999999"},
        "recipient_not_found",
    ),
    (
        "list_shares",
        lambda w, c: {"config_entry_id": w.unloaded.entry_id},
        "homeassistant/service_config_entry_not_loaded",
    ),
]


def test_table_is_large_and_distinct() -> None:
    assert len(CASES) >= 20
    assert len({key for _, _, key in CASES}) >= 20


@pytest.mark.parametrize(("service", "build", "key"), CASES, ids=[f"{s}-{k}" for s, _, k in CASES])
async def test_bad_input(
    hass: HomeAssistant,
    cloud: FakeCloud,
    world: World,
    service: str,
    build: Callable[..., dict[str, Any]],
    key: str,
) -> None:
    data = build(world, cloud)
    shares_before = copy.deepcopy(cloud.shares)
    store = hass.data[DATA_KEY].store
    expiries_before = store.expiries
    history_before = store.history_page(None, 1000)
    with pytest.raises(HomeAssistantError) as err:
        await call(hass, service, data)
    # Home Assistant's own refusals (an unknown or unloaded account) carry its domain.
    domain, _, key = key.rpartition("/")
    assert err.value.translation_domain == (domain or DOMAIN)
    assert err.value.translation_key == key
    assert cloud.shares == shares_before
    assert store.expiries == expiries_before
    assert store.history_page(None, 1000) == history_before
    # The message is translated: English text, not the key.
    assert str(err.value)
    assert key not in str(err.value)
