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
  extendShare: "extend_share",
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

export interface ShareResult {
  results: Record<string, { status: "invited" | "shared" | "error"; error?: string }>;
  region_warning?: string;
}

export interface LookupResult {
  user_id: string;
  nickname: string;
  region?: Region | null;
  entry_id?: string | null;
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

function durationFields(duration: ShareDuration): Record<string, unknown> {
  switch (duration.kind) {
    case "permanent":
      return {};
    case "hours":
      return { duration: { hours: duration.hours } };
    case "until":
      return { until: duration.until.toISOString() };
  }
}

export function subscribeState(
  hass: HomeAssistant,
  onDocument: (doc: StateDocument) => void,
): Promise<() => Promise<void>> {
  return hass.connection.subscribeMessage<StateDocument>(onDocument, { type: WS.subscribe });
}

export function fetchHistory(
  hass: HomeAssistant,
  before: number | undefined,
  limit: number,
): Promise<HistoryPage> {
  return hass.callWS<HistoryPage>({ type: WS.history, limit, ...(before === undefined ? {} : { before }) });
}

export async function lookupRecipient(
  hass: HomeAssistant,
  entryId: string,
  recipient: string,
): Promise<LookupResult> {
  const response = await callDomainService<LookupResult>(
    hass,
    SERVICE.lookupRecipient,
    { config_entry_id: entryId, recipient },
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
  return response ?? { results: {} };
}

export async function revokeShare(hass: HomeAssistant, deviceId: string, recipient: string): Promise<void> {
  await callDomainService(hass, SERVICE.revoke, { device_id: [deviceId], recipient }, false);
}

export async function extendShare(
  hass: HomeAssistant,
  deviceId: string,
  recipient: string,
  duration: ShareDuration,
): Promise<void> {
  const fields = duration.kind === "permanent" ? { permanent: true } : durationFields(duration);
  await callDomainService(hass, SERVICE.extendShare, { device_id: deviceId, recipient, ...fields }, false);
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
