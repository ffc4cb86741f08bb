"""Live view: a camera entity per Mi camera of the account, streamed by Home Assistant's go2rtc.

go2rtc's ``xiaomi`` source reaches a Mi camera over the local network once it has the
camera's P2P keys, and the cloud gives those to the owner and to every account the
camera is shared with. So each stream start asks the cloud for fresh keys
(``cloud/p2p.py``, a read) and hands go2rtc a resolved ``xiaomi://`` URL. The URL
carries keys: it is never logged, never given to Home Assistant's own stream
component, which logs the sources it opens, and blanked in what Home Assistant logs of a
stream go2rtc refused (``log_redaction.py``).
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING, Final

from homeassistant.components.camera import Camera
from homeassistant.components.camera.const import DOMAIN as CAMERA_DOMAIN
from homeassistant.components.camera.const import CameraEntityFeature
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.device_registry import CONNECTION_NETWORK_MAC, format_mac

from .capabilities import model_name
from .cloud.errors import PermissionDeniedError, XiaomiCloudError
from .cloud.p2p import NoLocalAddressError, UnsupportedVendorError, resolve_live_source
from .const import CONF_SKIP_LINKED_CAMERAS, DEFAULT_SKIP_LINKED_CAMERAS, DOMAIN
from .entity import CameraEntity
from .log_redaction import install_live_source_filter

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from homeassistant.components.stream import Stream
    from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

    from .cloud.models import Device
    from .coordinator import AccountCoordinator
    from .data import XiaomiConfigEntry

_LOGGER = logging.getLogger(__name__)

# Streams start on request; there is nothing to update in parallel.
PARALLEL_UPDATES = 0

# What Home Assistant is told while it only asks which WebRTC provider fits the
# camera: that answer depends on the scheme alone, and a key exchange per question
# would be a needless cloud read (one that fails while the camera is away).
PROVIDER_PROBE_SOURCE: Final = "xiaomi://"
# A still is a whole stream start (keys, a P2P session, a decoded frame): pictures
# asked for again within this many seconds get the last one.
STILL_REUSE_SECONDS: Final = 10.0


async def async_setup_entry(
    hass: HomeAssistant, entry: XiaomiConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """A live view entity for every camera of the account, owned or shared to it, as it appears."""
    install_live_source_filter()
    coordinator = entry.runtime_data.coordinator
    skip_linked = entry.options.get(CONF_SKIP_LINKED_CAMERAS, DEFAULT_SKIP_LINKED_CAMERAS)
    entities: dict[str, LiveCamera] = {}

    @callback
    def forget(did: str) -> None:
        entities.pop(did, None)

    @callback
    def reconcile() -> None:
        cameras = coordinator.data.cameras
        registry = er.async_get(hass)
        if skip_linked:
            for did, entity in list(entities.items()):
                if did in cameras and has_other_camera_entity(hass, entry.entry_id, cameras[did]):
                    # Another integration's camera for it appeared: that one stays, ours goes.
                    entities.pop(did)
                    if entity.registry_entry is not None:
                        registry.async_remove(entity.entity_id)
        new = [
            LiveCamera(coordinator, did, forget)
            for did, device in sorted(cameras.items())
            if did not in entities
            and not (skip_linked and has_other_camera_entity(hass, entry.entry_id, device))
        ]
        entities.update((entity.did, entity) for entity in new)
        if new:
            async_add_entities(new)

    @callback
    def camera_entity_created(event: Event[er.EventEntityRegistryUpdatedData]) -> None:
        if event.data["action"] == "create" and event.data["entity_id"].startswith(f"{CAMERA_DOMAIN}."):
            reconcile()

    reconcile()
    entry.async_on_unload(coordinator.async_add_listener(reconcile))
    if skip_linked:
        entry.async_on_unload(hass.bus.async_listen(er.EVENT_ENTITY_REGISTRY_UPDATED, camera_entity_created))


def has_other_camera_entity(hass: HomeAssistant, entry_id: str, device: Device) -> bool:
    """Does another integration already have a camera entity for this camera?

    It sits on the camera's own device, or on a device of its own that shares the
    camera's MAC address (as the state document links them).
    """
    devices = dr.async_get(hass)
    candidates = []
    if own := devices.async_get_device_by_identifier((DOMAIN, device.did), entry_id):
        candidates.append(own)
    if device.mac:
        connection = (CONNECTION_NETWORK_MAC, format_mac(device.mac))
        candidates += devices.async_get_devices(connections={connection})
    entities = er.async_get(hass)
    return any(
        entity.domain == CAMERA_DOMAIN and entity.platform != DOMAIN
        for device_id in {candidate.id for candidate in candidates}
        for entity in er.async_entries_for_device(entities, device_id)
    )


class LiveCamera(CameraEntity, Camera):
    """One Mi camera as this account sees it; go2rtc streams it, the cloud gives the keys."""

    _attr_name = None
    _attr_supported_features = CameraEntityFeature.STREAM
    _attr_brand = "Xiaomi"

    def __init__(
        self, coordinator: AccountCoordinator, did: str, forget: Callable[[str], None] | None = None
    ) -> None:
        super().__init__(coordinator, did, "live")
        Camera.__init__(self)
        self._attr_translation_key = None
        # The same camera can be seen by several configured accounts, one entity each.
        self._attr_unique_id = f"{did}_{coordinator.config_entry.unique_id}_live"
        device = coordinator.data.cameras[did]
        self._attr_model = model_name(device.model) or device.model
        self._forget = forget
        self._probing_provider = False
        # Set when the cloud refused this account the keys; a later refresh decides again.
        self._refused_at: datetime | None = None
        self._still_lock = asyncio.Lock()
        self._still: tuple[float, tuple[int | None, int | None], bytes] | None = None

    @property
    def _device(self) -> Device | None:
        return self.coordinator.data.cameras.get(self.did)

    @property
    def available(self) -> bool:
        """Unavailable while offline, once gone from the account, or once the cloud refused it."""
        device = self._device
        return super().available and device is not None and device.is_online and self._refused_at is None

    @callback
    def _handle_coordinator_update(self) -> None:
        if self._refused_at is not None and self.coordinator.data.read_at > self._refused_at:
            self._refused_at = None
        if (device := self._device) is not None:
            self._attr_model = model_name(device.model) or device.model
        super()._handle_coordinator_update()

    async def async_will_remove_from_hass(self) -> None:
        """Let the platform make this camera's entity again if it comes back."""
        await super().async_will_remove_from_hass()
        if self._forget is not None:
            self._forget(self.did)

    # --- streams ------------------------------------------------------------------

    async def async_refresh_providers(self, *, write_state: bool = True) -> None:
        """Home Assistant asks for the stream source to pick a WebRTC provider: answer cheaply."""
        self._probing_provider = True
        try:
            await super().async_refresh_providers(write_state=write_state)
        finally:
            self._probing_provider = False

    async def stream_source(self) -> str | None:
        """A freshly resolved ``xiaomi://`` URL, with new keys for every stream start."""
        if self._probing_provider:
            # Only the provider question comes before anything can yield; what follows
            # it in the same refresh (a preloaded stream) is a real start.
            self._probing_provider = False
            return PROVIDER_PROBE_SOURCE
        device = self._device
        if device is None or self._refused_at is not None:
            raise self._error("live_view_not_shared")
        if not device.is_online:
            raise self._error("live_view_offline")
        try:
            source = await resolve_live_source(self.coordinator.client, device)
        except PermissionDeniedError as err:
            _LOGGER.info("The Xiaomi cloud refused live view of %s: no longer shared", self.did)
            self._refused_at = self.coordinator.data.read_at
            self.async_write_ha_state()
            self.coordinator.config_entry.async_create_task(
                self.hass, self.coordinator.async_request_refresh(), f"{DOMAIN} refresh after a refusal"
            )
            raise self._error("live_view_not_shared") from err
        except NoLocalAddressError as err:
            raise self._error("live_view_no_address") from err
        except UnsupportedVendorError as err:
            raise self._error("live_view_unsupported") from err
        except XiaomiCloudError as err:
            raise self._error("live_view_cloud_error", error=err.key) from err
        _LOGGER.debug("Live view of %s: keys from %s for %s", self.did, source.call, source.vendor)
        return source.url

    async def async_create_stream(self) -> Stream | None:
        """Never Home Assistant's own stream: it cannot open xiaomi://, and it logs sources."""
        return None

    async def async_camera_image(self, width: int | None = None, height: int | None = None) -> bytes | None:
        """A still from go2rtc, where Home Assistant has it as a WebRTC provider."""
        provider = self.webrtc_provider
        if provider is None or not self.available:
            return None
        async with self._still_lock:
            size = (width, height)
            if (
                self._still
                and self._still[1] == size
                and time.monotonic() - self._still[0] < STILL_REUSE_SECONDS
            ):
                return self._still[2]
            try:
                image = await provider.async_get_image(self, width=width, height=height)
            except Exception as err:  # the text of a failed request to go2rtc can hold the URL
                _LOGGER.debug("No still of %s from %s (%s)", self.did, provider.domain, type(err).__name__)
                return None
            if image:
                self._still = (time.monotonic(), size, image)
            return image

    def _error(self, key: str, **placeholders: str) -> HomeAssistantError:
        name = self._device.name if self._device else self.did
        return HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key=key,
            translation_placeholders={"camera": name, **placeholders},
        )
