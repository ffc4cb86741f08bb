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
  /**
   * The regions the invite waits in, which the recipient's Mi Home app must use; null when the
   * recipient is an account configured here, whose regions are known to match.
   */
  invite_regions: Region[] | null;
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

/**
 * A failed service call. Home Assistant's websocket rejects with a plain object,
 * `{code, message, translation_domain?, translation_key?, translation_placeholders?}`, not an Error.
 */
export class ServiceCallError extends Error {
  readonly code?: string;
  readonly translationDomain?: string;
  readonly translationKey?: string;
  readonly translationPlaceholders: Readonly<Record<string, string>>;

  constructor(
    message: string,
    fields: {
      code?: string;
      translationDomain?: string;
      translationKey?: string;
      translationPlaceholders?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = "ServiceCallError";
    this.code = fields.code;
    this.translationDomain = fields.translationDomain;
    this.translationKey = fields.translationKey;
    this.translationPlaceholders = fields.translationPlaceholders ?? {};
  }

  /** Reads whatever a service call rejected with; fields of the wrong type are left out. */
  static from(err: unknown): ServiceCallError {
    if (err instanceof ServiceCallError) return err;
    if (err instanceof Error) return new ServiceCallError(err.message);
    if (typeof err !== "object" || err === null) return new ServiceCallError(String(err));
    const raw = err as Record<string, unknown>;
    const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
    const placeholders =
      typeof raw.translation_placeholders === "object" && raw.translation_placeholders !== null
        ? Object.fromEntries(
            Object.entries(raw.translation_placeholders).filter(
              (entry): entry is [string, string] => typeof entry[1] === "string",
            ),
          )
        : undefined;
    return new ServiceCallError(text(raw.message) ?? String(err), {
      code: text(raw.code),
      translationDomain: text(raw.translation_domain),
      translationKey: text(raw.translation_key),
      translationPlaceholders: placeholders,
    });
  }
}

/**
 * Calls a service of the integration; HA shows its translated error as a toast, and the call
 * rejects with a ServiceCallError.
 */
async function callDomainService<T>(
  hass: HomeAssistant,
  service: string,
  data: Record<string, unknown>,
  wantResponse: boolean,
): Promise<T | undefined> {
  try {
    const result = await hass.callService<T>(DOMAIN, service, data, undefined, true, wantResponse);
    return result.response;
  } catch (err) {
    throw ServiceCallError.from(err);
  }
}

/** The services take a duration counted from now; a chosen end time becomes seconds from now. */
export function durationFields(duration: ShareDuration, now: Date = new Date()): Record<string, unknown> {
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

/** The `share` service's data for a request. */
export function shareData(request: ShareRequest, now: Date = new Date()): Record<string, unknown> {
  const data: Record<string, unknown> = {
    device_id: request.deviceIds,
    recipient: request.recipient,
    permission: request.permission,
    ...durationFields(request.duration, now),
  };
  if (request.autoAccept) data.auto_accept = true;
  return data;
}

export async function shareCamera(hass: HomeAssistant, request: ShareRequest): Promise<ShareResult> {
  const data = shareData(request);
  const response = await callDomainService<ShareResult>(hass, SERVICE.share, data, true);
  return response ?? { results: [], invite_regions: null };
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
