"""The repair that installs the blueprints: it copies them and never overwrites a changed file."""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING, Any

import pytest
from homeassistant.components.automation.helpers import async_get_blueprints
from homeassistant.components.repairs import ConfirmRepairFlow, repairs_flow_manager
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import async_capture_events

from custom_components.xiaomi_camera_share import repairs
from custom_components.xiaomi_camera_share.const import DOMAIN
from custom_components.xiaomi_camera_share.repairs import (
    ISSUE_ID,
    STORE_KEY,
    BlueprintState,
    async_blueprint_status,
    async_create_fix_flow,
    async_install_blueprints,
    async_offer_blueprints,
    blueprint_path,
)

if TYPE_CHECKING:
    from pathlib import Path

    from homeassistant.core import HomeAssistant

FILES = sorted(path.name for path in repairs.SHIPPED_FOLDER.glob("*.yaml"))


@pytest.fixture
def config_dir(hass: HomeAssistant, tmp_path: Path) -> Path:
    """A fresh configuration folder."""
    folder = tmp_path / "config"
    folder.mkdir()
    hass.config.config_dir = str(folder)
    return folder


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped blueprints that a test can turn into a newer release."""
    folder = tmp_path / "shipped"
    shutil.copytree(repairs.SHIPPED_FOLDER, folder)
    monkeypatch.setattr(repairs, "SHIPPED_FOLDER", folder)
    return folder


def _target(config_dir: Path, filename: str) -> Path:
    return config_dir / "blueprints" / "automation" / DOMAIN / filename


def _newer_release(shipped: Path, filename: str) -> bytes:
    path = shipped / filename
    content = path.read_bytes().replace(
        b"author: Xiaomi Camera Share", b"author: Xiaomi Camera Share (newer)"
    )
    path.write_bytes(content)
    return content


async def _states(hass: HomeAssistant) -> dict[str, BlueprintState]:
    return {file.filename: file.state for file in await async_blueprint_status(hass)}


async def _fix(hass: HomeAssistant) -> tuple[dict[str, Any], dict[str, Any]]:
    """Open the issue's fix flow and submit its confirmation; both steps' results."""
    assert await async_setup_component(hass, DOMAIN, {})  # its repairs platform is found once loaded
    manager = repairs_flow_manager(hass)
    assert manager is not None
    shown = await manager.async_init(DOMAIN, context={"issue_id": ISSUE_ID})
    if shown["type"] is not FlowResultType.FORM:
        return dict(shown), {}
    done = await manager.async_configure(shown["flow_id"], {})
    return dict(shown), dict(done)


@pytest.mark.usefixtures("config_dir")
async def test_offers_every_blueprint_to_a_new_installation(
    hass: HomeAssistant, issue_registry: ir.IssueRegistry
) -> None:
    await async_offer_blueprints(hass)
    issue = issue_registry.async_get_issue(DOMAIN, ISSUE_ID)
    assert issue is not None
    assert issue.is_fixable
    assert issue.severity is ir.IssueSeverity.WARNING
    assert issue.translation_key == ISSUE_ID
    listed = issue.translation_placeholders["blueprints"]
    for filename in FILES:
        assert f"(`{filename}`)" in listed
    assert "Camera sharing: guest mode" in listed


async def test_the_fix_copies_them_and_clears_the_issue(
    hass: HomeAssistant, config_dir: Path, issue_registry: ir.IssueRegistry, hass_storage: dict[str, Any]
) -> None:
    await async_offer_blueprints(hass)
    shown, done = await _fix(hass)
    assert shown["step_id"] == "confirm"
    assert shown["description_placeholders"]["folder"] == f"blueprints/automation/{DOMAIN}"
    assert done["type"] is FlowResultType.CREATE_ENTRY
    for filename in FILES:
        assert _target(config_dir, filename).read_bytes() == (repairs.SHIPPED_FOLDER / filename).read_bytes()
    assert issue_registry.async_get_issue(DOMAIN, ISSUE_ID) is None
    assert set(hass_storage[STORE_KEY]["data"]["installed"]) == set(FILES)
    # Nothing left to offer at the next start.
    await async_offer_blueprints(hass)
    assert issue_registry.async_get_issue(DOMAIN, ISSUE_ID) is None
    assert set((await _states(hass)).values()) == {BlueprintState.CURRENT}


async def test_a_newer_release_updates_untouched_files_and_leaves_a_changed_one_alone(
    hass: HomeAssistant, config_dir: Path, shipped: Path, issue_registry: ir.IssueRegistry
) -> None:
    await async_install_blueprints(hass)
    changed = _target(config_dir, "guest_mode.yaml")
    mine = changed.read_bytes().replace(b"default: 4", b"default: 12")
    changed.write_bytes(mine)
    newer_guest = _newer_release(shipped, "guest_mode.yaml")
    newer_schedule = _newer_release(shipped, "schedule.yaml")

    assert await _states(hass) == {
        "guest_mode.yaml": BlueprintState.CHANGED,
        "schedule.yaml": BlueprintState.OUTDATED,
        "tell_me.yaml": BlueprintState.CURRENT,
        "trusted_senders.yaml": BlueprintState.CURRENT,
    }
    await async_offer_blueprints(hass)
    issue = issue_registry.async_get_issue(DOMAIN, ISSUE_ID)
    assert issue is not None
    assert "schedule.yaml" in issue.translation_placeholders["blueprints"]
    assert "guest_mode.yaml" not in issue.translation_placeholders["blueprints"]

    shown, done = await _fix(hass)
    assert shown["step_id"] == "confirm_kept"
    assert "guest_mode.yaml" in shown["description_placeholders"]["kept"]
    assert "schedule.yaml" in shown["description_placeholders"]["blueprints"]
    assert done["type"] is FlowResultType.CREATE_ENTRY
    assert changed.read_bytes() == mine != newer_guest
    assert _target(config_dir, "schedule.yaml").read_bytes() == newer_schedule
    # The changed file stays the user's at every later start, too.
    assert (await _states(hass))["guest_mode.yaml"] is BlueprintState.CHANGED
    await async_offer_blueprints(hass)
    assert issue_registry.async_get_issue(DOMAIN, ISSUE_ID) is None


async def test_a_file_that_was_there_before_is_never_overwritten(
    hass: HomeAssistant, config_dir: Path
) -> None:
    # Imported earlier through the my Home Assistant link: Home Assistant rewrites it.
    imported = _target(config_dir, "tell_me.yaml")
    imported.parent.mkdir(parents=True)
    imported.write_text("blueprint:\n  name: imported by hand\n  domain: automation\n")
    result = await async_install_blueprints(hass)
    assert [file.filename for file in result.kept] == ["tell_me.yaml"]
    assert sorted(file.filename for file in result.installed) == [f for f in FILES if f != "tell_me.yaml"]
    assert imported.read_text().startswith("blueprint:\n  name: imported by hand")


async def test_a_deleted_blueprint_is_offered_again(hass: HomeAssistant, config_dir: Path) -> None:
    await async_install_blueprints(hass)
    _target(config_dir, "schedule.yaml").unlink()
    assert (await _states(hass))["schedule.yaml"] is BlueprintState.MISSING
    result = await async_install_blueprints(hass)
    assert [file.filename for file in result.installed] == ["schedule.yaml"]


async def test_the_fix_ends_quietly_when_everything_is_there_already(
    hass: HomeAssistant, issue_registry: ir.IssueRegistry, config_dir: Path
) -> None:
    assert await async_setup_component(hass, DOMAIN, {})  # the offer is made at setup
    await async_install_blueprints(hass)  # by another way, after the offer
    shown, _ = await _fix(hass)
    assert shown["type"] is FlowResultType.ABORT
    assert shown["reason"] == "up_to_date"
    assert issue_registry.async_get_issue(DOMAIN, ISSUE_ID) is None


async def test_the_fix_says_why_it_could_not_copy(
    hass: HomeAssistant, config_dir: Path, monkeypatch: pytest.MonkeyPatch, issue_registry: ir.IssueRegistry
) -> None:
    def refuse(*_args: Any) -> None:
        raise PermissionError("read-only file system")

    monkeypatch.setattr(repairs, "_write", refuse)
    await async_offer_blueprints(hass)
    _, done = await _fix(hass)
    assert done["type"] is FlowResultType.ABORT
    assert done["reason"] == "install_failed"
    assert "read-only file system" in done["description_placeholders"]["error"]
    assert issue_registry.async_get_issue(DOMAIN, ISSUE_ID) is not None  # still offered


async def test_automations_on_an_updated_blueprint_are_reloaded(
    hass: HomeAssistant, config_dir: Path, shipped: Path
) -> None:
    await async_install_blueprints(hass)
    inputs = {"switch": "input_boolean.guest", "cameras": ["device"], "recipient": "Grandma"}
    config = {"use_blueprint": {"path": blueprint_path("guest_mode.yaml"), "input": inputs}}
    # A reload reads configuration.yaml again.
    (config_dir / "configuration.yaml").write_text(json.dumps({"automation": [config]}))
    assert await async_setup_component(hass, "automation", {"automation": [config]})
    await hass.async_block_till_done()
    reloaded = async_capture_events(hass, "automation_reloaded")

    newer = shipped / "guest_mode.yaml"
    newer.write_bytes(newer.read_bytes().replace(b"guest mode", b"guest mode, improved"))
    await async_install_blueprints(hass)
    await hass.async_block_till_done()
    assert len(reloaded) == 1
    blueprint = await async_get_blueprints(hass).async_get_blueprint(blueprint_path("guest_mode.yaml"))
    assert blueprint.name == "Camera sharing: guest mode, improved"


async def test_other_issues_keep_the_plain_confirmation(hass: HomeAssistant) -> None:
    assert isinstance(await async_create_fix_flow(hass, "cloud_override", None), ConfirmRepairFlow)
