// Set up the demo instance through Home Assistant's own APIs (config flows, the
// blueprint and automation config APIs, the websocket API for dashboards) — never
// by writing .storage files. Every step is idempotent, so a second start reuses what
// exists.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Connection } from "home-assistant-js-websocket";
import { runConfigFlow } from "./config-flow.ts";
import { integrationDomain } from "./ha-server.ts";
import { projectRoot } from "./python-env.ts";

export const demoDomain = "xiaomi_camera_share_demo";

/** Seed accounts of the simulator the demo logs in with (made-up credentials). */
export const demoAccounts = {
  owner: { userId: "1100000001", username: "owner@example.com", password: "owner-demo-password" },
  family: { userId: "1100000002", username: "family@example.com", password: "family-demo-password" },
} as const;
/** The Xiaomi account that plays the guest in the guest-mode automation. */
export const guestUserId = "1100000004";
/** The camera the guest-mode automation shares: the owner's front door camera. */
export const guestCameraDid = "501000002";
export const dashboardPath = "camera-share";
/** The automation blueprints that ship with the integration (the one copy of them). */
export const blueprintFolder = join(projectRoot, "custom_components", integrationDomain, "blueprints");
export const cardType = "custom:xiaomi-camera-share-card";

interface ConfigEntry {
  entry_id: string;
  domain: string;
  title: string;
}

interface DeviceEntry {
  id: string;
  identifiers: [string, string][];
  config_entries: string[];
}

interface DashboardEntry {
  url_path: string;
}

async function rest<T>(baseUrl: string, token: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function configEntries(connection: Connection, domain: string): Promise<ConfigEntry[]> {
  return connection.sendMessagePromise<ConfigEntry[]>({ type: "config_entries/get", domain });
}

async function ensureAccount(
  baseUrl: string,
  token: string,
  connection: Connection,
  account: (typeof demoAccounts)[keyof typeof demoAccounts],
): Promise<string> {
  // The API does not expose unique ids; the entry's title names the Xiaomi user id.
  const existing = (await configEntries(connection, integrationDomain)).find(
    (entry) => entry.title === account.userId || entry.title.endsWith(`(${account.userId})`),
  );
  if (existing) return existing.entry_id;
  const result = await runConfigFlow(baseUrl, token, integrationDomain, {
    user: { next_step_id: "password" },
    password: { username: account.username, password: account.password },
    regions: { regions: ["cn"] },
  });
  if (result.type !== "create_entry" || !result.result) {
    throw new Error(`adding ${account.username} ended with ${result.type} ${result.reason ?? ""}`);
  }
  return result.result.entry_id;
}

async function ensureDemoCameras(baseUrl: string, token: string, connection: Connection): Promise<void> {
  if ((await configEntries(connection, demoDomain)).length > 0) return;
  await runConfigFlow(baseUrl, token, demoDomain, {});
}

async function deviceIdOf(connection: Connection, did: string): Promise<string> {
  const devices = await connection.sendMessagePromise<DeviceEntry[]>({ type: "config/device_registry/list" });
  const device = devices.find((d) =>
    d.identifiers.some(([domain, id]) => domain === integrationDomain && id === did),
  );
  if (!device) throw new Error(`no Home Assistant device for Mi camera ${did}`);
  return device.id;
}

/** The file names of the shipped blueprints. */
export function blueprintFiles(): string[] {
  return readdirSync(blueprintFolder)
    .filter((name) => name.endsWith(".yaml"))
    .sort();
}

/** Where a shipped blueprint lives in Home Assistant's automation blueprints. */
export const blueprintPath = (file: string): string => `${integrationDomain}/${file}`;

/** The shipped blueprints, saved through Home Assistant's blueprint API (kept current on every start). */
async function ensureBlueprints(connection: Connection): Promise<void> {
  for (const file of blueprintFiles()) {
    await connection.sendMessagePromise({
      type: "blueprint/save",
      domain: "automation",
      path: blueprintPath(file),
      yaml: readFileSync(join(blueprintFolder, file), "utf8"),
      allow_override: true,
    });
  }
}

/** Automations the demo made before it made them from blueprints; removed when found. */
const retiredAutomations = ["xiaomi_camera_share_guest_on", "xiaomi_camera_share_guest_off"];

/** The README's automations, made from the blueprints through the automation config API. */
async function ensureAutomations(
  baseUrl: string,
  token: string,
  connection: Connection,
  familyEntryId: string,
): Promise<void> {
  await ensureBlueprints(connection);
  const cameraDevice = await deviceIdOf(connection, guestCameraDid);
  const automations: Record<string, unknown> = {
    xiaomi_camera_share_guest_mode: {
      alias: "Guest mode: share the front door camera for at most 4 hours",
      use_blueprint: {
        path: blueprintPath("guest_mode.yaml"),
        input: {
          switch: "input_boolean.guest_mode",
          cameras: [cameraDevice],
          recipient: guestUserId,
          permission: "view_only",
          hours: 4,
        },
      },
    },
    xiaomi_camera_share_accept_from_owner: {
      alias: "Family account: accept invites from the owner automatically",
      use_blueprint: {
        path: blueprintPath("trusted_senders.yaml"),
        input: { account: familyEntryId, senders: [demoAccounts.owner.userId] },
      },
    },
    xiaomi_camera_share_tell_me: {
      alias: "Tell me when a share is answered or ends",
      use_blueprint: { path: blueprintPath("tell_me.yaml"), input: {} },
    },
  };
  for (const [id, config] of Object.entries(automations)) {
    await rest(baseUrl, token, `/api/config/automation/config/${id}`, config);
  }
  for (const id of retiredAutomations) {
    await fetch(`${baseUrl}/api/config/automation/config/${id}`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${token}` },
    });
  }
}

async function ensureDashboard(connection: Connection): Promise<void> {
  const dashboards = await connection.sendMessagePromise<DashboardEntry[]>({
    type: "lovelace/dashboards/list",
  });
  if (dashboards.some((d) => d.url_path === dashboardPath)) return;
  await connection.sendMessagePromise({
    type: "lovelace/dashboards/create",
    url_path: dashboardPath,
    title: "Camera sharing",
    icon: "mdi:cctv",
    show_in_sidebar: true,
    require_admin: false,
    mode: "storage",
  });
  await connection.sendMessagePromise({
    type: "lovelace/config/save",
    url_path: dashboardPath,
    config: {
      views: [
        {
          title: "Cameras",
          path: "cameras",
          cards: [
            { type: cardType },
            { type: "entities", title: "Guest mode", entities: ["input_boolean.guest_mode"] },
          ],
        },
      ],
    },
  });
}

/**
 * Home Assistant moves YAML `http:` settings into its store as a trial that reverts
 * (with a restart) unless confirmed. The generated config binds 127.0.0.1 through
 * YAML from the very first start, so confirm that trial the way the UI would.
 */
async function confirmHttpConfig(connection: Connection): Promise<void> {
  const http = await connection.sendMessagePromise<{ active_config_type: string; pending: unknown }>({
    type: "http/config",
  });
  if (http.active_config_type === "pending" && http.pending) {
    await connection.sendMessagePromise({ type: "http/config/promote" });
  }
}

/**
 * The frontend cannot start without the list of actions, and building it imports
 * every loaded integration; say so plainly instead of leaving a page at "Loading".
 */
async function checkActionsLoad(connection: Connection): Promise<void> {
  try {
    await connection.sendMessagePromise({ type: "get_services" });
  } catch (error) {
    throw new Error(
      `Home Assistant cannot list its actions (${JSON.stringify(error)}): an integration it loads ` +
        "lacks a Python requirement; see home-assistant.log and requirements_test.txt",
    );
  }
}

export interface DemoSetup {
  ownerEntryId: string;
  familyEntryId: string;
}

export async function setUpDemo(baseUrl: string, token: string, connection: Connection): Promise<DemoSetup> {
  await confirmHttpConfig(connection);
  await checkActionsLoad(connection);
  const ownerEntryId = await ensureAccount(baseUrl, token, connection, demoAccounts.owner);
  const familyEntryId = await ensureAccount(baseUrl, token, connection, demoAccounts.family);
  await ensureDemoCameras(baseUrl, token, connection);
  await ensureAutomations(baseUrl, token, connection, familyEntryId);
  await ensureDashboard(connection);
  return { ownerEntryId, familyEntryId };
}
