"""What each camera allows: a model table plus what the cloud has answered so far."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Final

from .const import SHAREE_LIMIT

if TYPE_CHECKING:
    from .cloud.models import Device, Sharee

# Xiaomi configures sharing per product and publishes no list, so this file holds the
# names people know plus the project's guess of each product's sharing. The simulator
# reads the same file, so the two cannot drift (docs/cloud-contract.md).
MODELS_FILE: Final = Path(__file__).with_name("camera_models.json")


class NotShareableReason(StrEnum):
    """Why a camera cannot be shared right now (the state document's ``reason``)."""

    NOT_OWNER = "not_owner"
    MODEL_NOT_SHAREABLE = "model_not_shareable"
    SHAREE_LIMIT = "sharee_limit"


class Sharing(StrEnum):
    """How a product may be shared: the ``sharing`` of the model file."""

    CHOICE = "choice"  # the owner chooses control or view-only
    FIXED = "fixed"  # a share always grants control
    NONE = "none"  # the product cannot be shared


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """What is known about a camera model before asking the cloud."""

    name: str
    shareable: bool = True
    view_only: bool = True

    @classmethod
    def of(cls, name: str, sharing: Sharing) -> ModelInfo:
        """The model's info from its product's sharing."""
        return cls(name, shareable=sharing is not Sharing.NONE, view_only=sharing is Sharing.CHOICE)


def _sharing(value: object, where: str) -> Sharing:
    if not isinstance(value, str) or value not in Sharing:
        raise ValueError(f"{MODELS_FILE.name}: {where} must be one of {', '.join(Sharing)}")
    return Sharing(value)


def parse_model_file(doc: object) -> tuple[dict[str, ModelInfo], Sharing]:
    """The table and the sharing of unknown models; ValueError when the shape is wrong.

    A malformed file is a mistake in this package, so it stops the import loudly.
    """
    if not isinstance(doc, dict) or set(doc) != {"unknown_models", "models"}:
        raise ValueError(f"{MODELS_FILE.name}: expected exactly 'unknown_models' and 'models'")
    models = doc["models"]
    if not isinstance(models, dict):
        raise ValueError(f"{MODELS_FILE.name}: 'models' must be an object")
    table: dict[str, ModelInfo] = {}
    for model, entry in models.items():
        if not isinstance(entry, dict) or set(entry) != {"name", "sharing"}:
            raise ValueError(f"{MODELS_FILE.name}: {model} must have exactly 'name' and 'sharing'")
        name = entry["name"]
        if not isinstance(name, str) or not name:
            raise ValueError(f"{MODELS_FILE.name}: {model}.name must be a non-empty string")
        table[model] = ModelInfo.of(name, _sharing(entry["sharing"], f"{model}.sharing"))
    return table, _sharing(doc["unknown_models"], "unknown_models")


_TABLE, _UNKNOWN = parse_model_file(json.loads(MODELS_FILE.read_text(encoding="utf-8")))
MODEL_TABLE: Final[dict[str, ModelInfo]] = _TABLE
# Stated once in the file; see docs/cloud-contract.md for why unknown models get it.
UNKNOWN_MODEL_SHARING: Final[Sharing] = _UNKNOWN


@dataclass(frozen=True, slots=True)
class Capabilities:
    """Can the camera be shared now, and is a view-only share offered."""

    can_share: bool
    view_only: bool
    reason: NotShareableReason | None = None


@dataclass(slots=True)
class CloudAnswers:
    """What share attempts taught us per camera (kept while Home Assistant runs)."""

    not_shareable: set[str] = field(default_factory=set)
    no_view_only: set[str] = field(default_factory=set)


def model_name(model: str) -> str | None:
    """The name people know for a model, when the table has it."""
    info = MODEL_TABLE.get(model)
    return info.name if info else None


def model_info(model: str) -> ModelInfo:
    """What the table says about a model, or the unknown-model default."""
    return MODEL_TABLE.get(model) or ModelInfo.of(model, UNKNOWN_MODEL_SHARING)


def capabilities_of(device: Device, sharees: list[Sharee], answers: CloudAnswers) -> Capabilities:
    """Combine ownership, the model table, the cloud's answers and the sharee count."""
    info = model_info(device.model)
    # A sharee holding a read-only share proves the product offers the choice.
    proven_view_only = any(s.read_only for s in sharees)
    view_only = proven_view_only or (info.view_only and device.did not in answers.no_view_only)
    if not device.is_owned:
        return Capabilities(False, view_only, NotShareableReason.NOT_OWNER)
    if not info.shareable or device.did in answers.not_shareable:
        return Capabilities(False, False, NotShareableReason.MODEL_NOT_SHAREABLE)
    if len(sharees) >= SHAREE_LIMIT:
        return Capabilities(False, view_only, NotShareableReason.SHAREE_LIMIT)
    return Capabilities(True, view_only)
