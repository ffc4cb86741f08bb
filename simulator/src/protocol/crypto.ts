// The cryptography of Xiaomi's app API (RC4 scheme) and passport, with node's crypto.
// RC4 needs node's --openssl-legacy-provider flag.
import { createCipheriv, createHash, randomBytes } from "node:crypto";

/** Keystream bytes thrown away before every RC4 use, as the app does. */
export const RC4_DROP = 1024;

const sha = (algorithm: "sha1" | "sha256", ...parts: (Buffer | string)[]): Buffer => {
  const hash = createHash(algorithm);
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** base64(SHA-256(ssecurity bytes ‖ nonce bytes)): the per-request key. */
export function signedNonce(ssecurity: string, nonce: string): string {
  return sha("sha256", Buffer.from(ssecurity, "base64"), Buffer.from(nonce, "base64")).toString("base64");
}

/** base64(SHA-1) over method, path, each `key=value` in order, and the signed nonce, joined by `&`. */
export function sha1Sign(
  method: string,
  path: string,
  params: readonly (readonly [string, string])[],
  signedNonceB64: string,
): string {
  const parts = [
    method.toUpperCase(),
    path,
    ...params.map(([key, value]) => `${key}=${value}`),
    signedNonceB64,
  ];
  return sha("sha1", parts.join("&")).toString("base64");
}

/** RC4 keyed with the decoded signed nonce, first RC4_DROP bytes dropped. Encrypts and decrypts alike. */
export function rc4(signedNonceB64: string, input: Buffer): Buffer {
  const cipher = createCipheriv("rc4", Buffer.from(signedNonceB64, "base64"), null);
  cipher.update(Buffer.alloc(RC4_DROP));
  return Buffer.concat([cipher.update(input), cipher.final()]);
}

export const encryptText = (signedNonceB64: string, text: string): string =>
  rc4(signedNonceB64, Buffer.from(text, "utf8")).toString("base64");

export const decryptText = (signedNonceB64: string, base64: string): string =>
  rc4(signedNonceB64, Buffer.from(base64, "base64")).toString("utf8");

/** The form fields a client sends for one RC4-signed call. */
export interface SignedForm {
  data: string;
  rc4_hash__: string;
  signature: string;
  _nonce: string;
}

/** Build the signed, encrypted form of a call: what a client does, used by tests and checks. */
export function signRequest(ssecurity: string, nonce: string, path: string, data: string): SignedForm {
  const key = signedNonce(ssecurity, nonce);
  const plainHash = sha1Sign("POST", path, [["data", data]], key);
  const encData = encryptText(key, data);
  const encHash = encryptText(key, plainHash);
  const signature = sha1Sign(
    "POST",
    path,
    [
      ["data", encData],
      ["rc4_hash__", encHash],
    ],
    key,
  );
  return { data: encData, rc4_hash__: encHash, signature, _nonce: nonce };
}

/** A fresh nonce: 8 random bytes and the Unix time in minutes as 4 big-endian bytes. */
export function makeNonce(nowMs: number): string {
  const minutes = Buffer.alloc(4);
  minutes.writeUInt32BE(Math.floor(nowMs / 60_000) >>> 0);
  return Buffer.concat([randomBytes(8), minutes]).toString("base64");
}

/** The passport's password hash: uppercase hex MD5 of the plain password. */
export const passwordHash = (password: string): string =>
  createHash("md5").update(password, "utf8").digest("hex").toUpperCase();

export const randomBase64 = (bytes: number): string => randomBytes(bytes).toString("base64");

export const randomDigits = (count: number): string =>
  Array.from(randomBytes(count), (byte) => String(byte % 10)).join("");

export const randomId = (bytes = 12): string => randomBytes(bytes).toString("base64url");
