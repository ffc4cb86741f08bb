"""The seed worlds the integration tests build, and the simulator's control surface.

Tests seed the accounts, cameras and shares they need, let Home Assistant talk to
the simulator over HTTP, and read the simulator's state as the ground truth of what
happened in the cloud (docs/simulator.md). Every value is made up.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Literal

from custom_components.xiaomi_camera_share.cloud.auth import XiaomiAuth
from custom_components.xiaomi_camera_share.cloud.models import Credentials
from custom_components.xiaomi_camera_share.cloud.regions import Endpoints

if TYPE_CHECKING:
    import aiohttp

type LoginChallenge = Literal["none", "captcha", "verification"]
type ShareMode = Literal["choice", "fixed", "none"]
type FaultKind = Literal["latency", "status", "timeout", "malformed", "reply_lost"]
type ShareState = Literal["pending", "accepted", "rejected"]

# The simulator's share status codes (app API `status`).
STATUS_NAMES: Final[dict[int, ShareState]] = {0: "pending", 1: "accepted", 2: "rejected"}
STATUS_CODES: Final = {name: code for code, name in STATUS_NAMES.items()}
INVITE_LIFETIME: Final = 7 * 24 * 3600
POLL_SECONDS: Final = 0.01


@dataclass(frozen=True, slots=True)
class Account:
    """A Mi account; it logs in with its Xiaomi ID (or its phone) and password."""

    user_id: str
    nickname: str
    password: str
    phone: str | None = None
    app_region: str = "cn"
    login_challenge: LoginChallenge = "none"

    def document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "userId": self.user_id,
            "nickname": self.nickname,
            "password": self.password,
            "appRegion": self.app_region,
            "loginChallenge": self.login_challenge,
            "verifyMethods": ["phone", "email"],
            "email": f"user{self.user_id}@example.com",
        }
        if self.phone:
            doc["phone"] = self.phone
        return doc


@dataclass(frozen=True, slots=True)
class Camera:
    """A Mi camera; an empty MAC means the cloud reports none."""

    did: str
    name: str
    owner: str
    model: str = "chuangmi.camera.046c04"
    region: str = "cn"
    mac: str = ""

    def document(self) -> dict[str, Any]:
        return {
            "did": self.did,
            "name": self.name,
            "model": self.model,
            "region": self.region,
            "ownerId": self.owner,
            "mac": self.mac,
        }


@dataclass(frozen=True, slots=True)
class Share:
    """An invite (pending) or the share it became (accepted)."""

    camera: Camera
    sharee: str
    invite_id: int
    accepted: bool
    read_only: bool = False
    sent_at: int | None = None
    expires_at: int | None = None

    def document(self) -> dict[str, Any]:
        sent_at = self.sent_at or int(time.time())
        return {
            "inviteId": self.invite_id,
            "msgId": f"7{self.invite_id:014d}",
            "did": self.camera.did,
            "region": self.camera.region,
            "ownerId": self.camera.owner,
            "shareeId": self.sharee,
            "readOnly": self.read_only,
            "status": STATUS_CODES["accepted" if self.accepted else "pending"],
            "ctime": sent_at,
            "mtime": sent_at,
            "expireTime": self.expires_at or sent_at + INVITE_LIFETIME,
        }


@dataclass(slots=True)
class World:
    """What a test seeds: accounts, cameras, shares, and product overrides by model."""

    accounts: list[Account] = field(default_factory=list)
    cameras: list[Camera] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    products: dict[str, ShareMode] = field(default_factory=dict)

    def add_account(self, account: Account) -> Account:
        self.accounts.append(account)
        return account

    def add_camera(self, camera: Camera) -> Camera:
        self.cameras.append(camera)
        return camera

    def remove_camera(self, camera: Camera) -> None:
        self.cameras.remove(camera)
        self.shares = [s for s in self.shares if s.camera != camera]

    def share(
        self,
        camera: Camera,
        sharee: Account | str,
        *,
        accepted: bool,
        read_only: bool = False,
        sent_at: int | None = None,
        expires_at: int | None = None,
    ) -> Share:
        """Seed an invite (or an accepted share); invite ids count from 5001."""
        user_id = sharee if isinstance(sharee, str) else sharee.user_id
        share = Share(
            camera,
            user_id,
            invite_id=5001 + len(self.shares),
            accepted=accepted,
            read_only=read_only,
            sent_at=sent_at,
            expires_at=expires_at,
        )
        self.shares.append(share)
        return share

    def document(self) -> dict[str, Any]:
        return {
            "accounts": [a.document() for a in self.accounts],
            "devices": [c.document() for c in self.cameras],
            "shares": [s.document() for s in self.shares],
            "products": dict(self.products),
        }


@dataclass(frozen=True, slots=True)
class CloudShare:
    """A share as the simulator holds it: the ground truth of the cloud."""

    did: str
    sharee: str
    status: ShareState
    read_only: bool
    invite_id: int


class Simulator:
    """The simulator's /_control/ surface, and real logins against its passport."""

    def __init__(self, http: aiohttp.ClientSession, url: str) -> None:
        self._http = http
        self.url = url

    async def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        # The control surface takes only JSON for calls that change something.
        sent = body if body is not None or method == "GET" else {}
        async with self._http.request(method, f"{self.url}/_control{path}", json=sent) as response:
            payload = await response.json(content_type=None)
            assert response.status == 200, f"control {method} {path}: {payload}"
            return payload

    # --- the world -------------------------------------------------------------

    async def reset(self) -> None:
        await self._call("POST", "/reset")

    async def seed(self, world: World, *, keep_logins: bool = False) -> None:
        """Replace the whole world; keep_logins lets it change under logged-in accounts."""
        query = "?keepLogins=true" if keep_logins else ""
        await self._call("POST", f"/seed{query}", world.document())

    async def shares(self, did: str | None = None) -> list[CloudShare]:
        """Every share and invite the cloud holds (of one camera), in the order they were made."""
        state = await self._call("GET", "/state")
        return [
            CloudShare(s["did"], s["shareeId"], STATUS_NAMES[s["status"]], s["readOnly"], s["inviteId"])
            for s in state["data"]["shares"]
            if did is None or s["did"] == did
        ]

    async def config(self, **settings: float) -> None:
        await self._call("POST", "/config", settings)

    # --- faults, tokens, clock -------------------------------------------------

    async def fault(
        self,
        kind: FaultKind,
        path: str | None = None,
        *,
        count: int | None = None,
        status: int | None = None,
        ms: int | None = None,
    ) -> None:
        """Arm a fault for requests whose path (host segment first) matches; no count: until cleared."""
        fault: dict[str, Any] = {"kind": kind}
        for key, value in (("path", path), ("count", count), ("status", status), ("ms", ms)):
            if value is not None:
                fault[key] = value
        await self._call("POST", "/faults", fault)

    async def armed_faults(self) -> list[dict[str, Any]]:
        faults: list[dict[str, Any]] = await self._call("GET", "/faults")
        return faults

    async def faults_hit(self, seconds: float = 5.0) -> None:
        """Wait until every armed fault with a count has met its requests."""
        for _ in range(int(seconds / POLL_SECONDS)):
            if not await self.armed_faults():
                return
            await asyncio.sleep(POLL_SECONDS)
        raise AssertionError(f"faults still armed after {seconds} s: {await self.armed_faults()}")

    async def clear_faults(self) -> None:
        await self._call("DELETE", "/faults")

    async def expire_service_tokens(self) -> None:
        await self._call("POST", "/tokens/expire")

    async def revoke_pass_tokens(self, account: Account) -> None:
        await self._call("POST", "/passtoken/revoke", {"userId": account.user_id})

    async def advance_clock(self, seconds: int) -> None:
        await self._call("POST", "/clock/advance", {"seconds": seconds})

    # --- the other phone: captcha, codes, QR scans, invite answers ---------------

    async def captcha_next(self, account: Account) -> None:
        await self._call("POST", "/captcha/next", {"userId": account.user_id})

    async def latest_code(
        self, kind: Literal["captcha", "verification"], account: Account | None = None
    ) -> str:
        """The newest captcha answer or verification code the simulator 'sent'."""
        query = f"?kind={kind}" + (f"&userId={account.user_id}" if account else "")
        entries: list[dict[str, Any]] = await self._call("GET", f"/outbox{query}")
        return str(entries[-1]["code"])

    async def waiting_qr_codes(self) -> list[str]:
        """Tickets of QR codes waiting for a scan, newest first."""
        pending: list[str] = (await self._call("GET", "/qr"))["pending"]
        return pending

    async def scan_qr(self, account: Account) -> None:
        """Scan and confirm the newest QR code with this account's Mi Home app."""
        await self._call("POST", "/qr/scan", {"userId": account.user_id})

    async def respond(self, share: Share, *, accept: bool) -> None:
        """The sharee answers an invite in the Mi Home app."""
        body = {
            "userId": share.sharee,
            "region": share.camera.region,
            "inviteId": share.invite_id,
            "accept": accept,
        }
        await self._call("POST", "/invites/respond", body)

    async def login(self, account: Account) -> Credentials:
        """A real password login (accounts without a login challenge)."""
        auth = XiaomiAuth(self._http, Endpoints(override=self.url))
        step = await auth.login_with_password(account.user_id, account.password)
        assert isinstance(step, Credentials), step
        return step
