"""Typed values that cross the cloud client's boundary."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, IntFlag, StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .regions import Region

CAMERA_MODEL_MARKERS = (".camera.", ".cateye.", ".feeder.")


class PermitLevel(IntFlag):
    """Bits of a device's ``permitLevel`` (4 shared, 36 read-only share, 16 owner)."""

    SHARED = 4
    FAMILY = 8
    OWNER = 16
    READ_ONLY = 32
    AGGREGATE = 64


class SharePermission(StrEnum):
    """What a sharee may do: everything, or only watch."""

    CONTROL = "control"
    VIEW_ONLY = "view_only"


class ShareStatus(IntEnum):
    """State of a share as the cloud reports it (``status``)."""

    PENDING = 0
    ACCEPTED = 1
    REJECTED = 2


@dataclass(frozen=True, slots=True)
class Credentials:
    """What survives a restart: enough to mint a serviceToken without a password."""

    user_id: str
    pass_token: str
    device_id: str
    c_user_id: str | None = None


@dataclass(frozen=True, slots=True)
class CaptchaChallenge:
    """The passport wants the text of this image before it goes on."""

    image: bytes
    content_type: str


class VerificationMethod(StrEnum):
    """Where Xiaomi can send a verification code (identity flag 4 / 8)."""

    PHONE = "phone"
    EMAIL = "email"


@dataclass(frozen=True, slots=True)
class VerificationChallenge:
    """The passport wants a code sent to one of these places."""

    methods: tuple[VerificationMethod, ...]


@dataclass(frozen=True, slots=True)
class VerificationCodeSent:
    """A code went out; ``masked_target`` is what the user may be shown."""

    method: VerificationMethod
    masked_target: str


# One step of a password login: done, or the next thing the user must supply.
LoginStep = Credentials | CaptchaChallenge | VerificationChallenge


@dataclass(frozen=True, slots=True)
class QrLogin:
    """A started QR login: show ``login_url`` as a QR code (or ``image_url``)."""

    login_url: str
    image_url: str
    expires_in: int


@dataclass(frozen=True, slots=True)
class Device:
    """A device in one region of an account."""

    did: str
    name: str
    model: str
    region: Region
    pid: str = "0"
    mac: str | None = None
    is_online: bool = False
    permit_level: int = int(PermitLevel.OWNER)
    owner_id: str | None = None
    owner_nickname: str | None = None
    localip: str | None = None

    @property
    def is_camera(self) -> bool:
        """Cameras, doorbells/peepholes and pet feeders with a camera."""
        return any(marker in self.model for marker in CAMERA_MODEL_MARKERS)

    @property
    def is_owned(self) -> bool:
        """This account owns the device (only an owner can share it)."""
        return bool(self.permit_level & PermitLevel.OWNER)


@dataclass(frozen=True, slots=True)
class Sharee:
    """An account a device is shared with (or invited to it)."""

    user_id: str
    nickname: str
    status: ShareStatus = ShareStatus.ACCEPTED
    read_only: bool | None = None
    icon: str | None = None
    shared_at: int | None = None


@dataclass(frozen=True, slots=True)
class Invite:
    """An invite waiting for (or answered by) this account."""

    invite_id: int
    sender_id: str
    sender_name: str
    did: str
    device_name: str
    model: str
    region: Region
    status: ShareStatus = ShareStatus.PENDING
    read_only: bool = False
    msg_id: str = ""
    created_at: int | None = None
    expires_at: int | None = None


@dataclass(frozen=True, slots=True)
class UserProfile:
    """A Xiaomi account found by ID or phone number."""

    user_id: str
    nickname: str
    user_name: str | None = None
    icon: str | None = None


@dataclass(frozen=True, slots=True)
class BatchShareResult:
    """Per receiver and device: True where the cloud said it was already shared."""

    already_shared: dict[str, dict[str, bool]] = field(default_factory=dict)
