"""The model table is camera_models.json, the one file the simulator's product table reads too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from custom_components.xiaomi_camera_share.capabilities import (
    MODEL_TABLE,
    MODELS_FILE,
    UNKNOWN_MODEL_SHARING,
    CloudAnswers,
    ModelInfo,
    Sharing,
    capabilities_of,
    model_name,
    parse_model_file,
)
from custom_components.xiaomi_camera_share.cloud.models import Device, Sharee
from custom_components.xiaomi_camera_share.cloud.regions import Region

ROOT = Path(__file__).parents[2]
FILE = ROOT / "custom_components" / "xiaomi_camera_share" / "camera_models.json"
SIMULATOR_PRODUCTS = ROOT / "simulator" / "src" / "state" / "products.ts"
UNKNOWN_MODEL = "vendor.camera.unknown"

# What each sharing means for the integration: (shareable, view-only offered).
MEANING = {"choice": (True, True), "fixed": (True, False), "none": (False, False)}


def model_file() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(FILE.read_text(encoding="utf-8"))
    return doc


def test_the_table_is_the_model_file() -> None:
    assert MODELS_FILE.resolve() == FILE.resolve()
    models = model_file()["models"]
    assert set(MODEL_TABLE) == set(models)
    for model, entry in models.items():
        info = MODEL_TABLE[model]
        assert (info.name, info.shareable, info.view_only) == (entry["name"], *MEANING[entry["sharing"]])
    assert {entry["sharing"] for entry in models.values()} == set(MEANING)


def test_unknown_models_get_the_files_default_control_only() -> None:
    assert UNKNOWN_MODEL_SHARING == model_file()["unknown_models"] == Sharing.FIXED
    device = Device(did="1", name="Cam", model=UNKNOWN_MODEL, region=Region.CN)
    result = capabilities_of(device, [], CloudAnswers())
    assert (result.can_share, result.view_only, result.reason) == (True, False, None)
    assert model_name(UNKNOWN_MODEL) is None


def test_a_read_only_sharee_proves_the_choice_for_an_unknown_model() -> None:
    # The integration believes the cloud over the table; the simulator only follows the file.
    device = Device(did="1", name="Cam", model=UNKNOWN_MODEL, region=Region.CN)
    sharee = Sharee(user_id="9", nickname="Nine", read_only=True)
    assert capabilities_of(device, [sharee], CloudAnswers()).view_only is True


def test_the_simulator_reads_this_file_and_keeps_no_table_of_its_own() -> None:
    source = SIMULATOR_PRODUCTS.read_text(encoding="utf-8")
    assert "custom_components/xiaomi_camera_share/camera_models.json" in source
    assert not [model for model in MODEL_TABLE if model in source]


def test_model_info_of_each_sharing() -> None:
    assert ModelInfo.of("A", Sharing.CHOICE) == ModelInfo("A", shareable=True, view_only=True)
    assert ModelInfo.of("A", Sharing.FIXED) == ModelInfo("A", shareable=True, view_only=False)
    assert ModelInfo.of("A", Sharing.NONE) == ModelInfo("A", shareable=False, view_only=False)


@pytest.mark.parametrize(
    "doc",
    [
        [],
        {"models": {}},
        {"unknown_models": "fixed", "models": []},
        {"unknown_models": "readonly", "models": {}},
        {"unknown_models": "fixed", "models": {"a.camera.b": {"name": "B"}}},
        {"unknown_models": "fixed", "models": {"a.camera.b": {"name": "", "sharing": "fixed"}}},
        {"unknown_models": "fixed", "models": {"a.camera.b": {"name": "B", "sharing": "all"}}},
        {"unknown_models": "fixed", "models": {}, "extra": 1},
    ],
)
def test_a_malformed_file_fails_loudly(doc: object) -> None:
    with pytest.raises(ValueError, match=r"camera_models\.json"):
        parse_model_file(doc)
