"""Typed values that cross the cloud client's boundary."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, IntFlag, StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .regions import Region

CAMERA_MODEL_MARKERS = (".camera.", ".cateye.", ".feeder.")


class PermitLevel(IntFlag):
    """Bits of a device's ``permitLevel``.

    16 owner, 4 shared, 36 a read-only share, 68 shared through a whole home
    (Xiaomi's plugin SDK: "4 normal share, 36 read-only share, 68 home share";
    the Mi Home app tests a home share as bits 4 and 64 both set).
    """

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
    """State of a share as the cloud reports it (``status``).

    ``UNKNOWN`` stands for anything else (the cloud's -1 for "absent", a number
    nobody knows): the Mi Home app offers no answer for such an invite, and
    nothing here treats it as pending.
    """

    UNKNOWN = -1
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
    # The connection type the share endpoints want back, as a number (0 Wi-Fi).
    pid: int = 0
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

    @property
    def shared_via_home(self) -> bool:
        """Shared to this account as part of a whole Mi Home home (``permitLevel`` 68).

        Such a device is not this account's to share, and it is not in the
        owner's per-device share lists: it comes and goes with home membership.
        """
        home_share = PermitLevel.SHARED | PermitLevel.AGGREGATE
        return self.permit_level & home_share == home_share


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


class BatchShareOutcome(StrEnum):
    """What ``share_request_batch`` did for one (camera, person) pair."""

    # The answer's 1: the Mi Home app says "invitation sent" for it.
    INVITED = "invited"
    # The answer's 0: not invited, as the device is already shared with the
    # person or an invite waits (the app's "already shared" for a non-1 answer).
    ALREADY_SHARED = "already_shared"
    # Any other value: the cloud did not invite, for a reason it did not name.
    REFUSED = "refused"
    # The answer did not mention the pair at all; read the share list to know.
    NOT_REPORTED = "not_reported"


@dataclass(frozen=True, slots=True)
class BatchShareResult:
    """Per (did, user id) pair asked for: what the batch share did.

    Errors that refuse the whole call (-1, -6, -13) are raised instead.
    """

    outcomes: dict[tuple[str, str], BatchShareOutcome] = field(default_factory=dict)
    # The cloud's number per reported pair (None when it was not a number).
    codes: dict[tuple[str, str], int | None] = field(default_factory=dict)

    def outcome(self, did: str, user_id: str) -> BatchShareOutcome:
        """The outcome of one pair (NOT_REPORTED for a pair that was not asked for)."""
        return self.outcomes.get((did, user_id), BatchShareOutcome.NOT_REPORTED)

    def pairs(self, outcome: BatchShareOutcome) -> list[tuple[str, str]]:
        """The (did, user id) pairs with this outcome, in the order they were asked."""
        return [pair for pair, found in self.outcomes.items() if found is outcome]
