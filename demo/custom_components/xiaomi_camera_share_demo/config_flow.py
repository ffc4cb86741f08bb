"""A one-step flow: the demo cameras need no settings."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult

DOMAIN = "xiaomi_camera_share_demo"


class DemoCamerasFlow(ConfigFlow, domain=DOMAIN):
    """Create the single demo entry."""

    VERSION = 1

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Create the entry at once."""
        await self.async_set_unique_id(DOMAIN)
        self._abort_if_unique_id_configured()
        return self.async_create_entry(title="Demo cameras", data={})
