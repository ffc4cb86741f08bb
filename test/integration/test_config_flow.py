"""Every branch of the config, reauth, reconfigure and options flows, against the simulator's passport."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from homeassistant import config_entries
from homeassistant.config_entries import ConfigEntryState
from homeassistant.data_entry_flow import FlowResultType

from custom_components.xiaomi_camera_share.const import (
    CONF_AUTO_ACCEPT_FROM,
    CONF_PASS_TOKEN,
    CONF_REGIONS,
    CONF_SCAN_INTERVAL,
    DOMAIN,
)

from .conftest import GUEST, GUEST_PHONE, OWNER, add_account, make_entry
from .helpers import advance, requests_made
from .simulator import Account

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigFlowResult
    from homeassistant.core import HomeAssistant
    from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

    from .simulator import Simulator, World

VERIFY = Account(
    "4000000004", "Dave", "dave-test-password", phone="10000000044", login_challenge="verification"
)
PASSPORT = "/account.xiaomi.com"


async def _start(hass: HomeAssistant, choice: str) -> ConfigFlowResult:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": config_entries.SOURCE_USER})
    assert result["type"] is FlowResultType.MENU
    return await hass.config_entries.flow.async_configure(result["flow_id"], {"next_step_id": choice})


async def _shows_qr(simulator: Simulator, result: ConfigFlowResult) -> ConfigFlowResult:
    """The flow waits, showing the QR code the simulator handed out."""
    assert result["type"] is FlowResultType.SHOW_PROGRESS
    [ticket, *_] = await simulator.waiting_qr_codes()
    assert ticket in result["description_placeholders"]["login_url"]
    return result


async def _finish_qr(
    hass: HomeAssistant, simulator: Simulator, result: ConfigFlowResult, scanner: Account | None
) -> ConfigFlowResult:
    """Someone scans the QR code with the Mi Home app (or nobody does); the long poll answers."""
    if scanner is not None:
        await simulator.scan_qr(scanner)
    await hass.async_block_till_done()
    return await hass.config_entries.flow.async_configure(result["flow_id"])


async def test_qr_login_creates_entry_without_password(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    await simulator.seed(world)
    result = await _finish_qr(hass, simulator, await _shows_qr(simulator, await _start(hass, "qr")), OWNER)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "regions"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_REGIONS: ["cn", "de"]})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == f"Alice ({OWNER.user_id})"
    assert result["result"].unique_id == OWNER.user_id
    assert result["data"][CONF_REGIONS] == ["cn", "de"]
    assert result["data"][CONF_PASS_TOKEN].startswith("V1:")
    assert "password" not in result["data"]
    assert OWNER.password not in str(result["data"])
    await hass.async_block_till_done()
    assert result["result"].state is ConfigEntryState.LOADED


async def test_qr_code_expires(hass: HomeAssistant, simulator: Simulator, world: World) -> None:
    await simulator.seed(world)
    result = await _shows_qr(simulator, await _start(hass, "qr"))
    await simulator.advance_clock(301)  # the code lives 300 s on the cloud's clock
    result = await _finish_qr(hass, simulator, result, None)
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "qr_expired"


async def test_qr_cloud_fails_while_waiting(hass: HomeAssistant, simulator: Simulator, world: World) -> None:
    await simulator.seed(world)
    result = await _shows_qr(simulator, await _start(hass, "qr"))
    await simulator.fault("status", f"{PASSPORT}/longPolling/lp", status=503)
    result = await _finish_qr(hass, simulator, result, None)
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "cannot_connect"


async def test_qr_cloud_down_at_start(hass: HomeAssistant, simulator: Simulator) -> None:
    await simulator.fault("status", PASSPORT, status=503)
    result = await _start(hass, "qr")
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "cannot_connect"


async def test_password_login_with_phone(hass: HomeAssistant, simulator: Simulator, world: World) -> None:
    await simulator.seed(world)
    result = await _start(hass, "password")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": GUEST_PHONE, "password": GUEST.password}
    )
    assert result["step_id"] == "regions"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_REGIONS: []})
    assert result["errors"] == {CONF_REGIONS: "no_region"}
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_REGIONS: ["sg"]})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["result"].unique_id == GUEST.user_id


async def test_wrong_password_blocked_and_offline(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    await simulator.seed(world)
    await simulator.config(loginFailureLimit=1)
    result = await _start(hass, "password")
    flow_id = result["flow_id"]
    result = await hass.config_entries.flow.async_configure(
        flow_id, {"username": OWNER.user_id, "password": "wrong"}
    )
    assert result["errors"] == {"base": "invalid_auth"}
    result = await hass.config_entries.flow.async_configure(
        flow_id, {"username": OWNER.user_id, "password": OWNER.password}
    )
    assert result["errors"] == {"base": "login_blocked"}
    await simulator.fault("status", PASSPORT, status=503)
    result = await hass.config_entries.flow.async_configure(
        flow_id, {"username": OWNER.user_id, "password": OWNER.password}
    )
    assert result["errors"] == {"base": "cannot_connect"}


async def test_captcha_then_verification_code(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.add_account(VERIFY)
    await simulator.seed(world)
    await simulator.captcha_next(VERIFY)
    result = await _start(hass, "password")
    flow_id = result["flow_id"]
    result = await hass.config_entries.flow.async_configure(
        flow_id, {"username": VERIFY.user_id, "password": VERIFY.password}
    )
    assert result["step_id"] == "captcha"
    assert result["description_placeholders"]["captcha_image"].startswith("data:image/png;base64,")
    result = await hass.config_entries.flow.async_configure(flow_id, {"captcha": "WRONG"})
    assert result["errors"] == {"captcha": "captcha_wrong"}
    answer = await simulator.latest_code("captcha")  # the picture shown after the wrong answer
    result = await hass.config_entries.flow.async_configure(flow_id, {"captcha": answer})
    assert result["step_id"] == "verification_method"
    result = await hass.config_entries.flow.async_configure(flow_id, {"method": "phone"})
    assert result["step_id"] == "verification_code"
    assert result["description_placeholders"] == {"target": "100****44"}
    result = await hass.config_entries.flow.async_configure(flow_id, {"code": "000000"})
    assert result["errors"] == {"code": "verification_code_wrong"}
    code = await simulator.latest_code("verification", VERIFY)
    result = await hass.config_entries.flow.async_configure(flow_id, {"code": f" {code} "})
    assert result["step_id"] == "regions"


async def test_verification_send_fails(hass: HomeAssistant, simulator: Simulator, world: World) -> None:
    world.add_account(VERIFY)
    await simulator.seed(world)
    result = await _start(hass, "password")
    flow_id = result["flow_id"]
    result = await hass.config_entries.flow.async_configure(
        flow_id, {"username": VERIFY.user_id, "password": VERIFY.password}
    )
    assert result["step_id"] == "verification_method"
    await simulator.fault("status", f"{PASSPORT}/identity/auth/sendEmailTicket", status=503)
    result = await hass.config_entries.flow.async_configure(flow_id, {"method": "email"})
    assert result["errors"] == {"base": "cannot_connect"}


async def test_duplicate_account_aborts(hass: HomeAssistant, simulator: Simulator, world: World) -> None:
    await simulator.seed(world)
    (await make_entry(simulator, OWNER)).add_to_hass(hass)
    result = await _finish_qr(hass, simulator, await _shows_qr(simulator, await _start(hass, "qr")), OWNER)
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_nickname_lookup_failure_keeps_id_as_title(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    await simulator.seed(world)
    result = await _finish_qr(hass, simulator, await _shows_qr(simulator, await _start(hass, "qr")), OWNER)
    await simulator.fault("status", "/home/profile", status=503, count=1)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_REGIONS: ["cn"]})
    assert result["title"] == OWNER.user_id


async def test_reauth_updates_token_and_refuses_other_account(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    await simulator.seed(world)
    entry = await make_entry(simulator, OWNER)
    entry.add_to_hass(hass)
    old_token = entry.data[CONF_PASS_TOKEN]
    await simulator.revoke_pass_tokens(OWNER)
    result = await entry.start_reauth_flow(hass)
    assert result["type"] is FlowResultType.MENU
    assert result["step_id"] == "reauth_confirm"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"next_step_id": "qr"})
    result = await _finish_qr(hass, simulator, await _shows_qr(simulator, result), GUEST)
    assert result["reason"] == "wrong_account"

    result = await entry.start_reauth_flow(hass)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"next_step_id": "password"})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": OWNER.user_id, "password": OWNER.password}
    )
    assert result["reason"] == "reauth_successful"
    assert entry.data[CONF_PASS_TOKEN] != old_token
    assert len(hass.config_entries.async_entries(DOMAIN)) == 1
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED  # the new passToken works


async def test_reconfigure_regions(hass: HomeAssistant, simulator: Simulator, world: World) -> None:
    await simulator.seed(world)
    entry = await add_account(hass, simulator, OWNER)
    result = await entry.start_reconfigure_flow(hass)
    assert result["step_id"] == "reconfigure"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_REGIONS: []})
    assert result["errors"] == {CONF_REGIONS: "no_region"}
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_REGIONS: ["cn", "us"]})
    assert result["reason"] == "reconfigure_successful"
    assert entry.data[CONF_REGIONS] == ["cn", "us"]


async def test_options(hass: HomeAssistant, simulator: Simulator, world: World) -> None:
    await simulator.seed(world)
    entry = await add_account(hass, simulator, OWNER)
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_SCAN_INTERVAL: 10, CONF_AUTO_ACCEPT_FROM: ["abc"]}
    )
    assert result["errors"] == {CONF_AUTO_ACCEPT_FROM: "invalid_xiaomi_id"}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_SCAN_INTERVAL: 10, CONF_AUTO_ACCEPT_FROM: [f" {GUEST.user_id} ", ""]}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options == {CONF_SCAN_INTERVAL: 10, CONF_AUTO_ACCEPT_FROM: [GUEST.user_id]}


async def test_options_change_the_refresh_interval(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_client: ClientSessionGenerator
) -> None:
    await simulator.seed(world)
    entry = await add_account(hass, simulator, OWNER)
    result = await hass.config_entries.options.async_init(entry.entry_id)
    await hass.config_entries.options.async_configure(result["flow_id"], {CONF_SCAN_INTERVAL: 10})
    await hass.async_block_till_done()  # the entry reloads with the new options
    assert entry.state is ConfigEntryState.LOADED
    before = await requests_made(hass, hass_client, entry)
    await advance(hass, timedelta(minutes=6))
    assert await requests_made(hass, hass_client, entry) == before
    await advance(hass, timedelta(minutes=11))
    assert await requests_made(hass, hass_client, entry) > before
