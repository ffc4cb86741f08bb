"""The signing primitives against the shared vectors and the protocol's rules."""

from __future__ import annotations

import base64
import json
import struct
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
from cryptography.hazmat.primitives.ciphers import Cipher

from custom_components.xiaomi_camera_share.cloud import crypto

VECTORS: list[dict[str, Any]] = json.loads(
    (Path(__file__).parents[1] / "vectors" / "signing.json").read_text(encoding="utf-8")
)["cases"]


@pytest.fixture(params=VECTORS, ids=[case["name"] for case in VECTORS])
def case(request: pytest.FixtureRequest) -> dict[str, Any]:
    return request.param


def test_signed_nonce(case: dict[str, Any]) -> None:
    assert crypto.signed_nonce(case["ssecurity"], case["nonce"]) == case["signed_nonce"]


def test_rc4_hash(case: dict[str, Any]) -> None:
    params = {"data": case["data"]}
    assert crypto.sha1_signature("POST", case["path"], params, case["signed_nonce"]) == case["rc4_hash__"]


def test_encryption_of_both_fields(case: dict[str, Any]) -> None:
    key = case["signed_nonce"]
    assert crypto.encrypt(key, case["data"]) == case["encrypted"]["data"]
    assert crypto.encrypt(key, case["rc4_hash__"]) == case["encrypted"]["rc4_hash__"]


def test_signed_request(case: dict[str, Any]) -> None:
    signed = crypto.sign_rc4_request("POST", case["path"], case["data"], case["ssecurity"], case["nonce"])
    assert signed.key == case["signed_nonce"]
    assert signed.form == {
        "data": case["encrypted"]["data"],
        "rc4_hash__": case["encrypted"]["rc4_hash__"],
        "signature": case["signature"],
        "_nonce": case["nonce"],
    }


def test_response_decryption(case: dict[str, Any]) -> None:
    plain = crypto.decrypt(case["signed_nonce"], case["response"]["encrypted"])
    assert plain.decode("utf-8") == case["response"]["plain"]


def test_rc4_drops_the_first_1024_keystream_bytes() -> None:
    key = VECTORS[0]["signed_nonce"]
    stream = crypto.rc4(key, bytes(1040))
    # Encrypting zeros shows the keystream: plain RC4's, minus its first 1024 bytes.
    plain_rc4 = Cipher(ARC4(base64.b64decode(key)), mode=None).encryptor().update(bytes(2064))
    assert stream == plain_rc4[1024:]


def test_nonce_is_random_bytes_and_the_unix_minute() -> None:
    nonce = crypto.generate_nonce(b"\x01" * 8, now=1_740_000_000.0)
    raw = base64.b64decode(nonce)
    assert raw[:8] == b"\x01" * 8
    assert struct.unpack(">I", raw[8:])[0] == 1_740_000_000 // 60


def test_nonces_differ_between_calls() -> None:
    assert len({crypto.generate_nonce() for _ in range(20)}) == 20


def test_a_fresh_nonce_is_8_random_bytes_then_the_minute() -> None:
    raw = base64.b64decode(crypto.generate_nonce(now=1_740_000_000.0))
    assert len(raw) == 12
    assert struct.unpack(">I", raw[8:])[0] == 1_740_000_000 // 60


def test_decrypt_rejects_text_that_is_not_base64() -> None:
    with pytest.raises(ValueError, match="base64"):
        crypto.decrypt(VECTORS[0]["signed_nonce"], "not base64 at all!")
