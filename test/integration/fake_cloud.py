"""An in-memory Xiaomi cloud behind the client API the integration codes against.

It models accounts, devices per region, shares and invites with expiry, and failures
that tests switch on. All ids, names and tokens are made up.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from custom_components.xiaomi_camera_share.cloud.errors import (
    AlreadySharedError,
    AuthExpiredError,
    CaptchaWrongError,
    CloudConnectionError,
    DeviceNotShareableError,
    InvalidCredentialsError,
    InviteExpiredError,
    InvitePendingError,
    LoginBlockedError,
    QrLoginTimeoutError,
    TooManyShareesError,
    UserNotFoundError,
    VerificationCodeWrongError,
    XiaomiCloudError,
)
from custom_components.xiaomi_camera_share.cloud.models import (
    BatchShareResult,
    CaptchaChallenge,
    Credentials,
    Device,
    Invite,
    LoginStep,
    PermitLevel,
    QrLogin,
    Sharee,
    SharePermission,
    ShareStatus,
    UserProfile,
    VerificationChallenge,
    VerificationCodeSent,
    VerificationMethod,
)
from custom_components.xiaomi_camera_share.cloud.regions import Region
from custom_components.xiaomi_camera_share.cloud.shapes import ReplyShapes

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

CAPTCHA_ANSWER = "ABCD"
VERIFICATION_CODE = "123456"
INVITE_LIFETIME = 7 * 24 * 3600


@dataclass
class Account:
    user_id: str
    nickname: str
    password: str = "not-a-real-password"
    phone: str | None = None


@dataclass
class Share:
    region: Region
    did: str
    owner_id: str
    user_id: str
    read_only: bool
    status: ShareStatus = ShareStatus.PENDING
    invite_id: int = 0
    created: int = field(default_factory=lambda: int(time.time()))
    expires: int = field(default_factory=lambda: int(time.time()) + INVITE_LIFETIME)


@dataclass
class FakeCloud:
    """The whole cloud: every account, device, share and invite."""

    accounts: dict[str, Account] = field(default_factory=dict)
    devices: dict[str, tuple[str, Device]] = field(default_factory=dict)  # did → (owner, device)
    shares: list[Share] = field(default_factory=list)
    not_shareable_models: set[str] = field(default_factory=set)
    no_view_only_models: set[str] = field(default_factory=set)
    failing: bool = False
    failing_calls: set[str] = field(default_factory=set)
    dead_tokens: set[str] = field(default_factory=set)
    blocked: bool = False
    require_captcha: bool = False
    require_verification: bool = False
    qr_result: str | XiaomiCloudError = "1000000001"
    qr_scanned: asyncio.Event = field(default_factory=asyncio.Event)
    total_requests: int = 0
    rotated_tokens: dict[str, str] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(5001))

    # --- seeding --------------------------------------------------------

    def add_account(self, user_id: str, nickname: str, phone: str | None = None) -> Account:
        account = Account(user_id, nickname, phone=phone)
        self.accounts[user_id] = account
        return account

    def add_camera(
        self,
        owner: str,
        did: str,
        name: str,
        region: Region = Region.CN,
        model: str = "chuangmi.camera.046c04",
        mac: str | None = None,
    ) -> Device:
        device = Device(
            did=did,
            name=name,
            model=model,
            region=region,
            mac=mac,
            is_online=True,
            permit_level=int(PermitLevel.OWNER),
        )
        self.devices[did] = (owner, device)
        return device

    def add_share(
        self, owner: str, did: str, user_id: str, *, accepted: bool, read_only: bool = False
    ) -> Share:
        region = self.devices[did][1].region
        share = Share(region, did, owner, user_id, read_only, invite_id=next(self._ids))
        share.status = ShareStatus.ACCEPTED if accepted else ShareStatus.PENDING
        self.shares.append(share)
        return share

    def credentials(self, user_id: str) -> Credentials:
        return Credentials(user_id=user_id, pass_token=f"pt-{user_id}", device_id="TESTDEVICE01")

    def client(
        self, credentials: Credentials, on_credentials_changed: Callable[[Credentials], None] | None = None
    ) -> FakeClient:
        return FakeClient(self, credentials, on_credentials_changed)

    def sharees_of(self, did: str) -> list[Share]:
        return [s for s in self.shares if s.did == did]


class FakeClient:
    """Implements the cloud client's public API over a FakeCloud."""

    def __init__(
        self,
        cloud: FakeCloud,
        credentials: Credentials,
        on_credentials_changed: Callable[[Credentials], None] | None = None,
    ) -> None:
        self._cloud = cloud
        self.credentials = credentials
        self.request_count = 0
        self.reply_shapes = ReplyShapes()
        self._on_credentials_changed = on_credentials_changed

    @property
    def _me(self) -> str:
        return self.credentials.user_id

    def _request(self, name: str) -> None:
        self.request_count += 1
        self._cloud.total_requests += 1
        if self.credentials.pass_token in self._cloud.dead_tokens:
            raise AuthExpiredError("passToken expired", code=70016)
        if self._cloud.failing or name in self._cloud.failing_calls:
            raise CloudConnectionError("cloud down")
        # The real cloud sometimes hands out a new passToken while re-minting a session.
        new_token = self._cloud.rotated_tokens.get(self._me)
        if new_token and new_token != self.credentials.pass_token:
            self.credentials = replace(self.credentials, pass_token=new_token)
            if self._on_credentials_changed is not None:
                self._on_credentials_changed(self.credentials)

    def _owned(self, region: Region, did: str) -> Device:
        owner, device = self._cloud.devices.get(did, (None, None))
        if device is None or owner != self._me or device.region != region:
            raise DeviceNotShareableError("not owner", code=-1)
        return device

    async def validate(self) -> None:
        self._request("validate")

    async def get_devices(self, region: Region) -> list[Device]:
        self._request("get_devices")
        devices = [d for owner, d in self._cloud.devices.values() if owner == self._me and d.region == region]
        for share in self._cloud.shares:
            if share.user_id == self._me and share.region == region and share.status == ShareStatus.ACCEPTED:
                owner, device = self._cloud.devices[share.did]
                level = PermitLevel.SHARED | (PermitLevel.READ_ONLY if share.read_only else 0)
                devices.append(
                    Device(
                        did=device.did,
                        name=device.name,
                        model=device.model,
                        region=region,
                        mac=device.mac,
                        is_online=device.is_online,
                        permit_level=int(level),
                        owner_id=owner,
                        owner_nickname=self._cloud.accounts[owner].nickname,
                    )
                )
        return devices

    def _sharee(self, share: Share) -> Sharee:
        return Sharee(
            user_id=share.user_id,
            nickname=self._cloud.accounts[share.user_id].nickname,
            status=share.status,
            read_only=share.read_only,
            shared_at=share.created,
        )

    async def get_shares(self, region: Region) -> dict[str, list[Sharee]]:
        self._request("get_shares")
        result: dict[str, list[Sharee]] = {}
        for share in self._cloud.shares:
            if share.owner_id == self._me and share.region == region:
                result.setdefault(share.did, []).append(self._sharee(share))
        return result

    async def get_device_sharees(self, region: Region, did: str, pid: str = "0") -> list[Sharee]:
        self._request("get_device_sharees")
        return [self._sharee(s) for s in self._cloud.sharees_of(did) if s.region == region]

    async def share(self, region: Region, did: str, user_id: str, permission: SharePermission) -> None:
        self._request("share")
        device = self._owned(region, did)
        if user_id not in self._cloud.accounts or user_id == self._me:
            raise UserNotFoundError("no such user", code=-6)
        if device.model in self._cloud.not_shareable_models:
            raise DeviceNotShareableError("product does not share", code=-1)
        if permission is SharePermission.VIEW_ONLY and device.model in self._cloud.no_view_only_models:
            raise DeviceNotShareableError("no read-only choice", code=-1)
        existing = next((s for s in self._cloud.sharees_of(did) if s.user_id == user_id), None)
        if existing is not None:
            if existing.status == ShareStatus.ACCEPTED:
                raise AlreadySharedError("already", code=-11)
            raise InvitePendingError("pending", code=-12)
        if len(self._cloud.sharees_of(did)) >= 10:
            raise TooManyShareesError("limit", code=-13)
        self._cloud.shares.append(
            Share(
                region,
                did,
                self._me,
                user_id,
                permission is SharePermission.VIEW_ONLY,
                invite_id=next(self._cloud._ids),
            )
        )

    async def share_batch(
        self, region: Region, dids: Sequence[str], user_ids: Sequence[str], permission: SharePermission
    ) -> BatchShareResult:
        for did in dids:
            for user_id in user_ids:
                await self.share(region, did, user_id, permission)
        return BatchShareResult()

    async def revoke(self, region: Region, did: str, user_ids: Sequence[str], pid: str = "0") -> None:
        self._request("revoke")
        self._owned(region, did)
        self._cloud.shares = [s for s in self._cloud.shares if not (s.did == did and s.user_id in user_ids)]

    async def get_invites(self, region: Region) -> list[Invite]:
        self._request("get_invites")
        invites = []
        for share in self._cloud.shares:
            if share.user_id == self._me and share.region == region and share.status == ShareStatus.PENDING:
                owner, device = self._cloud.devices[share.did]
                invites.append(
                    Invite(
                        invite_id=share.invite_id,
                        sender_id=owner,
                        sender_name=self._cloud.accounts[owner].nickname,
                        did=share.did,
                        device_name=device.name,
                        model=device.model,
                        region=region,
                        read_only=share.read_only,
                        msg_id=f"msg{share.invite_id}",
                        created_at=share.created,
                        expires_at=share.expires,
                    )
                )
        return invites

    async def respond_to_invite(self, region: Region, invite_id: int, accept: bool, msg_id: str = "") -> None:
        self._request("respond_to_invite")
        share = next(
            (
                s
                for s in self._cloud.shares
                if s.invite_id == invite_id and s.user_id == self._me and s.region == region
            ),
            None,
        )
        if share is None or share.status != ShareStatus.PENDING or share.expires <= time.time():
            raise InviteExpiredError("gone", code=-6)
        if accept:
            share.status = ShareStatus.ACCEPTED
        else:
            self._cloud.shares.remove(share)

    async def leave_share(self, region: Region, did: str, pid: str = "0") -> None:
        self._request("leave_share")
        self._cloud.shares = [s for s in self._cloud.shares if not (s.did == did and s.user_id == self._me)]

    async def lookup_user(self, region: Region, query: str) -> UserProfile:
        self._request("lookup_user")
        for account in self._cloud.accounts.values():
            if query in (account.user_id, account.phone):
                return UserProfile(user_id=account.user_id, nickname=account.nickname)
        raise UserNotFoundError("nobody", code=0)


class FakeAuth:
    """Implements the login API over a FakeCloud's switches."""

    def __init__(self, cloud: FakeCloud) -> None:
        self._cloud = cloud
        self._user: str | None = None

    def _after_password(self) -> LoginStep:
        assert self._user is not None
        if self._cloud.require_verification:
            return VerificationChallenge((VerificationMethod.PHONE, VerificationMethod.EMAIL))
        return self._cloud.credentials(self._user)

    async def login_with_password(self, username: str, password: str) -> LoginStep:
        if self._cloud.failing:
            raise CloudConnectionError("down")
        if self._cloud.blocked:
            raise LoginBlockedError("blocked", code=70022)
        account = next((a for a in self._cloud.accounts.values() if username in (a.user_id, a.phone)), None)
        if account is None or account.password != password:
            raise InvalidCredentialsError("wrong", code=70016)
        self._user = account.user_id
        if self._cloud.require_captcha:
            return CaptchaChallenge(image=b"\x89PNG fake", content_type="image/png")
        return self._after_password()

    async def submit_captcha(self, answer: str) -> LoginStep:
        if answer != CAPTCHA_ANSWER:
            raise CaptchaWrongError(
                "wrong", code=87001, challenge=CaptchaChallenge(b"\x89PNG again", "image/png")
            )
        return self._after_password()

    async def send_verification_code(self, method: VerificationMethod) -> VerificationCodeSent:
        if self._cloud.failing:
            raise CloudConnectionError("down")
        return VerificationCodeSent(method=method, masked_target="1**********9")

    async def submit_verification_code(self, code: str) -> Credentials:
        if code != VERIFICATION_CODE:
            raise VerificationCodeWrongError("wrong")
        assert self._user is not None
        return self._cloud.credentials(self._user)

    async def start_qr_login(self) -> QrLogin:
        if self._cloud.failing:
            raise CloudConnectionError("down")
        return QrLogin(
            login_url="https://example.invalid/qr", image_url="https://example.invalid/qr.png", expires_in=300
        )

    async def wait_for_qr_scan(self) -> Credentials:
        await self._cloud.qr_scanned.wait()
        if isinstance(self._cloud.qr_result, XiaomiCloudError):
            raise self._cloud.qr_result
        return self._cloud.credentials(self._cloud.qr_result)


__all__ = [
    "CAPTCHA_ANSWER",
    "VERIFICATION_CODE",
    "FakeAuth",
    "FakeClient",
    "FakeCloud",
    "QrLoginTimeoutError",
]
