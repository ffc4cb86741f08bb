"""What each action accepts: its fields and their validation, before any adapter runs."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Final

import probatio as vol
from homeassistant.helpers import config_validation as cv

from .cloud.models import SharePermission
from .cloud.regions import Region

MIN_DURATION: Final = timedelta(minutes=1)
MAX_DURATION: Final = timedelta(days=365)

ATTR_CONFIG_ENTRY_ID, ATTR_DEVICE_ID, ATTR_RECIPIENT = "config_entry_id", "device_id", "recipient"
ATTR_PERMISSION, ATTR_DURATION, ATTR_AUTO_ACCEPT = "permission", "duration", "auto_accept"
ATTR_INVITE_ID, ATTR_SENDER, ATTR_CAMERA, ATTR_ALL = "invite_id", "sender", "camera", "all"
ATTR_REGION: Final = "region"


def _time_period(value: Any) -> timedelta:
    """A duration; one too large to represent is refused later as too long (or short), not a crash."""
    try:
        period: timedelta = cv.time_period(value)
    except OverflowError:
        return timedelta.min if _negative(value) else timedelta.max
    return period


def _negative(value: Any) -> bool:
    """Whether a duration too large to represent points into the past."""
    if isinstance(value, dict):
        return any(_negative(part) for part in value.values())
    if isinstance(value, int | float):
        return value < 0
    return str(value).strip().startswith("-")


DEVICES = vol.All(cv.ensure_list, [cv.string])
DURATION = vol.Any(None, _time_period)
SHARE_SCHEMA = vol.Schema(
    {
        vol.Required(ATTR_DEVICE_ID): DEVICES,
        vol.Required(ATTR_RECIPIENT): cv.string,
        vol.Optional(ATTR_PERMISSION, default=SharePermission.CONTROL.value): cv.string,
        vol.Optional(ATTR_DURATION): DURATION,
        vol.Optional(ATTR_AUTO_ACCEPT, default=False): cv.boolean,
    }
)
REVOKE_SCHEMA = vol.Schema({vol.Required(ATTR_DEVICE_ID): DEVICES, vol.Optional(ATTR_RECIPIENT): cv.string})
SET_EXPIRY_SCHEMA = vol.Schema(
    {
        vol.Required(ATTR_DEVICE_ID): DEVICES,
        vol.Required(ATTR_RECIPIENT): cv.string,
        vol.Optional(ATTR_DURATION): DURATION,
    }
)
INVITE_SCHEMA = vol.Schema(
    {
        vol.Required(ATTR_CONFIG_ENTRY_ID): cv.string,
        vol.Optional(ATTR_INVITE_ID): vol.Coerce(int),
        vol.Optional(ATTR_SENDER): cv.string,
        vol.Optional(ATTR_CAMERA): cv.string,
        vol.Optional(ATTR_ALL, default=False): cv.boolean,
    }
)
OPTIONAL_ENTRY_SCHEMA = vol.Schema({vol.Optional(ATTR_CONFIG_ENTRY_ID): cv.string})
LOOKUP_SCHEMA = vol.Schema(
    {
        vol.Required(ATTR_CONFIG_ENTRY_ID): cv.string,
        vol.Required(ATTR_RECIPIENT): cv.string,
        vol.Optional(ATTR_REGION): vol.In([r.value for r in Region]),
    }
)
