"""The simulator's answers against the real ones users posted (test/vectors/real/).

Per situation, the simulator must send every key that most real answers of that
situation carry (some posts are older or printed by tools that drop fields), each
with a JSON type a real answer had (a real ``null`` says nothing about the type).
Where the simulator does not yet play the real shape, the difference is listed in
KNOWN_GAPS; that list must stay exact, so a gap that is closed is taken off it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from custom_components.xiaomi_camera_share.cloud.auth import password_hash
from custom_components.xiaomi_camera_share.cloud.passport import JSON_PREFIX
from custom_components.xiaomi_camera_share.cloud.regions import Region

from .seed import CAPTCHA, OWNER, VERIFY, SeedAccount

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    import aiohttp

    from custom_components.xiaomi_camera_share.cloud.client import XiaomiCloudClient

    from .conftest import Control

VECTORS_DIR = Path(__file__).parents[1] / "vectors" / "real"
VECTORS = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(VECTORS_DIR.glob("*.json"))]

# Keys most real answers carry that the simulator leaves out, and keys whose
# type differs, per situation. The passport's are for whoever works on
# simulator/src/protocol/passport*.ts.
KNOWN_GAPS: dict[str, set[str]] = {
    "service-login-without-pass-token": {
        "captchaUrl",
        "child",
        "description",
        "pwd",
        "result",
        "securityStatus",
        "serviceParam",
    },
    "login-wrong-password": {
        "_sign",
        "callback",
        "captchaUrl",
        "child",
        "description",
        "location",
        "pwd",
        "qs",
        "result",
        "securityStatus",
        "sid",
    },
    "login-captcha": {
        "_sign",
        "callback",
        "child",
        "description",
        "location",
        "pwd",
        "qs",
        "result",
        "securityStatus",
        "sid",
    },
    "login-verification": {"captchaUrl", "child", "desc", "description", "location", "pwd", "result"},
    "app-auth-error": set(),
    "device-list-item": set(),
}


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def differences(real: list[dict[str, Any]], simulated: list[dict[str, Any]]) -> set[str]:
    """Keys most real answers carry that some simulated one lacks or types otherwise."""
    assert real
    assert simulated
    types: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for answer in real:
        for key, value in answer.items():
            types.setdefault(key, set()).add(json_type(value))
            counts[key] = counts.get(key, 0) + 1
    usual = {key for key, count in counts.items() if count * 2 > len(real)}
    found = set()
    for answer in simulated:
        found |= usual - set(answer)
        for key, value in answer.items():
            seen = types.get(key, set()) - {"null"}
            if seen and value is not None and json_type(value) not in seen:
                found.add(key)
    return found


def passport_json(text: str) -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(text.strip().removeprefix(JSON_PREFIX))
    return payload


class SimulatedAnswers:
    """What the simulator answers in each situation of the real vectors."""

    def __init__(
        self,
        http: aiohttp.ClientSession,
        base_url: str,
        client_of: Callable[[SeedAccount], Awaitable[XiaomiCloudClient]],
    ) -> None:
        self._http = http
        self._account = f"{base_url}/account.xiaomi.com"
        self._base = base_url
        self._client_of = client_of

    async def service_login(self) -> dict[str, Any]:
        url = f"{self._account}/pass/serviceLogin?sid=xiaomiio&_json=true"
        async with self._http.get(url) as response:
            return passport_json(await response.text())

    async def login(self, account: SeedAccount, password: str) -> dict[str, Any]:
        sign = await self.service_login()
        form = {
            "user": account.login,
            "hash": password_hash(password),
            **{key: str(sign[key]) for key in ("sid", "callback", "qs", "_sign")},
            "_json": "true",
        }
        async with self._http.post(f"{self._account}/pass/serviceLoginAuth2", data=form) as response:
            return passport_json(await response.text())

    async def auth_error(self) -> dict[str, Any]:
        url = f"{self._base}/api.io.mi.com/app/v2/home/device_list_page"
        cookies = {"userId": OWNER.user_id, "serviceToken": "made-up-and-unknown"}
        form = {"data": "x", "rc4_hash__": "x", "signature": "x", "_nonce": "x"}
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
        async with self._http.post(url, data=form, headers=headers) as response:
            assert response.status == 401
            payload: dict[str, Any] = json.loads(await response.text())
            return payload

    async def device_items(self) -> list[dict[str, Any]]:
        client = await self._client_of(OWNER)
        result = await client._call(Region.CN, "/v2/home/device_list_page", {"limit": 200, "start_did": ""})
        items: list[dict[str, Any]] = result["list"]
        return items

    async def answers(self, situation: str) -> list[dict[str, Any]]:
        if situation == "service-login-without-pass-token":
            return [await self.service_login()]
        if situation == "login-wrong-password":
            return [await self.login(OWNER, "not-the-password")]
        if situation == "login-captcha":
            return [await self.login(CAPTCHA, CAPTCHA.password)]
        if situation == "login-verification":
            return [await self.login(VERIFY, VERIFY.password)]
        if situation == "app-auth-error":
            return [await self.auth_error()]
        assert situation == "device-list-item"
        return await self.device_items()


def real_answers(situation: str) -> list[dict[str, Any]]:
    answers: list[dict[str, Any]] = []
    for vector in VECTORS:
        if vector["situation"] == situation:
            body = vector["body"]
            answers.extend(body if isinstance(body, list) else [body])
    return answers


@pytest.mark.parametrize("situation", sorted(KNOWN_GAPS))
async def test_simulator_answers_have_the_real_keys_and_types(
    situation: str,
    http: aiohttp.ClientSession,
    simulator_url: str,
    control: Control,
    client_of: Callable[[SeedAccount], Awaitable[XiaomiCloudClient]],
) -> None:
    simulated = await SimulatedAnswers(http, simulator_url, client_of).answers(situation)
    assert differences(real_answers(situation), simulated) == KNOWN_GAPS[situation]


def test_every_situation_of_the_vectors_is_compared() -> None:
    assert {vector["situation"] for vector in VECTORS} == set(KNOWN_GAPS)
