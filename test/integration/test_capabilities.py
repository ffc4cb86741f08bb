"""What the model table says about sharing, and how the cloud's answers refine it."""

from __future__ import annotations

import pytest

from custom_components.xiaomi_camera_share.capabilities import (
    CloudAnswers,
    NotShareableReason,
    capabilities_of,
)
from custom_components.xiaomi_camera_share.cloud.models import Device, Sharee
from custom_components.xiaomi_camera_share.cloud.regions import Region


def camera(model: str, did: str = "1") -> Device:
    return Device(did=did, name="Cam", model=model, region=Region.CN)


@pytest.mark.parametrize(
    ("model", "can_share", "view_only", "reason"),
    [
        ("chuangmi.camera.029a02", True, True, None),
        ("chuangmi.camera.ipc019", True, False, None),
        ("lumi.camera.gwagl01", False, False, NotShareableReason.MODEL_NOT_SHAREABLE),
        ("isa.camera.virtual", False, False, NotShareableReason.MODEL_NOT_SHAREABLE),
        ("vendor.camera.unknown", True, False, None),
    ],
)
def test_model_table(model: str, can_share: bool, view_only: bool, reason: NotShareableReason | None) -> None:
    result = capabilities_of(camera(model), [], CloudAnswers())
    assert (result.can_share, result.view_only, result.reason) == (can_share, view_only, reason)


def test_cloud_answers_override_the_table() -> None:
    answers = CloudAnswers(not_shareable={"1"}, no_view_only={"2"})
    assert capabilities_of(camera("vendor.camera.unknown", "1"), [], answers).can_share is False
    assert capabilities_of(camera("vendor.camera.unknown", "2"), [], answers).view_only is False
    # A read-only sharee proves the choice exists even where the table doubts it.
    sharee = Sharee(user_id="9", nickname="Nine", read_only=True)
    assert capabilities_of(camera("chuangmi.camera.ipc019"), [sharee], CloudAnswers()).view_only is True
