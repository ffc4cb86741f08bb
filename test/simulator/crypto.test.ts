// The simulator's crypto against the shared signing vectors (derived separately from the brief).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import {
  RC4_DROP,
  decryptText,
  encryptText,
  makeNonce,
  passwordHash,
  sha1Sign,
  signRequest,
  signedNonce,
} from "../../simulator/src/protocol/crypto.ts";

interface Vector {
  name: string;
  ssecurity: string;
  nonce: string;
  signed_nonce: string;
  path: string;
  data: string;
  rc4_hash__: string;
  encrypted: { data: string; rc4_hash__: string };
  signature: string;
  response: { plain: string; encrypted: string };
}

const vectors = JSON.parse(readFileSync(new URL("../vectors/signing.json", import.meta.url), "utf8")) as {
  rc4_drop: number;
  cases: Vector[];
};

describe("signing vectors", () => {
  it("drops as many RC4 keystream bytes as the vectors", () => {
    assert.equal(RC4_DROP, vectors.rc4_drop);
  });

  for (const v of vectors.cases) {
    describe(v.name, () => {
      it("derives the signed nonce", () => {
        assert.equal(signedNonce(v.ssecurity, v.nonce), v.signed_nonce);
      });
      it("hashes the plain data into rc4_hash__", () => {
        assert.equal(sha1Sign("POST", v.path, [["data", v.data]], v.signed_nonce), v.rc4_hash__);
      });
      it("encrypts and signs the request exactly", () => {
        const form = signRequest(v.ssecurity, v.nonce, v.path, v.data);
        assert.deepEqual(form, {
          data: v.encrypted.data,
          rc4_hash__: v.encrypted.rc4_hash__,
          signature: v.signature,
          _nonce: v.nonce,
        });
      });
      it("decrypts the request and both ways of the response", () => {
        assert.equal(decryptText(v.signed_nonce, v.encrypted.data), v.data);
        assert.equal(encryptText(v.signed_nonce, v.response.plain), v.response.encrypted);
        assert.equal(decryptText(v.signed_nonce, v.response.encrypted), v.response.plain);
      });
    });
  }
});

describe("nonce and password hash", () => {
  it("makes a 12-byte nonce ending in the Unix minute", () => {
    const at = Date.UTC(2026, 0, 2, 3, 4, 5);
    const bytes = Buffer.from(makeNonce(at), "base64");
    assert.equal(bytes.length, 12);
    assert.equal(bytes.readUInt32BE(8), Math.floor(at / 60_000));
    assert.notEqual(makeNonce(at), makeNonce(at));
  });

  it("hashes a password as uppercase hex MD5", () => {
    assert.equal(passwordHash("password"), "5F4DCC3B5AA765D61D8327DEB882CF99");
  });
});
