"""Request signing of the Xiaomi app API (the RC4 scheme).

Everything here is pure: values in, values out. Keys and secrets are bytes or
base64 text exactly as the cloud hands them out.
"""

from __future__ import annotations

import base64
import hashlib
import os
import struct
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
from cryptography.hazmat.primitives.ciphers import Cipher

if TYPE_CHECKING:
    from collections.abc import Mapping

# The app throws away this many keystream bytes before it uses RC4 (RC4-drop).
RC4_DROP = 1024


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def generate_nonce(random_bytes: bytes | None = None, now: float | None = None) -> str:
    """Eight random bytes and the current Unix minute (big-endian u32), base64."""
    random_part = os.urandom(8) if random_bytes is None else random_bytes
    minute = int((time.time() if now is None else now) // 60)
    return _b64(random_part + struct.pack(">I", minute))


def signed_nonce(ssecurity: str, nonce: str) -> str:
    """SHA-256 of ssecurity and nonce (both decoded), base64: the RC4 key."""
    digest = hashlib.sha256(base64.b64decode(ssecurity) + base64.b64decode(nonce)).digest()
    return _b64(digest)


def rc4(key_b64: str, payload: bytes) -> bytes:
    """RC4-drop-1024 keyed with the decoded signed nonce (encrypts and decrypts)."""
    cipher = Cipher(ARC4(base64.b64decode(key_b64)), mode=None).encryptor()
    cipher.update(bytes(RC4_DROP))
    return cipher.update(payload) + cipher.finalize()


def encrypt(key_b64: str, text: str) -> str:
    """Encrypt UTF-8 text, base64 ciphertext."""
    return _b64(rc4(key_b64, text.encode("utf-8")))


def decrypt(key_b64: str, ciphertext_b64: str | bytes) -> bytes:
    """Decode base64 ciphertext and decrypt it (raises ValueError on bad base64)."""
    return rc4(key_b64, base64.b64decode(ciphertext_b64, validate=True))


def sha1_signature(method: str, path: str, params: Mapping[str, str], key_b64: str) -> str:
    """SHA-1 over ``method&path&k=v...&signed_nonce`` in insertion order, base64."""
    parts = [method.upper(), path, *(f"{name}={value}" for name, value in params.items()), key_b64]
    digest = hashlib.sha1("&".join(parts).encode("utf-8")).digest()  # noqa: S324 - the protocol signs with SHA-1
    return _b64(digest)


@dataclass(frozen=True, slots=True)
class SignedRequest:
    """The form fields of one RC4 request, and the key that decrypts its reply."""

    form: dict[str, str]
    key: str


def sign_rc4_request(
    method: str, path: str, data: str, ssecurity: str, nonce: str | None = None
) -> SignedRequest:
    """Build the encrypted ``data``/``rc4_hash__`` fields, ``signature`` and ``_nonce``.

    ``ssecurity`` is deliberately not sent: the cloud knows it, and a secret that
    is not on the wire cannot leak from it.
    """
    request_nonce = nonce or generate_nonce()
    key = signed_nonce(ssecurity, request_nonce)
    rc4_hash = sha1_signature(method, path, {"data": data}, key)
    encrypted = {"data": encrypt(key, data), "rc4_hash__": encrypt(key, rc4_hash)}
    form = {
        **encrypted,
        "signature": sha1_signature(method, path, encrypted, key),
        "_nonce": request_nonce,
    }
    return SignedRequest(form=form, key=key)
