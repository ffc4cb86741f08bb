"""What a config entry stores about its Mi account, read in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cloud.models import Credentials
from .cloud.regions import Region
from .const import CONF_C_USER_ID, CONF_DEVICE_ID, CONF_PASS_TOKEN, CONF_REGIONS, CONF_USER_ID

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry


def entry_credentials(entry: ConfigEntry) -> Credentials:
    """The stored login of an account (a passToken, never a password)."""
    return Credentials(
        user_id=entry.data[CONF_USER_ID],
        pass_token=entry.data[CONF_PASS_TOKEN],
        device_id=entry.data[CONF_DEVICE_ID],
        c_user_id=entry.data.get(CONF_C_USER_ID),
    )


def entry_regions(entry: ConfigEntry) -> list[Region]:
    """The regions where an account keeps cameras, in the order the user chose."""
    return [Region(code) for code in entry.data[CONF_REGIONS]]
