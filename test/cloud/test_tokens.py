"""The passToken over time: rotations the passport hands out, and where its cookies go."""

from __future__ import annotations

from http.cookies import SimpleCookie
from typing import TYPE_CHECKING

import pytest

from custom_components.xiaomi_camera_share.cloud.cookies import CookieJar
from custom_components.xiaomi_camera_share.cloud.regions import Region
from custom_components.xiaomi_camera_share.cloud.session_token import pass_token_fingerprint

from .fake_xiaomi import PASS_TOKEN, ROTATED_PASS_TOKEN, USER_ID, FakeXiaomi

if TYPE_CHECKING:
    from http.cookies import Morsel

    from custom_components.xiaomi_camera_share.cloud.client import XiaomiCloudClient
    from custom_components.xiaomi_camera_share.cloud.models import Credentials


def _no_devices(data: dict, host: str) -> dict:
    return {"code": 0, "result": {"list": [], "has_more": False}}


@pytest.mark.parametrize(
    ("rotation", "re_pass_token"),
    [("body", "match"), ("cookie", "match"), ("body", None), ("cookie", None)],
)
async def test_rotated_pass_token_from_body_or_cookie(
    client: XiaomiCloudClient,
    fake: FakeXiaomi,
    rotations: list[Credentials],
    rotation: str,
    re_pass_token: str | None,
) -> None:
    fake.handlers["/v2/home/device_list_page"] = _no_devices
    fake.rotation, fake.re_pass_token = rotation, re_pass_token
    await client.get_devices(Region.CN)
    assert client.credentials.pass_token == ROTATED_PASS_TOKEN
    assert rotations == [client.credentials]
    # The next mint sends the new passToken, and it works.
    fake.rotation = None
    fake.expire_service_tokens()
    await client.get_devices(Region.CN)
    assert fake.passport_cookies[-1]["passToken"] == ROTATED_PASS_TOKEN


async def test_a_re_pass_token_for_another_token_keeps_the_current_one(
    client: XiaomiCloudClient, fake: FakeXiaomi, rotations: list[Credentials]
) -> None:
    fake.handlers["/v2/home/device_list_page"] = _no_devices
    fake.rotation, fake.re_pass_token = "body", "other"
    fake.pass_tokens.add(PASS_TOKEN)
    await client.get_devices(Region.CN)
    assert client.credentials.pass_token == PASS_TOKEN
    assert rotations == []


def test_pass_token_fingerprint_is_upper_case_md5() -> None:
    assert pass_token_fingerprint("password") == "5F4DCC3B5AA765D61D8327DEB882CF99"


async def test_minting_sends_the_pass_token_to_the_passport_only(
    client: XiaomiCloudClient, fake: FakeXiaomi
) -> None:
    fake.handlers["/v2/home/device_list_page"] = _no_devices
    fake.sts_redirects = True
    await client.get_devices(Region.CN)
    login = [cookies for host, _path, cookies in fake.seen if host == "account.xiaomi.com"]
    expected = {"deviceId": "madeupdevice0001", "sdkVersion": "3.8.6", "userId": USER_ID}
    assert login == [{**expected, "passToken": PASS_TOKEN, "cUserId": "made-up-c-user-id"}]
    for host, _path, cookies in fake.seen:
        if host == "sts.api.io.mi.com":
            assert "passToken" not in cookies
            assert "deviceId" not in cookies


def _morsels(*lines: str) -> list[Morsel[str]]:
    morsels: list[Morsel[str]] = []
    for line in lines:
        cookie: SimpleCookie = SimpleCookie()
        cookie.load(line)
        morsels.extend(cookie.values())
    return morsels


def test_cookie_jar_scopes() -> None:
    jar = CookieJar()
    jar.set("deviceId", "d1")
    jar.receive(
        "https://account.xiaomi.com/identity/auth/verifyPhone",
        _morsels(
            "passToken=V1:abc+de==; Domain=.xiaomi.com; Path=/; HttpOnly",
            "identity_session=s1; Domain=account.xiaomi.com; Path=/identity",
            "ick=i1; Path=/",
            "stray=x; Domain=.mi.com; Path=/",  # not the setting host's domain: ignored
        ),
    )
    jar.receive("https://sts.api.io.mi.com/sts?x=1", _morsels("serviceToken=t1; Path=/"))
    assert jar.for_url("https://account.xiaomi.com/identity/result/check") == {
        "identity_session": "s1",
        "passToken": "V1:abc+de==",
        "deviceId": "d1",
        "ick": "i1",
    }
    assert jar.for_url("https://account.xiaomi.com/pass/serviceLogin") == {
        "passToken": "V1:abc+de==",
        "deviceId": "d1",
        "ick": "i1",
    }
    # A data-centre host of the passport gets the Domain=.xiaomi.com cookies, not host-only ones.
    assert jar.for_url("https://c3.lp.account.xiaomi.com/lp/s") == {
        "passToken": "V1:abc+de==",
        "deviceId": "d1",
    }
    assert jar.for_url("https://sts.api.io.mi.com/sts") == {"serviceToken": "t1"}
    assert jar.for_url("https://api.io.mi.com/app/x") == {}
    assert jar.received("passToken") == "V1:abc+de=="
    assert jar.received("stray") is None
    # A Set-Cookie that expires the cookie removes it.
    jar.receive(
        "https://account.xiaomi.com/pass/x", _morsels("passToken=; Domain=.xiaomi.com; Path=/; Max-Age=0")
    )
    assert "passToken" not in jar.for_url("https://account.xiaomi.com/pass/serviceLogin")
    assert jar.received("passToken") is None
