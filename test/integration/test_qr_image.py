"""The QR step shows a QR code drawn by the integration, not a picture from Xiaomi's host."""

from __future__ import annotations

import base64
import io
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import zxingcpp
from homeassistant import config_entries
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers.translation import async_get_translations
from PIL import Image

from custom_components.xiaomi_camera_share.const import CONF_REGIONS, DOMAIN
from custom_components.xiaomi_camera_share.qr_image import qr_data_uri, qr_png

from .conftest import OWNER

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigFlowResult
    from homeassistant.core import HomeAssistant

    from .simulator import Simulator, World

ROOT = Path(__file__).parents[2]
DATA_URI = re.compile(r"data:image/png;base64,([A-Za-z0-9+/]+=*)")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _decode_qr(png: bytes) -> list[str]:
    """Every QR code a real decoder (ZXing) finds in the picture."""
    image = Image.open(io.BytesIO(png))
    image.load()
    return [result.text for result in zxingcpp.read_barcodes(image) if result.format.name == "QRCode"]


def _png_of(data_uri: str) -> bytes:
    match = DATA_URI.fullmatch(data_uri)
    assert match, data_uri[:60]
    png = base64.b64decode(match.group(1), validate=True)
    assert png.startswith(PNG_SIGNATURE)
    return png


async def _qr_step(hass: HomeAssistant) -> ConfigFlowResult:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": config_entries.SOURCE_USER})
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"next_step_id": "qr"})
    assert result["type"] is FlowResultType.SHOW_PROGRESS
    return result


async def test_qr_step_shows_a_qr_code_of_the_login_url(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    await simulator.seed(world)
    result = await _qr_step(hass)
    placeholders = result["description_placeholders"] or {}
    login_url = placeholders["login_url"]
    [ticket, *_] = await simulator.waiting_qr_codes()
    assert login_url.startswith("https://account.xiaomi.com/")
    assert ticket in login_url
    png = _png_of(placeholders["qr_image"])
    assert _decode_qr(png) == [login_url]
    with Image.open(io.BytesIO(png)) as image:
        width, height = image.size
    assert width == height >= 200  # big enough for a phone's camera across a room
    # The cloud's own picture URL is not what the step shows.
    assert not any("longPolling/qr" in value for value in placeholders.values())

    # And the code goes on working: scanned, the flow reaches the regions.
    await simulator.scan_qr(OWNER)
    await hass.async_block_till_done()
    result = await hass.config_entries.flow.async_configure(result["flow_id"])
    assert result["step_id"] == "regions"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_REGIONS: ["cn"]})
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_progress_text_shows_the_picture_and_the_link(hass: HomeAssistant) -> None:
    for language in ("en", "zh-Hans", "zh-Hant"):
        translations = await async_get_translations(hass, language, "config", {DOMAIN})
        text = translations[f"component.{DOMAIN}.config.progress.wait_for_scan"]
        assert re.search(r"!\[[^\]]*\]\(\{qr_image\}\)", text), language
        assert "{login_url}" in text, language


def test_long_login_urls_still_decode() -> None:
    # Real login URLs carry a ticket and a signed callback; any length the cloud may hand out fits.
    for length in (40, 300, 1200):
        url = "https://account.xiaomi.com/longPolling/login?ticket=" + "x" * length
        assert _decode_qr(_png_of(qr_data_uri(url))) == [url]
    # Drawn the same way each time: the flow shows one picture however often the step renders.
    assert qr_png("https://example.invalid/a") == qr_png("https://example.invalid/a")


def test_the_library_is_pinned_where_home_assistant_and_the_tests_get_it() -> None:
    manifest = json.loads((ROOT / "custom_components" / DOMAIN / "manifest.json").read_text())
    pinned = {line.strip() for line in (ROOT / "requirements_test.txt").read_text().splitlines()}
    # The demo and the end-to-end runs start Home Assistant with --skip-pip: the test
    # environment must hold exactly what the manifest asks for.
    assert manifest["requirements"]
    for requirement in manifest["requirements"]:
        assert re.fullmatch(r"[\w.-]+==[\w.]+", requirement), requirement
        assert requirement in pinned, requirement
