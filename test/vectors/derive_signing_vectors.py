"""Derive test/vectors/signing.json straight from the protocol's written algorithm.

This is the reference derivation both implementations are checked against (the
Python cloud client and the TypeScript simulator). It is deliberately literal,
shares no code with either, and uses made-up secrets only.

    python3 test/vectors/derive_signing_vectors.py > test/vectors/signing.json
"""

import base64
import hashlib
import json
import struct
from typing import Any

from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
from cryptography.hazmat.primitives.ciphers import Cipher

DROP = 1024  # keystream bytes thrown away before use


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def rc4(key: bytes, payload: bytes) -> bytes:
    encryptor = Cipher(ARC4(key), mode=None).encryptor()
    encryptor.update(bytes(DROP))
    return encryptor.update(payload)


def sha1_b64(parts: list[str]) -> str:
    return b64(hashlib.sha1("&".join(parts).encode()).digest())


CASES = [
    {
        "name": "device list",
        "ssecurity": b64(bytes(range(16))),
        "random": "0001020304050607",
        "minute": 29_000_000,
        "path": "/home/device_list",
        "data": {"getVirtualModel": True, "getHuamiDevices": 1},
        "response": {"code": 0, "message": "ok", "result": {"list": []}},
    },
    {
        "name": "share request, view only",
        "ssecurity": b64(b"made-up-secret-A"),
        "random": "a1b2c3d4e5f60718",
        "minute": 29_400_123,
        "path": "/share/share_request",
        "data": {"command": "share_request", "did": "1001", "userid": "2002", "type": "readonly"},
        "response": {"code": -12, "message": "frequent request"},
    },
    {
        "name": "non-ASCII data and response",
        "ssecurity": b64(b"\xff" * 16),
        "random": "ffffffffffffffff",
        "minute": 1,
        "path": "/home/profile",
        "data": {"id": "13800138000"},
        "response": {"code": 0, "message": "ok", "result": {"userid": "3003", "nickname": "奶奶"}},
    },
]


def derive(case: dict[str, Any]) -> dict[str, Any]:
    nonce_raw = bytes.fromhex(case["random"]) + struct.pack(">I", case["minute"])
    nonce = b64(nonce_raw)
    key = hashlib.sha256(base64.b64decode(case["ssecurity"]) + nonce_raw).digest()
    signed_nonce = b64(key)
    data = json.dumps(case["data"], separators=(",", ":"), ensure_ascii=False)
    rc4_hash = sha1_b64(["POST", case["path"], f"data={data}", signed_nonce])
    enc_data = b64(rc4(key, data.encode()))
    enc_hash = b64(rc4(key, rc4_hash.encode()))
    signature = sha1_b64(["POST", case["path"], f"data={enc_data}", f"rc4_hash__={enc_hash}", signed_nonce])
    response = json.dumps(case["response"], separators=(",", ":"), ensure_ascii=False)
    return {
        "name": case["name"],
        "ssecurity": case["ssecurity"],
        "nonce": nonce,
        "signed_nonce": signed_nonce,
        "method": "POST",
        "path": case["path"],
        "data": data,
        "rc4_hash__": rc4_hash,
        "encrypted": {"data": enc_data, "rc4_hash__": enc_hash},
        "signature": signature,
        "response": {"plain": response, "encrypted": b64(rc4(key, response.encode()))},
    }


if __name__ == "__main__":
    doc = {
        "description": "RC4 request signing of the Xiaomi app API; see derive_signing_vectors.py.",
        "rc4_drop": DROP,
        "cases": [derive(case) for case in CASES],
    }
    print(json.dumps(doc, indent=2, ensure_ascii=False))
