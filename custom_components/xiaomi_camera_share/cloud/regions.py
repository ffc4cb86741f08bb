"""Xiaomi cloud regions and the hosts that serve them.

Every host can be redirected to a local stand-in (the project's simulator) by one
development setting: an override base URL. The host name then becomes the first
path segment, e.g. ``https://de.api.io.mi.com/app/x`` is requested as
``<override>/de.api.io.mi.com/app/x``. Request signing always uses the logical
path (``/x``), so signatures do not change under the override.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

# The environment variable that carries the override base URL (development only).
CLOUD_OVERRIDE_ENV: Final = "XIAOMI_CAMERA_SHARE_CLOUD_URL"

ACCOUNT_HOST: Final = "account.xiaomi.com"


class Region(StrEnum):
    """A Xiaomi cloud region (server code as the Mi Home app uses it).

    ``tw`` is listed by hass-xiaomi-miot and the token extractor, which both call
    ``tw.api.io.mi.com``; the 2020 app routed Taiwan to ``sg`` instead, and
    go2rtc sends unknown codes to the ``cn`` host. Whether ``tw`` keeps data of
    its own is unconfirmed.
    """

    CN = "cn"
    DE = "de"
    US = "us"
    RU = "ru"
    SG = "sg"
    I2 = "i2"
    TW = "tw"


def api_host(region: Region) -> str:
    """The app API host of a region: ``cn`` has no prefix, the others do (``tw.api.io.mi.com``)."""
    return "api.io.mi.com" if region is Region.CN else f"{region.value}.api.io.mi.com"


@dataclass(frozen=True, slots=True)
class Endpoints:
    """Base URLs for every Xiaomi host, optionally redirected to one override."""

    override: str | None = None

    def _base(self, host: str) -> str:
        if self.override:
            return f"{self.override.rstrip('/')}/{host}"
        return f"https://{host}"

    @property
    def account(self) -> str:
        """Base URL of the passport (login) service."""
        return self._base(ACCOUNT_HOST)

    def app(self, region: Region) -> str:
        """Base URL of a region's app API, ending in ``/app``."""
        return f"{self._base(api_host(region))}/app"

    def rewrite(self, url: str) -> str:
        """Map an absolute Xiaomi URL handed out by the cloud onto the override."""
        if not self.override or not url.startswith("https://"):
            return url
        return f"{self.override.rstrip('/')}/{url.removeprefix('https://')}"


# The real Xiaomi hosts (no override).
DEFAULT_ENDPOINTS: Final = Endpoints()
