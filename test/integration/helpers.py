"""Small helpers shared by the integration tests.

They go through what Home Assistant offers (services, registries, the storage
file, the bus). The few that must touch the integration's internals say so and
are the only places to adapt when those change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed
from pytest_homeassistant_custom_component.components.diagnostics import get_diagnostics_for_config_entry

from custom_components.xiaomi_camera_share import api
from custom_components.xiaomi_camera_share.const import DOMAIN, SIGNAL_STATE_CHANGED

from .simulator import Share

if TYPE_CHECKING:
    from datetime import timedelta

    import aiohttp
    from homeassistant.core import Event, HomeAssistant
    from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

    from custom_components.xiaomi_camera_share.sharing import AccountSharing

    from .simulator import Camera, Simulator

# The integration's file in .storage (timed shares, history, saved recipients).
STORAGE_KEY: Final = f"{DOMAIN}.storage"


def device_id(hass: HomeAssistant, entry_id: str, did: str) -> str:
    """The HA device registry id of a camera of one account."""
    device = dr.async_get(hass).async_get_device_by_identifier((DOMAIN, did), entry_id)
    assert device is not None
    return device.id


def has_camera(hass: HomeAssistant, entry_id: str, did: str) -> bool:
    """Whether an account has a device for the camera (owned or shared to it)."""
    return dr.async_get(hass).async_get_device_by_identifier((DOMAIN, did), entry_id) is not None


async def call(hass: HomeAssistant, service: str, data: dict[str, Any], **kwargs: Any) -> Any:
    """Call one of the integration's actions and return its response."""
    responds = service != "refresh"
    return await hass.services.async_call(
        DOMAIN, service, data, blocking=True, return_response=responds, **kwargs
    )


async def share_cameras(
    hass: HomeAssistant, entry: MockConfigEntry, cameras: list[Camera], recipient: str, **extra: Any
) -> Any:
    """Share cameras of one account through the share action; its response."""
    devices = [device_id(hass, entry.entry_id, c.did) for c in cameras]
    return await call(hass, "share", {"device_id": devices, "recipient": recipient, **extra})


async def answer_invite(simulator: Simulator, camera: Camera, sharee: str, *, accept: bool) -> None:
    """The sharee answers the camera's invite on the other phone."""
    [cloud] = [s for s in await simulator.shares(camera.did) if s.sharee == sharee]
    await simulator.respond(Share(camera, sharee, cloud.invite_id, accepted=False), accept=accept)


def types(events: list[Event[dict[str, Any]]]) -> list[str]:
    """The `type` of each captured xiaomi_camera_share_event, in order."""
    return [event.data["type"] for event in events]


def stored_expiries(hass_storage: dict[str, Any]) -> list[dict[str, Any]]:
    """The timed shares as the integration last wrote them to its storage file."""
    stored = hass_storage.get(STORAGE_KEY)
    return list(stored["data"]["expiries"]) if stored else []


async def requests_made(
    hass: HomeAssistant, hass_client: ClientSessionGenerator, entry: MockConfigEntry
) -> int:
    """How many cloud requests an account has made, as its diagnostics report it."""
    diagnostics: dict[str, Any] = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    return int(diagnostics["requests_made"])


async def advance(hass: HomeAssistant, delta: timedelta) -> None:
    """Let Home Assistant's timers run as if `delta` had passed, and wait for what they start.

    Scheduled refreshes run as background tasks that wait for the cloud's answers.
    """
    async_fire_time_changed(hass, dt_util.utcnow() + delta)
    await hass.async_block_till_done(wait_background_tasks=True)


# --- internals: the only places that reach into the integration -----------------


def announce_state_change(hass: HomeAssistant) -> None:
    """Send the integration's signal that the state document may have changed."""
    async_dispatcher_send(hass, SIGNAL_STATE_CHANGED)


def cloud_web_session(hass: HomeAssistant) -> aiohttp.ClientSession:
    """The web session the integration's cloud clients and logins use."""
    return api.create_auth(hass)._session


def account_sharing(entry: MockConfigEntry) -> AccountSharing:
    """An account's sharing layer (its entry's runtime data)."""
    sharing: AccountSharing = entry.runtime_data
    return sharing
