"""Every action, field, error key and language file agree with each other."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from homeassistant.helpers.service import async_get_all_descriptions
from homeassistant.setup import async_setup_component

from custom_components.xiaomi_camera_share.const import DOMAIN

if TYPE_CHECKING:
    from homeassistant.core import HomeAssistant

PACKAGE = Path(__file__).parents[2] / "custom_components" / DOMAIN
LANGUAGES = ("en", "zh-Hans", "zh-Hant")


def _load(language: str) -> dict:
    return json.loads((PACKAGE / "translations" / f"{language}.json").read_text(encoding="utf-8"))


def _leaves(tree: dict, prefix: str = "") -> dict[str, str]:
    leaves: dict[str, str] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            leaves.update(_leaves(value, f"{prefix}{key}."))
        else:
            leaves[f"{prefix}{key}"] = value
    return leaves


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_languages_have_the_same_keys_and_placeholders(language: str) -> None:
    english, other = _leaves(_load("en")), _leaves(_load(language))
    assert set(other) == set(english)
    for key, text in english.items():
        assert set(re.findall(r"\{\w+\}", other[key])) == set(re.findall(r"\{\w+\}", text)), key


def test_every_raised_key_is_translated() -> None:
    source = "\n".join(p.read_text() for p in PACKAGE.glob("*.py"))
    raised = set(re.findall(r'invalid\(\s*"(\w+)"', source))
    raised |= {
        f"camera_not_shareable_{reason}" for reason in ("not_owner", "model_not_shareable", "sharee_limit")
    }
    raised |= set(re.findall(r'translation_key="(\w+)"', source))
    exceptions = set(_load("en")["exceptions"])
    issues = set(_load("en")["issues"])
    selectors = set(_load("en")["selector"])
    assert raised - exceptions - issues - selectors == set()


async def test_actions_are_described_and_translated(hass: HomeAssistant) -> None:
    assert await async_setup_component(hass, DOMAIN, {})
    descriptions = (await async_get_all_descriptions(hass))[DOMAIN]
    services = _load("en")["services"]
    assert set(descriptions) == set(services)
    for name, description in descriptions.items():
        assert set(description["fields"]) == set(services[name]["fields"]), name
