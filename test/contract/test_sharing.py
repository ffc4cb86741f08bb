"""Every sharing endpoint and its typed errors, through real HTTP to the simulator."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import pytest

from custom_components.xiaomi_camera_share.cloud.client import XiaomiCloudClient
from custom_components.xiaomi_camera_share.cloud.errors import (
    AlreadySharedError,
    DeviceNotShareableError,
    InviteExpiredError,
    InvitePendingError,
    PermissionDeniedError,
    ShareWithSelfError,
    TooManyShareesError,
    UserNotFoundError,
)
from custom_components.xiaomi_camera_share.cloud.models import (
    BatchShareOutcome,
    Invite,
    PermitLevel,
    SharePermission,
    ShareStatus,
)
from custom_components.xiaomi_camera_share.cloud.regions import Region

from .seed import (
    BERLIN_HALL,
    EUROPE,
    FAMILY,
    GARDEN,
    GRANDMA,
    GRANDMA_PHONE,
    HALLWAY_HUB,
    LIVING_ROOM,
    NURSERY,
    OWNER,
    SeedAccount,
)

if TYPE_CHECKING:
    from .conftest import Control

ClientOf = Callable[[SeedAccount], Awaitable[XiaomiCloudClient]]
CN = Region.CN


async def pending_invite(client: XiaomiCloudClient, did: str) -> Invite:
    invites = [invite for invite in await client.get_invites(CN) if invite.did == did]
    assert invites, f"no invite for {did}"
    return invites[-1]


async def test_device_lists_per_region(client_of: ClientOf, control: Control) -> None:
    owner = await client_of(OWNER)
    devices = await owner.get_devices(CN)
    assert {device.did for device in devices} == {LIVING_ROOM, GARDEN, NURSERY, HALLWAY_HUB}
    assert all(device.is_owned and device.is_camera and device.region is CN for device in devices)
    assert await owner.get_devices(Region.DE) == []
    europe = await client_of(EUROPE)
    assert [device.did for device in await europe.get_devices(Region.DE)] == [BERLIN_HALL]


async def test_device_list_pages(
    client_of: ClientOf, control: Control, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("custom_components.xiaomi_camera_share.cloud.client.DEVICE_PAGE_SIZE", 3)
    owner = await client_of(OWNER)
    devices = await owner.get_devices(CN)
    assert sorted(device.did for device in devices) == sorted({LIVING_ROOM, GARDEN, NURSERY, HALLWAY_HUB})
    assert len(devices) == 4  # no device twice across pages
    assert owner.request_count == 2


async def test_share_view_only_accept_and_see_it_everywhere(client_of: ClientOf, control: Control) -> None:
    owner, family = await client_of(OWNER), await client_of(FAMILY)
    await owner.share(CN, LIVING_ROOM, FAMILY.user_id, SharePermission.VIEW_ONLY)

    (pending,) = (await owner.get_shares(CN))[LIVING_ROOM]
    assert (pending.user_id, pending.status, pending.read_only) == (FAMILY.user_id, ShareStatus.PENDING, True)
    invite = await pending_invite(family, LIVING_ROOM)
    assert (invite.sender_id, invite.status, invite.read_only) == (OWNER.user_id, ShareStatus.PENDING, True)
    assert invite.region is CN
    assert invite.expires_at is not None
    assert invite.expires_at > (invite.created_at or 0)

    await family.respond_to_invite(CN, invite.invite_id, accept=True, msg_id=invite.msg_id)

    (accepted,) = (await owner.get_shares(CN))[LIVING_ROOM]
    assert (accepted.status, accepted.read_only) == (ShareStatus.ACCEPTED, True)
    (sharee,) = await owner.get_device_sharees(CN, LIVING_ROOM)
    assert (sharee.user_id, sharee.nickname, sharee.status) == (
        FAMILY.user_id,
        "Demo Family",
        ShareStatus.ACCEPTED,
    )
    (shared,) = await family.get_devices(CN)
    assert (shared.did, shared.owner_id) == (LIVING_ROOM, OWNER.user_id)
    assert shared.permit_level == PermitLevel.SHARED | PermitLevel.READ_ONLY
    assert (await pending_invite(family, LIVING_ROOM)).status is ShareStatus.ACCEPTED


async def test_share_with_control(client_of: ClientOf, control: Control) -> None:
    owner, family = await client_of(OWNER), await client_of(FAMILY)
    await owner.share(CN, NURSERY, FAMILY.user_id, SharePermission.CONTROL)
    invite = await pending_invite(family, NURSERY)
    assert not invite.read_only
    await family.respond_to_invite(CN, invite.invite_id, accept=True)
    (shared,) = await family.get_devices(CN)
    assert (shared.owner_id, shared.permit_level) == (OWNER.user_id, PermitLevel.SHARED)


async def test_reject_invite(client_of: ClientOf, control: Control) -> None:
    owner, family = await client_of(OWNER), await client_of(FAMILY)
    await owner.share(CN, GARDEN, FAMILY.user_id, SharePermission.CONTROL)
    invite = await pending_invite(family, GARDEN)
    await family.respond_to_invite(CN, invite.invite_id, accept=False)
    assert GARDEN not in await owner.get_shares(CN)
    (declined,) = await owner.get_device_sharees(CN, GARDEN)
    assert declined.status is ShareStatus.REJECTED
    assert await family.get_devices(CN) == []
    # An answered invite cannot be answered again.
    with pytest.raises(InviteExpiredError):
        await family.respond_to_invite(CN, invite.invite_id, accept=True)


async def test_expired_invite(client_of: ClientOf, control: Control) -> None:
    owner, family = await client_of(OWNER), await client_of(FAMILY)
    await owner.share(CN, GARDEN, FAMILY.user_id, SharePermission.CONTROL)
    await control.advance_clock(7 * 24 * 3600 + 60)
    invite = await pending_invite(family, GARDEN)
    assert invite.status is ShareStatus.PENDING
    assert invite.expires_at is not None
    clock = await control.call("GET", "/clock")
    # The cloud keeps it pending; only its expire_time tells that it is over.
    assert invite.expires_at <= clock["now"]
    with pytest.raises(InviteExpiredError) as err:
        await family.respond_to_invite(CN, invite.invite_id, accept=True)
    assert err.value.code == -6


async def test_share_batch(client_of: ClientOf, control: Control) -> None:
    owner = await client_of(OWNER)
    await owner.share(CN, GARDEN, FAMILY.user_id, SharePermission.CONTROL)
    result = await owner.share_batch(
        CN, [LIVING_ROOM, GARDEN], [FAMILY.user_id, GRANDMA.user_id], SharePermission.VIEW_ONLY
    )
    assert result.outcomes == {
        (LIVING_ROOM, FAMILY.user_id): BatchShareOutcome.INVITED,
        (GARDEN, FAMILY.user_id): BatchShareOutcome.ALREADY_SHARED,
        (LIVING_ROOM, GRANDMA.user_id): BatchShareOutcome.INVITED,
        (GARDEN, GRANDMA.user_id): BatchShareOutcome.INVITED,
    }
    family = await client_of(FAMILY)
    invites = {invite.did: invite for invite in await family.get_invites(CN)}
    assert set(invites) == {LIVING_ROOM, GARDEN}
    assert invites[LIVING_ROOM].read_only


async def test_share_batch_of_an_unshareable_device(client_of: ClientOf, control: Control) -> None:
    owner = await client_of(OWNER)
    with pytest.raises(DeviceNotShareableError):
        await owner.share_batch(CN, [LIVING_ROOM, HALLWAY_HUB], [FAMILY.user_id], SharePermission.CONTROL)
    assert await owner.get_shares(CN) == {}


async def test_revoke_accepted_and_pending(client_of: ClientOf, control: Control) -> None:
    owner, family = await client_of(OWNER), await client_of(FAMILY)
    await owner.share(CN, LIVING_ROOM, FAMILY.user_id, SharePermission.CONTROL)
    await owner.share(CN, LIVING_ROOM, GRANDMA.user_id, SharePermission.CONTROL)
    await family.respond_to_invite(CN, (await pending_invite(family, LIVING_ROOM)).invite_id, accept=True)
    assert len((await owner.get_shares(CN))[LIVING_ROOM]) == 2

    await owner.revoke(CN, LIVING_ROOM, [FAMILY.user_id, GRANDMA.user_id])

    assert await owner.get_shares(CN) == {}
    assert await family.get_devices(CN) == []
    grandma = await client_of(GRANDMA)
    assert all(
        invite.did != LIVING_ROOM or invite.status is not ShareStatus.PENDING
        for invite in await grandma.get_invites(CN)
    )


async def test_leave_share(client_of: ClientOf, control: Control) -> None:
    owner, family = await client_of(OWNER), await client_of(FAMILY)
    await owner.share(CN, NURSERY, FAMILY.user_id, SharePermission.CONTROL)
    await family.respond_to_invite(CN, (await pending_invite(family, NURSERY)).invite_id, accept=True)
    await family.leave_share(CN, NURSERY)
    assert await family.get_devices(CN) == []
    assert await owner.get_shares(CN) == {}
    with pytest.raises(PermissionDeniedError):
        await family.leave_share(CN, NURSERY)


async def test_lookup_by_id_and_phone(client_of: ClientOf, control: Control) -> None:
    owner = await client_of(OWNER)
    by_id = await owner.lookup_user(CN, GRANDMA.user_id)
    by_phone = await owner.lookup_user(CN, GRANDMA_PHONE)
    assert by_id.user_id == by_phone.user_id == GRANDMA.user_id
    assert by_id.nickname == "Demo Grandma"
    with pytest.raises(UserNotFoundError):
        await owner.lookup_user(CN, "1999999999")


async def test_already_shared(client_of: ClientOf, control: Control) -> None:
    owner, family = await client_of(OWNER), await client_of(FAMILY)
    await owner.share(CN, GARDEN, FAMILY.user_id, SharePermission.CONTROL)
    await family.respond_to_invite(CN, (await pending_invite(family, GARDEN)).invite_id, accept=True)
    with pytest.raises(AlreadySharedError) as err:
        await owner.share(CN, GARDEN, FAMILY.user_id, SharePermission.CONTROL)
    assert err.value.code == -11


async def test_invite_pending(client_of: ClientOf, control: Control) -> None:
    owner = await client_of(OWNER)
    await owner.share(CN, GARDEN, FAMILY.user_id, SharePermission.CONTROL)
    with pytest.raises(InvitePendingError) as err:
        await owner.share(CN, GARDEN, FAMILY.user_id, SharePermission.VIEW_ONLY)
    assert err.value.code == -12


async def test_too_many_sharees(client_of: ClientOf, control: Control) -> None:
    await control.config(shareeLimit=1)
    owner = await client_of(OWNER)
    await owner.share(CN, GARDEN, FAMILY.user_id, SharePermission.CONTROL)
    with pytest.raises(TooManyShareesError) as err:
        await owner.share(CN, GARDEN, GRANDMA.user_id, SharePermission.CONTROL)
    assert err.value.code == -13


@pytest.mark.parametrize(
    ("did", "permission"),
    [(HALLWAY_HUB, SharePermission.CONTROL), (NURSERY, SharePermission.VIEW_ONLY)],
    ids=["not shareable", "view-only not offered"],
)
async def test_device_not_shareable(
    client_of: ClientOf, control: Control, did: str, permission: SharePermission
) -> None:
    owner = await client_of(OWNER)
    with pytest.raises(DeviceNotShareableError) as err:
        await owner.share(CN, did, FAMILY.user_id, permission)
    assert err.value.code == -1


async def test_sharing_a_device_of_someone_else(client_of: ClientOf, control: Control) -> None:
    family = await client_of(FAMILY)
    with pytest.raises(DeviceNotShareableError):
        await family.share(CN, GARDEN, GRANDMA.user_id, SharePermission.CONTROL)
    with pytest.raises(PermissionDeniedError):
        await family.get_device_sharees(CN, GARDEN)


async def test_share_with_unknown_user_and_oneself(client_of: ClientOf, control: Control) -> None:
    owner = await client_of(OWNER)
    with pytest.raises(UserNotFoundError) as err:
        await owner.share(CN, GARDEN, "1999999999", SharePermission.CONTROL)
    assert err.value.code == -6
    requests_before = owner.request_count
    with pytest.raises(ShareWithSelfError):
        await owner.share(CN, GARDEN, OWNER.user_id, SharePermission.CONTROL)
    assert owner.request_count == requests_before


async def test_regions_are_separate(client_of: ClientOf, control: Control) -> None:
    europe, family = await client_of(EUROPE), await client_of(FAMILY)
    await europe.share(Region.DE, BERLIN_HALL, FAMILY.user_id, SharePermission.CONTROL)
    assert await family.get_invites(CN) == []
    (invite,) = await family.get_invites(Region.DE)
    assert (invite.did, invite.region) == (BERLIN_HALL, Region.DE)


async def refresh(client: XiaomiCloudClient) -> int:
    """One refresh of one region as the coordinator does it; the requests it cost."""
    before = client.request_count
    await client.get_devices(CN)
    await client.get_shares(CN)
    await client.get_invites(CN)
    return client.request_count - before


async def test_request_cost_of_a_refresh(client_of: ClientOf, control: Control) -> None:
    """docs/cloud-contract.md: the cost per refresh of each way device_share_list answers."""
    owner, family = await client_of(OWNER), await client_of(FAMILY)
    for did in (LIVING_ROOM, GARDEN, NURSERY):
        await owner.share(CN, did, FAMILY.user_id, SharePermission.CONTROL)
    for did in (GARDEN, NURSERY):
        await family.respond_to_invite(CN, (await pending_invite(family, did)).invite_id, accept=True)
    first, second = await refresh(owner), await refresh(owner)
    if control.profile == "status-in-list":
        assert (first, second) == (3, 3)
    else:
        # One get_share_user per device with sharees, then only for the one whose invite waits.
        assert (first, second) == (3 + 3, 3 + 1)
    shares = await owner.get_shares(CN)
    assert {did: [s.status for s in people] for did, people in shares.items()} == {
        LIVING_ROOM: [ShareStatus.PENDING],
        GARDEN: [ShareStatus.ACCEPTED],
        NURSERY: [ShareStatus.ACCEPTED],
    }


async def test_statuses_follow_answers_in_every_profile(client_of: ClientOf, control: Control) -> None:
    owner, family = await client_of(OWNER), await client_of(FAMILY)
    await owner.share(CN, LIVING_ROOM, FAMILY.user_id, SharePermission.VIEW_ONLY)
    await owner.share(CN, LIVING_ROOM, GRANDMA.user_id, SharePermission.CONTROL)
    await owner.get_shares(CN)
    await family.respond_to_invite(CN, (await pending_invite(family, LIVING_ROOM)).invite_id, accept=True)
    grandma = await client_of(GRANDMA)
    await grandma.respond_to_invite(CN, (await pending_invite(grandma, LIVING_ROOM)).invite_id, accept=False)
    (only,) = (await owner.get_shares(CN))[LIVING_ROOM]
    assert (only.user_id, only.status, only.read_only) == (FAMILY.user_id, ShareStatus.ACCEPTED, True)
    await owner.revoke(CN, LIVING_ROOM, [FAMILY.user_id])
    assert await owner.get_shares(CN) == {}


async def test_a_camera_shared_through_a_home(client_of: ClientOf, control: Control) -> None:
    state = await control.call("GET", "/state")
    now = state["now"]
    home_share = {
        "inviteId": 900,
        "msgId": "900",
        "did": GARDEN,
        "region": "cn",
        "ownerId": OWNER.user_id,
        "shareeId": FAMILY.user_id,
        "readOnly": False,
        "status": 1,
        "ctime": now,
        "mtime": now,
        "expireTime": now,
        "viaHome": True,
    }
    await control.call("POST", "/seed", {**state["data"], "shares": [home_share]})
    family, owner = await client_of(FAMILY), await client_of(OWNER)
    (camera,) = await family.get_devices(CN)
    assert (camera.did, camera.permit_level) == (GARDEN, 68)
    assert camera.shared_via_home
    assert not camera.is_owned
    assert await owner.get_shares(CN) == {}
    owned = {device.did: device for device in await owner.get_devices(CN)}
    assert not any(device.shared_via_home for device in owned.values())


async def test_taiwan_is_a_region_of_its_own(client_of: ClientOf, control: Control) -> None:
    state = await control.call("GET", "/state")
    taipei = {"did": "503000001", "name": "Taipei door", "model": "isa.camera.hlc7", "region": "tw"}
    taipei["ownerId"] = EUROPE.user_id
    await control.call("POST", "/seed", {**state["data"], "devices": [*state["data"]["devices"], taipei]})
    europe, family = await client_of(EUROPE), await client_of(FAMILY)
    assert [device.did for device in await europe.get_devices(Region.TW)] == ["503000001"]
    await europe.share(Region.TW, "503000001", FAMILY.user_id, SharePermission.CONTROL)
    (invite,) = await family.get_invites(Region.TW)
    assert invite.region is Region.TW
    assert await family.get_invites(Region.SG) == []
