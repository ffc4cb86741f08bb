"""Live view keys: the resolved xiaomi:// URL for each vendor, the fallback, and refusals."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from custom_components.xiaomi_camera_share.cloud.errors import (
    ApiError,
    MalformedResponseError,
    PermissionDeniedError,
)
from custom_components.xiaomi_camera_share.cloud.models import Device
from custom_components.xiaomi_camera_share.cloud.p2p import (
    DEVICEPASS,
    MISS_GET_VENDOR,
    KeyPair,
    LiveSource,
    NoLocalAddressError,
    UnsupportedVendorError,
    lan_host,
    resolve_live_source,
)
from custom_components.xiaomi_camera_share.cloud.regions import Region

DEVICE_KEY = "ab" * 32
SIGN = base64.b64encode(bytes(range(32))).decode()  # has "+" and "/": must survive the URL


class FakeCloud:
    """Answers the two key exchanges from a script; records what was asked."""

    def __init__(self, answers: dict[str, Any]) -> None:
        self.answers = answers
        self.calls: list[tuple[Region, str, dict[str, Any]]] = []

    async def signed_read(self, region: Region, path: str, data: dict[str, Any]) -> Any:
        self.calls.append((region, path, data))
        answer = self.answers[path]
        if isinstance(answer, Exception):
            raise answer
        return answer


def camera(model: str = "chuangmi.camera.029a02", localip: str | None = "192.168.1.20") -> Device:
    return Device(did="501000001", name="Living room", model=model, region=Region.DE, localip=localip)


def query_of(source: LiveSource) -> dict[str, str]:
    parts = urlsplit(source.url)
    assert parts.scheme == "xiaomi"
    assert parts.username is None  # go2rtc would log in to the cloud itself
    return {key: values[0] for key, values in parse_qs(parts.query, strict_parsing=True).items()}


def miss_answer(vendor: int, p2p_id: str = "XMSIM-000001-ABCDE") -> dict[str, Any]:
    return {
        "vendor": {"vendor": vendor, "vendor_params": {"p2p_id": p2p_id}},
        "public_key": DEVICE_KEY,
        "sign": SIGN,
    }


async def test_cs2_camera_gets_a_url_with_fresh_keys_and_the_clouds_answer() -> None:
    cloud = FakeCloud({MISS_GET_VENDOR: miss_answer(4)})
    source = await resolve_live_source(cloud, camera())
    assert (source.vendor, source.call) == ("cs2", "miss_get_vendor")
    assert urlsplit(source.url).hostname == "192.168.1.20"
    query = query_of(source)
    assert set(query) == {
        "did",
        "model",
        "vendor",
        "client_public",
        "client_private",
        "device_public",
        "sign",
    }
    assert (query["did"], query["model"], query["vendor"]) == ("501000001", "chuangmi.camera.029a02", "cs2")
    assert (query["device_public"], query["sign"]) == (DEVICE_KEY, SIGN)
    [(region, path, data)] = cloud.calls
    assert (region, path) == (Region.DE, MISS_GET_VENDOR)
    assert data == {
        "app_pubkey": query["client_public"],
        "did": "501000001",
        "support_vendors": "TUTK_CS2_MTP",
    }
    # The two halves belong together: go2rtc derives the session key from them.
    private = X25519PrivateKey.from_private_bytes(bytes.fromhex(query["client_private"]))
    assert private.public_key().public_bytes_raw().hex() == query["client_public"]
    assert len(private.exchange(X25519PublicKey.from_public_bytes(bytes.fromhex(DEVICE_KEY)))) == 32


async def test_each_stream_start_gets_a_new_key_pair() -> None:
    cloud = FakeCloud({MISS_GET_VENDOR: miss_answer(4)})
    first = query_of(await resolve_live_source(cloud, camera()))
    second = query_of(await resolve_live_source(cloud, camera()))
    assert first["client_public"] != second["client_public"]
    assert first["client_private"] != second["client_private"]


async def test_tutk_camera_carries_its_uid() -> None:
    cloud = FakeCloud({MISS_GET_VENDOR: miss_answer(1, "ABCDEFGHIJKLMNOPQRST")})
    query = query_of(await resolve_live_source(cloud, camera("chuangmi.camera.ipc019")))
    assert (query["vendor"], query["uid"]) == ("tutk", "ABCDEFGHIJKLMNOPQRST")


async def test_no_vendor_support_falls_back_to_devicepass_with_new_keys() -> None:
    cloud = FakeCloud(
        {
            MISS_GET_VENDOR: ApiError("No available vendor support", code=-2),
            DEVICEPASS: {
                "p2p_id": "ABCDEFGHIJKLMNOPQRST",
                "password": "pw",
                "p2p_dev_public_key": DEVICE_KEY,
                "signForAppData": SIGN,
            },
        }
    )
    source = await resolve_live_source(cloud, camera("isa.camera.unknown"))
    assert (source.vendor, source.call) == ("legacy", "devicepass")
    query = query_of(source)
    assert "vendor" not in source.url  # go2rtc picks its legacy client by the absence of "vendor"
    assert (query["uid"], query["device_public"], query["sign"]) == ("ABCDEFGHIJKLMNOPQRST", DEVICE_KEY, SIGN)
    assert "password" not in query
    (_, _, first), (_, path, second) = cloud.calls
    assert path == DEVICEPASS
    assert second == {"did": "501000001", "toSignAppData": query["client_public"]}
    assert second["toSignAppData"] != first["app_pubkey"]


async def test_known_older_model_asks_devicepass_only_and_may_get_a_password() -> None:
    cloud = FakeCloud(
        {DEVICEPASS: {"p2p_id": "ABCDEFGHIJKLMNOPQRST", "password": "pw", "signForAppData": ""}}
    )
    query = query_of(await resolve_live_source(cloud, camera("chuangmi.camera.xiaobai")))
    assert query == {
        "did": "501000001",
        "model": "chuangmi.camera.xiaobai",
        "uid": "ABCDEFGHIJKLMNOPQRST",
        "password": "pw",
    }
    assert [path for _, path, _ in cloud.calls] == [DEVICEPASS]


async def test_refusals_pass_through() -> None:
    cloud = FakeCloud({MISS_GET_VENDOR: PermissionDeniedError("permission denied", code=-1)})
    with pytest.raises(PermissionDeniedError):
        await resolve_live_source(cloud, camera())


@pytest.mark.parametrize("localip", [None, "", "camera.local", "0.0.0.0"])
async def test_no_local_address_asks_nothing(localip: str | None) -> None:
    cloud = FakeCloud({})
    with pytest.raises(NoLocalAddressError):
        await resolve_live_source(cloud, camera(localip=localip))
    assert cloud.calls == []


def test_ipv6_hosts_are_bracketed() -> None:
    assert lan_host(" fe80::1 ") == "[fe80::1]"
    assert lan_host("10.0.0.7") == "10.0.0.7"


@pytest.mark.parametrize("vendor", [3, 6, 99])
async def test_vendors_go2rtc_cannot_dial(vendor: int) -> None:
    with pytest.raises(UnsupportedVendorError):
        await resolve_live_source(FakeCloud({MISS_GET_VENDOR: miss_answer(vendor)}), camera())


@pytest.mark.parametrize(
    "answer",
    [
        None,
        {"vendor": None},
        {"vendor": {"vendor": "4"}},
        {"vendor": {"vendor": True}},
        {"vendor": {"vendor": 4}, "public_key": "short", "sign": SIGN},
        {"vendor": {"vendor": 4}, "public_key": "zz" * 32, "sign": SIGN},
        {"vendor": {"vendor": 4}, "public_key": DEVICE_KEY, "sign": ""},
        {"vendor": {"vendor": 1, "vendor_params": {}}, "public_key": DEVICE_KEY, "sign": SIGN},
    ],
)
async def test_malformed_answers(answer: Any) -> None:
    with pytest.raises(MalformedResponseError) as raised:
        await resolve_live_source(FakeCloud({MISS_GET_VENDOR: answer}), camera())
    assert DEVICE_KEY not in str(raised.value)
    assert SIGN not in str(raised.value)


async def test_secrets_stay_out_of_reprs() -> None:
    keys = KeyPair.generate()
    assert keys.private not in repr(keys)
    source = await resolve_live_source(FakeCloud({MISS_GET_VENDOR: miss_answer(4)}), camera())
    assert "xiaomi://" not in repr(source)
    assert SIGN not in repr(source)
    assert SIGN not in str(source)
