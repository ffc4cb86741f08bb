"""Reading app API results into the typed models.

The cloud is loose about types (ids arrive as numbers or strings, flags as
booleans or 0/1); everything is normalised here, and a result that is not the
documented shape raises MalformedResponseError.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .errors import MalformedResponseError, UserNotFoundError
from .models import BatchShareResult, Device, Invite, PermitLevel, Sharee, ShareStatus, UserProfile

if TYPE_CHECKING:
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


def _status(value: Any) -> ShareStatus:
    """A share status; absent (or the cloud's -1 for absent) counts as accepted."""
    number = _int_or_none(value)
    try:
        return ShareStatus(number) if number is not None else ShareStatus.ACCEPTED
    except ValueError:
        return ShareStatus.ACCEPTED


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
        pid=str(entry.get("pid", "0")),
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
    entry = _object(item, "a sharee")
    user_id = _id(entry.get("userid"), "a sharee's userid")
    return Sharee(
        user_id=user_id,
        nickname=_text(entry.get("nickname")) or user_id,
        status=_status(entry.get("status")),
        read_only=_bool_or_none(entry.get("isReadOnly")),
        icon=_text(entry.get("icon")) or None,
        shared_at=_int_or_none(entry.get("sharetime", entry.get("mtime"))),
    )


def parse_sharee_list(result: Any) -> list[Sharee]:
    """``/share/get_share_user``: ``result.list`` of sharees."""
    return [parse_sharee(item) for item in _list(_object(result, "the result").get("list", []), "list")]


def parse_share_overview(result: Any) -> dict[str, list[Sharee]]:
    """``/share/device_share_list``: pending and accepted sharees keyed by did."""
    by_did = _object(_object(result, "the result").get("list", {}), "the share list")
    overview: dict[str, list[Sharee]] = {}
    for did, items in by_did.items():
        sharees = [parse_sharee(item) for item in _list(items, "a device's sharees")]
        kept = [sharee for sharee in sharees if sharee.status is not ShareStatus.REJECTED]
        if kept:
            overview[str(did)] = kept
    return overview


def parse_invite(item: Any, region: Region) -> Invite:
    entry = _object(item, "an invite")
    invite_id = _int_or_none(entry.get("inv_id"))
    if invite_id is None:
        raise MalformedResponseError("an invite has no inv_id")
    status = _int_or_none(entry.get("status"))
    return Invite(
        invite_id=invite_id,
        sender_id=_id(entry.get("sender"), "an invite's sender"),
        sender_name=_text(entry.get("sender_name")),
        did=_id(entry.get("did"), "an invite's did"),
        device_name=_text(entry.get("device_name")),
        model=_text(entry.get("model")),
        region=region,
        # -1 (or nothing) means the invite has not been answered.
        status=ShareStatus(status) if status in (0, 1, 2) else ShareStatus.PENDING,
        read_only=bool(_bool_or_none(entry.get("isReadOnly"))),
        msg_id=str(entry.get("msgId") or ""),
        created_at=_int_or_none(entry.get("ctime")),
        expires_at=_int_or_none(entry.get("expire_time")),
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


def parse_batch_result(result: Any) -> BatchShareResult:
    """``/share/share_request_batch``: per receiver, per did, 1 = already shared."""
    if result is None:
        return BatchShareResult()
    receivers = _object(result, "the batch result")
    already: dict[str, dict[str, bool]] = {}
    for user_id, per_device in receivers.items():
        if not isinstance(per_device, Mapping):
            continue  # receivers the cloud reports nothing for
        already[str(user_id)] = {str(did): _int_or_none(flag) == 1 for did, flag in per_device.items()}
    return BatchShareResult(already_shared=already)


def failed_revocations(result: Any) -> list[str]:
    """``/share/delete_user``: the dids whose ``ret`` is not 1."""
    items = _list(_object(result, "the result").get("list", []), "the revoke list")
    results = [_object(item, "a revoke result") for item in items]
    return [str(entry.get("did")) for entry in results if _int_or_none(entry.get("ret")) != 1]
