// Live view keys: miss_get_vendor and devicepass per model, only for accounts that may
// watch the camera, each exchange in the control surface's log.
import assert from "node:assert/strict";
import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";
import { describe, it } from "node:test";
import { SEED_DEVICES, SEED_USERS } from "../../simulator/src/state/seed.ts";
import type { ApiAnswer, Session } from "./client.ts";
import { useSimulator } from "./harness.ts";

const h = useSimulator();
type Row = Record<string, unknown>;

const loginOwner = (): Promise<Session> => h.client.login("owner@example.com", "owner-demo-password");
const loginFamily = (): Promise<Session> => h.client.login("family@example.com", "family-demo-password");

const X25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b656e04220420", "hex");
const X25519_SPKI_PREFIX = Buffer.from("302a300506032b656e032100", "hex");

/** An app key pair as go2rtc or the integration makes one: raw X25519 keys in hex. */
function appKeyPair(): { publicHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync("x25519");
  const raw = publicKey.export({ format: "der", type: "spki" }).subarray(-32);
  return { publicHex: raw.toString("hex"), privateKey };
}

const rawPublicKey = (hex: string): KeyObject =>
  createPublicKey({
    key: Buffer.concat([X25519_SPKI_PREFIX, Buffer.from(hex, "hex")]),
    format: "der",
    type: "spki",
  });

function missGetVendor(
  session: Session,
  did: string,
  appPublic: string,
  vendors = "TUTK_CS2_MTP",
): Promise<ApiAnswer> {
  return h.client.call(session, "cn", "/v2/device/miss_get_vendor", {
    app_pubkey: appPublic,
    did,
    support_vendors: vendors,
  });
}

const devicePass = (session: Session, did: string, appPublic: string): Promise<ApiAnswer> =>
  h.client.call(session, "cn", "/device/devicepass", { did, toSignAppData: appPublic });

interface Exchange {
  call: string;
  userId: string;
  did: string;
  issued?: { vendor: string; p2pId: string; devicePublicKey: string; sign: string; appPublicKey: string };
  refused?: { code: number; message: string };
}

const exchanges = (query = ""): Promise<Exchange[]> => h.client.control<Exchange[]>(`p2p${query}`);

async function shareWithFamily(owner: Session, did: string): Promise<void> {
  const invited = await h.client.call(owner, "cn", "/share/share_request", {
    did,
    userid: SEED_USERS.family,
  });
  assert.equal(invited.code, 0);
  const family = await loginFamily();
  const accepted = await h.client.call(family, "cn", "/share/share_response", {
    msg_id: "",
    inv_id: (invited.result as Row)["inv_id"],
    value: "accept",
  });
  assert.equal(accepted.code, 0);
}

describe("miss_get_vendor", () => {
  it("gives the owner a CS2 camera's P2P id, its X25519 public key and the signature of the app key", async () => {
    const owner = await loginOwner();
    const app = appKeyPair();
    const answer = await missGetVendor(owner, SEED_DEVICES.livingRoom, app.publicHex);
    assert.equal(answer.code, 0);
    const result = answer.result as {
      vendor: { vendor: number; vendor_params: { p2p_id: string } };
      public_key: string;
      sign: string;
    };
    assert.equal(result.vendor.vendor, 4);
    assert.match(result.vendor.vendor_params.p2p_id, /^XMSIM-\d{6}-[0-9A-F]{5}$/);
    assert.match(result.public_key, /^[0-9a-f]{64}$/);
    assert.ok(Buffer.from(result.sign, "base64").length === 32);
    // A real X25519 key: the app's side of the shared key is what the camera computes.
    const appShared = diffieHellman({
      privateKey: app.privateKey,
      publicKey: rawPublicKey(result.public_key),
    });
    assert.equal(appShared.length, 32);
    // The same camera keeps its key pair; a new app key gets a new signature.
    const again = (await missGetVendor(owner, SEED_DEVICES.livingRoom, appKeyPair().publicHex)).result as Row;
    assert.equal(again["public_key"], result.public_key);
    assert.notEqual(again["sign"], result.sign);
  });

  it("answers TUTK (vendor 1) with a 20-character UID for a TUTK model", async () => {
    const owner = await loginOwner();
    const answer = await missGetVendor(owner, SEED_DEVICES.nursery, appKeyPair().publicHex);
    assert.equal(answer.code, 0);
    const vendor = (answer.result as { vendor: { vendor: number; vendor_params: { p2p_id: string } } })
      .vendor;
    assert.equal(vendor.vendor, 1);
    assert.match(vendor.vendor_params.p2p_id, /^[0-9A-Z]{20}$/);
  });

  it("says 'no available vendor support' for an older model, and when the app supports none of the camera's vendors", async () => {
    const owner = await loginOwner();
    const legacy = await missGetVendor(owner, SEED_DEVICES.hub, appKeyPair().publicHex);
    assert.deepEqual([legacy.code, legacy.message], [-2, "no available vendor support"]);
    const noCs2 = await missGetVendor(owner, SEED_DEVICES.livingRoom, appKeyPair().publicHex, "TUTK_MTP");
    assert.deepEqual([noCs2.code, noCs2.message], [-2, "no available vendor support"]);
  });

  it("refuses a malformed app key with -6", async () => {
    const owner = await loginOwner();
    assert.equal((await missGetVendor(owner, SEED_DEVICES.livingRoom, "abc")).code, -6);
    assert.equal((await h.client.call(owner, "cn", "/v2/device/miss_get_vendor", {})).code, -6);
  });
});

describe("devicepass", () => {
  it("gives an older model's UID, a password, its key and the signature of the app key", async () => {
    const owner = await loginOwner();
    const app = appKeyPair();
    const answer = await devicePass(owner, SEED_DEVICES.hub, app.publicHex);
    assert.equal(answer.code, 0);
    const result = answer.result as Row;
    assert.match(String(result["p2p_id"]), /^[0-9A-Z]{20}$/);
    assert.match(String(result["password"]), /^[0-9a-f]{8}$/);
    assert.match(String(result["p2p_dev_public_key"]), /^[0-9a-f]{64}$/);
    assert.ok(String(result["signForAppData"]).length > 0);
  });

  it("answers a password and no signature for the oldest models", async () => {
    await h.client.control("seed", {
      accounts: [
        { userId: "1200000001", nickname: "Old", password: "old-camera-password", email: "old@example.com" },
      ],
      devices: [
        {
          did: "601000001",
          name: "Old",
          model: "chuangmi.camera.xiaobai",
          region: "cn",
          ownerId: "1200000001",
        },
      ],
      shares: [],
    });
    const session = await h.client.login("old@example.com", "old-camera-password");
    const result = (await devicePass(session, "601000001", appKeyPair().publicHex)).result as Row;
    assert.deepEqual([result["signForAppData"], result["p2p_dev_public_key"]], ["", ""]);
    assert.match(String(result["password"]), /^[0-9a-f]{8}$/);
  });
});

describe("who may ask for the keys", () => {
  it("refuses an account the camera is not shared with, answers once it is, and refuses again after a revoke", async () => {
    const owner = await loginOwner();
    const family = await loginFamily();
    const did = SEED_DEVICES.frontDoor;
    const before = await missGetVendor(family, did, appKeyPair().publicHex);
    assert.equal(before.code, -1);
    assert.equal((await devicePass(family, did, appKeyPair().publicHex)).code, -1);

    await shareWithFamily(owner, did);
    assert.equal((await missGetVendor(family, did, appKeyPair().publicHex)).code, 0);

    const revoked = await h.client.call(owner, "cn", "/share/delete_user", {
      list: [{ did, pid: "0", userid: [SEED_USERS.family] }],
    });
    assert.equal(revoked.code, 0);
    assert.equal((await missGetVendor(family, did, appKeyPair().publicHex)).code, -1);
    assert.equal((await devicePass(family, did, appKeyPair().publicHex)).code, -1);
  });

  it("refuses a pending invitee, and a camera in another region", async () => {
    const owner = await loginOwner();
    const family = await loginFamily();
    await h.client.call(owner, "cn", "/share/share_request", {
      did: SEED_DEVICES.livingRoom,
      userid: SEED_USERS.family,
    });
    assert.equal((await missGetVendor(family, SEED_DEVICES.livingRoom, appKeyPair().publicHex)).code, -1);
    const wrongRegion = await h.client.call(owner, "de", "/v2/device/miss_get_vendor", {
      app_pubkey: appKeyPair().publicHex,
      did: SEED_DEVICES.livingRoom,
      support_vendors: "TUTK_CS2_MTP",
    });
    assert.equal(wrongRegion.code, -1);
  });
});

describe("the key exchange log", () => {
  it("lists what was issued and what was refused, per camera and account, until a reset", async () => {
    const owner = await loginOwner();
    const family = await loginFamily();
    const app = appKeyPair();
    await missGetVendor(owner, SEED_DEVICES.livingRoom, app.publicHex);
    await missGetVendor(family, SEED_DEVICES.livingRoom, appKeyPair().publicHex);
    const all = await exchanges(`?did=${SEED_DEVICES.livingRoom}`);
    assert.deepEqual(
      all.map((e) => [e.call, e.userId, e.issued?.vendor, e.refused?.code]),
      [
        ["miss_get_vendor", SEED_USERS.owner, "cs2", undefined],
        ["miss_get_vendor", SEED_USERS.family, undefined, -1],
      ],
    );
    assert.equal(all[0]?.issued?.appPublicKey, app.publicHex);
    assert.equal((await exchanges(`?userId=${SEED_USERS.family}`)).length, 1);
    await h.client.control("reset", {});
    assert.deepEqual(await exchanges(), []);
  });
});

describe("camera addresses", () => {
  it("lists each seed camera at 127.0.0.1, and the control surface moves a camera or takes it offline", async () => {
    const owner = await loginOwner();
    const list = async (): Promise<Row[]> =>
      ((await h.client.call(owner, "cn", "/home/device_list", {})).result as { list: Row[] }).list;
    assert.ok((await list()).every((d) => d["localip"] === "127.0.0.1"));

    await h.client.control("devices/update", {
      did: SEED_DEVICES.nursery,
      localip: "127.0.0.2",
      isOnline: false,
    });
    const nursery = (await list()).find((d) => d["did"] === SEED_DEVICES.nursery);
    assert.deepEqual([nursery?.["localip"], nursery?.["isOnline"]], ["127.0.0.2", false]);

    for (const bad of [
      { did: "1" },
      { did: SEED_DEVICES.nursery, localip: "camera" },
      { did: SEED_DEVICES.nursery, isOnline: "no" },
    ]) {
      await assert.rejects(h.client.control("devices/update", bad), { status: 400 });
    }
  });
});

// The device key derivation stays a real X25519 key pair (private and public agree).
describe("device keys", () => {
  it("derive the public key from the private one", async () => {
    const { deviceKeyPair } = await import("../../simulator/src/protocol/p2p.ts");
    const pair = deviceKeyPair({
      did: "1",
      name: "",
      model: "",
      region: "cn",
      ownerId: "",
      mac: "",
      localip: "127.0.0.1",
      token: "00",
      isOnline: true,
      pid: "0",
      fwVersion: "",
    });
    const privateKey = createPrivateKey({
      key: Buffer.concat([X25519_PKCS8_PREFIX, Buffer.from(pair.privateKey, "hex")]),
      format: "der",
      type: "pkcs8",
    });
    const derived = createPublicKey(privateKey).export({ format: "der", type: "spki" }).subarray(-32);
    assert.equal(derived.toString("hex"), pair.publicKey);
  });
});
