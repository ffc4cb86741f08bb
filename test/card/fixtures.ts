// Made-up accounts, cameras, invites and history for card tests.
import type { Account, Camera, HistoryEntry, Invite, StateDocument } from "../../src/data/state.js";

const HOUR = 3_600_000;
export const inHours = (hours: number): string => new Date(Date.now() + hours * HOUR).toISOString();

export function account(overrides: Partial<Account> = {}): Account {
  return {
    entry_id: "entry-home",
    user_id: "1000001",
    nickname: "Home Owner",
    regions: ["cn"],
    status: "ok",
    last_update: "2030-01-01T00:00:00+00:00",
    ...overrides,
  };
}

export function camera(index: number, overrides: Partial<Camera> = {}): Camera {
  return {
    did: `did-${index}`,
    entry_id: "entry-home",
    region: "cn",
    name: `Camera ${index}`,
    model: "chuangmi.camera.ipc019",
    model_name: "Mi 360° Camera",
    online: true,
    device_id: `device-${index}`,
    camera_entity: `camera.cam_${index}`,
    owner: null,
    capabilities: { can_share: true, view_only: true, reason: null },
    sharees: [],
    ...overrides,
  };
}

export function invite(overrides: Partial<Invite> = {}): Invite {
  return {
    entry_id: "entry-guest",
    invite_id: 501,
    region: "de",
    region_in_use: true,
    sender_id: "2000002",
    sender_name: "Neighbour",
    did: "did-remote",
    device_name: "Garden Camera",
    model: "isa.camera.hlc7",
    permission: "view_only",
    status: "pending",
    created_at: "2030-01-01T00:00:00+00:00",
    expires_at: inHours(48),
    ...overrides,
  };
}

export function historyEntry(id: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id,
    time: new Date(Date.UTC(2030, 0, 1, 0, id)).toISOString(),
    type: "invite_sent",
    entry_id: "entry-home",
    did: "did-1",
    camera_name: "Camera 1",
    user_id: "3000003",
    nickname: `Person ${id}`,
    permission: "view_only",
    expires_at: null,
    message: null,
    ...overrides,
  };
}

export function stateDocument(overrides: Partial<StateDocument> = {}): StateDocument {
  return {
    version: 1,
    accounts: [account()],
    cameras: [camera(1), camera(2), camera(3), camera(4)],
    invites: [],
    recipients: [],
    history: [],
    ...overrides,
  };
}
