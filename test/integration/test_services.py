"""The actions: success paths, auto-accept across accounts, the region guard, security."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import HomeAssistantError, Unauthorized
from pytest_homeassistant_custom_component.common import MockConfigEntry, MockUser, async_capture_events

from custom_components.xiaomi_camera_share.cloud.models import ShareStatus
from custom_components.xiaomi_camera_share.cloud.regions import Region
from custom_components.xiaomi_camera_share.const import CONF_AUTO_ACCEPT_FROM, DOMAIN, EVENT_NAME
from custom_components.xiaomi_camera_share.data import DATA_KEY

from .conftest import GUEST, GUEST_PHONE, OWNER, STRANGER, make_entry, setup_entry
from .helpers import call, device_id

if TYPE_CHECKING:
    from .fake_cloud import FakeCloud


async def test_share_by_phone_reports_region_note(
    hass: HomeAssistant, cloud: FakeCloud, owner_entry: MockConfigEntry
) -> None:
    events = async_capture_events(hass, EVENT_NAME)
    response = await call(
        hass,
        "share",
        {
            "device_id": device_id(hass, owner_entry.entry_id, "cam1"),
            "recipient": GUEST_PHONE,
            "permission": "view_only",
        },
    )
    assert response["recipient"] == {"user_id": GUEST, "nickname": "Bob"}
    assert response["results"] == [{"did": "cam1", "camera": "Front door", "status": "invited"}]
    assert response["invite_regions"] == ["cn"]
    assert response["expires_at"] is None
    [share] = cloud.sharees_of("cam1")
    assert (share.user_id, share.read_only, share.status) == (GUEST, True, ShareStatus.PENDING)
    assert [e.data["type"] for e in events] == ["invite_sent"]
    # Refreshed at once: the sensor already counts the pending invite.
    assert hass.states.get("sensor.front_door_shared_with").attributes["pending"] == 1


async def test_share_two_cameras_to_saved_recipient(
    hass: HomeAssistant, cloud: FakeCloud, owner_entry: MockConfigEntry
) -> None:
    await hass.data[DATA_KEY].store.async_save_recipient(
        {"name": "Grandma", "user_id": STRANGER, "nickname": None, "region": "cn"}
    )
    devices = [device_id(hass, owner_entry.entry_id, did) for did in ("cam1", "cam2")]
    response = await call(hass, "share", {"device_id": devices, "recipient": " grandma "})
    assert [r["did"] for r in response["results"]] == ["cam1", "cam2"]
    assert response["recipient"]["nickname"] == "Grandma"
    assert {s.did for s in cloud.shares if s.user_id == STRANGER} == {"cam1", "cam2"}


async def test_share_with_auto_accept_between_configured_accounts(
    hass: HomeAssistant, cloud: FakeCloud, owner_entry: MockConfigEntry
) -> None:
    guest_entry = await setup_entry(hass, make_entry(GUEST))
    events = async_capture_events(hass, EVENT_NAME)
    response = await call(
        hass,
        "share",
        {"device_id": device_id(hass, owner_entry.entry_id, "cam1"), "recipient": GUEST, "auto_accept": True},
    )
    assert response["results"][0]["status"] == "accepted"
    assert response["invite_regions"] is None
    assert cloud.sharees_of("cam1")[0].status == ShareStatus.ACCEPTED
    assert [e.data["type"] for e in events] == ["invite_sent", "invite_accepted", "share_accepted"]
    # The guest account now sees the camera as shared to it.
    assert "cam1" in guest_entry.runtime_data.coordinator.data.cameras


async def test_accepting_refreshes_the_sender_configured_here(
    hass: HomeAssistant, cloud: FakeCloud, owner_entry: MockConfigEntry
) -> None:
    guest_entry = await setup_entry(hass, make_entry(GUEST))
    camera = device_id(hass, owner_entry.entry_id, "cam1")
    await call(hass, "share", {"device_id": camera, "recipient": GUEST})
    await call(hass, "accept_invite", {"config_entry_id": guest_entry.entry_id, "all": True})
    # The owner's view shows the acceptance without waiting for its next poll.
    shares = await call(hass, "list_shares", {"config_entry_id": owner_entry.entry_id})
    cam1 = next(c for c in shares["cameras"] if c["did"] == "cam1")
    assert [(s["user_id"], s["status"]) for s in cam1["sharees"]] == [(GUEST, "accepted")]


async def test_revoking_refreshes_the_sharee_configured_here(
    hass: HomeAssistant, cloud: FakeCloud, owner_entry: MockConfigEntry
) -> None:
    guest_entry = await setup_entry(hass, make_entry(GUEST))
    camera = device_id(hass, owner_entry.entry_id, "cam1")
    await call(hass, "share", {"device_id": camera, "recipient": GUEST, "auto_accept": True})
    assert "cam1" in guest_entry.runtime_data.coordinator.data.cameras
    await call(hass, "revoke", {"device_id": camera, "recipient": GUEST})
    # The guest's view loses the camera without waiting for its next poll.
    assert "cam1" not in guest_entry.runtime_data.coordinator.data.cameras


async def test_options_auto_accept_trusted_sender(hass: HomeAssistant, cloud: FakeCloud, owner_entry) -> None:
    guest_entry = await setup_entry(hass, make_entry(GUEST, **{CONF_AUTO_ACCEPT_FROM: [OWNER]}))
    await call(
        hass, "share", {"device_id": device_id(hass, owner_entry.entry_id, "cam2"), "recipient": GUEST}
    )
    await guest_entry.runtime_data.coordinator.async_refresh()
    assert cloud.sharees_of("cam2")[0].status == ShareStatus.ACCEPTED
    assert guest_entry.runtime_data.coordinator.data.invites == []


async def test_region_guard_refuses_configured_recipient_in_other_region(
    hass: HomeAssistant, cloud: FakeCloud, owner_entry: MockConfigEntry
) -> None:
    await setup_entry(hass, make_entry(GUEST, regions=["de"]))
    with pytest.raises(HomeAssistantError) as err:
        await call(
            hass, "share", {"device_id": device_id(hass, owner_entry.entry_id, "cam1"), "recipient": GUEST}
        )
    assert err.value.translation_key == "recipient_region_mismatch"
    assert err.value.translation_placeholders["region"] == "cn"
    assert cloud.shares == []


async def test_revoke_one_and_everyone(
    hass: HomeAssistant, cloud: FakeCloud, owner_entry: MockConfigEntry
) -> None:
    cloud.add_share(OWNER, "cam1", GUEST, accepted=True)
    cloud.add_share(OWNER, "cam1", STRANGER, accepted=False)
    await owner_entry.runtime_data.coordinator.async_refresh()
    events = async_capture_events(hass, EVENT_NAME)
    cam1 = device_id(hass, owner_entry.entry_id, "cam1")
    response = await call(hass, "revoke", {"device_id": cam1, "recipient": GUEST_PHONE})
    assert response["results"][0]["revoked"] == [GUEST]
    response = await call(hass, "revoke", {"device_id": cam1})
    assert response["results"][0]["revoked"] == [STRANGER]
    assert cloud.sharees_of("cam1") == []
    # Withdrawing a pending invite is a revoke, not a decline.
    assert [e.data["type"] for e in events] == ["share_revoked", "share_revoked"]


async def test_share_accepted_and_declined_are_announced(
    hass: HomeAssistant, cloud: FakeCloud, owner_entry: MockConfigEntry
) -> None:
    first = cloud.add_share(OWNER, "cam1", GUEST, accepted=False)
    second = cloud.add_share(OWNER, "cam2", STRANGER, accepted=False)
    coordinator = owner_entry.runtime_data.coordinator
    await coordinator.async_refresh()
    events = async_capture_events(hass, EVENT_NAME)
    first.status = ShareStatus.ACCEPTED
    cloud.shares.remove(second)
    await coordinator.async_refresh()
    assert sorted(e.data["type"] for e in events) == ["share_accepted", "share_declined"]


async def test_invites_accept_decline_and_region_not_in_use(
    hass: HomeAssistant, cloud: FakeCloud, owner_entry: MockConfigEntry
) -> None:
    cloud.add_camera(STRANGER, "cam9", "Shop", region=Region.SG)
    cloud.add_share(STRANGER, "cam9", OWNER, accepted=False)
    cloud.add_camera(GUEST, "cam8", "Hall")
    cloud.add_share(GUEST, "cam8", OWNER, accepted=False)
    events = async_capture_events(hass, EVENT_NAME)
    await call(hass, "refresh", {})
    assert sorted(e.data["type"] for e in events) == ["invite_received", "invite_received"]

    invites = (await call(hass, "list_invites", {"config_entry_id": owner_entry.entry_id}))["invites"]
    by_camera = {i["device_name"]: i for i in invites}
    assert by_camera["Shop"]["region"] == "sg"
    assert by_camera["Shop"]["region_in_use"] is False
    assert by_camera["Hall"]["region_in_use"] is True

    response = await call(hass, "accept_invite", {"config_entry_id": owner_entry.entry_id, "sender": "Carol"})
    assert response["invites"][0]["region_in_use"] is False
    response = await call(
        hass,
        "decline_invite",
        {"config_entry_id": owner_entry.entry_id, "invite_id": by_camera["Hall"]["invite_id"]},
    )
    assert response["invites"][0]["camera"] == "Hall"
    assert cloud.sharees_of("cam8") == []
    assert cloud.sharees_of("cam9")[0].status == ShareStatus.ACCEPTED


async def test_accept_all_and_by_camera(
    hass: HomeAssistant, cloud: FakeCloud, owner_entry: MockConfigEntry
) -> None:
    cloud.add_camera(GUEST, "cam8", "Hall")
    cloud.add_camera(GUEST, "cam7", "Porch")
    cloud.add_share(GUEST, "cam8", OWNER, accepted=False)
    cloud.add_share(GUEST, "cam7", OWNER, accepted=False)
    await call(hass, "refresh", {"config_entry_id": owner_entry.entry_id})
    response = await call(hass, "accept_invite", {"config_entry_id": owner_entry.entry_id, "camera": "cam7"})
    assert [i["camera"] for i in response["invites"]] == ["Porch"]
    response = await call(hass, "accept_invite", {"config_entry_id": owner_entry.entry_id, "all": True})
    assert [i["camera"] for i in response["invites"]] == ["Hall"]
    # Shared-to-me cameras are listed with their owner, but not as shareable.
    state = await call(hass, "list_shares", {})
    assert {c["did"] for c in state["cameras"]} == {"cam1", "cam2"}


async def test_list_shares_and_lookup(
    hass: HomeAssistant, cloud: FakeCloud, owner_entry: MockConfigEntry
) -> None:
    cloud.add_share(OWNER, "cam1", GUEST, accepted=True, read_only=True)
    await call(hass, "refresh", {})
    shares = await call(hass, "list_shares", {"config_entry_id": owner_entry.entry_id})
    cam1 = next(c for c in shares["cameras"] if c["did"] == "cam1")
    assert cam1["sharees"][0]["permission"] == "view_only"
    assert cam1["sharees"][0]["status"] == "accepted"
    assert cam1["capabilities"] == {"can_share": True, "view_only": True, "reason": None}
    found = await call(
        hass, "lookup_recipient", {"config_entry_id": owner_entry.entry_id, "recipient": GUEST_PHONE}
    )
    assert found == {"user_id": GUEST, "nickname": "Bob", "entry_id": None, "regions": None}
    found = await call(
        hass,
        "lookup_recipient",
        {"config_entry_id": owner_entry.entry_id, "recipient": OWNER, "region": "de"},
    )
    assert found["entry_id"] == owner_entry.entry_id
    assert found["regions"] == ["cn"]


async def test_set_expiry_extends_and_cancels(hass: HomeAssistant, cloud: FakeCloud, owner_entry) -> None:
    cam1 = device_id(hass, owner_entry.entry_id, "cam1")
    await call(hass, "share", {"device_id": cam1, "recipient": GUEST, "duration": {"hours": 1}})
    store = hass.data[DATA_KEY].store
    first = store.find_expiry(owner_entry.entry_id, "cam1", GUEST)
    assert first is not None
    response = await call(
        hass, "set_expiry", {"device_id": cam1, "recipient": GUEST, "duration": {"days": 2}}
    )
    extended = store.find_expiry(owner_entry.entry_id, "cam1", GUEST)
    assert extended is not None
    assert extended["expires_at"] == response["expires_at"] > first["expires_at"]
    assert await call(hass, "set_expiry", {"device_id": cam1, "recipient": GUEST}) == {"expires_at": None}
    assert store.find_expiry(owner_entry.entry_id, "cam1", GUEST) is None


async def test_cloud_failure_is_translated_and_recorded(
    hass: HomeAssistant, cloud: FakeCloud, owner_entry: MockConfigEntry
) -> None:
    events = async_capture_events(hass, EVENT_NAME)
    cloud.failing_calls.add("share")
    with pytest.raises(HomeAssistantError) as err:
        await call(
            hass, "share", {"device_id": device_id(hass, owner_entry.entry_id, "cam1"), "recipient": GUEST}
        )
    # No answer is not a refusal: the message does not claim that nothing changed.
    assert err.value.translation_key == "share_unanswered"
    assert [e.data["type"] for e in events] == ["action_failed"]
    assert events[0].data["message"] == "cannot_connect"


async def test_cloud_refusal_teaches_capabilities(
    hass: HomeAssistant, cloud: FakeCloud, owner_entry: MockConfigEntry
) -> None:
    cloud.no_view_only_models.add("chuangmi.camera.046c04")
    cam1 = device_id(hass, owner_entry.entry_id, "cam1")
    with pytest.raises(HomeAssistantError) as err:
        await call(hass, "share", {"device_id": cam1, "recipient": GUEST, "permission": "view_only"})
    assert err.value.translation_key == "cloud_device_not_shareable"
    with pytest.raises(HomeAssistantError) as err:
        await call(hass, "share", {"device_id": cam1, "recipient": GUEST, "permission": "view_only"})
    assert err.value.translation_key == "view_only_not_offered"


async def test_revoke_and_invite_cloud_failures(hass: HomeAssistant, cloud: FakeCloud, owner_entry) -> None:
    cloud.add_share(OWNER, "cam1", GUEST, accepted=True)
    cloud.add_camera(GUEST, "cam8", "Hall")
    cloud.add_share(GUEST, "cam8", OWNER, accepted=False)
    await call(hass, "refresh", {})
    cloud.failing_calls.update({"revoke", "respond_to_invite"})
    with pytest.raises(HomeAssistantError):
        await call(hass, "revoke", {"device_id": device_id(hass, owner_entry.entry_id, "cam1")})
    with pytest.raises(HomeAssistantError):
        await call(hass, "accept_invite", {"config_entry_id": owner_entry.entry_id, "all": True})
    assert len(cloud.shares) == 2


@pytest.mark.parametrize("service", ["share", "revoke", "accept_invite", "decline_invite", "set_expiry"])
async def test_non_admin_user_is_refused(
    hass: HomeAssistant,
    cloud: FakeCloud,
    owner_entry: MockConfigEntry,
    hass_read_only_user: MockUser,
    service: str,
) -> None:
    data: dict[str, Any] = {"device_id": device_id(hass, owner_entry.entry_id, "cam1"), "recipient": GUEST}
    if service.endswith("invite"):
        data = {"config_entry_id": owner_entry.entry_id, "all": True}
    with pytest.raises(Unauthorized):
        await call(hass, service, data, context=Context(user_id=hass_read_only_user.id))
    assert cloud.shares == []


async def test_admin_user_is_allowed(
    hass: HomeAssistant, cloud: FakeCloud, owner_entry: MockConfigEntry, hass_admin_user: MockUser
) -> None:
    await call(
        hass,
        "share",
        {"device_id": device_id(hass, owner_entry.entry_id, "cam1"), "recipient": GUEST},
        context=Context(user_id=hass_admin_user.id),
    )
    assert len(cloud.shares) == 1


async def test_timed_share_via_service_survives_as_record(
    hass: HomeAssistant, cloud: FakeCloud, owner_entry
) -> None:
    await call(
        hass,
        "share",
        {
            "device_id": device_id(hass, owner_entry.entry_id, "cam1"),
            "recipient": GUEST,
            "duration": timedelta(minutes=5),
        },
    )
    [record] = hass.data[DATA_KEY].store.expiries
    assert (record["did"], record["user_id"], record["permission"]) == ("cam1", GUEST, "control")
    assert DOMAIN in hass.data[DATA_KEY].store._store.key
