"""The Mi Home region a home's country most likely uses, to preselect in the config flow.

The Mi Home app keeps an account's cameras in the region chosen in the app, and people
mostly choose the one of the country they live in. Home Assistant knows that country
(``hass.config.country``, ISO 3166-1 alpha-2), so the regions step starts from it. It
is only a preselection: the person can choose any regions.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from .cloud.regions import Region

if TYPE_CHECKING:
    from collections.abc import Mapping

# What the regions step preselected before it knew the country, and still does for a
# country the table does not name.
DEFAULT_REGION: Final = Region.CN

# The European Union and the rest of the European Economic Area, the United Kingdom and
# Switzerland: the Mi Home app's "Europe" (server ``de``).
EUROPE: Final = frozenset(
    {
        # European Union
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
        # the rest of the EEA, the United Kingdom, Switzerland
        "IS", "LI", "NO", "GB", "CH",
    }
)  # fmt: skip

# Asia but the countries with a region of their own (cn, i2, ru, tw): "Singapore" (``sg``).
ASIA: Final = frozenset(
    {
        # East Asia
        "HK", "JP", "KP", "KR", "MN", "MO",
        # South-East Asia
        "BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL", "VN",
        # South Asia
        "AF", "BD", "BT", "IR", "LK", "MV", "NP", "PK",
        # Central Asia
        "KG", "KZ", "TJ", "TM", "UZ",
        # Western Asia
        "AE", "AM", "AZ", "BH", "GE", "IL", "IQ", "JO", "KW", "LB", "OM", "PS", "QA", "SA",
        "SY", "TR", "YE",
    }
)  # fmt: skip

REGION_BY_COUNTRY: Final[Mapping[str, Region]] = MappingProxyType(
    {
        **dict.fromkeys(EUROPE, Region.DE),
        **dict.fromkeys(ASIA, Region.SG),
        "CN": Region.CN,
        "IN": Region.I2,
        "RU": Region.RU,
        "TW": Region.TW,
        "US": Region.US,
    }
)


def region_for_country(country: str | None) -> Region:
    """The region to preselect for a home in ``country``; the default when it is unknown."""
    if not country:
        return DEFAULT_REGION
    return REGION_BY_COUNTRY.get(country.upper(), DEFAULT_REGION)
