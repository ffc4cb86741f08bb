"""Live view keys: what go2rtc's ``xiaomi`` source needs to reach a Mi camera on the LAN.

Every stream start gets a fresh X25519 key pair. Given its public half, the cloud
answers with the camera's P2P vendor, the camera's public key and its signature of
the app's key (``/v2/device/miss_get_vendor``; older models: ``/device/devicepass``).
From that this module builds a *resolved* ``xiaomi://`` URL that carries the keys
itself, so go2rtc dials the camera with no cloud login of its own.

Both calls are reads: they change no share. The URL, the private key and the
signature are secrets; nothing here logs them, and no repr shows them.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, Any, Final, Protocol
from urllib.parse import urlencode

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from .errors import ApiError, MalformedResponseError, XiaomiCloudError

if TYPE_CHECKING:
    from .models import Device
    from .regions import Region

MISS_GET_VENDOR: Final = "/v2/device/miss_get_vendor"
DEVICEPASS: Final = "/device/devicepass"
# The vendors the app (and go2rtc) asks for; the cloud picks the camera's own.
SUPPORTED_VENDORS: Final = "TUTK_CS2_MTP"
# How miss_get_vendor says that a camera speaks only the older protocol.
NO_VENDOR_SUPPORT: Final = "no available vendor support"
# Models go2rtc 1.9.14 reaches through devicepass only.
LEGACY_MODELS: Final = frozenset(
    {"lumi.camera.gwagl01", "loock.cateye.v01", "chuangmi.camera.xiaobai", "isa.camera.isc5"}
)
_HEX_KEY_LENGTH: Final = 64


class P2pVendor(IntEnum):
    """``vendor.vendor`` of miss_get_vendor."""

    TUTK = 1
    AGORA = 3
    CS2 = 4
    MTP = 6


# The vendors go2rtc's xiaomi source can dial, by the name its URL takes.
DIALABLE_VENDORS: Final = {P2pVendor.TUTK: "tutk", P2pVendor.CS2: "cs2"}


class LiveViewError(XiaomiCloudError):
    """Live view cannot be set up for this camera (besides cloud failures)."""

    key = "live_view_error"


class NoLocalAddressError(LiveViewError):
    """The device list gives the camera no LAN address to dial."""

    key = "no_local_address"


class UnsupportedVendorError(LiveViewError):
    """The camera's P2P vendor is one go2rtc cannot dial (Agora, MTP)."""

    key = "unsupported_vendor"


class SignedReader(Protocol):
    """The cloud client's signed call for reads (``XiaomiCloudClient.signed_read``)."""

    async def signed_read(self, region: Region, path: str, data: dict[str, Any]) -> Any:
        """POST one signed app API call and return its ``result``."""


@dataclass(frozen=True, slots=True)
class KeyPair:
    """A NaCl box (X25519) key pair, raw keys in hex as the cloud and go2rtc take them."""

    public: str
    private: str = field(repr=False)

    @classmethod
    def generate(cls) -> KeyPair:
        key = X25519PrivateKey.generate()
        private = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return cls(public=public.hex(), private=private.hex())


@dataclass(frozen=True, slots=True)
class LiveSource:
    """A resolved stream URL for one stream start; ``vendor`` is safe to show, the URL is not."""

    url: str = field(repr=False)
    vendor: str
    call: str


async def resolve_live_source(cloud: SignedReader, device: Device) -> LiveSource:
    """Fresh keys for one stream start of ``device``, as a resolved ``xiaomi://`` URL.

    Raises NoLocalAddressError without calling the cloud when there is nothing to
    dial, UnsupportedVendorError for vendors go2rtc cannot dial, and the client's
    errors otherwise (PermissionDeniedError when the account may not watch it).
    """
    host = lan_host(device.localip)
    if device.model in LEGACY_MODELS:
        return await _devicepass(cloud, device, host)
    keys = KeyPair.generate()
    data = {"app_pubkey": keys.public, "did": device.did, "support_vendors": SUPPORTED_VENDORS}
    try:
        result = await cloud.signed_read(device.region, MISS_GET_VENDOR, data)
    except ApiError as err:
        if NO_VENDOR_SUPPORT in str(err).lower():
            return await _devicepass(cloud, device, host)
        raise
    answer = _object(result, "the vendor answer")
    vendor_entry = _object(answer.get("vendor"), "the vendor")
    vendor_id = vendor_entry.get("vendor")
    if isinstance(vendor_id, bool) or not isinstance(vendor_id, int):
        raise MalformedResponseError("the vendor answer has no vendor number")
    try:
        vendor = DIALABLE_VENDORS[P2pVendor(vendor_id)]
    except (KeyError, ValueError) as err:
        raise UnsupportedVendorError(f"P2P vendor {vendor_id} cannot be dialled by go2rtc") from err
    query = {"did": device.did, "model": device.model, "vendor": vendor}
    if vendor == "tutk":
        params = _object(vendor_entry.get("vendor_params"), "the vendor parameters")
        query["uid"] = _text(params.get("p2p_id"), "the P2P id")
    query |= {
        "client_public": keys.public,
        "client_private": keys.private,
        "device_public": _hex_key(answer.get("public_key"), "the camera's public key"),
        "sign": _text(answer.get("sign"), "the signature"),
    }
    return LiveSource(url=_url(host, query), vendor=vendor, call="miss_get_vendor")


async def _devicepass(cloud: SignedReader, device: Device, host: str) -> LiveSource:
    """The older call: a TUTK UID and either a signed key or a password."""
    keys = KeyPair.generate()
    data = {"did": device.did, "toSignAppData": keys.public}
    answer = _object(await cloud.signed_read(device.region, DEVICEPASS, data), "the devicepass answer")
    query = {"did": device.did, "model": device.model, "uid": _text(answer.get("p2p_id"), "the P2P id")}
    sign = answer.get("signForAppData")
    if isinstance(sign, str) and sign:
        query |= {
            "client_public": keys.public,
            "client_private": keys.private,
            "device_public": _hex_key(answer.get("p2p_dev_public_key"), "the camera's public key"),
            "sign": sign,
        }
    else:
        query["password"] = _text(answer.get("password"), "the password")
    return LiveSource(url=_url(host, query), vendor="legacy", call="devicepass")


def lan_host(localip: str | None) -> str:
    """The camera's LAN address as a URL host; NoLocalAddressError when there is none."""
    try:
        address = ipaddress.ip_address((localip or "").strip())
    except ValueError as err:
        raise NoLocalAddressError("the cloud gives the camera no local address") from err
    if address.is_unspecified:
        raise NoLocalAddressError("the cloud gives the camera no local address")
    return f"[{address}]" if address.version == 6 else str(address)


def _url(host: str, query: dict[str, str]) -> str:
    # No user info: with it, go2rtc would log in to the cloud itself.
    return f"xiaomi://{host}?{urlencode(query)}"


def _object(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise MalformedResponseError(f"{what} is not an object")
    return value


def _text(value: Any, what: str) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or not value:
        raise MalformedResponseError(f"{what} is missing")
    return value


def _hex_key(value: Any, what: str) -> str:
    text = _text(value, what).lower()
    if len(text) != _HEX_KEY_LENGTH or any(char not in "0123456789abcdef" for char in text):
        raise MalformedResponseError(f"{what} is not a 32-byte hex key")
    return text
