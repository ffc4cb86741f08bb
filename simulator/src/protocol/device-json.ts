// Devices and shares in the JSON shapes the app API answers (brief §4.1, §4.4, §4.6).
import type { Store } from "../state/store.ts";
import { ShareStatus, type Device, type Share } from "../state/model.ts";

// permitLevel bits (plugin SDK: 4 normal share, 36 read-only share, 68 home share).
const PERMIT = { owner: 16, shared: 4, readOnly: 32, home: 64 } as const;

/** A made-up product id per model (real lists carry a positive pd_id). */
function productId(model: string): number {
  let sum = 0;
  for (const char of model) sum = (sum * 31 + char.charCodeAt(0)) % 100_000;
  return sum + 1;
}

// The fields of a device list item, as the items users posted show them
// (test/vectors/real/); values are made up.
function deviceJson(device: Device, permitLevel: number): Record<string, unknown> {
  return {
    did: device.did,
    token: device.token,
    longitude: "0.0",
    latitude: "0.0",
    name: device.name,
    pid: device.pid,
    localip: device.localip,
    mac: device.mac,
    ssid: "sim-wifi",
    bssid: "02:00:00:00:00:FF",
    parent_id: "",
    parent_model: "",
    show_mode: 1,
    model: device.model,
    adminFlag: 1,
    shareFlag: permitLevel === PERMIT.owner ? 0 : 1,
    permitLevel,
    isOnline: device.isOnline,
    desc: "",
    extra: {
      isSetPincode: 0,
      pincodeType: 0,
      fw_version: device.fwVersion,
      needVerifyCode: 0,
      isPasswordEncrypt: 0,
    },
    uid: Number(device.ownerId),
    pd_id: productId(device.model),
    password: "",
    p2p_id: "",
    rssi: -48,
    family_id: 0,
    reset_flag: 0,
    resetFlag: 0,
    locale: device.region,
    spec_type: `urn:miot-spec-v2:device:camera:0000A01C:${device.model.replace(/\./g, "-")}:1`,
  };
}

/** Every device a user sees in one region: owned ones first, then ones shared to them. */
export function visibleDevices(
  store: Store,
  userId: string,
  region: Device["region"],
): Record<string, unknown>[] {
  const owned: Record<string, unknown>[] = store
    .ownedDevices(userId, region)
    .map((d) => deviceJson(d, PERMIT.owner));
  const shared: Record<string, unknown>[] = store.sharedToUser(userId, region).map(({ device, share }) =>
    share.viaHome
      ? // A home share carries no owner object: clients that pick separately shared
        // devices by their `owner` (ha_xiaomi_home, mijia-api) do not count it as one.
        deviceJson(device, PERMIT.shared | PERMIT.home)
      : {
          ...deviceJson(device, share.readOnly ? PERMIT.shared | PERMIT.readOnly : PERMIT.shared),
          owner: { userid: Number(device.ownerId), nickname: store.nickname(device.ownerId), icon: "" },
        },
  );
  return [...owned, ...shared].sort((a, b) => Number(a["did"]) - Number(b["did"]));
}

/**
 * One sharee as device_share_list lists it: the four fields the Mi Home app reads
 * there, or (withStatus) get_share_user's whole item.
 */
export function listedShareeJson(store: Store, share: Share, withStatus: boolean): Record<string, unknown> {
  if (withStatus) return shareeJson(store, share);
  return {
    userid: Number(share.shareeId),
    nickname: store.nickname(share.shareeId),
    icon: store.account(share.shareeId)?.icon ?? "",
    mtime: share.mtime,
  };
}

/** One sharee of a device as get_share_user lists it. */
export function shareeJson(store: Store, share: Share): Record<string, unknown> {
  return {
    userid: Number(share.shareeId),
    nickname: store.nickname(share.shareeId),
    icon: store.account(share.shareeId)?.icon ?? "",
    sharetime: share.ctime,
    mtime: share.mtime,
    status: share.status,
    isReadOnly: share.readOnly,
  };
}

/** One invite as receive_share_list lists it. */
export function inviteJson(store: Store, share: Share): Record<string, unknown> {
  const device = store.device(share.region, share.did);
  return {
    inv_id: share.inviteId,
    msgId: share.msgId,
    sender: Number(share.ownerId),
    sender_name: store.nickname(share.ownerId),
    did: share.did,
    device_name: device?.name ?? share.did,
    model: device?.model ?? "",
    status: share.status,
    ctime: share.ctime,
    expire_time: share.expireTime,
    isReadOnly: share.readOnly,
  };
}

export const isListedForOwner = (share: Share): boolean => share.status !== ShareStatus.rejected;
