"""Home Assistant's own rules for the integration's manifest, actions, texts and icons.

hassfest, the validator Home Assistant runs on integrations, ships with Home
Assistant's source, not its package. Where the installed Home Assistant validates
a file as it loads it (the manifest's version, services.yaml and its selectors),
that validator runs here. hassfest's other rules are written out below as checks of
our own; each names the hassfest module it comes from. Every checker returns the
problems it finds, and every rule is shown to fail on a broken copy.
"""

from __future__ import annotations

import copy
import json
import re
import string
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import probatio
import pytest
from awesomeversion import AwesomeVersion, AwesomeVersionException, AwesomeVersionStrategy
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers import selector
from homeassistant.helpers import service as ha_service
from homeassistant.loader import Integration
from homeassistant.util.yaml import load_yaml_dict

from custom_components.xiaomi_camera_share.const import DOMAIN

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

PACKAGE = Path(__file__).parents[2] / "custom_components" / DOMAIN
LANGUAGES = ("en", "zh-Hans", "zh-Hant")

Tree = dict[str, Any]


def _json(name: str) -> Tree:
    data: Tree = json.loads((PACKAGE / name).read_text(encoding="utf-8"))
    return data


def _manifest() -> Tree:
    return _json("manifest.json")


def _services() -> Tree:
    return load_yaml_dict(str(PACKAGE / "services.yaml"))


def _strings(language: str = "en") -> Tree:
    return _json(f"translations/{language}.json")


def _icons() -> Tree:
    return _json("icons.json")


# --- manifest.json (hassfest: manifest.py) ---------------------------------------

IOT_CLASSES = {"assumed_state", "calculated", "cloud_polling", "cloud_push", "local_polling", "local_push"}
INTEGRATION_TYPES = {"device", "entity", "hardware", "helper", "hub", "service", "system"}
VERSION_STRATEGIES = [
    AwesomeVersionStrategy.CALVER,
    AwesomeVersionStrategy.SEMVER,
    AwesomeVersionStrategy.SIMPLEVER,
    AwesomeVersionStrategy.BUILDVER,
    AwesomeVersionStrategy.PEP440,
]


def _https_url(value: object) -> bool:
    return isinstance(value, str) and re.fullmatch(r"https://[^\s/]+\.[^\s/]+(/\S*)?", value) is not None


def manifest_problems(manifest: Tree, folder: str) -> list[str]:
    """What hassfest's manifest rules for a custom integration find wrong."""
    problems: list[str] = []
    for key in ("domain", "name", "documentation", "codeowners", "iot_class", "version"):
        if key not in manifest:
            problems.append(f"{key} is missing")
    if manifest.get("domain") != folder:
        problems.append("domain does not match the folder's name")
    owners = manifest.get("codeowners", [])
    if not owners or not all(isinstance(o, str) and o.startswith("@") for o in owners):
        problems.append("codeowners must name at least one @owner")
    for key in ("documentation", "issue_tracker"):
        if key in manifest and not _https_url(manifest[key]):
            problems.append(f"{key} is not an https URL")
    if "issue_tracker" not in manifest:
        problems.append("issue_tracker is missing")
    if "iot_class" in manifest and manifest["iot_class"] not in IOT_CLASSES:
        problems.append(f"iot_class {manifest['iot_class']!r} is unknown")
    if manifest.get("integration_type", "hub") not in INTEGRATION_TYPES:
        problems.append(f"integration_type {manifest['integration_type']!r} is unknown")
    if "version" in manifest:
        try:
            AwesomeVersion(str(manifest["version"]), ensure_strategy=VERSION_STRATEGIES)
        except AwesomeVersionException:
            problems.append(f"version {manifest['version']!r} is not a version")
    for key in ("requirements", "dependencies", "after_dependencies"):
        if not all(isinstance(item, str) for item in manifest.get(key, [])):
            problems.append(f"{key} must be a list of strings")
    for requirement in manifest.get("requirements", []):
        if not re.fullmatch(r"[A-Za-z0-9._-]+(\[[\w,]+\])?==\S+", requirement):
            problems.append(f"requirement {requirement!r} is not pinned with ==")
    keys = list(manifest)
    wanted = sorted(keys, key=lambda key: {"domain": "0", "name": "1"}.get(key, f"2{key}"))
    if keys != wanted:
        problems.append("keys are not in order: domain, name, then alphabetical")
    return problems


# --- services.yaml (the installed Home Assistant; hassfest: services.py) ----------


def services_problems(services: Tree, strings: Tree) -> list[str]:
    """What Home Assistant's services.yaml schema and hassfest's rules find wrong."""
    problems: list[str] = []
    try:
        # The schema Home Assistant applies as it loads the action descriptions.
        ha_service._SERVICES_SCHEMA(copy.deepcopy(services))
    except probatio.Invalid as error:
        problems.append(f"Home Assistant rejects services.yaml: {error}")
    translated = strings.get("services", {})
    for name, description in services.items():
        try:
            cv.slug(name)
        except probatio.Invalid:
            problems.append(f"action name {name!r} is not a slug")
        for key in ("name", "description"):
            if key not in translated.get(name, {}):
                problems.append(f"action {name} has no {key} in en.json")
        for field, schema in ((description or {}).get("fields") or {}).items():
            if "fields" in (schema or {}):
                continue  # a section (the integration has none): HA's schema above checks its fields
            for key in ("name", "description"):
                if key not in translated.get(name, {}).get("fields", {}).get(field, {}):
                    problems.append(f"field {name}.{field} has no {key} in en.json")
            if "selector" in (schema or {}):
                try:
                    selector.validate_selector(schema["selector"])
                except (probatio.Invalid, KeyError) as error:
                    problems.append(f"field {name}.{field} has an invalid selector: {error}")
                choices = (schema["selector"].get("select") or {}).get("translation_key")
                if choices is not None and choices not in strings.get("selector", {}):
                    problems.append(f"field {name}.{field}: selector {choices} is not in en.json")
    return problems


# --- translations/*.json (hassfest: translations.py) ------------------------------

TRANSLATION_KEY = re.compile(r"^(?![_-])(?!.*[_-]{2})[a-z0-9_-]+(?<![_-])$")
URL = re.compile(r"((https?|ftps?|mqtts?|socks5|scp)://|www\.)[a-z0-9]+([.-][a-z0-9]+)*\.[a-z]{2,5}", re.I)
TOP_LEVEL = {
    "title", "config", "config_subentries", "options", "selector", "device", "entity",
    "entity_component", "exceptions", "issues", "services", "device_automation",
    "system_health", "application_credentials", "conditions", "triggers", "common",
}  # fmt: skip
STEP_KEYS = {
    "title", "description", "data", "data_description", "menu_options",
    "menu_option_descriptions", "submit", "sections",
}  # fmt: skip
FLOW_KEYS = {"flow_title", "step", "error", "abort", "progress", "create_entry", "initiate_flow"}


def text_problems(where: str, text: object) -> list[str]:
    """hassfest's rules for one translated text."""
    if not isinstance(text, str):
        return [f"{where} is not a string"]
    problems: list[str] = []
    try:
        cv.string_with_no_html(text)
    except probatio.Invalid:
        problems.append(f"{where} holds HTML")
    if text != text.strip():
        problems.append(f"{where} has leading or trailing spaces")
    if re.search(r"'\{\w+\}'", text):
        problems.append(f"{where} puts a placeholder in single quotes")
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name]
    except ValueError:
        names = ["?"]
    if not all(name.isidentifier() for name in names):
        problems.append(f"{where} has a placeholder that is not an identifier")
    if URL.search(text):
        problems.append(f"{where} holds a URL (use a placeholder)")
    if re.search(r"(.+\[%)|(%\].+)", text):
        problems.append(f"{where} combines a reference with other text")
    return problems


def _texts(tree: Tree, prefix: str) -> list[tuple[str, object]]:
    leaves: list[tuple[str, object]] = []
    for key, value in tree.items():
        if isinstance(value, dict):
            leaves.extend(_texts(value, f"{prefix}.{key}"))
        else:
            leaves.append((f"{prefix}.{key}", value))
    return leaves


def _keys(where: str, mapping: Tree, check: Callable[[str], bool]) -> list[str]:
    return [f"{where}.{key} is not a valid key" for key in mapping if not check(key)]


def _is_translation_key(key: str) -> bool:
    return TRANSLATION_KEY.match(key) is not None


def _is_slug(key: str) -> bool:
    try:
        cv.slug(key)
    except probatio.Invalid:
        return False
    return True


def _flow_problems(where: str, flow: Tree) -> list[str]:
    problems = [f"{where}.{key} is not a flow key" for key in flow if key not in FLOW_KEYS]
    for step_id, step in flow.get("step", {}).items():
        problems += [
            f"{where}.step.{step_id}.{key} is not a step key" for key in step if key not in STEP_KEYS
        ]
        for key in step.get("data_description", {}):
            if key not in step.get("data", {}):
                problems.append(f"{where}.step.{step_id}.data_description.{key} is not in data")
    return problems


def translation_problems(strings: Tree) -> list[str]:
    """What hassfest's schema for an integration's translations finds wrong."""
    problems = [f"{key} is not a section of translations" for key in strings if key not in TOP_LEVEL]
    for where, text in _texts(strings, ""):
        problems += text_problems(where.lstrip("."), text)
    for section in ("config", "options"):
        if section in strings:
            problems += _flow_problems(section, strings[section])
    for key, choice in strings.get("selector", {}).items():
        problems += _keys(f"selector.{key}.options", choice.get("options", {}), _is_translation_key)
    problems += _keys("entity", strings.get("entity", {}), _is_slug)
    for platform, entities in strings.get("entity", {}).items():
        problems += _keys(f"entity.{platform}", entities, _is_translation_key)
        for key, entity in entities.items():
            problems += _keys(f"entity.{platform}.{key}.state", entity.get("state", {}), _is_translation_key)
            attributes = entity.get("state_attributes", {})
            problems += _keys(f"entity.{platform}.{key}.state_attributes", attributes, _is_translation_key)
    problems += _keys("exceptions", strings.get("exceptions", {}), _is_slug)
    for key, exception in strings.get("exceptions", {}).items():
        if set(exception) != {"message"}:
            problems.append(f"exceptions.{key} must hold a message alone")
    for key, issue in strings.get("issues", {}).items():
        if "title" not in issue:
            problems.append(f"issues.{key} has no title")
        if ("description" in issue) == ("fix_flow" in issue):
            problems.append(f"issues.{key} needs a description or a fix_flow, not both")
        if "fix_flow" in issue:
            problems += _flow_problems(f"issues.{key}.fix_flow", issue["fix_flow"])
    problems += _keys("services", strings.get("services", {}), _is_translation_key)
    for name, action in strings.get("services", {}).items():
        problems += [f"services.{name} has no {key}" for key in ("name", "description") if key not in action]
        problems += _keys(f"services.{name}.fields", action.get("fields", {}), _is_translation_key)
        for field, texts in action.get("fields", {}).items():
            missing = [key for key in ("name", "description") if key not in texts]
            problems += [f"services.{name}.fields.{field} has no {key}" for key in missing]
    return problems


def language_problems(english: Tree, other: Tree) -> list[str]:
    """A translation has English's keys and, in each text, English's placeholders."""
    theirs, ours = dict(_texts(english, "")), dict(_texts(other, ""))
    problems = [f"{key} is missing" for key in theirs.keys() - ours.keys()]
    problems += [f"{key} is not in English" for key in ours.keys() - theirs.keys()]
    for key in theirs.keys() & ours.keys():
        wanted = set(re.findall(r"\{(\w+)\}", str(theirs[key])))
        if set(re.findall(r"\{(\w+)\}", str(ours[key]))) != wanted:
            problems.append(f"{key} does not have English's placeholders {sorted(wanted)}")
    return problems


# --- icons.json (hassfest: icons.py; the shapes Home Assistant's icon loader reads) --

ICON_SECTIONS = {"config", "options", "issues", "services", "entity"}


def icon_problems(icons: Tree, services: Tree, strings: Tree) -> list[str]:
    """What hassfest's icon schema finds wrong, and icons of actions that do not exist."""
    problems = [f"{key} is not a section of icons.json" for key in icons if key not in ICON_SECTIONS]

    def icon(where: str, value: object) -> None:
        if not isinstance(value, str) or not value.startswith("mdi:") or value != value.strip():
            problems.append(f"{where} is not an mdi: icon")
            return
        try:
            cv.string_with_no_html(value)
        except probatio.Invalid:
            problems.append(f"{where} holds HTML")

    for platform, entities in icons.get("entity", {}).items():
        if not _is_slug(platform):
            problems.append(f"entity.{platform} is not a platform")
        for key, entity in entities.items():
            where = f"entity.{platform}.{key}"
            if key not in strings.get("entity", {}).get(platform, {}):
                problems.append(f"{where} is not an entity of en.json")
            problems += [f"{where}.{k} is not an icon key" for k in entity if k not in {"default", "state"}]
            if "default" in entity:
                icon(f"{where}.default", entity["default"])
            for state, value in entity.get("state", {}).items():
                if not _is_translation_key(state):
                    problems.append(f"{where}.state.{state} is not a valid key")
                icon(f"{where}.state.{state}", value)
                if value == entity.get("default"):
                    problems.append(f"{where}.state.{state} repeats the default icon")
    for name, value in icons.get("services", {}).items():
        if name not in services:
            problems.append(f"services.{name} is not an action of services.yaml")
        if isinstance(value, str):
            icon(f"services.{name}", value)
            continue
        if not isinstance(value, dict) or set(value) - {"service", "sections"}:
            problems.append(f"services.{name} must be an icon or {{service, sections}}")
            continue
        icon(f"services.{name}.service", value.get("service"))
        for section, section_icon in value.get("sections", {}).items():
            icon(f"services.{name}.sections.{section}", section_icon)
    return problems


# --- the integration's own files pass -------------------------------------------


def test_manifest_follows_the_rules() -> None:
    assert manifest_problems(_manifest(), PACKAGE.name) == []


def test_actions_follow_the_rules() -> None:
    assert services_problems(_services(), _strings()) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_follow_the_rules(language: str) -> None:
    assert translation_problems(_strings(language)) == []


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_translations_match_english(language: str) -> None:
    assert language_problems(_strings(), _strings(language)) == []


def test_icons_follow_the_rules() -> None:
    assert icon_problems(_icons(), _services(), _strings()) == []


def _loaded(hass: HomeAssistant, root: Path) -> Integration | None:
    """What Home Assistant's loader makes of the custom integration under root."""
    return Integration.resolve_from_root(
        hass,
        SimpleNamespace(__path__=[str(root)], __name__="custom_components"),  # type: ignore[arg-type]
        DOMAIN,
    )


async def test_home_assistant_loads_the_manifest(hass: HomeAssistant) -> None:
    integration = _loaded(hass, PACKAGE.parent)
    assert integration is not None
    assert integration.version is not None


# --- every rule fails on a broken copy -------------------------------------------

Edit = Callable[[Tree], object]


def _set(path: str, value: object) -> Edit:
    def edit(tree: Tree) -> None:
        *parents, last = path.split(".")
        for key in parents:
            tree = tree[key]
        tree[last] = value

    return edit


def _drop(path: str) -> Edit:
    def edit(tree: Tree) -> None:
        *parents, last = path.split(".")
        for key in parents:
            tree = tree[key]
        del tree[last]

    return edit


def _reorder(tree: Tree) -> None:
    items = list(tree.items())
    tree.clear()
    tree.update(items[1:] + items[:1])


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (_drop("version"), "version is missing"),
        (_set("version", "one point oh"), "is not a version"),
        (_set("codeowners", []), "codeowners must name"),
        (_drop("issue_tracker"), "issue_tracker is missing"),
        (_set("documentation", "http://example.com/docs"), "documentation is not an https URL"),
        (_set("iot_class", "cloud_magic"), "iot_class 'cloud_magic' is unknown"),
        (_set("integration_type", "gadget"), "integration_type 'gadget' is unknown"),
        (_set("domain", "xiaomi"), "domain does not match"),
        (_set("requirements", ["segno>=1"]), "is not pinned"),
        (_reorder, "keys are not in order"),
    ],
)
def test_manifest_rules_fail_on_a_broken_copy(edit: Edit, problem: str) -> None:
    manifest = _manifest()
    edit(manifest)
    assert any(problem in each for each in manifest_problems(manifest, PACKAGE.name))


async def test_home_assistant_refuses_a_manifest_without_a_version(
    hass: HomeAssistant, tmp_path: Path
) -> None:
    broken = tmp_path / DOMAIN
    broken.mkdir()
    manifest = _manifest()
    del manifest["version"]
    (broken / "manifest.json").write_text(json.dumps(manifest))
    assert _loaded(hass, tmp_path) is None


@pytest.mark.parametrize(
    ("edit", "problem", "on"),
    [
        (_set("share.fields.recipient.selector", {"no_such_selector": {}}), "Home Assistant rejects", "yaml"),
        (_set("share.fields.duration.selector", {"duration": {"enable_day": "often"}}), "rejects", "yaml"),
        (_set("share.fields.recipient.selector", {"text": {"colour": "red"}}), "invalid selector", "yaml"),
        (_set("Share Now", {}), "is not a slug", "yaml"),
        (_drop("services.refresh.description"), "action refresh has no description", "strings"),
        (_drop("services.share.fields.duration"), "field share.duration has no name", "strings"),
        (_drop("selector.permission"), "selector permission is not in en.json", "strings"),
    ],
)
def test_action_rules_fail_on_a_broken_copy(edit: Edit, problem: str, on: str) -> None:
    services, strings = _services(), _strings()
    edit(services if on == "yaml" else strings)
    assert any(problem in each for each in services_problems(services, strings))


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (_set("services.share.name", " Share cameras"), "leading or trailing spaces"),
        (_set("services.share.name", "Share <b>cameras</b>"), "holds HTML"),
        (_set("issues.expiry_failed.title", "Ending '{camera}' failed"), "in single quotes"),
        (_set("issues.expiry_failed.title", "Ending {0camera} failed"), "not an identifier"),
        (_set("services.share.description", "See https://example.com/help"), "holds a URL"),
        (_set("services.share.name", "[%key:common::share%] now"), "combines a reference"),
        (_set("services.share.name", 42), "is not a string"),
        (_set("selector.permission.options.View_Only", "View only"), "not a valid key"),
        (_set("services.share.fields.Device-ID", {"name": "x", "description": "y"}), "not a valid key"),
        (_set("entity.sensor.sharees.state", {"some__state": "Some"}), "not a valid key"),
        (_set("exceptions.Auth Expired", {"message": "x"}), "exceptions.Auth Expired is not a valid key"),
        (_set("exceptions.auth_expired", {"text": "x"}), "must hold a message alone"),
        (_drop("issues.expiry_failed.title"), "has no title"),
        (_drop("issues.expiry_failed.description"), "needs a description or a fix_flow"),
        (_drop("services.share.description"), "services.share has no description"),
        (_drop("services.share.fields.recipient.name"), "fields.recipient has no name"),
        (_set("config.step.password.data_description", {"pin": "x"}), "is not in data"),
        (_set("config.step.password.hint", "x"), "is not a step key"),
        (_set("config.notes", {}), "is not a flow key"),
        (_set("help", {}), "help is not a section"),
    ],
)
def test_translation_rules_fail_on_a_broken_copy(edit: Edit, problem: str) -> None:
    strings = _strings()
    edit(strings)
    assert any(problem in each for each in translation_problems(strings))


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (_set("services.share.name", "Share {camera}"), "does not have English's placeholders"),
        (_drop("services.share.name"), "services.share.name is missing"),
        (_set("services.share.alias", "x"), "is not in English"),
    ],
)
def test_language_rules_fail_on_a_broken_copy(edit: Edit, problem: str) -> None:
    other = _strings("zh-Hans")
    edit(other)
    assert any(problem in each for each in language_problems(_strings(), other))


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (_set("services.share.service", "share-variant"), "is not an mdi: icon"),
        (_set("services.teleport", {"service": "mdi:rocket"}), "not an action of services.yaml"),
        (_set("services.share", {"service": "mdi:share", "colour": "red"}), "must be an icon or"),
        (_set("entity.sensor.sharees.default", "mdi:<b>x</b>"), "holds HTML"),
        (_set("entity.sensor.ghost", {"default": "mdi:ghost"}), "not an entity of en.json"),
        (_set("entity.sensor.sharees.state", {"none": "mdi:account-multiple"}), "repeats the default"),
        (_set("entity.sensor.sharees.state", {"None": "mdi:account"}), "not a valid key"),
        (_set("entity.sensor.sharees.colour", "red"), "not an icon key"),
        (_set("actions", {}), "actions is not a section"),
    ],
)
def test_icon_rules_fail_on_a_broken_copy(edit: Edit, problem: str) -> None:
    icons = _icons()
    edit(icons)
    assert any(problem in each for each in icon_problems(icons, _services(), _strings()))
