// The live view keys of a camera: /v2/device/miss_get_vendor (cameras on Xiaomi's
// "miss" protocol, over the CS2 or TUTK P2P vendor) and /device/devicepass (older
// models). Both are reads; the cloud answers them to the owner and to accounts the
// camera is shared with, and refuses everyone else, a sharee whose share was revoked
// included.
//
// Every camera has a fixed X25519 key pair (derived from its did and token), so a
// stand-in camera can compute the same shared key the app does. `sign` is the cloud's
// signature of the app's public key, which the camera checks: here an HMAC keyed with
// the device token.
import { createHash, createHmac, createPrivateKey, createPublicKey } from "node:crypto";
import { ApiError } from "../state/errors.ts";
import type { Device, Region } from "../state/model.ts";
import type { Store } from "../state/store.ts";

export const MISS_GET_VENDOR = "/v2/device/miss_get_vendor";
export const DEVICEPASS = "/device/devicepass";

/** The app's answer when a camera speaks only the older protocol. */
export const NO_VENDOR_SUPPORT = "no available vendor support";
/** Codes of the two refusals (the real codes are not documented; see docs/cloud-contract.md). */
export const P2pCode = { notYours: -1, invalid: -6, noVendor: -2 } as const;

/** How a camera is reached: the miss protocol over one vendor, or the older call. */
export type P2pKind = "cs2" | "tutk" | "legacy";

/** `vendor.vendor` numbers of miss_get_vendor. */
const VENDOR_IDS = { tutk: 1, cs2: 4 } as const;

/**
 * Models that answer only devicepass (go2rtc's list of older models), and among them
 * the ones whose devicepass has no key signature but a password.
 */
const LEGACY_MODELS = new Set([
  "lumi.camera.gwagl01",
  "loock.cateye.v01",
  "chuangmi.camera.xiaobai",
  "isa.camera.isc5",
]);
const PASSWORD_ONLY_MODELS = new Set(["chuangmi.camera.xiaobai", "isa.camera.isc5"]);
/** Models whose miss sessions go over TUTK; every other miss camera uses CS2. */
const TUTK_MODELS = new Set(["chuangmi.camera.ipc019", "isa.camera.df3", "isa.camera.hlc6"]);

export function p2pKind(model: string): P2pKind {
  if (LEGACY_MODELS.has(model)) return "legacy";
  return TUTK_MODELS.has(model) ? "tutk" : "cs2";
}

/** One key exchange as the simulator answered it, for tests and stand-in cameras. */
export interface P2pExchange {
  /** Simulated Unix seconds. */
  at: number;
  call: "miss_get_vendor" | "devicepass";
  userId: string;
  region: Region;
  did: string;
  /** What was issued; absent when the call was refused. */
  issued?: {
    vendor: "cs2" | "tutk" | "legacy";
    p2pId: string;
    appPublicKey: string;
    devicePublicKey: string;
    sign: string;
    password: string;
  };
  refused?: { code: number; message: string };
}

/** Every key exchange since the last reset, oldest first (a bounded list). */
export class P2pLog {
  static readonly limit = 200;
  entries: P2pExchange[] = [];

  add(entry: P2pExchange): void {
    this.entries.push(entry);
    if (this.entries.length > P2pLog.limit) this.entries.shift();
  }
}

const sha256 = (...parts: string[]): Buffer => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
};

// DER of a PKCS#8 X25519 private key, before its 32 raw bytes.
const X25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b656e04220420", "hex");

/** The camera's X25519 key pair, raw and hex, the same at every call. */
export function deviceKeyPair(device: Device): { privateKey: string; publicKey: string } {
  const raw = sha256("camera-p2p-key", device.did, device.token);
  const privateKey = createPrivateKey({
    key: Buffer.concat([X25519_PKCS8_PREFIX, raw]),
    format: "der",
    type: "pkcs8",
  });
  const spki = createPublicKey(privateKey).export({ format: "der", type: "spki" });
  return { privateKey: raw.toString("hex"), publicKey: spki.subarray(-32).toString("hex") };
}

/** The cloud's signature of an app public key, as the camera checks it. */
export function signAppKey(device: Device, appPublicKey: string): string {
  return createHmac("sha256", Buffer.from(device.token, "utf8")).update(appPublicKey).digest("base64");
}

function p2pId(device: Device, kind: P2pKind): string {
  const digest = sha256("p2p-id", device.did).toString("hex").toUpperCase();
  if (kind === "cs2") return `XMSIM-${device.did.slice(-6).padStart(6, "0")}-${digest.slice(0, 5)}`;
  // TUTK UIDs are 20 characters.
  return digest.replace(/[^A-Z0-9]/g, "").slice(0, 20);
}

function devicePassword(device: Device): string {
  return sha256("p2p-password", device.did, device.token).toString("hex").slice(0, 8);
}

const HEX_KEY = /^[0-9a-f]{64}$/i;

function stringField(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  if (typeof value === "string" || typeof value === "number") return String(value);
  throw new ApiError(P2pCode.invalid);
}

/** The camera, when the caller may watch it: the owner, or an accepted sharee. */
function watchableDevice(store: Store, userId: string, region: Region, did: string): Device {
  const device = store.device(region, did);
  const mayWatch =
    device !== undefined &&
    (device.ownerId === userId || store.sharedToUser(userId, region).some((s) => s.device.did === did));
  if (!mayWatch) throw new ApiError(P2pCode.notYours);
  return device;
}

type Issued = NonNullable<P2pExchange["issued"]>;

/** `/v2/device/miss_get_vendor` `{app_pubkey, did, support_vendors}`. */
function missGetVendor(device: Device, data: Record<string, unknown>): { result: unknown; issued: Issued } {
  const appPublicKey = stringField(data, "app_pubkey").toLowerCase();
  if (!HEX_KEY.test(appPublicKey)) throw new ApiError(P2pCode.invalid);
  const kind = p2pKind(device.model);
  const supported = String(data["support_vendors"] ?? "")
    .toUpperCase()
    .split("_");
  if (kind === "legacy" || !supported.includes(kind.toUpperCase())) {
    throw new ApiError(P2pCode.noVendor, NO_VENDOR_SUPPORT);
  }
  const p2pIdValue = p2pId(device, kind);
  const { publicKey } = deviceKeyPair(device);
  const sign = signAppKey(device, appPublicKey);
  return {
    result: {
      vendor: { vendor: VENDOR_IDS[kind], vendor_params: { p2p_id: p2pIdValue } },
      public_key: publicKey,
      sign,
    },
    issued: { vendor: kind, p2pId: p2pIdValue, appPublicKey, devicePublicKey: publicKey, sign, password: "" },
  };
}

/**
 * `/device/devicepass` `{did, toSignAppData}`: the older call. Every camera answers
 * it; models that sign keys answer a signature, the oldest a password instead.
 */
function devicePass(device: Device, data: Record<string, unknown>): { result: unknown; issued: Issued } {
  const appPublicKey = stringField(data, "toSignAppData").toLowerCase();
  if (!HEX_KEY.test(appPublicKey)) throw new ApiError(P2pCode.invalid);
  const p2pIdValue = p2pId(device, "tutk");
  const { publicKey } = deviceKeyPair(device);
  const passwordOnly = PASSWORD_ONLY_MODELS.has(device.model);
  const sign = passwordOnly ? "" : signAppKey(device, appPublicKey);
  const password = devicePassword(device);
  return {
    result: {
      p2p_id: p2pIdValue,
      password,
      p2p_dev_public_key: passwordOnly ? "" : publicKey,
      signForAppData: sign,
    },
    issued: {
      vendor: "legacy",
      p2pId: p2pIdValue,
      appPublicKey,
      devicePublicKey: passwordOnly ? "" : publicKey,
      sign,
      password,
    },
  };
}

const EXCHANGES = {
  [MISS_GET_VENDOR]: { call: "miss_get_vendor", answer: missGetVendor },
  [DEVICEPASS]: { call: "devicepass", answer: devicePass },
} as const;

/** The app API endpoint of a key exchange path, logging to `log`; undefined for other paths. */
export function keyExchangeEndpoint(
  log: P2pLog,
  path: string,
): ((store: Store, userId: string, region: Region, data: Record<string, unknown>) => unknown) | undefined {
  if (!(path in EXCHANGES)) return undefined;
  return (store, userId, region, data) => exchangeKeys(store, log, path, userId, region, data);
}

/** Answer one key exchange and log it, issued or refused. Throws the app's ApiError. */
export function exchangeKeys(
  store: Store,
  log: P2pLog,
  path: string,
  userId: string,
  region: Region,
  data: Record<string, unknown>,
): unknown {
  const exchange = EXCHANGES[path as keyof typeof EXCHANGES];
  if (!exchange) throw new Error(`not a key exchange: ${path}`);
  const entry: P2pExchange = {
    at: store.clock.now(),
    call: exchange.call,
    userId,
    region,
    did: String(data["did"] ?? ""),
  };
  try {
    const device = watchableDevice(store, userId, region, stringField(data, "did"));
    const { result, issued } = exchange.answer(device, data);
    log.add({ ...entry, issued });
    return result;
  } catch (error) {
    if (error instanceof ApiError)
      log.add({ ...entry, refused: { code: error.code, message: error.message } });
    throw error;
  }
}
