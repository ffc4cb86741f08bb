"""The automation blueprints: Home Assistant's own validation, and what they do when run."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import pytest
from freezegun import freeze_time
from homeassistant.components.automation.config import (
    AUTOMATION_BLUEPRINT_SCHEMA,
    ValidationStatus,
    async_validate_config_item,
)
from homeassistant.components.blueprint.models import Blueprint, BlueprintInputs
from homeassistant.components.blueprint.schemas import BLUEPRINT_SCHEMA
from homeassistant.const import EVENT_HOMEASSISTANT_STARTED, STATE_OFF, STATE_ON
from homeassistant.core import SupportsResponse
from homeassistant.exceptions import HomeAssistantError
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from homeassistant.util import yaml as yaml_util
from pytest_homeassistant_custom_component.common import async_fire_time_changed, async_mock_service

from custom_components.xiaomi_camera_share.const import DOMAIN, EVENT_NAME
from custom_components.xiaomi_camera_share.repairs import (
    SHIPPED_FOLDER,
    async_install_blueprints,
    blueprint_path,
)
from custom_components.xiaomi_camera_share.service_schemas import (
    INVITE_SCHEMA,
    REVOKE_SCHEMA,
    SET_EXPIRY_SCHEMA,
    SHARE_SCHEMA,
)

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant, ServiceCall

ROOT = Path(__file__).parents[2]
REPOSITORY = "xiaomi-camera-share/xiaomi-camera-share"
FILES = sorted(path.name for path in SHIPPED_FOLDER.glob("*.yaml"))
ENTRY = "01JBLUEPRINTACCOUNT00000001"
FRONT, GARDEN = "device_front_door", "device_garden"


def _load(filename: str) -> dict[str, Any]:
    return yaml_util.load_yaml_dict(SHIPPED_FOLDER / filename)


def _blueprint(filename: str) -> Blueprint:
    return Blueprint(_load(filename), expected_domain="automation", schema=AUTOMATION_BLUEPRINT_SCHEMA)


# Inputs that fill each blueprint in, as a user would through its pickers.
FILLED_IN: dict[str, dict[str, Any]] = {
    "guest_mode.yaml": {
        "switch": "input_boolean.guest",
        "cameras": [FRONT, GARDEN],
        "recipient": "Grandma",
    },
    "schedule.yaml": {"schedule": "schedule.nanny", "cameras": [FRONT], "recipient": "1100000004"},
    "trusted_senders.yaml": {"account": ENTRY, "senders": ["1100000001", " 1100000009 "]},
    "tell_me.yaml": {},
}


# --- Home Assistant's validation ---------------------------------------------------


def test_the_four_stories_ship() -> None:
    assert FILES == ["guest_mode.yaml", "schedule.yaml", "tell_me.yaml", "trusted_senders.yaml"]
    assert set(FILLED_IN) == set(FILES)


@pytest.mark.parametrize("filename", FILES)
def test_passes_home_assistants_blueprint_validation(filename: str) -> None:
    data = _load(filename)
    generic = Blueprint(data, expected_domain="automation", schema=BLUEPRINT_SCHEMA)
    blueprint = _blueprint(filename)
    assert generic.name == blueprint.name
    assert blueprint.validate() is None  # this Home Assistant meets its min_version
    assert blueprint.metadata["source_url"] == (
        f"https://github.com/{REPOSITORY}/blob/main/custom_components/{DOMAIN}/blueprints/{filename}"
    )


@pytest.mark.parametrize("filename", FILES)
def test_pickers_offer_only_this_integrations_cameras_and_accounts(filename: str) -> None:
    inputs = _blueprint(filename).inputs
    for name, spec in inputs.items():
        selector = spec["selector"]
        if "device" in selector:
            assert selector["device"]["filter"] == [{"integration": DOMAIN}], name
            assert selector["device"]["multiple"] is True, name
        if "config_entry" in selector:
            assert selector["config_entry"] == {"integration": DOMAIN}, name
    if "recipient" in inputs:
        recipient = inputs["recipient"]
        assert "text" in recipient["selector"]
        for words in ("saved recipient's name", "Xiaomi ID", "phone number"):
            assert words in recipient["description"]


def test_ship_the_repository_that_the_manifest_names() -> None:
    manifest = (ROOT / "custom_components" / DOMAIN / "manifest.json").read_text()
    assert f"https://github.com/{REPOSITORY}" in manifest


def test_readme_offers_each_blueprint_for_one_click_import() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(
        r"https://my\.home-assistant\.io/redirect/blueprint_import/\?blueprint_url=([^)\s]+)", readme
    )
    targets = {unquote(link) for link in links}
    raw = f"https://raw.githubusercontent.com/{REPOSITORY}/main/custom_components/{DOMAIN}/blueprints"
    assert targets == {f"{raw}/{filename}" for filename in FILES}


@pytest.fixture
async def installed(hass: HomeAssistant, tmp_path: Path) -> Path:
    """The blueprints copied into a fresh configuration folder, as the repair does."""
    hass.config.config_dir = str(tmp_path)
    result = await async_install_blueprints(hass)
    assert sorted(file.filename for file in result.installed) == FILES
    return tmp_path


@pytest.mark.usefixtures("installed")
@pytest.mark.parametrize("filename", FILES)
async def test_a_filled_in_automation_validates(hass: HomeAssistant, filename: str) -> None:
    config: dict[str, Any] = {
        "id": f"test_{filename}",
        "alias": filename,
        "use_blueprint": {"path": blueprint_path(filename), "input": FILLED_IN[filename]},
    }
    inputs = BlueprintInputs(_blueprint(filename), config)
    inputs.validate()  # nothing required is missing
    validated = await async_validate_config_item(hass, f"test_{filename}", config)
    assert validated is not None
    assert validated.validation_status is ValidationStatus.OK


async def test_a_missing_input_is_refused(hass: HomeAssistant, installed: Path) -> None:
    config = {
        "id": "no_cameras",
        "use_blueprint": {"path": blueprint_path("guest_mode.yaml"), "input": {"switch": "input_boolean.g"}},
    }
    with pytest.raises(HomeAssistantError, match="Missing input"):
        await async_validate_config_item(hass, "no_cameras", config)


# --- What they do -------------------------------------------------------------------


async def _automation(hass: HomeAssistant, filename: str, inputs: dict[str, Any]) -> None:
    config = {"alias": filename, "use_blueprint": {"path": blueprint_path(filename), "input": inputs}}
    assert await async_setup_component(hass, "automation", {"automation": [config]})
    await hass.async_block_till_done()


SCHEMAS = {
    "share": SHARE_SCHEMA,
    "revoke": REVOKE_SCHEMA,
    "set_expiry": SET_EXPIRY_SCHEMA,
    "accept_invite": INVITE_SCHEMA,
}


def _action(hass: HomeAssistant, name: str, **kwargs: Any) -> list[ServiceCall]:
    """One of the integration's actions, with its real schema, recording its calls."""
    return async_mock_service(
        hass, DOMAIN, name, schema=SCHEMAS[name], supports_response=SupportsResponse.OPTIONAL, **kwargs
    )


def _data(calls: list[ServiceCall]) -> list[dict[str, Any]]:
    return [dict(call.data) for call in calls]


@pytest.mark.usefixtures("installed")
async def test_guest_mode_shares_for_the_hours_chosen_and_revokes_when_off(hass: HomeAssistant) -> None:
    assert await async_setup_component(hass, "input_boolean", {"input_boolean": {"guest": {}}})
    # The first camera is shared already: the second is shared all the same.
    shares = _action(hass, "share", raise_exception=HomeAssistantError("already shared"))
    revokes = _action(hass, "revoke")
    await _automation(hass, "guest_mode.yaml", {**FILLED_IN["guest_mode.yaml"], "hours": 6})

    await hass.services.async_call(
        "input_boolean", "turn_on", {"entity_id": "input_boolean.guest"}, blocking=True
    )
    await hass.async_block_till_done()
    assert _data(shares) == [
        {
            "device_id": [device],
            "recipient": "Grandma",
            "permission": "view_only",
            "duration": timedelta(hours=6),
            "auto_accept": False,
        }
        for device in (FRONT, GARDEN)
    ]
    assert revokes == []

    await hass.services.async_call(
        "input_boolean", "turn_off", {"entity_id": "input_boolean.guest"}, blocking=True
    )
    await hass.async_block_till_done()
    assert _data(revokes) == [{"device_id": [device], "recipient": "Grandma"} for device in (FRONT, GARDEN)]
    assert len(shares) == 2


# Monday 5 January 2026; the test instance's time zone is US/Pacific.
NANNY = {
    "name": "Nanny",
    # An overnight stretch over midnight, then a day shift.
    "monday": [{"from": "20:00:00", "to": "24:00:00"}],
    "tuesday": [{"from": "00:00:00", "to": "07:00:00"}],
    "wednesday": [{"from": "08:00:00", "to": "18:00:00"}],
}


def _local(day: int, hour: int) -> datetime:
    return datetime(2026, 1, day, hour, tzinfo=dt_util.get_default_time_zone())


async def _move_to(hass: HomeAssistant, frozen: Any, when: datetime) -> None:
    frozen.move_to(when)
    async_fire_time_changed(hass, when)
    await hass.async_block_till_done()


# The schedule helper keeps a timer for its next change after Home Assistant stops.
@pytest.mark.parametrize("expected_lingering_timers", [True])
@pytest.mark.usefixtures("installed")
async def test_schedule_shares_until_the_stretch_ends_and_revokes_after(hass: HomeAssistant) -> None:
    shares = _action(hass, "share")
    expiries = _action(hass, "set_expiry")
    revokes = _action(hass, "revoke")
    with freeze_time(_local(5, 19)) as frozen:
        assert await async_setup_component(hass, "schedule", {"schedule": {"nanny": NANNY}})
        await _automation(hass, "schedule.yaml", FILLED_IN["schedule.yaml"])
        assert hass.states.get("schedule.nanny").state == STATE_OFF

        # Monday 20:00: on until Tuesday 07:00, the midnight in between is no end.
        await _move_to(hass, frozen, _local(5, 20))
        assert hass.states.get("schedule.nanny").state == STATE_ON
        eleven_hours = timedelta(hours=11)
        assert _data(shares) == [
            {
                "device_id": [FRONT],
                "recipient": "1100000004",
                "permission": "control",
                "duration": eleven_hours,
                "auto_accept": False,
            }
        ]
        assert _data(expiries) == [
            {"device_id": [FRONT], "recipient": "1100000004", "duration": eleven_hours}
        ]

        # Midnight: still on; the end stays Tuesday 07:00.
        await _move_to(hass, frozen, _local(6, 0))
        assert hass.states.get("schedule.nanny").state == STATE_ON
        assert _data(expiries)[-1]["duration"] == timedelta(hours=7)
        assert revokes == []

        # Tuesday 07:00: off, access taken back.
        await _move_to(hass, frozen, _local(6, 7))
        assert hass.states.get("schedule.nanny").state == STATE_OFF
        assert _data(revokes) == [{"device_id": [FRONT], "recipient": "1100000004"}]


@pytest.mark.parametrize("expected_lingering_timers", [True])
@pytest.mark.usefixtures("installed")
async def test_schedule_catches_up_at_start_when_it_began_while_home_assistant_was_down(
    hass: HomeAssistant,
) -> None:
    shares = _action(hass, "share")
    expiries = _action(hass, "set_expiry")
    with freeze_time(_local(7, 10)):
        assert await async_setup_component(hass, "schedule", {"schedule": {"nanny": NANNY}})
        await _automation(hass, "schedule.yaml", FILLED_IN["schedule.yaml"])
        assert shares == []
        hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
        await hass.async_block_till_done()
    # Wednesday 10:00, on until 18:00: a share timed to end with it, however long HA is down then.
    eight_hours = timedelta(hours=8)
    assert [call["duration"] for call in _data(shares)] == [eight_hours]
    assert [call["duration"] for call in _data(expiries)] == [eight_hours]


def _invite(**data: Any) -> dict[str, Any]:
    return {
        "type": "invite_received",
        "entry_id": ENTRY,
        "did": "501000002",
        "camera_name": "Front door",
        "user_id": "1100000001",
        "nickname": "Owner",
        **data,
    }


@pytest.mark.usefixtures("installed")
async def test_trusted_senders_invites_are_accepted_with_a_notification(hass: HomeAssistant) -> None:
    accepts = _action(hass, "accept_invite", response={"invites": [{"invite_id": 7}]})
    notified = async_mock_service(hass, "notify", "persistent_notification")
    sent = async_mock_service(hass, "notify", "send_message")
    await _automation(
        hass,
        "trusted_senders.yaml",
        {**FILLED_IN["trusted_senders.yaml"], "notify_entities": ["notify.phone"]},
    )

    hass.bus.async_fire(EVENT_NAME, _invite())
    hass.bus.async_fire(
        EVENT_NAME, _invite(user_id="1100000009", nickname=None, did="501000003", camera_name=None)
    )
    hass.bus.async_fire(EVENT_NAME, _invite(user_id="3000000003"))  # not trusted
    hass.bus.async_fire(EVENT_NAME, _invite(entry_id="another account"))
    hass.bus.async_fire(EVENT_NAME, {**_invite(), "type": "share_accepted"})
    await hass.async_block_till_done()

    assert _data(accepts) == [
        {"config_entry_id": ENTRY, "sender": "1100000001", "camera": "501000002", "all": False},
        {"config_entry_id": ENTRY, "sender": "1100000009", "camera": "501000003", "all": False},
    ]
    messages = [call["message"] for call in _data(notified)]
    assert messages == ["Accepted Front door from Owner.", "Accepted 501000003 from 1100000009."]
    assert [call.data["entity_id"] for call in sent] == [["notify.phone"]] * 2


@pytest.mark.usefixtures("installed")
async def test_trusted_senders_says_so_when_accepting_fails(hass: HomeAssistant) -> None:
    _action(hass, "accept_invite", raise_exception=HomeAssistantError("cloud down"))
    notified = async_mock_service(hass, "notify", "persistent_notification")
    await _automation(hass, "trusted_senders.yaml", FILLED_IN["trusted_senders.yaml"])
    hass.bus.async_fire(EVENT_NAME, _invite())
    await hass.async_block_till_done()
    assert [call["message"] for call in _data(notified)] == [
        "Could not accept Front door from Owner; the invite waits in the camera sharing inbox."
    ]


def _event(kind: str, **data: Any) -> dict[str, Any]:
    return {
        "type": kind,
        "entry_id": ENTRY,
        "did": "501000001",
        "camera_name": "Living room",
        "user_id": "1100000004",
        "nickname": "Guest",
        **data,
    }


@pytest.mark.usefixtures("installed")
async def test_tell_me_notifies_answers_ends_and_failures(hass: HomeAssistant) -> None:
    notified = async_mock_service(hass, "notify", "persistent_notification")
    await _automation(hass, "tell_me.yaml", {})
    for event in (
        _event("share_accepted"),
        _event("share_declined"),
        _event("share_expired"),
        _event("action_failed", message="expiry_failed"),
        _event("action_failed", message="cloud_error"),  # a failed action, not an expiry
        _event("invite_sent"),
        _event("share_revoked"),
    ):
        hass.bus.async_fire(EVENT_NAME, event)
    await hass.async_block_till_done()
    assert [(call["title"], call["message"]) for call in _data(notified)] == [
        ("Camera sharing", "Guest accepted Living room and can watch it now."),
        ("Camera sharing", "Guest did not accept Living room: the invite was declined or lapsed."),
        ("Camera sharing", "Guest can no longer watch Living room: the timed share ended."),
        (
            "Camera sharing",
            "Could not end Guest's access to Living room on time. "
            "Home Assistant keeps trying; see Settings, Repairs.",
        ),
    ]


@pytest.mark.usefixtures("installed")
async def test_tell_me_keeps_to_the_chosen_events_account_and_target(hass: HomeAssistant) -> None:
    legacy = async_mock_service(hass, "notify", "persistent_notification")
    phone = async_mock_service(hass, "notify", "mobile_app_phone")
    await _automation(
        hass,
        "tell_me.yaml",
        {"notify_action": "notify.mobile_app_phone", "events": ["share_expired"], "account": ENTRY},
    )
    hass.bus.async_fire(EVENT_NAME, _event("share_accepted"))
    hass.bus.async_fire(EVENT_NAME, _event("share_expired", entry_id="another account"))
    hass.bus.async_fire(EVENT_NAME, _event("share_expired"))
    await hass.async_block_till_done()
    assert legacy == []
    assert [call["message"] for call in _data(phone)] == [
        "Guest can no longer watch Living room: the timed share ended."
    ]
