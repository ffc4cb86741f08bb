// Check a posted seed document before it replaces the state.
import { isRegion, type Device, type SimData } from "./model.ts";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function requireStrings(item: unknown, keys: readonly string[], where: string): void {
  if (!isObject(item)) throw new Error(`${where}: expected an object`);
  for (const key of keys) {
    if (typeof item[key] !== "string" || item[key] === "")
      throw new Error(`${where}.${key}: expected a string`);
  }
  if ("region" in item && !isRegion(item["region"])) throw new Error(`${where}.region: unknown region`);
  if ("appRegion" in item && !isRegion(item["appRegion"]))
    throw new Error(`${where}.appRegion: unknown region`);
}

function listOf(doc: Record<string, unknown>, key: string): unknown[] {
  const value = doc[key] ?? [];
  if (!Array.isArray(value)) throw new Error(`${key}: expected an array`);
  return value;
}

/**
 * Accept a document shaped like /_control/state's `data`. Devices may leave out
 * their technical fields, which get harmless defaults.
 */
export function parseSeed(doc: unknown): SimData {
  if (!isObject(doc)) throw new Error("expected a JSON object");
  const accounts = listOf(doc, "accounts");
  accounts.forEach((a, i) => requireStrings(a, ["userId", "nickname", "password"], `accounts[${i}]`));
  const devices = listOf(doc, "devices");
  devices.forEach((d, i) =>
    requireStrings(d, ["did", "name", "model", "region", "ownerId"], `devices[${i}]`),
  );
  const shares = listOf(doc, "shares");
  shares.forEach((s, i) => {
    requireStrings(s, ["did", "region", "ownerId", "shareeId"], `shares[${i}]`);
    const viaHome = (s as Record<string, unknown>)["viaHome"];
    if (viaHome !== undefined && typeof viaHome !== "boolean")
      throw new Error(`shares[${i}].viaHome: expected a boolean`);
  });
  const data = structuredClone(doc) as unknown as SimData;
  data.accounts = data.accounts.map((a) => ({ ...a, appRegion: a.appRegion ?? "cn" }));
  data.devices = (data.devices as Partial<Device>[]).map((d, i) => ({
    mac: `02:00:00:00:01:${(i % 256).toString(16).padStart(2, "0").toUpperCase()}`,
    localip: `192.0.2.${(i % 250) + 1}`,
    token: "00".repeat(16),
    isOnline: true,
    pid: "0",
    fwVersion: "1.0.0",
    ...d,
  })) as Device[];
  const maxInvite = Math.max(999, ...data.shares.map((s) => s.inviteId ?? 0));
  data.nextInviteId = Math.max(data.nextInviteId ?? 0, maxInvite + 1);
  return data;
}
