"""The regions step starts from the region of the home's country (hass.config.country)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from homeassistant import config_entries
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.generated.countries import COUNTRIES

from custom_components.xiaomi_camera_share.cloud.regions import Region
from custom_components.xiaomi_camera_share.const import CONF_REGIONS, DOMAIN
from custom_components.xiaomi_camera_share.home_region import (
    ASIA,
    DEFAULT_REGION,
    EUROPE,
    REGION_BY_COUNTRY,
    region_for_country,
)

from .conftest import OWNER

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigFlowResult
    from homeassistant.core import HomeAssistant

    from .simulator import Simulator, World

EUROPEAN_UNION = {
    *("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU"),
    *("IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"),
}


@pytest.mark.parametrize(
    ("country", "region"),
    [
        ("DE", Region.DE),
        ("FR", Region.DE),
        ("GB", Region.DE),
        ("CH", Region.DE),
        ("NO", Region.DE),
        ("US", Region.US),
        ("CN", Region.CN),
        ("IN", Region.I2),
        ("RU", Region.RU),
        ("TW", Region.TW),
        ("SG", Region.SG),
        ("JP", Region.SG),
        ("KR", Region.SG),
        ("HK", Region.SG),
        ("AE", Region.SG),
        ("de", Region.DE),
        ("BR", DEFAULT_REGION),
        ("AU", DEFAULT_REGION),
        ("ZZ", DEFAULT_REGION),
        ("", DEFAULT_REGION),
        (None, DEFAULT_REGION),
    ],
)
def test_region_for_country(country: str | None, region: Region) -> None:
    assert region_for_country(country) is region


def test_unknown_countries_keep_the_earlier_default() -> None:
    assert DEFAULT_REGION is Region.CN


def test_every_member_of_the_european_union_is_europe() -> None:
    assert EUROPEAN_UNION <= EUROPE
    assert {REGION_BY_COUNTRY[country] for country in EUROPEAN_UNION} == {Region.DE}


def test_table_names_real_countries_each_once_and_reaches_every_region() -> None:
    assert set(REGION_BY_COUNTRY) <= COUNTRIES
    assert not EUROPE & ASIA
    assert not (EUROPE | ASIA) & {"CN", "IN", "RU", "TW", "US"}
    assert set(REGION_BY_COUNTRY.values()) == set(Region)
    with pytest.raises(TypeError):
        REGION_BY_COUNTRY["BR"] = Region.US


def _suggested_regions(result: ConfigFlowResult) -> Any:
    schema = result["data_schema"]
    assert schema is not None
    [key] = [key for key in schema.schema if str(key) == CONF_REGIONS]
    return key.description["suggested_value"]


async def _regions_step(hass: HomeAssistant) -> ConfigFlowResult:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": config_entries.SOURCE_USER})
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"next_step_id": "password"})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": OWNER.user_id, "password": OWNER.password}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "regions"
    return result


@pytest.mark.parametrize(
    ("country", "preselected"),
    [("DE", ["de"]), ("US", ["us"]), ("IN", ["i2"]), ("JP", ["sg"]), ("BR", ["cn"]), (None, ["cn"])],
)
async def test_regions_step_preselects_the_country_s_region(
    hass: HomeAssistant, simulator: Simulator, world: World, country: str | None, preselected: list[str]
) -> None:
    await simulator.seed(world)
    hass.config.country = country
    result = await _regions_step(hass)
    assert _suggested_regions(result) == preselected
    # Only a preselection: any regions can be chosen.
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_REGIONS: ["cn", "tw"]})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"][CONF_REGIONS] == ["cn", "tw"]


async def test_regions_step_follows_a_changed_country(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    await simulator.seed(world)
    hass.config.country = "DE"
    await hass.config.async_update(country="RU")
    assert _suggested_regions(await _regions_step(hass)) == ["ru"]
