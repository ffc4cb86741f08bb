"""Reading app API results into the typed models.

The cloud is loose about types (ids arrive as numbers or strings, flags as
booleans or 0/1); everything is normalised here, and a result that is not the
documented shape raises MalformedResponseError.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import MalformedResponseError, UserNotFoundError
from .models import (
    BatchShareOutcome,
    BatchShareResult,
    Device,
    Invite,
    PermitLevel,
    Sharee,
    ShareStatus,
    UserProfile,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .regions import Region

# User ids by which /home/profile says "nobody".
_NO_USER_IDS = frozenset({"", "-1", "0"})


def _object(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise MalformedResponseError(f"{what} is not an object")
    return value


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise MalformedResponseError(f"{what} is not a list")
    return value


def _id(value: Any, what: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
        raise MalformedResponseError(f"{what} is missing")
    return str(value)


def _text(value: Any, default: str = "") -> str:
    return value if isinstance(value, str) else default


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return int(value)
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None


def _bool_or_none(value: Any) -> bool | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.lower() in ("1", "true")
    return bool(value)


_KNOWN_STATUSES = frozenset({ShareStatus.PENDING, ShareStatus.ACCEPTED, ShareStatus.REJECTED})


def _status(value: Any, absent: ShareStatus) -> ShareStatus:
    """A share status: ``absent`` when there is none, UNKNOWN for a number nobody knows."""
    if value is None:
        return absent
    number = _int_or_none(value)
    return ShareStatus(number) if number in _KNOWN_STATUSES else ShareStatus.UNKNOWN


def parse_device(item: Any, region: Region) -> Device:
    entry = _object(item, "a device")
    owner = entry.get("owner")
    owner_entry = owner if isinstance(owner, Mapping) else {}
    owner_id = owner_entry.get("userid")
    permit_level = _int_or_none(entry.get("permitLevel"))
    return Device(
        did=_id(entry.get("did"), "a device's did"),
        name=_text(entry.get("name")),
        model=_text(entry.get("model")),
        region=region,
        # Lists send it as a string ("0", "16"); the share endpoints want a number.
        pid=_int_or_none(entry.get("pid")) or 0,
        mac=_text(entry.get("mac")) or None,
        is_online=bool(_bool_or_none(entry.get("isOnline"))),
        permit_level=int(PermitLevel.OWNER) if permit_level is None else permit_level,
        owner_id=str(owner_id) if owner_id not in (None, "") else None,
        owner_nickname=_text(owner_entry.get("nickname")) or None,
        localip=_text(entry.get("localip")) or None,
    )


def parse_device_page(result: Any, region: Region) -> tuple[list[Device], str | None]:
    """One page of ``/v2/home/device_list_page``: devices and the next start did."""
    page = _object(result, "the device list")
    devices = [parse_device(item, region) for item in _list(page.get("list", []), "the device list")]
    next_did = page.get("next_start_did")
    if page.get("has_more") and isinstance(next_did, (str, int)) and str(next_did):
        return devices, str(next_did)
    return devices, None


def parse_sharee(item: Any) -> Sharee:
    """One sharee; without a ``status`` it is pending, as the app reads ``get_share_user``."""
    entry = _object(item, "a sharee")
    user_id = _id(entry.get("userid"), "a sharee's userid")
    return Sharee(
        user_id=user_id,
        nickname=_text(entry.get("nickname")) or user_id,
        status=_status(entry.get("status"), absent=ShareStatus.PENDING),
        read_only=_bool_or_none(entry.get("isReadOnly")),
        icon=_text(entry.get("icon")) or None,
        shared_at=_int_or_none(entry.get("sharetime", entry.get("mtime"))),
    )


def parse_sharee_list(result: Any) -> list[Sharee]:
    """``/share/get_share_user``: ``result.list`` of sharees with their status."""
    return [parse_sharee(item) for item in _list(_object(result, "the result").get("list", []), "list")]


# Who is listed for a device and since when: (user id, mtime) pairs.
Fingerprint = frozenset[tuple[str, int | None]]


@dataclass(frozen=True, slots=True)
class ShareListing:
    """One device's entry in ``/share/device_share_list``.

    The Mi Home app reads only ``userid, nickname, icon, mtime`` there; when the
    cloud also says each ``status``, ``sharees`` are complete, otherwise their
    status must be asked of ``get_share_user``. ``fingerprint`` is what the entry
    says about who and when, to notice that it changed.
    """

    sharees: tuple[Sharee, ...]
    has_status: bool
    fingerprint: Fingerprint


def parse_share_overview(result: Any) -> dict[str, ShareListing]:
    """``/share/device_share_list``: ``result.list`` keyed by did (an empty list is no shares)."""
    raw = _object(result, "the result").get("list", {})
    if isinstance(raw, list) and not raw:
        return {}  # the app accepts an empty array here
    overview: dict[str, ShareListing] = {}
    for did, items in _object(raw, "the share list").items():
        entries = [_object(item, "a sharee") for item in _list(items, "a device's sharees")]
        overview[str(did)] = ShareListing(
            sharees=tuple(parse_sharee(entry) for entry in entries),
            has_status=all(entry.get("status") is not None for entry in entries),
            fingerprint=frozenset(
                (str(entry.get("userid")), _int_or_none(entry.get("mtime"))) for entry in entries
            ),
        )
    return overview


def parse_invite(item: Any, region: Region) -> Invite:
    entry = _object(item, "an invite")
    invite_id = _int_or_none(entry.get("inv_id"))
    if invite_id is None:
        raise MalformedResponseError("an invite has no inv_id")
    expires_at = _int_or_none(entry.get("expire_time"))
    # The app reads a missing status as -1 and offers an answer for 0 only; it
    # does not list a 0 whose expire_time is 0. Anything else is UNKNOWN here.
    status = _status(entry.get("status"), absent=ShareStatus.UNKNOWN)
    if status is ShareStatus.PENDING and expires_at == 0:
        status = ShareStatus.UNKNOWN
    return Invite(
        invite_id=invite_id,
        sender_id=_id(entry.get("sender"), "an invite's sender"),
        sender_name=_text(entry.get("sender_name")),
        did=_id(entry.get("did"), "an invite's did"),
        device_name=_text(entry.get("device_name")),
        model=_text(entry.get("model")),
        region=region,
        status=status,
        read_only=bool(_bool_or_none(entry.get("isReadOnly"))),
        msg_id=str(entry.get("msgId") or ""),
        created_at=_int_or_none(entry.get("ctime")),
        expires_at=expires_at,
    )


def parse_invites(result: Any, region: Region) -> list[Invite]:
    """``/share/receive_share_list``: an array (some servers wrap it in ``list``)."""
    items = result.get("list", []) if isinstance(result, Mapping) else result
    return [parse_invite(item, region) for item in _list(items or [], "the invite list")]


def parse_profile(result: Any) -> UserProfile:
    """``/home/profile``; a userid of -1 or 0 means nobody has that ID or phone."""
    entry = _object(result, "the profile")
    raw_id = entry.get("userid", entry.get("userId"))
    user_id = "" if raw_id is None else str(raw_id)
    if user_id in _NO_USER_IDS:
        raise UserNotFoundError("no Xiaomi account has that ID or phone number")
    return UserProfile(
        user_id=user_id,
        nickname=_text(entry.get("nickname")) or user_id,
        user_name=_text(entry.get("userName")) or None,
        icon=_text(entry.get("icon")) or None,
    )


_BATCH_VALUES = {1: BatchShareOutcome.INVITED, 0: BatchShareOutcome.ALREADY_SHARED}


def parse_batch_result(result: Any, dids: Sequence[str], user_ids: Sequence[str]) -> BatchShareResult:
    """``/share/share_request_batch``: ``{receiver: {did: n}}``, read as the Mi Home app does.

    The app says "invitation sent" when a value is 1 and "already shared" when
    none is; here 1 is INVITED, 0 ALREADY_SHARED, any other value REFUSED, and a
    pair the answer leaves out NOT_REPORTED.
    """
    receivers = _object(result if result is not None else {}, "the batch result")
    outcomes: dict[tuple[str, str], BatchShareOutcome] = {}
    codes: dict[tuple[str, str], int | None] = {}
    for user_id in user_ids:
        per_device = receivers.get(user_id)
        for did in dids:
            pair = (did, user_id)
            if not isinstance(per_device, Mapping) or did not in per_device:
                outcomes[pair] = BatchShareOutcome.NOT_REPORTED
                continue
            value = per_device[did]
            number = None if isinstance(value, bool) else _int_or_none(value)
            codes[pair] = number
            refused = BatchShareOutcome.REFUSED
            outcomes[pair] = refused if number is None else _BATCH_VALUES.get(number, refused)
    return BatchShareResult(outcomes=outcomes, codes=codes)


def failed_revocations(result: Any) -> list[str]:
    """``/share/delete_user``: the dids whose ``ret`` is not 1."""
    items = _list(_object(result, "the result").get("list", []), "the revoke list")
    results = [_object(item, "a revoke result") for item in items]
    return [str(entry.get("did")) for entry in results if _int_or_none(entry.get("ret")) != 1]
