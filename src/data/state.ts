// Types of the state document pushed by `xiaomi_camera_share/subscribe`.
// They follow schema/state-document.schema.json field for field; change both together.

export type Region = "cn" | "de" | "us" | "ru" | "sg" | "i2";
export type Permission = "view_only" | "control";
/** ISO 8601 with time zone. */
export type Timestamp = string;

export interface Account {
  entry_id: string;
  user_id: string;
  nickname: string;
  regions: Region[];
  status: "ok" | "offline" | "auth_failed";
  last_update?: Timestamp | null;
}

export type UnshareableReason = "not_owner" | "model_not_shareable" | "sharee_limit";

export interface Capabilities {
  can_share: boolean;
  view_only: boolean;
  reason?: UnshareableReason | null;
}

export interface Sharee {
  user_id: string;
  nickname: string;
  status: "pending" | "accepted";
  permission: Permission;
  since?: Timestamp | null;
  expires_at?: Timestamp | null;
  recipient_name?: string | null;
}

export interface CameraOwner {
  user_id: string;
  nickname: string;
}

export interface Camera {
  did: string;
  entry_id: string;
  region: Region;
  name: string;
  model: string;
  model_name?: string | null;
  online: boolean;
  device_id?: string | null;
  camera_entity?: string | null;
  owner?: CameraOwner | null;
  capabilities: Capabilities;
  sharees: Sharee[];
}

export interface Invite {
  entry_id: string;
  invite_id: number;
  region: Region;
  region_in_use?: boolean;
  sender_id: string;
  sender_name: string;
  did: string;
  device_name: string;
  model: string;
  permission: Permission;
  status: "pending" | "expired";
  created_at?: Timestamp | null;
  expires_at?: Timestamp | null;
}

export interface Recipient {
  name: string;
  user_id: string;
  nickname?: string | null;
  region?: Region | null;
  entry_id?: string | null;
}

export type HistoryType =
  | "invite_sent"
  | "share_accepted"
  | "share_declined"
  | "share_revoked"
  | "share_expired"
  | "invite_received"
  | "invite_accepted"
  | "invite_declined"
  | "action_failed";

export interface HistoryEntry {
  id: number;
  time: Timestamp;
  type: HistoryType;
  entry_id?: string | null;
  did?: string | null;
  camera_name?: string | null;
  user_id?: string | null;
  nickname?: string | null;
  permission?: Permission | null;
  expires_at?: Timestamp | null;
  /** For action_failed: the error key. */
  message?: string | null;
}

export interface StateDocument {
  version: 1;
  accounts: Account[];
  cameras: Camera[];
  invites: Invite[];
  recipients: Recipient[];
  /** The most recent audit entries, newest first. */
  history: HistoryEntry[];
}

export const REGIONS: readonly Region[] = ["cn", "de", "us", "ru", "sg", "i2"];

export function isRegion(value: unknown): value is Region {
  return typeof value === "string" && (REGIONS as readonly string[]).includes(value);
}
