"""The actions: success paths, auto-accept across accounts, the region guard, security."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import HomeAssistantError, Unauthorized
from pytest_homeassistant_custom_component.common import MockConfigEntry, MockUser, async_capture_events

from custom_components.xiaomi_camera_share.cloud.errors import (
    AlreadySharedError,
    ApiError,
    CloudConnectionError,
    MalformedResponseError,
)
from custom_components.xiaomi_camera_share.cloud.models import BatchShareOutcome, BatchShareResult, Device
from custom_components.xiaomi_camera_share.cloud.regions import Region
from custom_components.xiaomi_camera_share.const import CONF_AUTO_ACCEPT_FROM, DOMAIN, EVENT_NAME
from custom_components.xiaomi_camera_share.sharing import (
    Recipient,
    ShareOutcome,
    _batch_attempt,
    _share_failed,
)

from .conftest import FRONT_DOOR, GARDEN, GUEST, GUEST_PHONE, OWNER, STRANGER, add_account
from .helpers import advance, call, device_id, has_camera, requests_made, stored_expiries, types
from .simulator import Camera

if TYPE_CHECKING:
    from pytest_homeassistant_custom_component.typing import ClientSessionGenerator, WebSocketGenerator

    from .simulator import FaultKind, Simulator, World


def sharee_of(shares: dict[str, Any], did: str, user_id: str) -> dict[str, Any]:
    """One sharee of one camera in a list_shares response."""
    camera = next(c for c in shares["cameras"] if c["did"] == did)
    return next(s for s in camera["sharees"] if s["user_id"] == user_id)


async def test_share_by_phone_names_the_invite_regions(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    events = async_capture_events(hass, EVENT_NAME)
    response = await call(
        hass,
        "share",
        {
            "device_id": device_id(hass, owner_entry.entry_id, FRONT_DOOR.did),
            "recipient": GUEST_PHONE,
            "permission": "view_only",
        },
    )
    assert response["recipient"] == {"user_id": GUEST.user_id, "nickname": "Bob"}
    assert response["results"] == [{"did": FRONT_DOOR.did, "camera": "Front door", "status": "invited"}]
    assert response["invite_regions"] == ["cn"]
    assert response["expires_at"] is None
    [share] = await simulator.shares(FRONT_DOOR.did)
    assert (share.sharee, share.read_only, share.status) == (GUEST.user_id, True, "pending")
    assert types(events) == ["invite_sent"]
    # Refreshed at once: the sensor already counts the pending invite.
    assert hass.states.get("sensor.front_door_shared_with").attributes["pending"] == 1


async def test_share_two_cameras_to_saved_recipient(
    hass: HomeAssistant,
    simulator: Simulator,
    owner_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {
            "type": f"{DOMAIN}/recipients/save",
            "name": "Grandma",
            "user_id": STRANGER.user_id,
            "region": "cn",
        }
    )
    assert (await client.receive_json())["success"]
    devices = [device_id(hass, owner_entry.entry_id, c.did) for c in (FRONT_DOOR, GARDEN)]
    response = await call(hass, "share", {"device_id": devices, "recipient": " grandma "})
    assert [r["did"] for r in response["results"]] == [FRONT_DOOR.did, GARDEN.did]
    assert response["recipient"]["nickname"] == "Grandma"
    shared = {s.did for s in await simulator.shares() if s.sharee == STRANGER.user_id}
    assert shared == {FRONT_DOOR.did, GARDEN.did}


async def test_share_with_auto_accept_between_configured_accounts(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    guest_entry = await add_account(hass, simulator, GUEST)
    events = async_capture_events(hass, EVENT_NAME)
    response = await call(
        hass,
        "share",
        {
            "device_id": device_id(hass, owner_entry.entry_id, FRONT_DOOR.did),
            "recipient": GUEST.user_id,
            "auto_accept": True,
        },
    )
    assert response["results"][0]["status"] == "accepted"
    assert response["invite_regions"] is None
    [share] = await simulator.shares(FRONT_DOOR.did)
    assert share.status == "accepted"
    assert types(events) == ["invite_sent", "invite_accepted", "share_accepted"]
    # The guest account now sees the camera as shared to it.
    assert has_camera(hass, guest_entry.entry_id, FRONT_DOOR.did)


async def test_accepting_refreshes_the_sender_configured_here(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    guest_entry = await add_account(hass, simulator, GUEST)
    camera = device_id(hass, owner_entry.entry_id, FRONT_DOOR.did)
    await call(hass, "share", {"device_id": camera, "recipient": GUEST.user_id})
    await call(hass, "accept_invite", {"config_entry_id": guest_entry.entry_id, "all": True})
    # The owner's view shows the acceptance without waiting for its next poll.
    shares = await call(hass, "list_shares", {"config_entry_id": owner_entry.entry_id})
    front_door = next(c for c in shares["cameras"] if c["did"] == FRONT_DOOR.did)
    assert [(s["user_id"], s["status"]) for s in front_door["sharees"]] == [(GUEST.user_id, "accepted")]


async def test_revoking_refreshes_the_sharee_configured_here(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    guest_entry = await add_account(hass, simulator, GUEST)
    camera = device_id(hass, owner_entry.entry_id, FRONT_DOOR.did)
    await call(hass, "share", {"device_id": camera, "recipient": GUEST.user_id, "auto_accept": True})
    assert has_camera(hass, guest_entry.entry_id, FRONT_DOOR.did)
    await call(hass, "revoke", {"device_id": camera, "recipient": GUEST.user_id})
    # The guest's view loses the camera without waiting for its next poll.
    assert not has_camera(hass, guest_entry.entry_id, FRONT_DOOR.did)


async def test_options_auto_accept_trusted_sender(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    guest_entry = await add_account(hass, simulator, GUEST, **{CONF_AUTO_ACCEPT_FROM: [OWNER.user_id]})
    await call(
        hass,
        "share",
        {"device_id": device_id(hass, owner_entry.entry_id, GARDEN.did), "recipient": GUEST.user_id},
    )
    await call(hass, "refresh", {"config_entry_id": guest_entry.entry_id})
    [share] = await simulator.shares(GARDEN.did)
    assert share.status == "accepted"
    invites = await call(hass, "list_invites", {"config_entry_id": guest_entry.entry_id})
    assert invites == {"invites": []}


async def test_region_guard_refuses_configured_recipient_in_other_region(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    await add_account(hass, simulator, GUEST, regions=["de"])
    with pytest.raises(HomeAssistantError) as err:
        await call(
            hass,
            "share",
            {"device_id": device_id(hass, owner_entry.entry_id, FRONT_DOOR.did), "recipient": GUEST.user_id},
        )
    assert err.value.translation_key == "recipient_region_mismatch"
    assert err.value.translation_placeholders["region"] == "cn"
    assert await simulator.shares() == []


async def test_revoke_one_and_everyone(hass: HomeAssistant, simulator: Simulator, world: World) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True)
    world.share(FRONT_DOOR, STRANGER, accepted=False)
    await simulator.seed(world)
    owner_entry = await add_account(hass, simulator, OWNER)
    events = async_capture_events(hass, EVENT_NAME)
    front_door = device_id(hass, owner_entry.entry_id, FRONT_DOOR.did)
    response = await call(hass, "revoke", {"device_id": front_door, "recipient": GUEST_PHONE})
    assert response["results"][0]["revoked"] == [GUEST.user_id]
    response = await call(hass, "revoke", {"device_id": front_door})
    assert response["results"][0]["revoked"] == [STRANGER.user_id]
    assert await simulator.shares(FRONT_DOOR.did) == []
    # Withdrawing a pending invite is a revoke, not a decline.
    assert types(events) == ["share_revoked", "share_revoked"]


async def test_share_accepted_and_declined_are_announced(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    first = world.share(FRONT_DOOR, GUEST, accepted=False)
    second = world.share(GARDEN, STRANGER, accepted=False)
    await simulator.seed(world)
    await add_account(hass, simulator, OWNER)
    events = async_capture_events(hass, EVENT_NAME)
    await simulator.respond(first, accept=True)
    await simulator.respond(second, accept=False)
    await call(hass, "refresh", {})
    assert sorted(types(events)) == ["share_accepted", "share_declined"]


async def test_invites_accept_decline_and_region_not_in_use(
    hass: HomeAssistant, simulator: Simulator, world: World, owner_entry: MockConfigEntry
) -> None:
    shop = world.add_camera(Camera("683000009", "Shop", STRANGER.user_id, region="sg"))
    world.share(shop, OWNER, accepted=False)
    hall = world.add_camera(Camera("682000008", "Hall", GUEST.user_id))
    world.share(hall, OWNER, accepted=False)
    await simulator.seed(world, keep_logins=True)
    events = async_capture_events(hass, EVENT_NAME)
    await call(hass, "refresh", {})
    assert types(events) == ["invite_received", "invite_received"]

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
    assert [s.status for s in await simulator.shares(hall.did)] == ["rejected"]
    assert [s.status for s in await simulator.shares(shop.did)] == ["accepted"]


async def test_accept_all_and_by_camera(hass: HomeAssistant, simulator: Simulator, world: World) -> None:
    hall = world.add_camera(Camera("682000008", "Hall", GUEST.user_id))
    porch = world.add_camera(Camera("682000007", "Porch", GUEST.user_id))
    world.share(hall, OWNER, accepted=False)
    world.share(porch, OWNER, accepted=False)
    await simulator.seed(world)
    owner_entry = await add_account(hass, simulator, OWNER)
    await call(hass, "refresh", {"config_entry_id": owner_entry.entry_id})
    response = await call(
        hass, "accept_invite", {"config_entry_id": owner_entry.entry_id, "camera": porch.did}
    )
    assert [i["camera"] for i in response["invites"]] == ["Porch"]
    response = await call(hass, "accept_invite", {"config_entry_id": owner_entry.entry_id, "all": True})
    assert [i["camera"] for i in response["invites"]] == ["Hall"]
    assert {s.status for s in await simulator.shares()} == {"accepted"}
    # Shared-to-me cameras are listed with their owner, but not as shareable.
    state = await call(hass, "list_shares", {})
    assert {c["did"] for c in state["cameras"]} == {FRONT_DOOR.did, GARDEN.did}


async def test_list_shares_and_lookup(hass: HomeAssistant, simulator: Simulator, world: World) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True, read_only=True)
    await simulator.seed(world)
    owner_entry = await add_account(hass, simulator, OWNER)
    shares = await call(hass, "list_shares", {"config_entry_id": owner_entry.entry_id})
    front_door = next(c for c in shares["cameras"] if c["did"] == FRONT_DOOR.did)
    assert front_door["sharees"][0]["permission"] == "view_only"
    assert front_door["sharees"][0]["status"] == "accepted"
    assert front_door["capabilities"] == {"can_share": True, "view_only": True, "reason": None}
    found = await call(
        hass, "lookup_recipient", {"config_entry_id": owner_entry.entry_id, "recipient": GUEST_PHONE}
    )
    assert found == {"user_id": GUEST.user_id, "nickname": "Bob", "entry_id": None, "regions": None}
    found = await call(
        hass,
        "lookup_recipient",
        {"config_entry_id": owner_entry.entry_id, "recipient": OWNER.user_id, "region": "de"},
    )
    assert found["entry_id"] == owner_entry.entry_id
    assert found["regions"] == ["cn"]


async def test_set_expiry_extends_and_cancels(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    front_door = device_id(hass, owner_entry.entry_id, FRONT_DOOR.did)
    target = {"device_id": front_door, "recipient": GUEST.user_id}
    await call(hass, "share", {**target, "duration": {"hours": 1}})
    first = sharee_of(await call(hass, "list_shares", {}), FRONT_DOOR.did, GUEST.user_id)["expires_at"]
    assert first is not None
    response = await call(hass, "set_expiry", {**target, "duration": {"days": 2}})
    extended = sharee_of(await call(hass, "list_shares", {}), FRONT_DOOR.did, GUEST.user_id)["expires_at"]
    assert extended == response["expires_at"] > first
    assert await call(hass, "set_expiry", target) == {"expires_at": None}
    assert sharee_of(await call(hass, "list_shares", {}), FRONT_DOOR.did, GUEST.user_id)["expires_at"] is None
    # Cancelling the expiry keeps the share itself.
    assert [s.sharee for s in await simulator.shares(FRONT_DOOR.did)] == [GUEST.user_id]


@pytest.mark.parametrize(("kind", "key"), [("status", "cannot_connect"), ("malformed", "malformed_response")])
async def test_cloud_failure_is_translated_and_recorded(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry, kind: FaultKind, key: str
) -> None:
    events = async_capture_events(hass, EVENT_NAME)
    await simulator.fault(kind, "/share/share_request", status=503 if kind == "status" else None)
    with pytest.raises(HomeAssistantError) as err:
        await call(
            hass,
            "share",
            {"device_id": device_id(hass, owner_entry.entry_id, FRONT_DOOR.did), "recipient": GUEST.user_id},
        )
    # No answer is not a refusal: the message does not claim that nothing changed.
    assert err.value.translation_key == "share_unanswered"
    assert types(events) == ["action_failed"]
    assert events[0].data["message"] == key
    assert await simulator.shares() == []


async def test_cloud_refusal_teaches_capabilities(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    # The cloud's product offers no view-only share, though the model table believes it does.
    world.products[FRONT_DOOR.model] = "fixed"
    await simulator.seed(world)
    owner_entry = await add_account(hass, simulator, OWNER)
    front_door = device_id(hass, owner_entry.entry_id, FRONT_DOOR.did)
    view_only = {"device_id": front_door, "recipient": GUEST.user_id, "permission": "view_only"}
    with pytest.raises(HomeAssistantError) as err:
        await call(hass, "share", view_only)
    assert err.value.translation_key == "cloud_device_not_shareable"
    with pytest.raises(HomeAssistantError) as err:
        await call(hass, "share", view_only)
    assert err.value.translation_key == "view_only_not_offered"
    assert await simulator.shares() == []


async def test_the_clouds_own_sharee_limit_is_reported(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.share(FRONT_DOOR, STRANGER, accepted=True)
    await simulator.seed(world)
    await simulator.config(shareeLimit=1)
    owner_entry = await add_account(hass, simulator, OWNER)
    with pytest.raises(HomeAssistantError) as err:
        await call(
            hass,
            "share",
            {"device_id": device_id(hass, owner_entry.entry_id, FRONT_DOOR.did), "recipient": GUEST.user_id},
        )
    assert err.value.translation_key == "cloud_too_many_sharees"
    assert [s.sharee for s in await simulator.shares()] == [STRANGER.user_id]


async def test_revoke_and_invite_cloud_failures(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True)
    hall = world.add_camera(Camera("682000008", "Hall", GUEST.user_id))
    world.share(hall, OWNER, accepted=False)
    await simulator.seed(world)
    owner_entry = await add_account(hass, simulator, OWNER)
    before = await simulator.shares()
    await simulator.fault("status", "/share/delete_user", status=503)
    await simulator.fault("status", "/share/share_response", status=503)
    with pytest.raises(HomeAssistantError):
        await call(hass, "revoke", {"device_id": device_id(hass, owner_entry.entry_id, FRONT_DOOR.did)})
    with pytest.raises(HomeAssistantError):
        await call(hass, "accept_invite", {"config_entry_id": owner_entry.entry_id, "all": True})
    assert await simulator.shares() == before
    assert len(before) == 2


async def test_an_invite_the_cloud_let_expire_is_refused(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    hall = world.add_camera(Camera("682000008", "Hall", GUEST.user_id))
    world.share(hall, OWNER, accepted=False)
    await simulator.seed(world)
    owner_entry = await add_account(hass, simulator, OWNER)
    # Eight days later in the cloud; Home Assistant has not refreshed since.
    await simulator.advance_clock(8 * 24 * 3600)
    with pytest.raises(HomeAssistantError) as err:
        await call(hass, "accept_invite", {"config_entry_id": owner_entry.entry_id, "all": True})
    assert err.value.translation_key == "cloud_invite_expired"
    assert [s.status for s in await simulator.shares(hall.did)] == ["pending"]


@pytest.mark.parametrize("service", ["share", "revoke", "accept_invite", "decline_invite", "set_expiry"])
async def test_non_admin_user_is_refused(
    hass: HomeAssistant,
    simulator: Simulator,
    owner_entry: MockConfigEntry,
    hass_read_only_user: MockUser,
    service: str,
) -> None:
    data: dict[str, Any] = {
        "device_id": device_id(hass, owner_entry.entry_id, FRONT_DOOR.did),
        "recipient": GUEST.user_id,
    }
    if service.endswith("invite"):
        data = {"config_entry_id": owner_entry.entry_id, "all": True}
    with pytest.raises(Unauthorized):
        await call(hass, service, data, context=Context(user_id=hass_read_only_user.id))
    assert await simulator.shares() == []


async def test_admin_user_is_allowed(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry, hass_admin_user: MockUser
) -> None:
    await call(
        hass,
        "share",
        {"device_id": device_id(hass, owner_entry.entry_id, FRONT_DOOR.did), "recipient": GUEST.user_id},
        context=Context(user_id=hass_admin_user.id),
    )
    assert [s.sharee for s in await simulator.shares()] == [GUEST.user_id]


async def test_timed_share_via_service_survives_as_record(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    await call(
        hass,
        "share",
        {
            "device_id": device_id(hass, owner_entry.entry_id, FRONT_DOOR.did),
            "recipient": GUEST.user_id,
            "duration": timedelta(minutes=5),
        },
    )
    [record] = stored_expiries(hass_storage)
    assert (record["did"], record["user_id"], record["permission"]) == (
        FRONT_DOOR.did,
        GUEST.user_id,
        "control",
    )
    assert [(s.sharee, s.status) for s in await simulator.shares()] == [(GUEST.user_id, "pending")]


async def test_a_cloud_that_stops_answering_times_out(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    events = async_capture_events(hass, EVENT_NAME)
    await simulator.fault("timeout", "/share/share_request", count=1)
    data = {"device_id": device_id(hass, owner_entry.entry_id, FRONT_DOOR.did), "recipient": GUEST.user_id}
    sharing = hass.async_create_task(call(hass, "share", data))
    await simulator.faults_hit()  # the request now hangs in the simulator
    await advance(hass, timedelta(seconds=30))  # past the client's request timeout
    with pytest.raises(HomeAssistantError) as err:
        await sharing
    assert err.value.translation_key == "share_unanswered"
    assert events[0].data["message"] == "timeout"


async def test_answers_to_invites_are_recorded_for_the_account_that_answered(
    hass: HomeAssistant, simulator: Simulator, world: World, owner_entry: MockConfigEntry
) -> None:
    hall = world.add_camera(Camera("682000008", "Hall", GUEST.user_id))
    porch = world.add_camera(Camera("682000007", "Porch", GUEST.user_id))
    world.share(hall, OWNER, accepted=False)
    world.share(porch, OWNER, accepted=False)
    await simulator.seed(world, keep_logins=True)
    await call(hass, "refresh", {})
    events = async_capture_events(hass, EVENT_NAME)
    await call(hass, "accept_invite", {"config_entry_id": owner_entry.entry_id, "camera": hall.did})
    await call(hass, "decline_invite", {"config_entry_id": owner_entry.entry_id, "camera": porch.did})
    answered = [
        {k: e.data[k] for k in ("type", "entry_id", "did", "camera_name", "user_id", "nickname", "message")}
        for e in events
        if e.data["type"].startswith("invite_")
    ]
    assert answered == [
        {
            "type": "invite_accepted",
            "entry_id": owner_entry.entry_id,
            "did": hall.did,
            "camera_name": "Hall",
            "user_id": GUEST.user_id,
            "nickname": "Bob",
            "message": None,
        },
        {
            "type": "invite_declined",
            "entry_id": owner_entry.entry_id,
            "did": porch.did,
            "camera_name": "Porch",
            "user_id": GUEST.user_id,
            "nickname": "Bob",
            "message": None,
        },
    ]
    statuses = {s.did: s.status for s in await simulator.shares()}
    assert statuses == {hall.did: "accepted", porch.did: "rejected"}


async def test_a_failed_answer_is_recorded_with_the_error(
    hass: HomeAssistant, simulator: Simulator, world: World, owner_entry: MockConfigEntry
) -> None:
    hall = world.add_camera(Camera("682000008", "Hall", GUEST.user_id))
    world.share(hall, OWNER, accepted=False)
    await simulator.seed(world, keep_logins=True)
    await call(hass, "refresh", {})
    events = async_capture_events(hass, EVENT_NAME)
    await simulator.fault("status", "/share/share_response", status=503)
    with pytest.raises(HomeAssistantError):
        await call(hass, "accept_invite", {"config_entry_id": owner_entry.entry_id, "all": True})
    [failed] = events
    assert {k: failed.data[k] for k in ("type", "entry_id", "did", "user_id", "message")} == {
        "type": "action_failed",
        "entry_id": owner_entry.entry_id,
        "did": hall.did,
        "user_id": GUEST.user_id,
        "message": "cannot_connect",
    }


async def test_revoking_records_who_lost_access_to_which_camera(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True)
    await simulator.seed(world)
    owner_entry = await add_account(hass, simulator, OWNER)
    events = async_capture_events(hass, EVENT_NAME)
    front_door = device_id(hass, owner_entry.entry_id, FRONT_DOOR.did)
    await call(hass, "revoke", {"device_id": front_door, "recipient": GUEST.user_id})
    [revoked] = events
    assert {k: revoked.data[k] for k in ("type", "did", "camera_name", "user_id", "nickname")} == {
        "type": "share_revoked",
        "did": FRONT_DOOR.did,
        "camera_name": "Front door",
        "user_id": GUEST.user_id,
        "nickname": "Bob",
    }


def test_a_batch_answer_is_read_per_camera_and_the_first_failure_named() -> None:
    cameras = [Device(did, f"Camera {did}", "m", Region.CN) for did in ("a", "b", "c", "d")]
    answer = BatchShareResult(
        outcomes={
            ("a", "u"): BatchShareOutcome.INVITED,
            ("b", "u"): BatchShareOutcome.ALREADY_SHARED,
            ("c", "u"): BatchShareOutcome.REFUSED,
        },
        codes={("a", "u"): 1, ("b", "u"): 0, ("c", "u"): -3},
    )
    attempt = _batch_attempt(cameras, Recipient("u", "Bob"), answer)
    assert [d.did for d in attempt.invited] == ["a"]
    assert [d.did for d in attempt.uncertain] == ["d"]
    assert attempt.failure is not None
    failed, err = attempt.failure
    assert failed.did == "b"
    assert (type(err), str(err)) == (AlreadySharedError, "already shared or an invite waits")
    refused = _batch_attempt(cameras[2:3], Recipient("u", "Bob"), answer).failure
    assert refused is not None
    assert (type(refused[1]), str(refused[1])) == (ApiError, "refused with -3")
    unreported = _batch_attempt(cameras[3:], Recipient("u", "Bob"), answer)
    assert unreported.failure is not None
    assert (type(unreported.failure[1]), str(unreported.failure[1])) == (
        MalformedResponseError,
        "the batch answer does not mention the camera",
    )
    assert _batch_attempt(cameras[:1], Recipient("u", "Bob"), answer).failure is None


def test_a_failed_share_says_what_was_shared_and_whether_the_cloud_answered() -> None:
    door = Device("a", "Front door", "m", Region.CN)
    err = CloudConnectionError("down")
    done = [ShareOutcome("b", "Garden", "invited"), ShareOutcome("c", "Hall", "invited")]
    stopped = _share_failed(err, door, done, timed=True, unanswered=True)
    assert (stopped.translation_domain, stopped.translation_key) == (DOMAIN, "share_stopped_after")
    assert stopped.translation_placeholders == {
        "camera": "Front door",
        "done": "Garden, Hall",
        "error": "cannot_connect",
    }
    assert (
        _share_failed(err, door, [], timed=True, unanswered=True).translation_key == "share_unanswered_timed"
    )
    assert _share_failed(err, door, [], timed=False, unanswered=True).translation_key == "share_unanswered"
    plain = _share_failed(err, door, [], timed=True, unanswered=False)
    assert plain.translation_key != "share_unanswered_timed"


async def test_a_permanent_share_is_timed_with_the_permission_it_has(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_storage: dict[str, Any]
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True, read_only=True)
    world.share(GARDEN, GUEST, accepted=True, read_only=False)
    await simulator.seed(world)
    owner_entry = await add_account(hass, simulator, OWNER)
    for camera in (FRONT_DOOR, GARDEN):
        target = {"device_id": device_id(hass, owner_entry.entry_id, camera.did), "recipient": GUEST.user_id}
        await call(hass, "set_expiry", {**target, "duration": {"hours": 3}})
    permissions = {r["did"]: r["permission"] for r in stored_expiries(hass_storage)}
    assert permissions == {FRONT_DOOR.did: "view_only", GARDEN.did: "control"}


async def test_an_invite_accepted_at_once_is_recorded_for_the_receiving_account(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    guest_entry = await add_account(hass, simulator, GUEST)
    events = async_capture_events(hass, EVENT_NAME)
    target = {"device_id": device_id(hass, owner_entry.entry_id, FRONT_DOOR.did), "recipient": GUEST.user_id}
    await call(hass, "share", {**target, "auto_accept": True})
    [accepted] = [e for e in events if e.data["type"] == "invite_accepted"]
    assert (accepted.data["entry_id"], accepted.data["did"], accepted.data["user_id"]) == (
        guest_entry.entry_id,
        FRONT_DOOR.did,
        OWNER.user_id,
    )


async def test_an_invite_that_cannot_be_accepted_at_once_stays_an_invite(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    await add_account(hass, simulator, GUEST)
    await simulator.fault("status", "/share/share_response", status=503)
    target = {"device_id": device_id(hass, owner_entry.entry_id, FRONT_DOOR.did), "recipient": GUEST.user_id}
    response = await call(hass, "share", {**target, "auto_accept": True})
    assert response["results"][0]["status"] == "invited"
    [share] = await simulator.shares(FRONT_DOOR.did)
    assert share.status == "pending"


async def test_a_trusted_sender_whose_invites_fail_to_be_accepted_is_logged_and_the_rest_accepted(
    hass: HomeAssistant, simulator: Simulator, world: World, caplog: pytest.LogCaptureFixture
) -> None:
    hall = world.add_camera(Camera("682000008", "Hall", GUEST.user_id))
    porch = world.add_camera(Camera("682000007", "Porch", GUEST.user_id))
    first = world.share(hall, OWNER, accepted=False)
    world.share(porch, OWNER, accepted=False)
    await simulator.seed(world)
    await simulator.fault("status", "/share/share_response", status=503, count=1)
    await add_account(hass, simulator, OWNER, **{CONF_AUTO_ACCEPT_FROM: [GUEST.user_id]})
    await hass.async_block_till_done()
    assert f"Could not accept invite {first.invite_id} automatically: cannot_connect" in [
        r.getMessage() for r in caplog.records
    ]
    assert {s.did: s.status for s in await simulator.shares()} == {hall.did: "pending", porch.did: "accepted"}


async def test_a_person_looked_up_is_asked_of_the_cloud_once(
    hass: HomeAssistant,
    simulator: Simulator,
    owner_entry: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    lookup = {"config_entry_id": owner_entry.entry_id, "recipient": GUEST_PHONE}
    found = await call(hass, "lookup_recipient", lookup)
    before = await requests_made(hass, hass_client, owner_entry)
    assert await call(hass, "lookup_recipient", lookup) == found
    assert await requests_made(hass, hass_client, owner_entry) == before
    # A look-up the cloud cannot answer says so in its own words.
    await simulator.fault("status", "/home/profile", status=503)
    with pytest.raises(HomeAssistantError) as err:
        await call(hass, "lookup_recipient", {**lookup, "recipient": "+10000000009"})
    assert err.value.translation_placeholders == {"error": "cannot_connect"}


async def test_an_invite_sent_is_recorded_with_the_person_permission_and_end(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    events = async_capture_events(hass, EVENT_NAME)
    target = {"device_id": device_id(hass, owner_entry.entry_id, FRONT_DOOR.did), "recipient": GUEST.user_id}
    response = await call(hass, "share", {**target, "permission": "view_only", "duration": {"hours": 2}})
    [sent] = [e for e in events if e.data["type"] == "invite_sent"]
    assert {k: sent.data[k] for k in ("did", "user_id", "nickname", "permission")} == {
        "did": FRONT_DOOR.did,
        "user_id": GUEST.user_id,
        "nickname": "Bob",
        "permission": "view_only",
    }
    assert sent.data["expires_at"] == response["expires_at"]
    assert sent.data["expires_at"] is not None


async def test_a_batch_share_the_cloud_does_not_answer_says_so_and_shares_nothing(
    hass: HomeAssistant, simulator: Simulator, owner_entry: MockConfigEntry
) -> None:
    cameras = [device_id(hass, owner_entry.entry_id, c.did) for c in (FRONT_DOOR, GARDEN)]
    await simulator.fault("status", "/share/share_request_batch", status=503)
    with pytest.raises(HomeAssistantError) as err:
        await call(hass, "share", {"device_id": cameras, "recipient": GUEST.user_id})
    assert err.value.translation_key == "share_unanswered"
    assert err.value.translation_placeholders == {
        "camera": "Front door",
        "done": "",
        "error": "cannot_connect",
    }
    assert await simulator.shares() == []
