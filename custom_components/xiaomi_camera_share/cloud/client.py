"""The Xiaomi cloud client: the sharing endpoints of a logged-in account."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any, Final

from . import parsing
from .api_errors import PROFILE, SHARE_REQUEST, SHARE_REQUEST_BATCH, SHARE_RESPONSE
from .app_api import AppApi
from .errors import (
    ApiError,
    AuthExpiredError,
    PermissionDeniedError,
    ServiceTokenExpiredError,
    ShareWithSelfError,
)
from .models import (
    BatchShareResult,
    Credentials,
    Device,
    Invite,
    Sharee,
    SharePermission,
    ShareStatus,
    UserProfile,
)
from .passport import Passport
from .regions import DEFAULT_ENDPOINTS, Endpoints, Region
from .session_token import ServiceSession, mint_service_session
from .shapes import LoginShapes, ReplyShapes
from .transport import DEFAULT_TIMEOUTS, Timeouts

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import aiohttp

    from .parsing import Fingerprint, ShareListing
    from .shapes import ReplyShapes

_LOGGER = logging.getLogger(__name__)

DEVICE_PAGE_SIZE: Final = 200
# A guard against a cloud that keeps saying "has_more" forever.
MAX_DEVICE_PAGES: Final = 50
READ_ONLY_TYPE: Final = "readonly"
# What get_shares returns; declined and unknown states are left out.
LIVE_STATUSES: Final = frozenset({ShareStatus.PENDING, ShareStatus.ACCEPTED})
# A device whose sharees all answered needs no new look-up until its entry changes.
SETTLED_STATUSES: Final = frozenset({ShareStatus.ACCEPTED, ShareStatus.REJECTED})
# The app API endpoints that change nothing: all a read-only client sends, all ``read`` takes.
READ_PATHS: Final = frozenset(
    {
        "/v2/home/device_list_page",
        "/share/device_share_list",
        "/share/get_share_user",
        "/share/receive_share_list",
        PROFILE,
    }
)


class ReadOnlyClientError(RuntimeError):
    """A read-only client was asked to send a request that could change something."""


class XiaomiCloudClient:
    """Signed app API calls for one account, re-minting the serviceToken as needed.

    Only the passToken (in ``credentials``) is meant to be stored; the
    serviceToken and ssecurity live in memory and are minted lazily.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession,
        credentials: Credentials,
        endpoints: Endpoints = DEFAULT_ENDPOINTS,
        *,
        on_credentials_changed: Callable[[Credentials], None] | None = None,
        timeouts: Timeouts = DEFAULT_TIMEOUTS,
        read_only: bool = False,
    ) -> None:
        self._http = session
        self._read_only = read_only
        self._credentials = credentials
        self._endpoints = endpoints
        self._timeouts = timeouts
        self._on_credentials_changed = on_credentials_changed
        self._api = AppApi(session, endpoints, credentials.device_id, timeouts.request)
        self._service: ServiceSession | None = None
        self._mint_lock = asyncio.Lock()
        self.request_count = 0
        # pid of each device seen in a device list, sent back to the share endpoints.
        self._pids: dict[tuple[Region, str], int] = {}
        # Per device: its device_share_list entry and the statuses get_share_user
        # gave for it, kept while nobody's invite waits and the entry is unchanged.
        self._settled: dict[tuple[Region, str], tuple[Fingerprint, tuple[Sharee, ...]]] = {}
        self._last_login: LoginShapes | None = None

    @property
    def reply_shapes(self) -> ReplyShapes:
        """The shape of the last reply of each endpoint (no values), for diagnostics."""
        return self._api.shapes

    @property
    def login_shapes(self) -> LoginShapes | None:
        """The steps of the last serviceToken minting (a passport login), by shape only."""
        return self._last_login

    @property
    def credentials(self) -> Credentials:
        """The credentials to persist (the passport may have rotated the passToken)."""
        return self._credentials

    # --- devices and shares (owner side) -------------------------------------

    async def get_devices(self, region: Region) -> list[Device]:
        """Every device of the account in ``region`` (``/v2/home/device_list_page``, paged)."""
        devices: list[Device] = []
        start_did = ""
        for _ in range(MAX_DEVICE_PAGES):
            result = await self._call(
                region,
                "/v2/home/device_list_page",
                {
                    "limit": DEVICE_PAGE_SIZE,
                    "start_did": start_did,
                    "get_split_device": False,
                    "get_third_device": True,
                    "dids": [],
                },
            )
            page, next_did = parsing.parse_device_page(result, region)
            devices.extend(page)
            self._pids.update(((region, device.did), device.pid) for device in page)
            if next_did is None:
                return devices
            start_did = next_did
        _LOGGER.warning("device list of %s still had more pages after %s", region, MAX_DEVICE_PAGES)
        return devices

    async def get_shares(self, region: Region) -> dict[str, list[Sharee]]:
        """Pending and accepted sharees of every owned device, keyed by did, each with its status.

        One ``device_share_list`` request lists every owned device that has
        sharees. Where it does not say each sharee's status (the Mi Home app
        reads only ``userid, nickname, icon, mtime`` from it), the status comes
        from ``get_share_user`` for that device: after its entry changed, and on
        every refresh while an invite of it waits for an answer.
        """
        listings = parsing.parse_share_overview(await self._call(region, "/share/device_share_list", {}))
        for key in [key for key in self._settled if key[0] is region and key[1] not in listings]:
            del self._settled[key]
        shares: dict[str, list[Sharee]] = {}
        for did, listing in listings.items():
            sharees = listing.sharees if listing.has_status else await self._with_status(region, did, listing)
            live = [sharee for sharee in sharees if sharee.status in LIVE_STATUSES]
            if live:
                shares[did] = live
        return shares

    async def _with_status(self, region: Region, did: str, listing: ShareListing) -> tuple[Sharee, ...]:
        """The sharees of one listed device with their status, from get_share_user when needed."""
        key = (region, did)
        settled = self._settled.pop(key, None)
        if settled is not None and settled[0] == listing.fingerprint:
            self._settled[key] = settled
            return settled[1]
        try:
            sharees = tuple(await self.get_device_sharees(region, did))
        except PermissionDeniedError:
            _LOGGER.debug("device %s is no longer this account's to list shares of", did)
            return ()
        times_known = all(mtime is not None for _, mtime in listing.fingerprint)
        if times_known and all(sharee.status in SETTLED_STATUSES for sharee in sharees):
            self._settled[key] = (listing.fingerprint, sharees)
        return sharees

    async def get_device_sharees(self, region: Region, did: str, pid: int | None = None) -> list[Sharee]:
        """Everyone one device is shared with or was invited to, with their status (declined too)."""
        data = {"did": did, "pid": self._pid(region, did, pid)}
        return parsing.parse_sharee_list(await self._call(region, "/share/get_share_user", data))

    async def share(self, region: Region, did: str, user_id: str, permission: SharePermission) -> None:
        """Invite one account to one device."""
        self._refuse_self([user_id])
        data: dict[str, Any] = {"command": "share_request", "did": did, "userid": user_id}
        if permission is SharePermission.VIEW_ONLY:
            data["type"] = READ_ONLY_TYPE
        await self._call(region, SHARE_REQUEST, data)

    async def share_batch(
        self,
        region: Region,
        dids: Sequence[str],
        user_ids: Sequence[str],
        permission: SharePermission,
    ) -> BatchShareResult:
        """Invite several accounts to several devices in one request.

        Returns per (did, user id) whether an invite went out, the device was
        already shared with (or waits for) that person, or the cloud refused;
        errors that refuse the whole call are raised as for ``share``.
        """
        self._refuse_self(user_ids)
        did_list, receivers = list(dids), list(user_ids)
        data: dict[str, Any] = {"didList": did_list, "receiver": receivers}
        if permission is SharePermission.VIEW_ONLY:
            data["type"] = READ_ONLY_TYPE
        result = await self._call(region, SHARE_REQUEST_BATCH, data)
        return parsing.parse_batch_result(result, did_list, receivers)

    async def revoke(self, region: Region, did: str, user_ids: Sequence[str], pid: int | None = None) -> None:
        """Take a device away from accounts; also withdraws pending invites."""
        data = {"list": [{"did": did, "pid": self._pid(region, did, pid), "userid": list(user_ids)}]}
        failed = parsing.failed_revocations(await self._call(region, "/share/delete_user", data))
        if failed:
            raise ApiError(f"the cloud did not revoke {len(failed)} share(s)")

    # --- invites (receiving side) ---------------------------------------------

    async def get_invites(self, region: Region) -> list[Invite]:
        """Invites to this account in ``region`` (pending, answered and expired)."""
        data = {"userid": self._credentials.user_id}
        return parsing.parse_invites(await self._call(region, "/share/receive_share_list", data), region)

    async def respond_to_invite(
        self, region: Region, invite_id: int, *, accept: bool, msg_id: str = ""
    ) -> None:
        """Accept or decline an invite; InviteExpiredError when it is too late."""
        data = {"msg_id": msg_id, "inv_id": invite_id, "value": "accept" if accept else "reject"}
        await self._call(region, SHARE_RESPONSE, data)

    async def leave_share(self, region: Region, did: str, pid: int | None = None) -> None:
        """Give back a device someone shared with this account."""
        await self._call(region, "/share/cancel", {"did": did, "pid": self._pid(region, did, pid)})

    async def lookup_user(self, region: Region, query: str) -> UserProfile:
        """Find an account by Xiaomi ID or phone number; UserNotFoundError if none."""
        return parsing.parse_profile(await self._call(region, PROFILE, {"id": query.strip()}))

    async def read(self, region: Region, path: str, data: dict[str, Any]) -> Any:
        """The ``result`` of one endpoint of READ_PATHS as it came, for tools that look at the cloud."""
        if path not in READ_PATHS:
            raise ReadOnlyClientError(f"{path} is not a read")
        return await self._call(region, path, data)

    async def signed_read(self, region: Region, path: str, data: dict[str, Any]) -> Any:
        """Any other signed call that changes no share (the live view keys of ``p2p.py``)."""
        return await self._call(region, path, data)

    # --- plumbing ---------------------------------------------------------------

    def _pid(self, region: Region, did: str, pid: int | None) -> int:
        """The pid to send, as the app sends it: a number, the device list's when not given."""
        return pid if pid is not None else self._pids.get((region, did), 0)

    def _refuse_self(self, user_ids: Sequence[str]) -> None:
        if self._credentials.user_id in (user_id.strip() for user_id in user_ids):
            raise ShareWithSelfError("a device cannot be shared with its own account")

    async def _call(self, region: Region, path: str, data: dict[str, Any]) -> Any:
        """One API call; when the serviceToken expired, mint a new one and retry once."""
        if self._read_only and path not in READ_PATHS:
            raise ReadOnlyClientError(f"a read-only client does not send {path}")
        service = self._service or await self._mint(stale=None)
        try:
            self.request_count += 1
            return await self._api.call(service, region, path, data)
        except ServiceTokenExpiredError:
            _LOGGER.debug("serviceToken no longer accepted on %s; minting a new one", path)
        service = await self._mint(stale=service)
        try:
            self.request_count += 1
            return await self._api.call(service, region, path, data)
        except ServiceTokenExpiredError as err:
            raise AuthExpiredError("a freshly minted serviceToken was refused") from err

    async def _mint(self, stale: ServiceSession | None) -> ServiceSession:
        """Mint a serviceToken unless another call already replaced ``stale``."""
        async with self._mint_lock:
            if self._service is not None and self._service is not stale:
                return self._service
            self._last_login = LoginShapes("pass_token")
            passport = Passport(
                self._http, self._endpoints, self._credentials.device_id, self._timeouts, self._last_login
            )
            minted = await mint_service_session(passport, self._credentials)
            self._service = minted.session
            if minted.credentials != self._credentials:
                self._credentials = minted.credentials
                _LOGGER.debug("the passport rotated the passToken")
                if self._on_credentials_changed is not None:
                    self._on_credentials_changed(minted.credentials)
            return minted.session
