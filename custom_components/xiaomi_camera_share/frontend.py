"""Serve the card bundle (main file and chunks); register it as a Lovelace resource (YAML: fallback)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Final

from homeassistant.components.frontend import add_extra_js_url
from homeassistant.components.http.server import StaticPathConfig
from homeassistant.components.lovelace.const import LOVELACE_DATA
from homeassistant.components.lovelace.resources import ResourceStorageCollection
from homeassistant.helpers import issue_registry as ir
from homeassistant.loader import async_get_integration

from .const import CARD_FOLDER_URL, CARD_URL, DOMAIN

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

_LOGGER = logging.getLogger(__name__)

CARD_FOLDER: Final = Path(__file__).parent / "frontend"
YAML_ISSUE_ID: Final = "card_resource_yaml"


async def async_setup_frontend(hass: HomeAssistant) -> None:
    """Make the card loadable from every dashboard."""
    if hass.http is not None:
        # The whole folder: the main file imports its chunks (named by their content's hash).
        await hass.http.async_register_static_paths(
            [StaticPathConfig(CARD_FOLDER_URL, str(CARD_FOLDER), True)]
        )
    version = (await async_get_integration(hass, DOMAIN)).version
    url = f"{CARD_URL}?v={version}"
    lovelace = hass.data.get(LOVELACE_DATA)
    resources = lovelace.resources if lovelace else None
    if isinstance(resources, ResourceStorageCollection):
        await _async_register_resource(resources, url)
        ir.async_delete_issue(hass, DOMAIN, YAML_ISSUE_ID)
        return
    # Resources are kept in YAML: load the card anyway and tell the user how to add it.
    add_extra_js_url(hass, url)
    ir.async_create_issue(
        hass,
        DOMAIN,
        YAML_ISSUE_ID,
        is_fixable=False,
        severity=ir.IssueSeverity.WARNING,
        translation_key="card_resource_yaml",
        translation_placeholders={"url": url},
    )


async def _async_register_resource(resources: ResourceStorageCollection, url: str) -> None:
    if not resources.loaded:
        await resources.async_load()
        resources.loaded = True
    for item in resources.async_items():
        existing: str = item["url"]
        if existing.split("?", 1)[0] != CARD_URL:
            continue
        if existing != url:
            _LOGGER.debug("Updating the card resource to %s", url)
            await resources.async_update_item(item["id"], {"url": url})
        return
    await resources.async_create_item({"res_type": "module", "url": url})
