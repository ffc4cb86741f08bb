"""Live view keys: the real client's key exchanges against the simulator over HTTP."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import pytest

from custom_components.xiaomi_camera_share.cloud import p2p
from custom_components.xiaomi_camera_share.cloud.client import XiaomiCloudClient
from custom_components.xiaomi_camera_share.cloud.errors import PermissionDeniedError
from custom_components.xiaomi_camera_share.cloud.models import Device, SharePermission
from custom_components.xiaomi_camera_share.cloud.p2p import LiveSource, resolve_live_source
from custom_components.xiaomi_camera_share.cloud.regions import Region

from .seed import FAMILY, GARDEN, HALLWAY_HUB, LIVING_ROOM, NURSERY, OWNER, SeedAccount

if TYPE_CHECKING:
    from .conftest import Control

ClientOf = Callable[[SeedAccount], Awaitable[XiaomiCloudClient]]
CN = Region.CN


async def camera(client: XiaomiCloudClient, did: str) -> Device:
    return next(device for device in await client.get_devices(CN) if device.did == did)


def query_of(source: LiveSource) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(source.url).query).items()}


async def exchanges(control: Control, did: str) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = await control.call("GET", f"/p2p?did={did}")
    return entries


async def test_device_lists_carry_the_local_address(client_of: ClientOf, control: Control) -> None:
    owner = await client_of(OWNER)
    assert {device.localip for device in await owner.get_devices(CN)} == {"127.0.0.1"}


@pytest.mark.parametrize(("did", "vendor"), [(LIVING_ROOM, "cs2"), (NURSERY, "tutk")])
async def test_owner_gets_the_keys_the_simulator_issued(
    client_of: ClientOf, control: Control, did: str, vendor: str
) -> None:
    owner = await client_of(OWNER)
    source = await resolve_live_source(owner, await camera(owner, did))
    assert (source.vendor, urlsplit(source.url).hostname) == (vendor, "127.0.0.1")
    query = query_of(source)
    [entry] = await exchanges(control, did)
    issued = entry["issued"]
    assert (entry["call"], entry["userId"], issued["vendor"]) == ("miss_get_vendor", OWNER.user_id, vendor)
    assert query["client_public"] == issued["appPublicKey"]
    assert query["device_public"] == issued["devicePublicKey"]
    assert query["sign"] == issued["sign"]
    assert query.get("uid") == (issued["p2pId"] if vendor == "tutk" else None)


async def test_older_model_uses_devicepass_only(client_of: ClientOf, control: Control) -> None:
    owner = await client_of(OWNER)
    source = await resolve_live_source(owner, await camera(owner, HALLWAY_HUB))
    assert (source.vendor, source.call) == ("legacy", "devicepass")
    [entry] = await exchanges(control, HALLWAY_HUB)
    assert entry["call"] == "devicepass"
    assert query_of(source)["uid"] == entry["issued"]["p2pId"]


async def test_no_vendor_support_answer_falls_back_to_devicepass(
    client_of: ClientOf, control: Control, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A client that does not know the model as an older one learns it from the answer.
    monkeypatch.setattr(p2p, "LEGACY_MODELS", frozenset())
    owner = await client_of(OWNER)
    source = await resolve_live_source(owner, await camera(owner, HALLWAY_HUB))
    assert source.call == "devicepass"
    calls = [
        (entry["call"], entry.get("refused", {}).get("message"))
        for entry in await exchanges(control, HALLWAY_HUB)
    ]
    assert calls == [("miss_get_vendor", "no available vendor support"), ("devicepass", None)]


async def test_a_sharee_gets_keys_only_while_the_camera_is_shared(
    client_of: ClientOf, control: Control
) -> None:
    owner = await client_of(OWNER)
    family = await client_of(FAMILY)
    front_door = await camera(owner, GARDEN)
    with pytest.raises(PermissionDeniedError):
        await resolve_live_source(family, front_door)

    await owner.share(CN, GARDEN, FAMILY.user_id, SharePermission.VIEW_ONLY)
    invite = next(i for i in await family.get_invites(CN) if i.did == GARDEN)
    with pytest.raises(PermissionDeniedError):  # an invite is not a share yet
        await resolve_live_source(family, front_door)
    await family.respond_to_invite(CN, invite.invite_id, accept=True, msg_id=invite.msg_id)
    shared = await camera(family, GARDEN)
    assert (shared.is_owned, shared.localip) == (False, "127.0.0.1")
    assert (await resolve_live_source(family, shared)).vendor == "cs2"

    await owner.revoke(CN, GARDEN, [FAMILY.user_id])
    with pytest.raises(PermissionDeniedError):
        await resolve_live_source(family, shared)
    refusals = [
        e["refused"]["code"]
        for e in await exchanges(control, GARDEN)
        if e["userId"] == FAMILY.user_id and "refused" in e
    ]
    assert refusals == [-1, -1, -1]
