"""The sharing endpoints, error mapping and token handling against the fake cloud."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

import aiohttp
import pytest
from aiohttp import web

from custom_components.xiaomi_camera_share.cloud.client import XiaomiCloudClient
from custom_components.xiaomi_camera_share.cloud.errors import (
    AlreadySharedError,
    ApiError,
    AuthExpiredError,
    CloudConnectionError,
    CloudTimeoutError,
    DeviceNotShareableError,
    InviteExpiredError,
    InvitePendingError,
    MalformedResponseError,
    PermissionDeniedError,
    ShareWithSelfError,
    TooManyShareesError,
    UserNotFoundError,
)
from custom_components.xiaomi_camera_share.cloud.models import (
    BatchShareOutcome,
    Credentials,
    Device,
    Invite,
    Sharee,
    SharePermission,
    ShareStatus,
    UserProfile,
)
from custom_components.xiaomi_camera_share.cloud.regions import Endpoints, Region

from .fake_xiaomi import CREDENTIALS, PASS_TOKEN, PASSWORD, ROTATED_PASS_TOKEN, SSECURITY, FakeXiaomi

if TYPE_CHECKING:
    from collections.abc import Callable


def ok(result: Any = None) -> dict[str, Any]:
    return {"code": 0, "message": "ok", "result": result}


def fail(code: int, message: str = "made-up failure") -> dict[str, Any]:
    return {"code": code, "message": message}


def reply_with(payload: dict[str, Any]) -> Any:
    return lambda data, host: payload


CAMERA = {
    "did": "1234567",
    "name": "Hallway",
    "model": "chuangmi.camera.ipc019",
    "pid": 0,
    "mac": "AA:BB:CC:00:11:22",
    "isOnline": True,
    "permitLevel": 16,
}
SHARED_TO_ME = {
    "did": 7654321,
    "name": "Garden",
    "model": "isa.camera.hlc7",
    "pid": "0",
    "isOnline": False,
    "permitLevel": 36,
    "owner": {"userid": 2002, "nickname": "Bob"},
}


# --- devices -----------------------------------------------------------------------


async def test_devices_of_one_page(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/v2/home/device_list_page"] = reply_with(
        ok({"list": [CAMERA, SHARED_TO_ME], "has_more": False})
    )
    devices = await client.get_devices(Region.DE)
    assert devices == [
        Device(
            did="1234567",
            name="Hallway",
            model="chuangmi.camera.ipc019",
            region=Region.DE,
            pid=0,
            mac="AA:BB:CC:00:11:22",
            is_online=True,
            permit_level=16,
        ),
        Device(
            did="7654321",
            name="Garden",
            model="isa.camera.hlc7",
            region=Region.DE,
            permit_level=36,
            owner_id="2002",
            owner_nickname="Bob",
        ),
    ]
    assert devices[0].is_owned
    assert devices[0].is_camera
    (call,) = fake.calls
    assert call.region_host == "de.api.io.mi.com"
    assert call.data["start_did"] == ""


async def test_devices_over_several_pages(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    pages = {
        "": ok({"list": [CAMERA], "has_more": True, "next_start_did": "1234567"}),
        "1234567": ok({"list": [SHARED_TO_ME], "has_more": False, "next_start_did": ""}),
    }
    fake.handlers["/v2/home/device_list_page"] = lambda data, host: pages[data["start_did"]]
    devices = await client.get_devices(Region.CN)
    assert [device.did for device in devices] == ["1234567", "7654321"]
    assert [call.region_host for call in fake.calls] == ["api.io.mi.com", "api.io.mi.com"]
    assert client.request_count == 2


async def test_device_without_did_is_malformed(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/v2/home/device_list_page"] = reply_with(ok({"list": [{"name": "no did"}]}))
    with pytest.raises(MalformedResponseError):
        await client.get_devices(Region.DE)


# --- shares (owner side) ---------------------------------------------------------------


async def test_share_overview_with_status_costs_one_request(
    client: XiaomiCloudClient, fake: FakeXiaomi
) -> None:
    fake.handlers["/share/device_share_list"] = reply_with(
        ok(
            {
                "list": {
                    "1234567": [
                        {"userid": 2002, "nickname": "Bob", "mtime": 1_700_000_000, "status": 1},
                        {"userid": "3003", "nickname": "", "status": 0, "isReadOnly": True},
                        {"userid": "4004", "nickname": "Rejected", "status": 2},
                        {"userid": "5005", "nickname": "Odd", "status": 7},
                    ],
                    "999": [{"userid": "4004", "status": 2}],
                }
            }
        )
    )
    shares = await client.get_shares(Region.DE)
    assert shares == {
        "1234567": [
            Sharee(user_id="2002", nickname="Bob", status=ShareStatus.ACCEPTED, shared_at=1_700_000_000),
            Sharee(user_id="3003", nickname="3003", status=ShareStatus.PENDING, read_only=True),
        ]
    }
    assert [call.path for call in fake.calls] == ["/share/device_share_list"]
    assert fake.calls[0].data == {}


def app_shaped_share_list(entries: dict[str, list[tuple[str, int]]]) -> Any:
    """device_share_list as the Mi Home app reads it: userid, nickname, icon, mtime only."""

    def entry(uid: str, mtime: int) -> dict[str, Any]:
        return {"userid": int(uid), "nickname": f"N{uid}", "icon": "", "mtime": mtime}

    def handler(data: dict[str, Any], host: str) -> dict[str, Any]:
        listing = {did: [entry(uid, mtime) for uid, mtime in people] for did, people in entries.items()}
        return ok({"list": listing})

    return handler


def share_users(statuses: dict[str, dict[str, int]]) -> Any:
    """get_share_user per did: the status of each person."""

    def handler(data: dict[str, Any], host: str) -> dict[str, Any]:
        people = statuses[data["did"]]
        return ok(
            {
                "list": [
                    {"userid": uid, "nickname": f"N{uid}", "status": n, "isReadOnly": True, "sharetime": 9}
                    for uid, n in people.items()
                ]
            }
        )

    return handler


async def test_share_overview_without_status_asks_each_device(
    client: XiaomiCloudClient, fake: FakeXiaomi
) -> None:
    fake.handlers["/share/device_share_list"] = app_shaped_share_list(
        {"1234567": [("2002", 10), ("3003", 11)], "7654321": [("2002", 12)]}
    )
    fake.handlers["/share/get_share_user"] = share_users(
        {"1234567": {"2002": 1, "3003": 0, "4004": 2}, "7654321": {"2002": 1}}
    )
    shares = await client.get_shares(Region.DE)
    assert {did: [(s.user_id, s.status) for s in people] for did, people in shares.items()} == {
        "1234567": [("2002", ShareStatus.ACCEPTED), ("3003", ShareStatus.PENDING)],
        "7654321": [("2002", ShareStatus.ACCEPTED)],
    }
    assert all(s.read_only is True and s.shared_at == 9 for people in shares.values() for s in people)
    assert [call.path for call in fake.calls] == [
        "/share/device_share_list",
        "/share/get_share_user",
        "/share/get_share_user",
    ]
    assert [call.data for call in fake.calls[1:]] == [
        {"did": "1234567", "pid": 0},
        {"did": "7654321", "pid": 0},
    ]


async def test_share_overview_asks_again_only_while_an_invite_waits_or_the_entry_changed(
    client: XiaomiCloudClient, fake: FakeXiaomi
) -> None:
    entries = {"1234567": [("2002", 10), ("3003", 11)], "7654321": [("2002", 12)]}
    statuses = {"1234567": {"2002": 1, "3003": 0}, "7654321": {"2002": 1}}
    fake.handlers["/share/device_share_list"] = app_shaped_share_list(entries)
    fake.handlers["/share/get_share_user"] = share_users(statuses)
    await client.get_shares(Region.DE)
    fake.calls.clear()

    # Unchanged: only the device with a waiting invite is asked again.
    second = await client.get_shares(Region.DE)
    assert [call.data.get("did") for call in fake.calls] == [None, "1234567"]
    assert [s.status for s in second["7654321"]] == [ShareStatus.ACCEPTED]
    fake.calls.clear()

    # The invite is accepted and the settled device gets a new sharee.
    statuses["1234567"]["3003"] = 1
    entries["7654321"] = [("2002", 12), ("5005", 13)]
    statuses["7654321"]["5005"] = 0
    third = await client.get_shares(Region.DE)
    assert sorted(call.data.get("did") or "" for call in fake.calls) == ["", "1234567", "7654321"]
    assert [s.status for s in third["1234567"]] == [ShareStatus.ACCEPTED, ShareStatus.ACCEPTED]
    assert [(s.user_id, s.status) for s in third["7654321"]] == [
        ("2002", ShareStatus.ACCEPTED),
        ("5005", ShareStatus.PENDING),
    ]
    fake.calls.clear()

    # Everyone answered: nothing more than the list itself.
    statuses["7654321"]["5005"] = 1
    await client.get_shares(Region.DE)
    fake.calls.clear()
    await client.get_shares(Region.DE)
    assert [call.path for call in fake.calls] == ["/share/device_share_list"]


async def test_share_overview_drops_a_device_that_is_no_longer_ours(
    client: XiaomiCloudClient, fake: FakeXiaomi
) -> None:
    fake.handlers["/share/device_share_list"] = app_shaped_share_list({"1234567": [("2002", 10)]})
    fake.handlers["/share/get_share_user"] = reply_with(fail(-1))
    assert await client.get_shares(Region.DE) == {}


async def test_share_overview_may_be_an_empty_array(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/share/device_share_list"] = reply_with(ok({"list": []}))
    assert await client.get_shares(Region.DE) == {}


async def test_sharees_of_one_device(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/share/get_share_user"] = reply_with(
        ok(
            {
                "list": [
                    {"userid": "2002", "nickname": "Bob", "status": 1, "isReadOnly": False, "sharetime": 5},
                    {"userid": "3003", "nickname": "Carol"},
                    {"userid": "4004", "nickname": "Dan", "status": -1},
                ]
            }
        )
    )
    sharees = await client.get_device_sharees(Region.DE, "1234567")
    assert sharees == [
        Sharee(user_id="2002", nickname="Bob", read_only=False, shared_at=5),
        # Without a status the app shows "waiting", as for 0.
        Sharee(user_id="3003", nickname="Carol", status=ShareStatus.PENDING),
        Sharee(user_id="4004", nickname="Dan", status=ShareStatus.UNKNOWN),
    ]
    assert fake.calls[0].data == {"did": "1234567", "pid": 0}


async def test_pid_is_sent_as_the_device_list_number(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    mesh_camera = {**CAMERA, "pid": "16"}
    fake.handlers["/v2/home/device_list_page"] = reply_with(ok({"list": [mesh_camera, SHARED_TO_ME]}))
    fake.handlers["/share/get_share_user"] = reply_with(ok({"list": []}))
    fake.handlers["/share/delete_user"] = reply_with(ok({"list": [{"did": "1234567", "ret": 1}]}))
    fake.handlers["/share/cancel"] = reply_with(ok())
    (device, shared) = await client.get_devices(Region.DE)
    assert (device.pid, shared.pid) == (16, 0)
    await client.get_device_sharees(Region.DE, "1234567")
    await client.revoke(Region.DE, "1234567", ["2002"])
    await client.leave_share(Region.DE, "7654321")
    await client.get_device_sharees(Region.CN, "1234567")  # another region: not the same device
    pids = [call.data.get("pid", call.data.get("list", [{}])[0].get("pid")) for call in fake.calls[1:]]
    assert pids == [16, 16, 0, 0]
    assert all(type(pid) is int for pid in pids)


@pytest.mark.parametrize(
    ("permission", "expected"),
    [
        (SharePermission.CONTROL, {"command": "share_request", "did": "1234567", "userid": "2002"}),
        (
            SharePermission.VIEW_ONLY,
            {"command": "share_request", "did": "1234567", "userid": "2002", "type": "readonly"},
        ),
    ],
)
async def test_share_request_payload(
    client: XiaomiCloudClient, fake: FakeXiaomi, permission: SharePermission, expected: dict[str, str]
) -> None:
    fake.handlers["/share/share_request"] = reply_with(ok())
    await client.share(Region.DE, "1234567", "2002", permission)
    assert fake.calls[0].data == expected


async def test_sharing_with_oneself_is_refused_locally(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    with pytest.raises(ShareWithSelfError) as err:
        await client.share(Region.DE, "1234567", CREDENTIALS.user_id, SharePermission.CONTROL)
    assert isinstance(err.value, UserNotFoundError)
    with pytest.raises(ShareWithSelfError):
        await client.share_batch(Region.DE, ["1"], ["2002", CREDENTIALS.user_id], SharePermission.CONTROL)
    assert client.request_count == 0


async def test_share_batch_reads_1_as_invited(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/share/share_request_batch"] = reply_with(
        ok({"2002": {"1": 1, "2": 0}, "3003": {"1": -13, "2": "odd"}, "4004": None})
    )
    result = await client.share_batch(
        Region.DE, ["1", "2"], ["2002", "3003", "4004", "5005"], SharePermission.VIEW_ONLY
    )
    assert result.outcomes == {
        ("1", "2002"): BatchShareOutcome.INVITED,
        ("2", "2002"): BatchShareOutcome.ALREADY_SHARED,
        ("1", "3003"): BatchShareOutcome.REFUSED,
        ("2", "3003"): BatchShareOutcome.REFUSED,
        ("1", "4004"): BatchShareOutcome.NOT_REPORTED,
        ("2", "4004"): BatchShareOutcome.NOT_REPORTED,
        ("1", "5005"): BatchShareOutcome.NOT_REPORTED,
        ("2", "5005"): BatchShareOutcome.NOT_REPORTED,
    }
    assert result.codes[("1", "3003")] == -13
    assert result.codes[("2", "3003")] is None
    assert result.pairs(BatchShareOutcome.INVITED) == [("1", "2002")]
    assert result.outcome("9", "2002") is BatchShareOutcome.NOT_REPORTED
    assert fake.calls[0].data == {
        "didList": ["1", "2"],
        "receiver": ["2002", "3003", "4004", "5005"],
        "type": "readonly",
    }


async def test_share_batch_without_a_result(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/share/share_request_batch"] = reply_with(ok())
    result = await client.share_batch(Region.DE, ["1"], ["2002"], SharePermission.CONTROL)
    assert result.outcome("1", "2002") is BatchShareOutcome.NOT_REPORTED


async def test_revoke(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/share/delete_user"] = reply_with(ok({"list": [{"did": "1234567", "ret": 1}]}))
    await client.revoke(Region.DE, "1234567", ["2002", "3003"])
    assert fake.calls[0].data == {"list": [{"did": "1234567", "pid": 0, "userid": ["2002", "3003"]}]}


async def test_revoke_that_the_cloud_did_not_do(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/share/delete_user"] = reply_with(ok({"list": [{"did": "1234567", "ret": 0}]}))
    with pytest.raises(ApiError):
        await client.revoke(Region.DE, "1234567", ["2002"])


# --- invites (receiving side) ------------------------------------------------------------


async def test_invites(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/share/receive_share_list"] = reply_with(
        ok(
            [
                {
                    "inv_id": 77,
                    "msgId": "m-1",
                    "sender": 2002,
                    "sender_name": "Bob",
                    "did": "1234567",
                    "device_name": "Hallway",
                    "model": "chuangmi.camera.ipc019",
                    "status": 0,
                    "ctime": 100,
                    "expire_time": 200,
                    "isReadOnly": True,
                },
                {"inv_id": "78", "sender": "2002", "did": "9", "status": 1},
            ]
        )
    )
    invites = await client.get_invites(Region.SG)
    assert invites == [
        Invite(
            invite_id=77,
            sender_id="2002",
            sender_name="Bob",
            did="1234567",
            device_name="Hallway",
            model="chuangmi.camera.ipc019",
            region=Region.SG,
            read_only=True,
            msg_id="m-1",
            created_at=100,
            expires_at=200,
        ),
        Invite(
            invite_id=78,
            sender_id="2002",
            sender_name="",
            did="9",
            device_name="",
            model="",
            region=Region.SG,
            status=ShareStatus.ACCEPTED,
        ),
    ]
    assert fake.calls[0].data == {"userid": CREDENTIALS.user_id}
    assert fake.calls[0].region_host == "sg.api.io.mi.com"


@pytest.mark.parametrize(
    "fields",
    [{}, {"status": -1}, {"status": 5}, {"status": "later"}, {"status": 0, "expire_time": 0}],
    ids=["no status", "-1", "unknown number", "not a number", "0 without expiry"],
)
async def test_invites_in_an_unknown_state_are_never_pending(
    client: XiaomiCloudClient, fake: FakeXiaomi, fields: dict[str, Any]
) -> None:
    """The app offers Accept for status 0 only and hides a 0 whose expire_time is 0."""
    fake.handlers["/share/receive_share_list"] = reply_with(
        ok([{"inv_id": 80, "sender": 2002, "did": "9", "expire_time": 300, **fields}])
    )
    (invite,) = await client.get_invites(Region.DE)
    assert invite.status is ShareStatus.UNKNOWN


async def test_home_shared_device(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    via_home = {"did": "555", "name": "Porch", "model": "isa.camera.hlc7", "pid": "0", "permitLevel": 68}
    fake.handlers["/v2/home/device_list_page"] = reply_with(ok({"list": [CAMERA, SHARED_TO_ME, via_home]}))
    owned, shared, home = await client.get_devices(Region.DE)
    assert home.shared_via_home
    assert not home.is_owned
    assert home.owner_id is None
    assert not owned.shared_via_home
    assert not shared.shared_via_home


async def test_taiwan_has_a_host_of_its_own(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/share/receive_share_list"] = reply_with(ok([]))
    assert await client.get_invites(Region.TW) == []
    assert fake.calls[0].region_host == "tw.api.io.mi.com"


@pytest.mark.parametrize(("accept", "value"), [(True, "accept"), (False, "reject")])
async def test_respond_to_invite(
    client: XiaomiCloudClient, fake: FakeXiaomi, accept: bool, value: str
) -> None:
    fake.handlers["/share/share_response"] = reply_with(ok())
    await client.respond_to_invite(Region.DE, 77, accept=accept, msg_id="m-1")
    assert fake.calls[0].data == {"msg_id": "m-1", "inv_id": 77, "value": value}


async def test_leave_share(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/share/cancel"] = reply_with(ok())
    await client.leave_share(Region.DE, "7654321", pid=6)
    assert fake.calls[0].data == {"did": "7654321", "pid": 6}


# --- user lookup --------------------------------------------------------------------------


async def test_lookup_user(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/home/profile"] = reply_with(
        ok(
            {
                "userid": 3003,
                "nickname": "奶奶",
                "userName": "granny",
                "icon": "https://example.invalid/i.png",
            }
        )
    )
    profile = await client.lookup_user(Region.DE, " 13800000000 ")
    assert profile == UserProfile(
        user_id="3003", nickname="奶奶", user_name="granny", icon="https://example.invalid/i.png"
    )
    assert fake.calls[0].data == {"id": "13800000000"}


@pytest.mark.parametrize(
    "payload",
    [ok({"userid": "-1"}), ok({"userId": "0", "nickname": ""}), ok({}), fail(-6), fail(-1)],
    ids=["userid -1", "userId 0", "no userid", "code -6", "code -1"],
)
async def test_lookup_of_nobody(client: XiaomiCloudClient, fake: FakeXiaomi, payload: dict[str, Any]) -> None:
    fake.handlers["/home/profile"] = reply_with(payload)
    with pytest.raises(UserNotFoundError):
        await client.lookup_user(Region.DE, "0000")


# --- error mapping ----------------------------------------------------------------------

SHARE_CALL = ("/share/share_request", lambda c: c.share(Region.DE, "1", "2002", SharePermission.CONTROL))
BATCH_CALL = (
    "/share/share_request_batch",
    lambda c: c.share_batch(Region.DE, ["1"], ["2002"], SharePermission.CONTROL),
)
RESPOND_CALL = ("/share/share_response", lambda c: c.respond_to_invite(Region.DE, 77, accept=True))
REVOKE_CALL = ("/share/delete_user", lambda c: c.revoke(Region.DE, "1", ["2002"]))
LEAVE_CALL = ("/share/cancel", lambda c: c.leave_share(Region.DE, "1"))


@pytest.mark.parametrize(
    ("call", "code", "error"),
    [
        (SHARE_CALL, -11, AlreadySharedError),
        (SHARE_CALL, -12, InvitePendingError),
        (SHARE_CALL, -13, TooManyShareesError),
        (SHARE_CALL, -6, UserNotFoundError),
        (SHARE_CALL, -1, DeviceNotShareableError),
        (SHARE_CALL, -4, ApiError),
        (BATCH_CALL, -1, DeviceNotShareableError),
        (BATCH_CALL, -13, TooManyShareesError),
        (RESPOND_CALL, -6, InviteExpiredError),
        (RESPOND_CALL, -1, PermissionDeniedError),
        (REVOKE_CALL, -1, PermissionDeniedError),
        (LEAVE_CALL, -1, PermissionDeniedError),
        (LEAVE_CALL, -6, ApiError),
    ],
    ids=lambda value: value[0] if isinstance(value, tuple) else str(getattr(value, "__name__", value)),
)
async def test_error_codes(
    client: XiaomiCloudClient, fake: FakeXiaomi, call: Any, code: int, error: type[ApiError]
) -> None:
    path, action = call
    fake.handlers[path] = reply_with(fail(code))
    with pytest.raises(error) as raised:
        await action(client)
    assert type(raised.value) is error
    assert raised.value.code == code


async def test_plain_json_error_reply(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/share/share_request"] = lambda data, host: web.json_response(fail(-12, "pending"))
    with pytest.raises(InvitePendingError):
        await client.share(Region.DE, "1", "2002", SharePermission.CONTROL)


# --- tokens -------------------------------------------------------------------------------


async def test_service_token_is_minted_once_and_reused(
    client: XiaomiCloudClient, fake: FakeXiaomi, http: aiohttp.ClientSession
) -> None:

    fake.handlers["/share/cancel"] = reply_with(ok())
    await client.leave_share(Region.DE, "1")
    await client.leave_share(Region.DE, "2")
    assert fake.service_token_counter == 1
    assert client.request_count == 2
    cookies = fake.calls[0].cookies
    assert cookies["serviceToken"] == cookies["yetAnotherServiceToken"] == "made-up-service-token-1"
    assert cookies["userId"] == CREDENTIALS.user_id
    assert "ssecurity" not in fake.calls[0].form
    # The serviceToken cookie was read, and did not stay in the shared session's jar.
    assert len(http.cookie_jar) == 0


async def test_concurrent_first_calls_mint_one_token(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/share/cancel"] = reply_with(ok())
    await asyncio.gather(*(client.leave_share(Region.DE, str(did)) for did in range(4)))
    assert fake.service_token_counter == 1


# Each reply is made afresh: a response is sent once, and the tests may run twice in a process.
@pytest.mark.parametrize(
    "expired_reply",
    [
        lambda: web.json_response({"code": 2, "message": "auth err"}, status=401),
        lambda: web.Response(status=401),
        lambda: fail(3, "invalid signature"),
        lambda: fail(-100, "SERVICETOKEN_EXPIRED"),
    ],
    ids=["401 auth err", "bare 401", "code 3", "message"],
)
async def test_expired_service_token_is_reminted_once(
    client: XiaomiCloudClient, fake: FakeXiaomi, expired_reply: Callable[[], Any]
) -> None:
    replies = [expired_reply(), ok()]
    fake.handlers["/share/cancel"] = lambda data, host: replies.pop(0)
    await client.leave_share(Region.DE, "1")
    assert fake.service_token_counter == 2
    assert client.request_count == 2
    assert [call.cookies["serviceToken"] for call in fake.calls] == [
        "made-up-service-token-1",
        "made-up-service-token-2",
    ]


async def test_service_token_expired_by_the_cloud(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/share/cancel"] = reply_with(ok())
    await client.leave_share(Region.DE, "1")
    fake.expire_service_tokens()
    await client.leave_share(Region.DE, "1")
    assert fake.service_token_counter == 2


async def test_token_refused_even_after_reminting(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/share/cancel"] = reply_with(fail(2, "auth err"))
    with pytest.raises(AuthExpiredError):
        await client.leave_share(Region.DE, "1")
    assert client.request_count == 2


async def test_dead_pass_token(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.pass_tokens.clear()
    with pytest.raises(AuthExpiredError):
        await client.leave_share(Region.DE, "1")
    assert client.request_count == 0


async def test_pass_token_dies_while_in_use(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/share/cancel"] = reply_with(ok())
    await client.leave_share(Region.DE, "1")
    fake.pass_tokens.clear()
    fake.expire_service_tokens()
    with pytest.raises(AuthExpiredError):
        await client.leave_share(Region.DE, "1")


async def test_rotated_pass_token_is_reported(
    client: XiaomiCloudClient, fake: FakeXiaomi, rotations: list[Credentials]
) -> None:
    fake.handlers["/share/cancel"] = reply_with(ok())
    fake.rotate_pass_token = True
    await client.leave_share(Region.DE, "1")
    assert client.credentials.pass_token == ROTATED_PASS_TOKEN
    assert rotations == [client.credentials]
    # The next mint uses the new passToken (the fake no longer accepts the old one).
    fake.rotate_pass_token = False
    fake.expire_service_tokens()
    await client.leave_share(Region.DE, "1")
    assert fake.passport_cookies[-1]["passToken"] == ROTATED_PASS_TOKEN
    assert len(rotations) == 1


async def test_service_token_after_a_redirect_and_ssecurity_from_the_header(
    client: XiaomiCloudClient, fake: FakeXiaomi
) -> None:
    fake.sts_redirects = fake.ssecurity_in_header_only = True
    fake.handlers["/share/cancel"] = reply_with(ok())
    await client.leave_share(Region.DE, "1")
    assert fake.service_token_counter == 1
    assert fake.calls[0].cookies["serviceToken"] == "made-up-service-token-1"


# --- transport failures --------------------------------------------------------------------


async def test_server_error(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    fake.handlers["/share/cancel"] = lambda data, host: web.Response(status=502)
    with pytest.raises(CloudConnectionError) as err:
        await client.leave_share(Region.DE, "1")
    assert err.value.code == 502


async def test_timeout(client: XiaomiCloudClient, fake: FakeXiaomi) -> None:
    async def slow(data: dict[str, Any], host: str) -> dict[str, Any]:
        await asyncio.sleep(3)
        return ok()

    fake.handlers["/share/cancel"] = slow
    with pytest.raises(CloudTimeoutError):
        await client.leave_share(Region.DE, "1")


async def test_connection_refused(fake: FakeXiaomi, http: Any) -> None:
    unreachable = XiaomiCloudClient(http, CREDENTIALS, Endpoints(override="http://127.0.0.1:9"))
    with pytest.raises(CloudConnectionError):
        await unreachable.leave_share(Region.DE, "1")


@pytest.mark.parametrize(
    "body",
    ["%%% not base64 %%%", "bm90IHRoZSByaWdodCBrZXk=", "", "[1, 2]"],
    ids=["not base64", "wrong key", "empty", "json array"],
)
async def test_malformed_body(client: XiaomiCloudClient, fake: FakeXiaomi, body: str) -> None:
    fake.handlers["/share/cancel"] = lambda data, host: web.Response(text=body)
    with pytest.raises(MalformedResponseError):
        await client.leave_share(Region.DE, "1")


@pytest.mark.parametrize(
    "payload",
    [{"message": "no code"}, ok({"list": "not a dict"})],
    ids=["no code", "wrong shape"],
)
async def test_wrong_shape(client: XiaomiCloudClient, fake: FakeXiaomi, payload: dict[str, Any]) -> None:
    fake.handlers["/share/device_share_list"] = reply_with(payload)
    with pytest.raises(MalformedResponseError):
        await client.get_shares(Region.DE)


# --- secrets --------------------------------------------------------------------------------


async def test_no_secret_reaches_the_log(
    client: XiaomiCloudClient, fake: FakeXiaomi, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="custom_components.xiaomi_camera_share.cloud")
    fake.rotate_pass_token = True
    replies = [fail(2, "auth err"), ok({"userid": "3003"})]
    fake.handlers["/home/profile"] = lambda data, host: replies.pop(0)
    fake.handlers["/share/cancel"] = lambda data, host: web.Response(status=500)
    await client.lookup_user(Region.DE, "13800000000")
    with pytest.raises(CloudConnectionError):
        await client.leave_share(Region.DE, "1")
    assert caplog.records, "the client logs at debug level"
    for secret in (
        PASS_TOKEN,
        ROTATED_PASS_TOKEN,
        SSECURITY,
        "made-up-service-token",
        PASSWORD,
        "13800000000",
    ):
        assert secret not in caplog.text
