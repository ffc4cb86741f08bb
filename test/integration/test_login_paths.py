"""Every login path of the config flow, with the real client against the real simulator.

Nothing is patched in: the development override (CLOUD_OVERRIDE_ENV) points the
integration's own client at the simulator, and the simulator plays the passport
variants the real cloud was seen to answer with (docs/simulator.md). Every test runs
with the simulator's cookie scopes on, so a login cookie sent to a host it does not
belong to fails the login.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import aiohttp
import pytest
from homeassistant import config_entries
from homeassistant.config_entries import ConfigEntryState
from homeassistant.data_entry_flow import FlowResultType, InvalidData
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.xiaomi_camera_share.cloud.auth import XiaomiAuth
from custom_components.xiaomi_camera_share.cloud.models import Credentials
from custom_components.xiaomi_camera_share.cloud.regions import CLOUD_OVERRIDE_ENV, Endpoints
from custom_components.xiaomi_camera_share.config_flow import credentials_data
from custom_components.xiaomi_camera_share.const import (
    CONF_NICKNAME,
    CONF_PASS_TOKEN,
    CONF_REGIONS,
    DOMAIN,
)

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from homeassistant.config_entries import ConfigFlowResult
    from homeassistant.core import HomeAssistant

SIMULATOR_URL_ENV = "XIAOMI_CAMERA_SHARE_SIMULATOR_URL"


@dataclass(frozen=True)
class SeedAccount:
    """A made-up account of the simulator's seed world (docs/simulator.md)."""

    user_id: str
    login: str
    password: str


OWNER = SeedAccount("1100000001", "owner@example.com", "owner-demo-password")
FAMILY = SeedAccount("1100000002", "family@example.com", "family-demo-password")
CAPTCHA = SeedAccount("1100000005", "captcha@example.com", "captcha-demo-password")
VERIFY = SeedAccount("1100000006", "verify@example.com", "verify-demo-password")


class Simulator:
    """The simulator's control surface."""

    def __init__(self, http: aiohttp.ClientSession, url: str) -> None:
        self._http = http
        self.url = url

    async def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        payload_in = None if method == "GET" else (body or {})
        async with self._http.request(method, f"{self.url}/_control{path}", json=payload_in) as response:
            payload = await response.json(content_type=None)
            assert response.status == 200, f"control {method} {path}: {payload}"
            return payload

    async def config(self, **settings: Any) -> None:
        await self.call("POST", "/config", settings)

    async def latest(self, kind: str, user_id: str | None = None) -> str:
        """The latest captcha answer or verification code the simulator "sent"."""
        query = f"?kind={kind}" + (f"&userId={user_id}" if user_id else "")
        return str((await self.call("GET", f"/outbox{query}"))[-1]["code"])

    async def login(self, account: SeedAccount) -> Credentials:
        """A passToken from a password login, as a config entry keeps it."""
        step = await XiaomiAuth(self._http, Endpoints(override=self.url)).login_with_password(
            account.login, account.password
        )
        assert isinstance(step, Credentials)
        return step


@pytest.fixture(autouse=True)
def patch_cloud() -> None:
    """This file runs the integration's real client: nothing is patched in."""


@pytest.fixture
async def simulator(socket_enabled: None, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Simulator]:
    """The simulator, reset to its seed with cookie scopes on; the integration pointed at it."""
    url = os.environ.get(SIMULATOR_URL_ENV, "").rstrip("/")
    if not url:
        pytest.fail(f"{SIMULATOR_URL_ENV} is not set: start the simulator and pass its base URL")
    monkeypatch.setenv(CLOUD_OVERRIDE_ENV, url)
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as http:
        control = Simulator(http, url)
        await control.call("POST", "/reset")
        await control.config(cookieScopes=True, qrHoldSeconds=0.2)
        yield control
        await control.call("POST", "/reset")


async def _start(hass: HomeAssistant, choice: str) -> ConfigFlowResult:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": config_entries.SOURCE_USER})
    assert result["type"] is FlowResultType.MENU
    return await hass.config_entries.flow.async_configure(result["flow_id"], {"next_step_id": choice})


async def _password(
    hass: HomeAssistant, account: SeedAccount, password: str | None = None
) -> ConfigFlowResult:
    result = await _start(hass, "password")
    return await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": account.login, "password": password or account.password}
    )


async def _finish(
    hass: HomeAssistant, result: ConfigFlowResult, account: SeedAccount
) -> config_entries.ConfigEntry:
    """From the regions step to an entry whose passToken works (it loads)."""
    assert result["step_id"] == "regions", result
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_REGIONS: ["cn"]})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["result"].unique_id == account.user_id
    assert "password" not in result["data"]
    await hass.async_block_till_done()
    entry = result["result"]
    assert isinstance(entry, config_entries.ConfigEntry)
    assert entry.state is ConfigEntryState.LOADED
    return entry


def _captcha_image(result: ConfigFlowResult) -> str:
    placeholders = result["description_placeholders"] or {}
    return str(placeholders["captcha_image"])


async def test_qr_is_the_first_way_to_log_in(hass: HomeAssistant, simulator: Simulator) -> None:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": config_entries.SOURCE_USER})
    assert result["menu_options"] == ["qr", "password"]
    entry = MockConfigEntry(domain=DOMAIN, unique_id=OWNER.user_id, data={})
    entry.add_to_hass(hass)
    result = await entry.start_reauth_flow(hass)
    assert result["menu_options"] == ["qr", "password"]


async def test_qr_login_polls_the_host_it_was_given(hass: HomeAssistant, simulator: Simulator) -> None:
    await simulator.config(qrPoll="lp")
    result = await _start(hass, "qr")
    assert result["type"] is FlowResultType.SHOW_PROGRESS
    assert result["description_placeholders"]["login_url"].startswith("https://account.xiaomi.com/")
    await simulator.call("POST", "/qr/scan", {"userId": FAMILY.user_id})
    await hass.async_block_till_done()
    result = await hass.config_entries.flow.async_configure(result["flow_id"])
    await _finish(hass, result, FAMILY)


async def test_qr_code_expires(hass: HomeAssistant, simulator: Simulator) -> None:
    await simulator.config(qrPoll="lp")
    result = await _start(hass, "qr")
    await simulator.call("POST", "/clock/advance", {"seconds": 301})
    await hass.async_block_till_done()
    result = await hass.config_entries.flow.async_configure(result["flow_id"])
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "qr_expired"


async def test_wrong_password_that_brings_a_captcha(hass: HomeAssistant, simulator: Simulator) -> None:
    await simulator.config(wrongPasswordCaptcha=True)
    result = await _password(hass, OWNER, "not-the-password")
    flow_id = result["flow_id"]
    # Told the password was wrong, and shown the captcha that came with it.
    assert result["step_id"] == "password_captcha"
    assert result["errors"] == {"base": "invalid_auth"}
    assert _captcha_image(result).startswith("data:image/png;base64,")
    # The right captcha with a wrong password again: still a wrong password, with a new picture.
    answer = await simulator.latest("captcha")
    result = await hass.config_entries.flow.async_configure(
        flow_id, {"username": OWNER.login, "password": "still-not-it", "captcha": answer}
    )
    assert (result["step_id"], result["errors"]) == ("password_captcha", {"base": "invalid_auth"})
    # A wrong captcha is a wrong captcha.
    result = await hass.config_entries.flow.async_configure(
        flow_id, {"username": OWNER.login, "password": OWNER.password, "captcha": "00000x"}
    )
    assert (result["step_id"], result["errors"]) == ("password_captcha", {"captcha": "captcha_wrong"})
    result = await hass.config_entries.flow.async_configure(
        flow_id,
        {"username": OWNER.login, "password": OWNER.password, "captcha": await simulator.latest("captcha")},
    )
    entry = await _finish(hass, result, OWNER)
    assert entry.data[CONF_NICKNAME] == "Demo Owner"


async def test_captcha_before_the_password_is_checked(hass: HomeAssistant, simulator: Simulator) -> None:
    result = await _password(hass, CAPTCHA)
    assert result["step_id"] == "captcha"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"captcha": "00000x"})
    assert result["errors"] == {"captcha": "captcha_wrong"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"captcha": await simulator.latest("captcha")}
    )
    await _finish(hass, result, CAPTCHA)


async def test_verification_as_the_real_passport_asks(hass: HomeAssistant, simulator: Simulator) -> None:
    """securityStatus marks it, a captcha comes before the code, the finish passes a Tips page."""
    await simulator.config(
        verificationMarker="securityStatus", sendTicketCaptcha=True, verificationFinish="tips"
    )
    result = await _password(hass, VERIFY)
    flow_id = result["flow_id"]
    assert result["step_id"] == "verification_method"
    result = await hass.config_entries.flow.async_configure(flow_id, {"method": "phone"})
    assert result["step_id"] == "verification_captcha"
    assert _captcha_image(result).startswith("data:image/png;base64,")
    result = await hass.config_entries.flow.async_configure(flow_id, {"captcha": "00000x"})
    assert (result["step_id"], result["errors"]) == ("verification_captcha", {"captcha": "captcha_wrong"})
    result = await hass.config_entries.flow.async_configure(
        flow_id, {"captcha": await simulator.latest("captcha")}
    )
    assert result["step_id"] == "verification_code"
    assert "*" in result["description_placeholders"]["target"]
    result = await hass.config_entries.flow.async_configure(flow_id, {"code": "000000x"})
    assert result["errors"] == {"code": "verification_code_wrong"}
    code = await simulator.latest("verification", VERIFY.user_id)
    result = await hass.config_entries.flow.async_configure(flow_id, {"code": code})
    await _finish(hass, result, VERIFY)


@pytest.mark.parametrize("finish", ["chain", "skip"])
async def test_verification_finish_chain(hass: HomeAssistant, simulator: Simulator, finish: str) -> None:
    await simulator.config(verificationFinish=finish)
    result = await _password(hass, VERIFY)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"method": "email"})
    code = await simulator.latest("verification", VERIFY.user_id)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"code": code})
    await _finish(hass, result, VERIFY)


async def test_verification_way_refused(hass: HomeAssistant, simulator: Simulator) -> None:
    await simulator.config(identityNarrowsOptions=True)
    result = await _password(hass, VERIFY)
    flow_id = result["flow_id"]
    result = await hass.config_entries.flow.async_configure(flow_id, {"method": "email"})
    assert (result["step_id"], result["errors"]) == (
        "verification_method",
        {"base": "verification_method_refused"},
    )
    # Only the way the identity check named is offered now.
    with pytest.raises(InvalidData, match="method"):
        await hass.config_entries.flow.async_configure(flow_id, {"method": "email"})
    result = await hass.config_entries.flow.async_configure(flow_id, {"method": "phone"})
    assert result["step_id"] == "verification_code"
    code = await simulator.latest("verification", VERIFY.user_id)
    result = await hass.config_entries.flow.async_configure(flow_id, {"code": code})
    await _finish(hass, result, VERIFY)


async def test_verification_code_limit(hass: HomeAssistant, simulator: Simulator) -> None:
    await simulator.config(codeSendLimit=1)
    result = await _password(hass, VERIFY)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"method": "phone"})
    assert result["step_id"] == "verification_code"
    # A second login the same day: no more codes.
    result = await _password(hass, VERIFY)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"method": "phone"})
    assert (result["step_id"], result["errors"]) == ("verification_method", {"base": "verification_limit"})


async def test_verification_that_ends_without_a_login(hass: HomeAssistant, simulator: Simulator) -> None:
    await simulator.config(verificationFinish="chain")
    await simulator.call(
        "POST", "/faults", {"kind": "malformed", "path": "/account.xiaomi.com/pass/serviceLoginAuth2/end"}
    )
    result = await _password(hass, VERIFY)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"method": "phone"})
    code = await simulator.latest("verification", VERIFY.user_id)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"code": code})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "verification_incomplete"


@pytest.mark.parametrize("rotation", ["body", "cookie"])
async def test_rotated_pass_token_is_kept_in_the_entry(
    hass: HomeAssistant, simulator: Simulator, rotation: str
) -> None:
    credentials = await simulator.login(OWNER)
    entry = MockConfigEntry(
        domain=DOMAIN,
        unique_id=OWNER.user_id,
        title=OWNER.user_id,
        data={**credentials_data(credentials), CONF_REGIONS: ["cn"], CONF_NICKNAME: "Demo Owner"},
    )
    entry.add_to_hass(hass)
    await simulator.config(passTokenRotation=rotation)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    rotated = entry.data[CONF_PASS_TOKEN]
    assert rotated != credentials.pass_token
    # The simulator retired the old passToken: loading again works only with the kept one.
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert entry.data[CONF_PASS_TOKEN] not in (credentials.pass_token, rotated)
