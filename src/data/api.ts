// Every websocket command and service of the integration the card uses, in one place,
// so a renamed command or field is a one-line change.
import type { HomeAssistant } from "../ha/types.js";
import type { HistoryEntry, Permission, Region, StateDocument } from "./state.js";

export const DOMAIN = "xiaomi_camera_share";

export const WS = {
  subscribe: `${DOMAIN}/subscribe`,
  history: `${DOMAIN}/history`,
  saveRecipient: `${DOMAIN}/recipients/save`,
  deleteRecipient: `${DOMAIN}/recipients/delete`,
} as const;

export const SERVICE = {
  share: "share",
  revoke: "revoke",
  setExpiry: "set_expiry",
  acceptInvite: "accept_invite",
  declineInvite: "decline_invite",
  lookupRecipient: "lookup_recipient",
  refresh: "refresh",
} as const;

/** How long a share lasts: permanent, a number of hours, or until a moment. */
export type ShareDuration =
  { kind: "permanent" } | { kind: "hours"; hours: number } | { kind: "until"; until: Date };

export interface ShareRequest {
  deviceIds: string[];
  recipient: string;
  permission: Permission;
  duration: ShareDuration;
  autoAccept?: boolean;
}

/** What `share` answers; a failure raises instead (HA shows it as a toast). */
export interface ShareResult {
  recipient?: { user_id: string; nickname: string };
  results: { did: string; camera: string; status: "invited" | "accepted" }[];
  expires_at?: string | null;
  /** A plain sentence about regions when the recipient is not an account configured here. */
  region_note?: string | null;
}

export interface LookupResult {
  user_id: string;
  nickname: string;
  /** Set when the recipient is an account configured here. */
  entry_id?: string | null;
  /** The regions that account uses, when known. */
  regions?: Region[] | null;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  has_more: boolean;
}

/** Calls a service of the integration; HA shows its translated error as a toast and rethrows. */
async function callDomainService<T>(
  hass: HomeAssistant,
  service: string,
  data: Record<string, unknown>,
  wantResponse: boolean,
): Promise<T | undefined> {
  const result = await hass.callService<T>(DOMAIN, service, data, undefined, true, wantResponse);
  return result.response;
}

/** The services take a duration counted from now; a chosen end time becomes seconds from now. */
function durationFields(duration: ShareDuration, now: Date = new Date()): Record<string, unknown> {
  switch (duration.kind) {
    case "permanent":
      return {};
    case "hours":
      return { duration: { hours: duration.hours } };
    case "until":
      return { duration: { seconds: Math.round((duration.until.getTime() - now.getTime()) / 1000) } };
  }
}

export function subscribeState(
  hass: HomeAssistant,
  onDocument: (doc: StateDocument) => void,
): Promise<() => Promise<void>> {
  return hass.connection.subscribeMessage<StateDocument>(onDocument, { type: WS.subscribe });
}

/** A page of older history, newest first; a full page means there may be more. */
export async function fetchHistory(
  hass: HomeAssistant,
  beforeId: number | undefined,
  limit: number,
): Promise<HistoryPage> {
  const page = await hass.callWS<{ entries: HistoryEntry[]; has_more?: boolean }>({
    type: WS.history,
    limit,
    ...(beforeId === undefined ? {} : { before_id: beforeId }),
  });
  return { entries: page.entries, has_more: page.has_more ?? page.entries.length >= limit };
}

export interface SavedRecipient {
  name: string;
  user_id: string;
  nickname?: string | null;
  region?: Region | null;
}

/** Adds or replaces an address-book entry, so automations and the card can say "Grandma". */
export async function saveRecipient(hass: HomeAssistant, recipient: SavedRecipient): Promise<void> {
  await hass.callWS({ type: WS.saveRecipient, ...recipient });
}

export async function lookupRecipient(
  hass: HomeAssistant,
  entryId: string,
  recipient: string,
  region: Region,
): Promise<LookupResult> {
  const response = await callDomainService<LookupResult>(
    hass,
    SERVICE.lookupRecipient,
    { config_entry_id: entryId, recipient, region },
    true,
  );
  if (!response) throw new Error("lookup_recipient returned no response");
  return response;
}

export async function shareCamera(hass: HomeAssistant, request: ShareRequest): Promise<ShareResult> {
  const data: Record<string, unknown> = {
    device_id: request.deviceIds,
    recipient: request.recipient,
    permission: request.permission,
    ...durationFields(request.duration),
  };
  if (request.autoAccept) data.auto_accept = true;
  const response = await callDomainService<ShareResult>(hass, SERVICE.share, data, true);
  return response ?? { results: [] };
}

export async function revokeShare(hass: HomeAssistant, deviceId: string, recipient: string): Promise<void> {
  await callDomainService(hass, SERVICE.revoke, { device_id: [deviceId], recipient }, false);
}

/** Sets when a share ends, counted from now; permanent removes the end. */
export async function setShareExpiry(
  hass: HomeAssistant,
  deviceId: string,
  recipient: string,
  duration: ShareDuration,
): Promise<void> {
  const data = { device_id: [deviceId], recipient, ...durationFields(duration) };
  await callDomainService(hass, SERVICE.setExpiry, data, false);
}

export async function answerInvite(
  hass: HomeAssistant,
  entryId: string,
  inviteId: number,
  accept: boolean,
): Promise<void> {
  const service = accept ? SERVICE.acceptInvite : SERVICE.declineInvite;
  await callDomainService(hass, service, { config_entry_id: entryId, invite_id: inviteId }, false);
}
