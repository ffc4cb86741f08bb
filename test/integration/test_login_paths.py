"""Every login path of the config flow against the passport variants of the simulator.

The simulator plays the answers the real passport was seen to give where they differ
from the plain flow (docs/cloud-contract.md, "Login as the real passport answers"),
switched on per test through its config. Every test also switches on its cookie
scopes, so a login cookie sent to a host it does not belong to fails the login.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from homeassistant import config_entries
from homeassistant.config_entries import ConfigEntryState
from homeassistant.data_entry_flow import FlowResultType, InvalidData

from custom_components.xiaomi_camera_share.const import CONF_PASS_TOKEN, CONF_REGIONS, DOMAIN

from .conftest import OWNER, make_entry
from .simulator import Account

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry, ConfigFlowResult
    from homeassistant.core import HomeAssistant

    from .simulator import Simulator, World

CAPTCHA = Account("5000000005", "Erin", "erin-test-password", login_challenge="captcha")
VERIFY = Account(
    "6000000006", "Frank", "frank-test-password", phone="10000000066", login_challenge="verification"
)
PASSPORT = "/account.xiaomi.com"


@pytest.fixture(autouse=True)
async def passport(simulator: Simulator, world: World) -> None:
    """The accounts of these tests, and the real cookie scopes checked on every request."""
    world.add_account(CAPTCHA)
    world.add_account(VERIFY)
    await simulator.seed(world)
    await simulator.config(cookieScopes=True)


async def _start(hass: HomeAssistant, choice: str) -> ConfigFlowResult:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": config_entries.SOURCE_USER})
    assert result["type"] is FlowResultType.MENU
    return await hass.config_entries.flow.async_configure(result["flow_id"], {"next_step_id": choice})


async def _password(hass: HomeAssistant, account: Account, password: str | None = None) -> ConfigFlowResult:
    result = await _start(hass, "password")
    return await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": account.user_id, "password": password or account.password}
    )


async def _finish(hass: HomeAssistant, result: ConfigFlowResult, account: Account) -> ConfigEntry:
    """From the regions step to an entry whose passToken works (it loads)."""
    assert result["step_id"] == "regions", result
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_REGIONS: ["cn"]})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["result"].unique_id == account.user_id
    assert account.password not in str(result["data"])
    await hass.async_block_till_done()
    entry = result["result"]
    assert entry.state is ConfigEntryState.LOADED
    return entry


def _captcha_image(result: ConfigFlowResult) -> str:
    return str((result["description_placeholders"] or {})["captcha_image"])


async def test_qr_is_the_first_way_to_log_in(hass: HomeAssistant, simulator: Simulator) -> None:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": config_entries.SOURCE_USER})
    assert result["menu_options"] == ["qr", "password"]
    entry = await make_entry(simulator, OWNER)
    entry.add_to_hass(hass)
    result = await entry.start_reauth_flow(hass)
    assert result["menu_options"] == ["qr", "password"]


async def test_qr_login_polls_the_host_it_was_given(hass: HomeAssistant, simulator: Simulator) -> None:
    await simulator.config(qrPoll="lp")
    result = await _start(hass, "qr")
    assert result["type"] is FlowResultType.SHOW_PROGRESS
    await simulator.scan_qr(OWNER)
    await hass.async_block_till_done()
    await _finish(hass, await hass.config_entries.flow.async_configure(result["flow_id"]), OWNER)


async def test_qr_login_waits_through_errors(hass: HomeAssistant, simulator: Simulator) -> None:
    """Answers that are neither success nor expiry (here HTTP 503s) are "not yet"."""
    await simulator.fault("status", f"{PASSPORT}/longPolling/lp", status=503, count=2)
    result = await _start(hass, "qr")
    await simulator.faults_hit()
    await simulator.scan_qr(OWNER)
    await hass.async_block_till_done()
    await _finish(hass, await hass.config_entries.flow.async_configure(result["flow_id"]), OWNER)


async def test_wrong_password_that_brings_a_captcha(hass: HomeAssistant, simulator: Simulator) -> None:
    await simulator.config(wrongPasswordCaptcha=True)
    result = await _password(hass, OWNER, "not-the-password")
    flow_id = result["flow_id"]
    # Told the password was wrong, and shown the captcha that came with it.
    assert (result["step_id"], result["errors"]) == ("password_captcha", {"base": "invalid_auth"})
    assert _captcha_image(result).startswith("data:image/png;base64,")
    # The right captcha with a wrong password again: still a wrong password, with a new picture.
    answer = await simulator.latest_code("captcha")
    form = {"username": OWNER.user_id, "password": "still-not-it", "captcha": answer}
    result = await hass.config_entries.flow.async_configure(flow_id, form)
    assert (result["step_id"], result["errors"]) == ("password_captcha", {"base": "invalid_auth"})
    # A wrong captcha is a wrong captcha.
    form = {"username": OWNER.user_id, "password": OWNER.password, "captcha": "00000x"}
    result = await hass.config_entries.flow.async_configure(flow_id, form)
    assert (result["step_id"], result["errors"]) == ("password_captcha", {"captcha": "captcha_wrong"})
    form["captcha"] = await simulator.latest_code("captcha")
    await _finish(hass, await hass.config_entries.flow.async_configure(flow_id, form), OWNER)


async def test_captcha_before_the_password_is_checked(hass: HomeAssistant, simulator: Simulator) -> None:
    result = await _password(hass, CAPTCHA)
    assert result["step_id"] == "captcha"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"captcha": "00000x"})
    assert result["errors"] == {"captcha": "captcha_wrong"}
    answer = await simulator.latest_code("captcha")
    await _finish(
        hass, await hass.config_entries.flow.async_configure(result["flow_id"], {"captcha": answer}), CAPTCHA
    )


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
    answer = await simulator.latest_code("captcha")
    result = await hass.config_entries.flow.async_configure(flow_id, {"captcha": answer})
    assert result["step_id"] == "verification_code"
    assert "*" in result["description_placeholders"]["target"]
    result = await hass.config_entries.flow.async_configure(flow_id, {"code": "000000x"})
    assert result["errors"] == {"code": "verification_code_wrong"}
    code = await simulator.latest_code("verification", VERIFY)
    await _finish(hass, await hass.config_entries.flow.async_configure(flow_id, {"code": code}), VERIFY)


@pytest.mark.parametrize("finish", ["chain", "skip"])
async def test_verification_finish_chain(hass: HomeAssistant, simulator: Simulator, finish: str) -> None:
    await simulator.config(verificationFinish=finish)
    result = await _password(hass, VERIFY)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"method": "email"})
    code = await simulator.latest_code("verification", VERIFY)
    await _finish(
        hass, await hass.config_entries.flow.async_configure(result["flow_id"], {"code": code}), VERIFY
    )


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
    code = await simulator.latest_code("verification", VERIFY)
    await _finish(hass, await hass.config_entries.flow.async_configure(flow_id, {"code": code}), VERIFY)


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
    await simulator.fault("malformed", f"{PASSPORT}/pass/serviceLoginAuth2/end")
    result = await _password(hass, VERIFY)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"method": "phone"})
    code = await simulator.latest_code("verification", VERIFY)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"code": code})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "verification_incomplete"


@pytest.mark.parametrize("rotation", ["body", "cookie"])
async def test_rotated_pass_token_is_kept_in_the_entry(
    hass: HomeAssistant, simulator: Simulator, rotation: str
) -> None:
    entry = await make_entry(simulator, OWNER)
    first = entry.data[CONF_PASS_TOKEN]
    entry.add_to_hass(hass)
    await simulator.config(passTokenRotation=rotation)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    rotated = entry.data[CONF_PASS_TOKEN]
    assert rotated != first
    # The simulator retired the old passToken: loading again works only with the kept one.
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert entry.data[CONF_PASS_TOKEN] not in (first, rotated)
