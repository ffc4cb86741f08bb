"""The client reads every real answer users posted publicly (test/vectors/real/).

Each vector is one anonymized body with its source; ``situation`` says what it
answered and ``expect`` what the client must make of it. Passport bodies are
served by the fake passport in place of its own answer (with the ``&&&START&&&``
prefix the cloud always sends; some posts show it stripped by the tool that
printed them), app API bodies by the fake app API.
"""

from __future__ import annotations

import ipaddress
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from aiohttp import web
from multidict import CIMultiDict, CIMultiDictProxy

from custom_components.xiaomi_camera_share.cloud.auth import XiaomiAuth
from custom_components.xiaomi_camera_share.cloud.errors import AuthExpiredError, InvalidCredentialsError
from custom_components.xiaomi_camera_share.cloud.models import (
    CaptchaChallenge,
    Credentials,
    VerificationChallenge,
)
from custom_components.xiaomi_camera_share.cloud.passport import parse_passport_json, passport_code
from custom_components.xiaomi_camera_share.cloud.regions import Region
from custom_components.xiaomi_camera_share.cloud.transport import HttpReply

from .fake_xiaomi import (
    C_USER_ID,
    PASS_TOKEN,
    PASSWORD,
    PREFIX,
    SSECURITY,
    TEST_TIMEOUTS,
    USER,
    USER_ID,
    FakeXiaomi,
    passport_json,
)

if TYPE_CHECKING:
    import aiohttp

    from custom_components.xiaomi_camera_share.cloud.client import XiaomiCloudClient
    from custom_components.xiaomi_camera_share.cloud.regions import Endpoints

VECTORS_DIR = Path(__file__).parents[1] / "vectors" / "real"


def load_vectors() -> dict[str, dict[str, Any]]:
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(VECTORS_DIR.glob("*.json"))
    }


VECTORS = load_vectors()
PASSPORT = {name: v for name, v in VECTORS.items() if v["endpoint"].split()[1].startswith("account.")}
APP = {name: v for name, v in VECTORS.items() if name not in PASSPORT}


def passport_text(vector: dict[str, Any]) -> str:
    return PREFIX + json.dumps(vector["body"], ensure_ascii=False)


def test_there_are_vectors_of_every_kind() -> None:
    situations = {vector["situation"] for vector in VECTORS.values()}
    assert situations == {
        "service-login-without-pass-token",
        "login-wrong-password",
        "login-captcha",
        "login-verification",
        "app-auth-error",
        "device-list-item",
    }


@pytest.mark.parametrize("name", sorted(VECTORS))
def test_every_vector_names_its_source_and_is_anonymized(name: str) -> None:
    vector = VECTORS[name]
    source = vector["_source"]
    assert source["url"].startswith("https://github.com/")
    assert all(source[key] for key in ("posted", "where", "changes"))
    text = json.dumps(vector["body"], ensure_ascii=False)
    for address in re.findall(r"\b\d{1,3}(?:\.\d{1,3}){3}\b", text):
        assert ipaddress.ip_address(address) in ipaddress.ip_network("192.0.2.0/24"), address
    for mac in re.findall(r"\b[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}\b", text):
        assert mac.upper().startswith("02:00:00:00:"), mac


@pytest.mark.parametrize("name", sorted(PASSPORT))
def test_passport_bodies_parse_with_and_without_the_prefix(name: str) -> None:
    vector = PASSPORT[name]
    for text in (passport_text(vector), json.dumps(vector["body"])):
        reply = HttpReply(status=200, url="", body=text.encode(), headers=CIMultiDictProxy(CIMultiDict()))
        payload = parse_passport_json(reply)
        assert payload == vector["body"]
        assert isinstance(passport_code(payload), int)


@pytest.fixture
def auth(http: aiohttp.ClientSession, endpoints: Endpoints) -> XiaomiAuth:
    return XiaomiAuth(http, endpoints, device_id="madeupdevice0001", timeouts=TEST_TIMEOUTS)


def answer_with(vector: dict[str, Any]) -> Any:
    async def handler(request: web.Request) -> web.StreamResponse:
        return web.Response(text=passport_text(vector), content_type="application/json")

    return handler


@pytest.mark.parametrize("name", sorted(PASSPORT))
async def test_the_login_reads_each_passport_answer(name: str, auth: XiaomiAuth, fake: FakeXiaomi) -> None:
    vector = PASSPORT[name]
    situation, body = vector["situation"], vector["body"]
    step2_forms: list[dict[str, str]] = []

    async def logged_in(request: web.Request) -> web.StreamResponse:
        step2_forms.append({key: str(value) for key, value in (await request.post()).items()})
        return passport_json(
            {
                "code": 0,
                "ssecurity": SSECURITY,
                "userId": int(USER_ID),
                "cUserId": C_USER_ID,
                "passToken": PASS_TOKEN,
                "location": "https://sts.api.io.mi.com/sts?sign=made-up",
            }
        )

    async def identity_list(request: web.Request) -> web.StreamResponse:
        response = passport_json({"code": 0, "flag": 4, "options": [4, 8]})
        response.set_cookie("identity_session", "made-up-identity")
        return response

    # The fake's own handlers are looked up on the instance for every request.
    if situation == "service-login-without-pass-token":
        fake._service_login = answer_with(vector)  # type: ignore[method-assign]
        fake._login_auth2 = logged_in  # type: ignore[method-assign]
    else:
        fake._login_auth2 = answer_with(vector)  # type: ignore[method-assign]
        fake._identity_list = identity_list  # type: ignore[method-assign]

    outcome = vector["expect"].get("outcome")
    if outcome == "invalid_credentials":
        with pytest.raises(InvalidCredentialsError):
            await auth.login_with_password(USER, PASSWORD)
        return
    step = await auth.login_with_password(USER, PASSWORD)
    if situation == "service-login-without-pass-token":
        assert isinstance(step, Credentials)
        (form,) = step2_forms
        assert {key: form[key] for key in vector["expect"]["step2_form_from"]} == {
            key: body[key] for key in vector["expect"]["step2_form_from"]
        }
    elif outcome == "captcha":
        assert isinstance(step, CaptchaChallenge)
        captcha_request = fake.passport_requests[-1]
        assert captcha_request.path.endswith("/pass/getCode")
        assert captcha_request.query_string == body["captchaUrl"].partition("?")[2]
    else:
        assert outcome == "verification"
        assert isinstance(step, VerificationChallenge)
        identity_request = fake.passport_requests[-1]
        assert identity_request.path.endswith("/identity/list")
        expected_query = body["notificationUrl"].partition("?")[2]
        assert identity_request.query_string == expected_query


@pytest.mark.parametrize("status", [200, 401])
@pytest.mark.parametrize("name", sorted(n for n, v in APP.items() if v["situation"] == "app-auth-error"))
async def test_the_client_reads_each_auth_error(
    name: str, status: int, client: XiaomiCloudClient, fake: FakeXiaomi
) -> None:
    """The HTTP status was not posted: either way the token is given up after one new one."""
    body = APP[name]["body"]
    fake.handlers["/v2/home/device_list_page"] = lambda data, host: web.json_response(body, status=status)
    with pytest.raises(AuthExpiredError):
        await client.get_devices(Region.CN)
    assert fake.service_token_counter == 2


@pytest.mark.parametrize("name", sorted(n for n, v in APP.items() if v["situation"] == "device-list-item"))
async def test_the_client_reads_each_device_item(
    name: str, client: XiaomiCloudClient, fake: FakeXiaomi
) -> None:
    vector = APP[name]
    fake.handlers["/v2/home/device_list_page"] = lambda data, host: {
        "code": 0,
        "message": "ok",
        "result": {"list": vector["body"], "has_more": False},
    }
    devices = await client.get_devices(Region.CN)
    found = [
        {
            "did": device.did,
            "pid": device.pid,
            "owned": device.is_owned,
            "camera": device.is_camera,
            "shared_via_home": device.shared_via_home,
            "mac": device.mac,
        }
        for device in devices
    ]
    assert found == vector["expect"]["devices"]
    assert [device.name for device in devices] == [item["name"] for item in vector["body"]]
