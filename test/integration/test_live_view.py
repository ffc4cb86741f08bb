"""Live view: camera entities whose stream source is a freshly resolved xiaomi:// URL.

Home Assistant runs against the real simulator; what the cloud issued is read back
from the simulator's log of key exchanges (GET /_control/p2p).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Any
from unittest.mock import patch
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest
from aiohttp import web
from go2rtc_client import Go2RtcRestClient
from homeassistant.components.camera import async_get_image, async_get_stream_source
from homeassistant.components.camera.webrtc import (
    CameraWebRTCProvider,
    WebRTCError,
    WebRTCSendMessage,
    async_register_webrtc_provider,
)
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.device_registry import CONNECTION_NETWORK_MAC, format_mac
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.xiaomi_camera_share.camera import PROVIDER_PROBE_SOURCE
from custom_components.xiaomi_camera_share.cloud.client import XiaomiCloudClient
from custom_components.xiaomi_camera_share.cloud.regions import Endpoints, Region
from custom_components.xiaomi_camera_share.const import CONF_SKIP_LINKED_CAMERAS, DOMAIN
from custom_components.xiaomi_camera_share.log_redaction import REDACTED_SOURCE, redact_sources

from .conftest import FRONT_DOOR, GARDEN, GUEST, OWNER, add_account
from .simulator import Account, Camera

if TYPE_CHECKING:
    from homeassistant.components.camera import Camera as CameraEntity
    from homeassistant.core import HomeAssistant
    from webrtc_models import RTCIceCandidateInit

    from .simulator import Simulator, World

HUB = Camera("681000003", "Hub", OWNER.user_id, model="lumi.camera.gwagl01", mac="AA:BB:CC:00:00:03")


def live_entity(hass: HomeAssistant, camera: Camera, account: Account) -> str | None:
    """The live view entity of one camera as one account sees it."""
    return er.async_get(hass).async_get_entity_id("camera", DOMAIN, f"{camera.did}_{account.user_id}_live")


def entity_of(hass: HomeAssistant, camera: Camera, account: Account) -> str:
    entity_id = live_entity(hass, camera, account)
    assert entity_id is not None, f"no live view entity of {camera.name} for {account.nickname}"
    return entity_id


def query_of(url: str | None) -> dict[str, str]:
    assert url is not None
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


async def key_exchanges(simulator: Simulator, camera: Camera) -> list[dict[str, Any]]:
    """What the simulator issued and refused for one camera, oldest first."""
    entries: list[dict[str, Any]] = await simulator._call("GET", f"/p2p?did={camera.did}")
    return entries


async def update_device(simulator: Simulator, camera: Camera, **change: Any) -> None:
    await simulator._call("POST", "/devices/update", {"did": camera.did, **change})


async def refresh(hass: HomeAssistant) -> None:
    """Let the scheduled refresh of every account run."""
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(minutes=6))
    await hass.async_block_till_done(wait_background_tasks=True)


async def owners_phone(simulator: Simulator, http: aiohttp.ClientSession) -> XiaomiCloudClient:
    """The owner acting in the Mi Home app: a client of its own, outside Home Assistant."""
    return XiaomiCloudClient(http, await simulator.login(OWNER), Endpoints(override=simulator.url))


class FakeGo2rtc(CameraWebRTCProvider):
    """A WebRTC provider like Home Assistant's go2rtc: it asks the camera for its source."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.sources: list[str] = []

    @property
    def domain(self) -> str:
        return "fake_go2rtc"

    def async_is_supported(self, stream_source: str) -> bool:
        self.asked.append(stream_source)
        return stream_source.startswith("xiaomi:")

    async def _source(self, camera: CameraEntity) -> str:
        source = await camera.stream_source()
        assert source is not None
        self.sources.append(source)
        return source

    async def async_handle_async_webrtc_offer(
        self, camera: CameraEntity, offer_sdp: str, session_id: str, send_message: WebRTCSendMessage
    ) -> None:
        try:
            await self._source(camera)
        except HomeAssistantError as err:
            send_message(WebRTCError("go2rtc_webrtc_offer_failed", str(err)))
            return
        send_message(WebRTCError("no_camera", "nothing answers at the camera's address"))

    async def async_on_webrtc_candidate(self, session_id: str, candidate: RTCIceCandidateInit) -> None:
        return

    async def async_get_image(
        self, camera: CameraEntity, width: int | None = None, height: int | None = None
    ) -> bytes | None:
        await self._source(camera)
        return b"\xff\xd8 a still \xff\xd9"


@pytest.fixture
async def http(socket_enabled: None) -> Any:
    async with aiohttp.ClientSession() as session:
        yield session


async def test_every_camera_owned_or_shared_gets_a_live_view_entity(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True)
    world.share(GARDEN, GUEST, accepted=False)
    await simulator.seed(world)
    await add_account(hass, simulator, OWNER)
    await add_account(hass, simulator, GUEST)

    owned = [entity_of(hass, camera, OWNER) for camera in (FRONT_DOOR, GARDEN)]
    shared = entity_of(hass, FRONT_DOOR, GUEST)
    assert live_entity(hass, GARDEN, GUEST) is None  # only invited
    for entity_id in [*owned, shared]:
        state = hass.states.get(entity_id)
        assert state is not None
        assert state.state == "idle"
        assert state.attributes["brand"] == "Xiaomi"
    # The guest's entity sits on the guest account's own device of the camera.
    entry = er.async_get(hass).async_get(shared)
    assert entry is not None
    device = dr.async_get(hass).async_get(entry.device_id or "")
    assert device is not None
    assert (DOMAIN, FRONT_DOOR.did) in device.identifiers


async def test_each_stream_start_resolves_fresh_keys_the_cloud_issued_to_that_account(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True)
    await simulator.seed(world)
    await update_device(simulator, FRONT_DOOR, localip="192.168.7.20")
    await add_account(hass, simulator, GUEST)
    entity_id = entity_of(hass, FRONT_DOOR, GUEST)

    first = await async_get_stream_source(hass, entity_id)
    second = await async_get_stream_source(hass, entity_id)
    assert first is not None
    assert urlsplit(first).scheme == "xiaomi"
    assert urlsplit(first).hostname == "192.168.7.20"
    one, two = query_of(first), query_of(second)
    assert one["client_public"] != two["client_public"]
    exchanges = await key_exchanges(simulator, FRONT_DOOR)
    assert [(e["call"], e["userId"]) for e in exchanges] == [("miss_get_vendor", GUEST.user_id)] * 2
    for query, exchange in zip((one, two), exchanges, strict=True):
        issued = exchange["issued"]
        assert query["vendor"] == issued["vendor"] == "cs2"
        assert query["client_public"] == issued["appPublicKey"]
        assert query["device_public"] == issued["devicePublicKey"]
        assert query["sign"] == issued["sign"]


async def test_an_older_model_streams_with_devicepass_keys(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.add_camera(HUB)
    await simulator.seed(world)
    await add_account(hass, simulator, OWNER)
    query = query_of(await async_get_stream_source(hass, entity_of(hass, HUB, OWNER)))
    [exchange] = await key_exchanges(simulator, HUB)
    assert exchange["call"] == "devicepass"
    assert "vendor" not in query
    assert query["uid"] == exchange["issued"]["p2pId"]


async def test_the_url_and_its_keys_are_never_logged(
    hass: HomeAssistant,
    simulator: Simulator,
    world: World,
    http: aiohttp.ClientSession,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    world.share(FRONT_DOOR, GUEST, accepted=True)
    await simulator.seed(world)
    await add_account(hass, simulator, OWNER)
    await add_account(hass, simulator, GUEST)
    provider = FakeGo2rtc()
    async_register_webrtc_provider(hass, provider)
    await hass.async_block_till_done()
    guest_camera = entity_of(hass, FRONT_DOOR, GUEST)
    urls = [
        await async_get_stream_source(hass, entity_of(hass, camera, OWNER)) for camera in (FRONT_DOOR, GARDEN)
    ]
    await async_get_image(hass, guest_camera)
    urls += provider.sources
    # A refused start logs, too; it must name neither the URL nor the keys.
    await (await owners_phone(simulator, http)).revoke(Region.CN, FRONT_DOOR.did, [GUEST.user_id])
    with pytest.raises(HomeAssistantError):
        await async_get_stream_source(hass, guest_camera)
    await hass.async_block_till_done(wait_background_tasks=True)

    assert len(urls) == 3
    assert "xiaomi://" not in caplog.text.replace(PROVIDER_PROBE_SOURCE + '"', "")
    for url in urls:
        assert url is not None
        query = query_of(url)
        for secret in (
            url,
            query["client_private"],
            query["client_public"],
            query["sign"],
            query["device_public"],
        ):
            assert secret not in caplog.text
    assert "Live view of" in caplog.text  # the debug line is there, without secrets


async def test_offline_camera_is_unavailable_and_starts_no_stream(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    await simulator.seed(world)
    await add_account(hass, simulator, OWNER)
    entity_id = entity_of(hass, GARDEN, OWNER)

    await update_device(simulator, GARDEN, isOnline=False)
    await refresh(hass)
    assert hass.states.get(entity_id).state == STATE_UNAVAILABLE
    with pytest.raises(HomeAssistantError) as raised:
        await async_get_stream_source(hass, entity_id)
    assert raised.value.translation_key == "live_view_offline"
    assert await key_exchanges(simulator, GARDEN) == []

    await update_device(simulator, GARDEN, isOnline=True)
    await refresh(hass)
    assert hass.states.get(entity_id).state == "idle"


async def test_no_local_address_or_a_failing_cloud_say_so(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    await simulator.seed(world)
    await add_account(hass, simulator, OWNER)
    entity_id = entity_of(hass, GARDEN, OWNER)
    await update_device(simulator, GARDEN, localip="0.0.0.0")
    await refresh(hass)
    with pytest.raises(HomeAssistantError) as raised:
        await async_get_stream_source(hass, entity_id)
    assert raised.value.translation_key == "live_view_no_address"
    assert await key_exchanges(simulator, GARDEN) == []

    await update_device(simulator, GARDEN, localip="127.0.0.1")
    await refresh(hass)
    await simulator.fault("status", "/v2/device/miss_get_vendor", count=1, status=503)
    with pytest.raises(HomeAssistantError) as raised:
        await async_get_stream_source(hass, entity_id)
    assert raised.value.translation_key == "live_view_cloud_error"
    assert raised.value.translation_placeholders == {"camera": GARDEN.name, "error": "cannot_connect"}
    assert hass.states.get(entity_id).state == "idle"  # a failing cloud is no refusal
    assert await async_get_stream_source(hass, entity_id)


async def test_a_revoke_in_the_mi_home_app_refuses_the_next_stream_start(
    hass: HomeAssistant, simulator: Simulator, world: World, http: aiohttp.ClientSession
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True)
    await simulator.seed(world)
    await add_account(hass, simulator, GUEST)
    entity_id = entity_of(hass, FRONT_DOOR, GUEST)
    assert await async_get_stream_source(hass, entity_id)

    # The owner revokes on the phone; Home Assistant has not refreshed since.
    await (await owners_phone(simulator, http)).revoke(Region.CN, FRONT_DOOR.did, [GUEST.user_id])
    assert hass.states.get(entity_id).state == "idle"
    with pytest.raises(HomeAssistantError) as raised:
        await async_get_stream_source(hass, entity_id)
    assert raised.value.translation_key == "live_view_not_shared"
    assert raised.value.translation_placeholders == {"camera": FRONT_DOOR.name}
    assert "no longer shared" in str(raised.value)
    assert hass.states.get(entity_id).state == STATE_UNAVAILABLE
    refused = [e["refused"] for e in await key_exchanges(simulator, FRONT_DOOR) if "refused" in e]
    assert refused == [{"code": -1, "message": "permission denied"}]

    # The refresh the refusal asked for finds the camera gone from the account.
    await hass.async_block_till_done(wait_background_tasks=True)
    state = hass.states.get(entity_id)
    assert state is None or state.state == STATE_UNAVAILABLE
    with pytest.raises(HomeAssistantError):
        await async_get_stream_source(hass, entity_id)
    assert len(await key_exchanges(simulator, FRONT_DOOR)) == 2  # nothing asked once it is known


async def test_a_revoke_through_home_assistant_ends_the_guests_live_view(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    world.share(FRONT_DOOR, GUEST, accepted=True)
    await simulator.seed(world)
    owner = await add_account(hass, simulator, OWNER)
    await add_account(hass, simulator, GUEST)
    entity_id = entity_of(hass, FRONT_DOOR, GUEST)
    device = dr.async_get(hass).async_get_device_by_identifier((DOMAIN, FRONT_DOOR.did), owner.entry_id)
    assert device is not None

    await hass.services.async_call(
        DOMAIN, "revoke", {"device_id": [device.id], "recipient": GUEST.user_id}, blocking=True
    )
    await hass.async_block_till_done()
    state = hass.states.get(entity_id)
    assert state is None or state.state == STATE_UNAVAILABLE
    assert live_entity(hass, FRONT_DOOR, OWNER) is not None


async def test_stills_come_from_the_webrtc_provider_and_are_reused_briefly(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    await simulator.seed(world)
    await add_account(hass, simulator, OWNER)
    entity_id = entity_of(hass, GARDEN, OWNER)
    # Without a provider (no go2rtc) there is no picture, and nothing is asked of the cloud.
    with pytest.raises(HomeAssistantError):
        await async_get_image(hass, entity_id)
    assert await key_exchanges(simulator, GARDEN) == []

    provider = FakeGo2rtc()
    async_register_webrtc_provider(hass, provider)
    await hass.async_block_till_done()
    # Picking the provider took no key exchange.
    assert PROVIDER_PROBE_SOURCE in provider.asked
    assert await key_exchanges(simulator, GARDEN) == []

    image = await async_get_image(hass, entity_id)
    assert image.content == b"\xff\xd8 a still \xff\xd9"
    await async_get_image(hass, entity_id)
    assert len(provider.sources) == 1
    assert len(await key_exchanges(simulator, GARDEN)) == 1
    assert query_of(provider.sources[0])["did"] == GARDEN.did

    # A still that fails (here: no address to dial since) is no picture, not an error.
    await update_device(simulator, GARDEN, localip="0.0.0.0")
    await refresh(hass)
    with (
        patch("custom_components.xiaomi_camera_share.camera.STILL_REUSE_SECONDS", 0),
        pytest.raises(HomeAssistantError),
    ):
        await async_get_image(hass, entity_id)


async def test_webrtc_offer_reports_why_a_stream_cannot_start(
    hass: HomeAssistant, simulator: Simulator, world: World, hass_ws_client: Any
) -> None:
    await simulator.seed(world)
    await add_account(hass, simulator, OWNER)
    provider = FakeGo2rtc()
    async_register_webrtc_provider(hass, provider)
    await hass.async_block_till_done()
    entity_id = entity_of(hass, GARDEN, OWNER)
    await update_device(simulator, GARDEN, isOnline=False)
    await refresh(hass)

    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {"type": "camera/webrtc/offer", "entity_id": entity_id, "offer": "v=0\r\n"}
    )
    answers = [await client.receive_json() for _ in range(3)]
    error = answers[-1]["event"]
    assert error["type"] == "error"
    assert error["message"] == f"{GARDEN.name} is offline"


class RefusingGo2rtc(FakeGo2rtc):
    """Home Assistant's go2rtc in front of a server that refuses the stream: the real client
    puts the source in its request, so the error it raises holds the URL and its keys."""

    def __init__(self, server_url: str, http: aiohttp.ClientSession) -> None:
        super().__init__()
        self.client = Go2RtcRestClient(http, server_url)

    async def async_handle_async_webrtc_offer(
        self, camera: CameraEntity, offer_sdp: str, session_id: str, send_message: WebRTCSendMessage
    ) -> None:
        await self.client.streams.add(camera.entity_id, [await self._source(camera)])


@pytest.fixture
async def refusing_go2rtc(socket_enabled: None) -> Any:
    """A go2rtc on loopback that answers every request with a server error."""

    async def refuse(request: web.Request) -> web.Response:
        return web.Response(status=500, text="streams: wrong source")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", refuse)
    runner = web.AppRunner(app, access_log=None)  # its request lines are not Home Assistant's
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


async def test_a_stream_go2rtc_refuses_is_logged_by_home_assistant_without_the_keys(
    hass: HomeAssistant,
    simulator: Simulator,
    world: World,
    http: aiohttp.ClientSession,
    refusing_go2rtc: str,
    hass_ws_client: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await simulator.seed(world)
    await add_account(hass, simulator, OWNER)
    provider = RefusingGo2rtc(refusing_go2rtc, http)
    async_register_webrtc_provider(hass, provider)
    await hass.async_block_till_done()

    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {"type": "camera/webrtc/offer", "entity_id": entity_of(hass, GARDEN, OWNER), "offer": "v=0\r\n"}
    )
    answers = [await client.receive_json() for _ in range(3)]  # accepted, the session, the error
    await hass.async_block_till_done()

    assert answers[-1]["success"] is False
    # Home Assistant logged the failed request with its traceback ...
    assert "Error handling message" in caplog.text
    assert "500" in caplog.text
    assert REDACTED_SOURCE in caplog.text
    # ... and neither the URL nor any of its keys.
    [url] = provider.sources
    query = query_of(url)
    for secret in (
        url,
        query["client_private"],
        query["client_public"],
        query["sign"],
        query["device_public"],
    ):
        assert secret not in caplog.text
    for record in caplog.records:
        assert record.exc_info is None or "xiaomi" not in str(record.exc_info[1]).lower()


def test_the_redaction_blanks_plain_and_encoded_sources_and_keeps_the_rest() -> None:
    plain = "go2rtc said: xiaomi://10.0.0.2?did=1&client_private=abc (status 500)"
    encoded = (
        "url='http://127.0.0.1:1984/api/streams?name=camera.x&src=xiaomi%3A%2F%2Fh%3Fk%3Dabc&src=ffmpeg'"
    )
    assert redact_sources(plain) == f"go2rtc said: {REDACTED_SOURCE} (status 500)"
    assert (
        redact_sources(encoded)
        == f"url='http://127.0.0.1:1984/api/streams?name=camera.x&src={REDACTED_SOURCE}'"
    )
    assert redact_sources("nothing of ours: rtsp://x") == "nothing of ours: rtsp://x"


async def test_no_home_assistant_stream_for_the_xiaomi_source(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    await simulator.seed(world)
    await add_account(hass, simulator, OWNER)
    camera = hass.data["camera"].get_entity(entity_of(hass, GARDEN, OWNER))
    assert camera is not None
    assert await camera.async_create_stream() is None
    assert await key_exchanges(simulator, GARDEN) == []


def other_integrations_camera(hass: HomeAssistant, camera: Camera) -> str:
    """A camera entity of another integration, on a device of its own with the camera's MAC."""
    other = MockConfigEntry(domain="other_camera")
    other.add_to_hass(hass)
    device = dr.async_get(hass).async_get_or_create(
        config_entry_id=other.entry_id, connections={(CONNECTION_NETWORK_MAC, format_mac(camera.mac))}
    )
    entry = er.async_get(hass).async_get_or_create(
        "camera", "other_camera", camera.did, config_entry=other, device_id=device.id
    )
    return entry.entity_id


@pytest.mark.parametrize(("skip", "expected"), [(None, False), (True, False), (False, True)])
async def test_cameras_with_another_integrations_camera_entity_are_skipped_by_option(
    hass: HomeAssistant, simulator: Simulator, world: World, skip: bool | None, expected: bool
) -> None:
    await simulator.seed(world)
    other_integrations_camera(hass, FRONT_DOOR)
    if skip is None:
        await add_account(hass, simulator, OWNER)
    else:
        await add_account(hass, simulator, OWNER, skip_linked_cameras=skip)
    assert (live_entity(hass, FRONT_DOOR, OWNER) is not None) is expected
    assert live_entity(hass, GARDEN, OWNER) is not None  # it has no other camera entity


async def test_a_camera_entity_of_another_integration_appearing_later_replaces_ours(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    await simulator.seed(world)
    await add_account(hass, simulator, OWNER)
    ours = entity_of(hass, FRONT_DOOR, OWNER)
    other_integrations_camera(hass, FRONT_DOOR)
    await hass.async_block_till_done()
    assert live_entity(hass, FRONT_DOOR, OWNER) is None
    assert hass.states.get(ours) is None
    assert live_entity(hass, GARDEN, OWNER) is not None


async def test_options_offer_the_skip_setting(
    hass: HomeAssistant, simulator: Simulator, world: World
) -> None:
    await simulator.seed(world)
    entry = await add_account(hass, simulator, OWNER)
    other_integrations_camera(hass, FRONT_DOOR)
    await hass.async_block_till_done()
    assert live_entity(hass, FRONT_DOOR, OWNER) is None

    flow = await hass.config_entries.options.async_init(entry.entry_id)
    assert flow["type"] is FlowResultType.FORM
    assert CONF_SKIP_LINKED_CAMERAS in flow["data_schema"].schema
    result = await hass.config_entries.options.async_configure(
        flow["flow_id"], {"scan_interval": 5, "auto_accept_from": [], CONF_SKIP_LINKED_CAMERAS: False}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert entry.options[CONF_SKIP_LINKED_CAMERAS] is False
    assert live_entity(hass, FRONT_DOOR, OWNER) is not None
