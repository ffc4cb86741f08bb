"""What each camera allows: a model table plus what the cloud has answered so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from .const import SHAREE_LIMIT

if TYPE_CHECKING:
    from .cloud.models import Device, Sharee


class NotShareableReason(StrEnum):
    """Why a camera cannot be shared right now (the state document's ``reason``)."""

    NOT_OWNER = "not_owner"
    MODEL_NOT_SHAREABLE = "model_not_shareable"
    SHAREE_LIMIT = "sharee_limit"


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """What is known about a camera model before asking the cloud."""

    name: str
    shareable: bool = True
    view_only: bool = True


# Xiaomi configures sharing per product and publishes no list, so the table holds the
# names people know plus the products believed to differ: older models whose product
# offers no permission choice (full control only), gateway cameras whose product has
# no sharing, and camera groups (virtual devices). The simulator's product table makes
# the same choices (docs/cloud-contract.md). Unknown models are assumed to offer both
# permissions until the cloud says otherwise.
MODEL_TABLE: Final[dict[str, ModelInfo]] = {
    "chuangmi.camera.ipc009": ModelInfo("Mi Home Security Camera 360° 1080P", view_only=False),
    "chuangmi.camera.ipc019": ModelInfo("Mi 360° Camera (pan-tilt)", view_only=False),
    "chuangmi.camera.ipc019e": ModelInfo("Xiaobai Smart Camera A1"),
    "chuangmi.camera.ipc021": ModelInfo("Mi Smart Camera Pan-Tilt Pro"),
    "chuangmi.camera.021a04": ModelInfo("Mi 360° Home Security Camera 2K Pro"),
    "chuangmi.camera.029a02": ModelInfo("Mi 360° Home Security Camera 2K"),
    "chuangmi.camera.046c04": ModelInfo("Xiaomi Smart Camera C200"),
    "chuangmi.camera.72ac1": ModelInfo("Xiaomi Smart Camera C300 Dual"),
    "chuangmi.camera.075ae1": ModelInfo("Xiaomi Outdoor Camera CW100 Dual"),
    "chuangmi.camera.xiaobai": ModelInfo("Mijia Xiaobai Smart Camera", view_only=False),
    "isa.camera.hlc6": ModelInfo("Mi Smart Camera Standard", view_only=False),
    "isa.camera.hlc7": ModelInfo("Mi Smart Camera Standard 2K"),
    "isa.camera.hlmax": ModelInfo("Xiaomi Outdoor Camera CW500 Dual"),
    "isa.camera.cw501d": ModelInfo("Xiaomi Outdoor Camera 4 Dual"),
    "isa.camera.virtual": ModelInfo("Xiaofang camera group", shareable=False, view_only=False),
    "lumi.camera.aq1": ModelInfo("Aqara Camera Hub", shareable=False, view_only=False),
    "lumi.camera.gwagl01": ModelInfo("Aqara Camera Hub G2", shareable=False, view_only=False),
    "mijia.camera.v1": ModelInfo("Mijia Smart Camera 1080P"),
    "mijia.camera.v3": ModelInfo("Mijia Smart Camera", view_only=False),
    "mxiang.camera.c500ch": ModelInfo("Xiaomi Smart Camera C500 Dual"),
    "xiaomi.camera.082ac1": ModelInfo("Xiaomi Smart Camera 4 Dual"),
    "yunyi.camera.v1": ModelInfo("Yi Smart Camera", view_only=False),
}


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


def capabilities_of(device: Device, sharees: list[Sharee], answers: CloudAnswers) -> Capabilities:
    """Combine ownership, the model table, the cloud's answers and the sharee count."""
    info = MODEL_TABLE.get(device.model, ModelInfo(device.model))
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
