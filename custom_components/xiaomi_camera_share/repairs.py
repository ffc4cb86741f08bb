"""Repairs: offer to install the automation blueprints that ship with the integration.

The blueprints live in this package (``blueprints/``) and are copied into the
user's ``<config>/blueprints/automation/xiaomi_camera_share/``. A file there is
only ever written when it is missing or is exactly what was installed before (its
hash is kept in a small Store): a file the user changed is left alone and named.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import probatio as vol
from homeassistant.components.repairs import ConfirmRepairFlow, RepairsFlow, RepairsFlowResult
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.storage import Store
from homeassistant.util import yaml as yaml_util
from homeassistant.util.file import write_utf8_file_atomic

from .const import DOMAIN

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

_LOGGER = logging.getLogger(__name__)

SHIPPED_FOLDER: Final = Path(__file__).parent / "blueprints"
ISSUE_ID: Final = "install_blueprints"
STORE_KEY: Final = f"{DOMAIN}.blueprints"
STORE_VERSION: Final = 1


class BlueprintState(StrEnum):
    """How a shipped blueprint compares with the file in the user's folder."""

    MISSING = "missing"  # not there: installed on request
    OUTDATED = "outdated"  # as installed before, and a newer one ships: updated on request
    CURRENT = "current"  # the same as the shipped file
    CHANGED = "changed"  # differs from what ships and from what was installed: left alone


OFFERED: Final = frozenset({BlueprintState.MISSING, BlueprintState.OUTDATED})


@dataclass(frozen=True, slots=True)
class BlueprintFile:
    """One shipped blueprint and where it stands in the user's folder."""

    filename: str
    name: str
    state: BlueprintState


@dataclass(frozen=True, slots=True)
class InstallResult:
    """What an install wrote and what it left alone."""

    installed: list[BlueprintFile]
    kept: list[BlueprintFile]


def user_folder(hass: HomeAssistant) -> Path:
    """Where Home Assistant looks for this integration's automation blueprints."""
    return Path(hass.config.path("blueprints", "automation", DOMAIN))


def blueprint_path(filename: str) -> str:
    """A blueprint's path as automations name it (relative to blueprints/automation)."""
    return f"{DOMAIN}/{filename}"


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _shipped() -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(SHIPPED_FOLDER.glob("*.yaml"))}


def _name_of(content: bytes, filename: str) -> str:
    data = yaml_util.parse_yaml(content.decode("utf-8"))
    if isinstance(data, dict) and isinstance(data.get("blueprint"), dict):
        return str(data["blueprint"].get("name", filename))
    return filename


def _classify(folder: Path, installed: dict[str, str]) -> list[tuple[BlueprintFile, bytes]]:
    """Each shipped blueprint with its content, against the user's folder (blocking I/O)."""
    result: list[tuple[BlueprintFile, bytes]] = []
    for filename, content in _shipped().items():
        target = folder / filename
        if not target.exists():
            state = BlueprintState.MISSING
        else:
            digest = _digest(target.read_bytes())
            if digest == _digest(content):
                state = BlueprintState.CURRENT
            elif digest == installed.get(filename):
                state = BlueprintState.OUTDATED
            else:
                state = BlueprintState.CHANGED
        result.append((BlueprintFile(filename, _name_of(content, filename), state), content))
    return result


class _Installed:
    """The hashes of the blueprint files this integration wrote, by file name."""

    def __init__(self, hass: HomeAssistant) -> None:
        self._store: Store[dict[str, Any]] = Store(hass, STORE_VERSION, STORE_KEY)

    async def async_load(self) -> dict[str, str]:
        data = await self._store.async_load() or {}
        installed = data.get("installed", {})
        return {str(k): str(v) for k, v in installed.items()} if isinstance(installed, dict) else {}

    async def async_save(self, installed: dict[str, str]) -> None:
        await self._store.async_save({"installed": installed})


async def async_blueprint_status(hass: HomeAssistant) -> list[BlueprintFile]:
    """Where each shipped blueprint stands in the user's folder."""
    installed = await _Installed(hass).async_load()
    classified = await hass.async_add_executor_job(_classify, user_folder(hass), installed)
    return [file for file, _ in classified]


def _bullets(files: list[BlueprintFile]) -> str:
    return "\n".join(f"- {file.name} (`{file.filename}`)" for file in files)


async def async_offer_blueprints(hass: HomeAssistant) -> None:
    """Raise a fixable issue while a shipped blueprint is missing or outdated; clear it otherwise."""
    offered = [file for file in await async_blueprint_status(hass) if file.state in OFFERED]
    if not offered:
        ir.async_delete_issue(hass, DOMAIN, ISSUE_ID)
        return
    ir.async_create_issue(
        hass,
        DOMAIN,
        ISSUE_ID,
        is_fixable=True,
        is_persistent=False,
        severity=ir.IssueSeverity.WARNING,
        translation_key=ISSUE_ID,
        translation_placeholders={"blueprints": _bullets(offered)},
    )


def _write(folder: Path, files: list[tuple[BlueprintFile, bytes]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for file, content in files:
        write_utf8_file_atomic(str(folder / file.filename), content, mode="wb")


async def async_install_blueprints(hass: HomeAssistant) -> InstallResult:
    """Copy the missing and outdated blueprints; a file the user changed stays as it is."""
    store = _Installed(hass)
    installed = await store.async_load()
    folder = user_folder(hass)
    # Looked at again right before writing: what the user did since the offer counts.
    classified = await hass.async_add_executor_job(_classify, folder, installed)
    to_write = [(file, content) for file, content in classified if file.state in OFFERED]
    kept = [file for file, _ in classified if file.state is BlueprintState.CHANGED]
    await hass.async_add_executor_job(_write, folder, to_write)
    for file, content in classified:
        if file.state is not BlueprintState.CHANGED:
            installed[file.filename] = _digest(content)
    await store.async_save(installed)
    for file in kept:
        _LOGGER.warning(
            "Left %s alone in %s: it was changed here, so the version that ships is not installed over it",
            file.filename,
            folder,
        )
    updated = [file for file, _ in to_write if file.state is BlueprintState.OUTDATED]
    await _async_reload_automations(hass, updated)
    return InstallResult(installed=[file for file, _ in to_write], kept=kept)


async def _async_reload_automations(hass: HomeAssistant, updated: list[BlueprintFile]) -> None:
    """Home Assistant caches blueprints: forget them, and reload automations using an updated one."""
    if "automation" not in hass.config.components:
        return
    from homeassistant.components.automation import automations_with_blueprint  # noqa: PLC0415
    from homeassistant.components.automation.helpers import async_get_blueprints  # noqa: PLC0415

    await async_get_blueprints(hass).async_reset_cache()
    if any(automations_with_blueprint(hass, blueprint_path(file.filename)) for file in updated):
        await hass.services.async_call("automation", "reload", blocking=True)


class InstallBlueprintsFlow(RepairsFlow):
    """Show what will be installed and what is left alone, then copy the blueprints."""

    async def async_step_init(self, user_input: dict[str, str] | None = None) -> RepairsFlowResult:
        """Start at the confirmation."""
        return await self._async_confirm()

    async def async_step_confirm(self, user_input: dict[str, str] | None = None) -> RepairsFlowResult:
        """Nothing the user changed is in the way."""
        return await self._async_install() if user_input is not None else await self._async_confirm()

    async def async_step_confirm_kept(self, user_input: dict[str, str] | None = None) -> RepairsFlowResult:
        """Some files were changed by the user; they are named and left alone."""
        return await self._async_install() if user_input is not None else await self._async_confirm()

    async def _async_confirm(self) -> RepairsFlowResult:
        files = await async_blueprint_status(self.hass)
        offered = [file for file in files if file.state in OFFERED]
        kept = [file for file in files if file.state is BlueprintState.CHANGED]
        if not offered:
            ir.async_delete_issue(self.hass, DOMAIN, ISSUE_ID)
            return self.async_abort(reason="up_to_date")
        placeholders = {"blueprints": _bullets(offered), "folder": f"blueprints/automation/{DOMAIN}"}
        if kept:
            return self.async_show_form(
                step_id="confirm_kept",
                data_schema=vol.Schema({}),
                description_placeholders={**placeholders, "kept": _bullets(kept)},
            )
        return self.async_show_form(
            step_id="confirm", data_schema=vol.Schema({}), description_placeholders=placeholders
        )

    async def _async_install(self) -> RepairsFlowResult:
        try:
            await async_install_blueprints(self.hass)
        except OSError as err:
            _LOGGER.warning("Could not install the blueprints: %s", err)
            return self.async_abort(reason="install_failed", description_placeholders={"error": str(err)})
        return self.async_create_entry(data={})


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, str | int | float | None] | None
) -> RepairsFlow:
    """The flow that fixes one of the integration's issues."""
    if issue_id == ISSUE_ID:
        return InstallBlueprintsFlow()
    return ConfirmRepairFlow()
