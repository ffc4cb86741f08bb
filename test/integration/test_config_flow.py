"""Every branch of the config, reauth, reconfigure and options flows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant import config_entries
from homeassistant.data_entry_flow import FlowResultType

from custom_components.xiaomi_camera_share.cloud.errors import CloudConnectionError, QrLoginTimeoutError
from custom_components.xiaomi_camera_share.const import (
    CONF_AUTO_ACCEPT_FROM,
    CONF_PASS_TOKEN,
    CONF_REGIONS,
    CONF_SCAN_INTERVAL,
    DOMAIN,
)

from .conftest import GUEST, GUEST_PHONE, OWNER, make_entry, setup_entry
from .fake_cloud import CAPTCHA_ANSWER, VERIFICATION_CODE, FakeCloud

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigFlowResult
    from homeassistant.core import HomeAssistant

PASSWORD = "not-a-real-password"


async def _start(hass: HomeAssistant, choice: str) -> ConfigFlowResult:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": config_entries.SOURCE_USER})
    assert result["type"] is FlowResultType.MENU
    return await hass.config_entries.flow.async_configure(result["flow_id"], {"next_step_id": choice})


async def _finish_qr(hass: HomeAssistant, cloud: FakeCloud, result: ConfigFlowResult) -> ConfigFlowResult:
    assert result["type"] is FlowResultType.SHOW_PROGRESS
    assert result["description_placeholders"]["login_url"] == "https://example.invalid/qr"
    cloud.qr_scanned.set()
    await hass.async_block_till_done()
    return await hass.config_entries.flow.async_configure(result["flow_id"])


async def test_qr_login_creates_entry_without_password(hass: HomeAssistant, cloud: FakeCloud) -> None:
    cloud.qr_result = OWNER
    result = await _finish_qr(hass, cloud, await _start(hass, "qr"))
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "regions"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_REGIONS: ["cn", "de"]})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == f"Alice ({OWNER})"
    assert result["result"].unique_id == OWNER
    assert result["data"][CONF_REGIONS] == ["cn", "de"]
    assert result["data"][CONF_PASS_TOKEN] == f"pt-{OWNER}"
    assert "password" not in result["data"]


async def test_qr_code_expires(hass: HomeAssistant, cloud: FakeCloud) -> None:
    cloud.qr_result = QrLoginTimeoutError("expired")
    result = await _finish_qr(hass, cloud, await _start(hass, "qr"))
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "qr_expired"


async def test_qr_cloud_fails_while_waiting(hass: HomeAssistant, cloud: FakeCloud) -> None:
    cloud.qr_result = CloudConnectionError("down")
    result = await _finish_qr(hass, cloud, await _start(hass, "qr"))
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "cannot_connect"


async def test_qr_cloud_down_at_start(hass: HomeAssistant, cloud: FakeCloud) -> None:
    cloud.failing = True
    result = await _start(hass, "qr")
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "cannot_connect"


async def test_password_login_with_phone(hass: HomeAssistant, cloud: FakeCloud) -> None:
    result = await _start(hass, "password")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": GUEST_PHONE, "password": PASSWORD}
    )
    assert result["step_id"] == "regions"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_REGIONS: []})
    assert result["errors"] == {CONF_REGIONS: "no_region"}
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_REGIONS: ["sg"]})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["result"].unique_id == GUEST


async def test_wrong_password_blocked_and_offline(hass: HomeAssistant, cloud: FakeCloud) -> None:
    result = await _start(hass, "password")
    flow_id = result["flow_id"]
    result = await hass.config_entries.flow.async_configure(flow_id, {"username": OWNER, "password": "wrong"})
    assert result["errors"] == {"base": "invalid_auth"}
    cloud.blocked = True
    result = await hass.config_entries.flow.async_configure(
        flow_id, {"username": OWNER, "password": PASSWORD}
    )
    assert result["errors"] == {"base": "login_blocked"}
    cloud.blocked = False
    cloud.failing = True
    result = await hass.config_entries.flow.async_configure(
        flow_id, {"username": OWNER, "password": PASSWORD}
    )
    assert result["errors"] == {"base": "cannot_connect"}


async def test_captcha_then_verification_code(hass: HomeAssistant, cloud: FakeCloud) -> None:
    cloud.require_captcha = True
    cloud.require_verification = True
    result = await _start(hass, "password")
    flow_id = result["flow_id"]
    result = await hass.config_entries.flow.async_configure(
        flow_id, {"username": OWNER, "password": PASSWORD}
    )
    assert result["step_id"] == "captcha"
    assert result["description_placeholders"]["captcha_image"].startswith("data:image/png;base64,")
    result = await hass.config_entries.flow.async_configure(flow_id, {"captcha": "WRONG"})
    assert result["errors"] == {"captcha": "captcha_wrong"}
    result = await hass.config_entries.flow.async_configure(flow_id, {"captcha": CAPTCHA_ANSWER})
    assert result["step_id"] == "verification_method"
    result = await hass.config_entries.flow.async_configure(flow_id, {"method": "phone"})
    assert result["step_id"] == "verification_code"
    assert result["description_placeholders"] == {"target": "1**********9"}
    result = await hass.config_entries.flow.async_configure(flow_id, {"code": "000000"})
    assert result["errors"] == {"code": "verification_code_wrong"}
    result = await hass.config_entries.flow.async_configure(flow_id, {"code": f" {VERIFICATION_CODE} "})
    assert result["step_id"] == "regions"


async def test_verification_send_fails(hass: HomeAssistant, cloud: FakeCloud) -> None:
    cloud.require_verification = True
    result = await _start(hass, "password")
    flow_id = result["flow_id"]
    result = await hass.config_entries.flow.async_configure(
        flow_id, {"username": OWNER, "password": PASSWORD}
    )
    cloud.failing = True
    result = await hass.config_entries.flow.async_configure(flow_id, {"method": "email"})
    assert result["errors"] == {"base": "cannot_connect"}


async def test_duplicate_account_aborts(hass: HomeAssistant, cloud: FakeCloud) -> None:
    make_entry(OWNER).add_to_hass(hass)
    cloud.qr_result = OWNER
    result = await _finish_qr(hass, cloud, await _start(hass, "qr"))
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_nickname_lookup_failure_keeps_id_as_title(hass: HomeAssistant, cloud: FakeCloud) -> None:
    cloud.qr_result = OWNER
    cloud.failing_calls.add("lookup_user")
    result = await _finish_qr(hass, cloud, await _start(hass, "qr"))
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_REGIONS: ["cn"]})
    assert result["title"] == OWNER


async def test_reauth_updates_token_and_refuses_other_account(hass: HomeAssistant, cloud: FakeCloud) -> None:
    entry = make_entry(OWNER)
    entry.add_to_hass(hass)
    result = await entry.start_reauth_flow(hass)
    assert result["type"] is FlowResultType.MENU
    assert result["step_id"] == "reauth_confirm"
    cloud.qr_result = GUEST
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"next_step_id": "qr"})
    result = await _finish_qr(hass, cloud, result)
    assert result["reason"] == "wrong_account"

    result = await entry.start_reauth_flow(hass)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"next_step_id": "password"})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": OWNER, "password": PASSWORD}
    )
    assert result["reason"] == "reauth_successful"
    assert entry.data[CONF_PASS_TOKEN] == f"pt-{OWNER}"
    assert len(hass.config_entries.async_entries(DOMAIN)) == 1


async def test_reconfigure_regions(hass: HomeAssistant, cloud: FakeCloud) -> None:
    entry = await setup_entry(hass, make_entry(OWNER))
    result = await entry.start_reconfigure_flow(hass)
    assert result["step_id"] == "reconfigure"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_REGIONS: []})
    assert result["errors"] == {CONF_REGIONS: "no_region"}
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_REGIONS: ["cn", "us"]})
    assert result["reason"] == "reconfigure_successful"
    assert entry.data[CONF_REGIONS] == ["cn", "us"]


async def test_options(hass: HomeAssistant, cloud: FakeCloud) -> None:
    entry = await setup_entry(hass, make_entry(OWNER))
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_SCAN_INTERVAL: 10, CONF_AUTO_ACCEPT_FROM: ["abc"]}
    )
    assert result["errors"] == {CONF_AUTO_ACCEPT_FROM: "invalid_xiaomi_id"}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_SCAN_INTERVAL: 10, CONF_AUTO_ACCEPT_FROM: [f" {GUEST} ", ""]}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options == {CONF_SCAN_INTERVAL: 10, CONF_AUTO_ACCEPT_FROM: [GUEST]}
    await hass.async_block_till_done()
    assert entry.runtime_data.coordinator.update_interval.total_seconds() == 600
