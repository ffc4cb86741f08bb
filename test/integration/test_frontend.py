"""The card bundle is served and registered as a versioned Lovelace resource."""

from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from homeassistant.components.frontend import DATA_EXTRA_MODULE_URL, UrlManager
from homeassistant.components.lovelace.const import LOVELACE_DATA
from homeassistant.setup import async_setup_component

from custom_components.xiaomi_camera_share.const import CARD_FOLDER_URL, CARD_URL, DOMAIN
from custom_components.xiaomi_camera_share.frontend import CARD_FOLDER

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant
    from homeassistant.helpers import issue_registry as ir
    from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

URL = f"{CARD_URL}?v=0.1.0"


async def test_resource_registered_and_bundle_served(
    hass: HomeAssistant, hass_client: ClientSessionGenerator
) -> None:
    assert await async_setup_component(hass, DOMAIN, {})
    resources = hass.data[LOVELACE_DATA].resources
    assert [item["url"] for item in resources.async_items()] == [URL]
    client = await hass_client()
    response = await client.get(CARD_URL)
    assert response.status == HTTPStatus.OK
    # The chunks the main file imports by relative URL are served from the same folder.
    chunks = sorted(path.name for path in CARD_FOLDER.glob("xcs-*.js"))
    assert chunks
    for chunk in chunks:
        response_chunk = await client.get(f"{CARD_FOLDER_URL}/{chunk}")
        assert response_chunk.status == HTTPStatus.OK
        assert response_chunk.content_type == "text/javascript"
    assert (await client.get(f"{CARD_FOLDER_URL}/no-such-chunk.js")).status == HTTPStatus.NOT_FOUND


async def test_resource_updated_on_upgrade(hass: HomeAssistant, hass_storage: dict[str, Any]) -> None:
    hass_storage["lovelace_resources"] = {
        "version": 1,
        "minor_version": 1,
        "key": "lovelace_resources",
        "data": {
            "items": [
                {"id": "other", "type": "module", "url": "/local/other-card.js"},
                {"id": "ours", "type": "module", "url": f"{CARD_URL}?v=0.0.1"},
            ]
        },
    }
    assert await async_setup_component(hass, DOMAIN, {})
    urls = sorted(item["url"] for item in hass.data[LOVELACE_DATA].resources.async_items())
    assert urls == sorted(["/local/other-card.js", URL])


async def test_yaml_resources_fall_back_to_extra_js_and_repair(
    hass: HomeAssistant, issue_registry: ir.IssueRegistry
) -> None:
    # The frontend component is not set up in tests; give it the URL list it would own.
    hass.data[DATA_EXTRA_MODULE_URL] = UrlManager(lambda _change, _url: None, [])
    assert await async_setup_component(hass, "lovelace", {"lovelace": {"resource_mode": "yaml"}})
    assert await async_setup_component(hass, DOMAIN, {})
    assert URL in hass.data[DATA_EXTRA_MODULE_URL].urls
    issue = issue_registry.async_get_issue(DOMAIN, "card_resource_yaml")
    assert issue is not None
    assert issue.translation_placeholders == {"url": URL}
