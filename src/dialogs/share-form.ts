// What the share dialog's choices mean, apart from how they are shown: the permission a
// camera offers, how long each duration choice lasts, whether the share can be sent, and
// what its answer says. Plain functions, so fast tests reach every rule.
import type { ShareDuration, ShareRequest, ShareResult } from "../data/api.js";
import type { Capabilities, Permission, Region } from "../data/state.js";
import type { StringKey } from "../localize/en.js";

export type DurationChoice = "permanent" | "1h" | "4h" | "1d" | "1w" | "until";
export type HoursChoice = Exclude<DurationChoice, "permanent" | "until">;

/** How many hours each fixed choice lasts. */
export const DURATION_HOURS: Readonly<Record<HoursChoice, number>> = {
  "1h": 1,
  "4h": 4,
  "1d": 24,
  "1w": 168,
};

/** The choices in the order the dialog offers them. */
export const DURATIONS: readonly DurationChoice[] = ["permanent", "1h", "4h", "1d", "1w", "until"];

/** The permission the dialog starts with: view-only where the model offers it, the safer one. */
export function defaultPermission(capabilities: Capabilities): Permission {
  return capabilities.view_only ? "view_only" : "control";
}

/** The permission to send: the user's choice, else the default. */
export function chosenPermission(choice: Permission | undefined, capabilities: Capabilities): Permission {
  return choice ?? defaultPermission(capabilities);
}

/**
 * The duration a choice means; for "until", the chosen end time (a wall time the caller has
 * read as a moment) must lie in the future. Undefined while the choice is incomplete.
 */
export function toDuration(
  choice: DurationChoice,
  until: Date | undefined,
  now: Date,
): ShareDuration | undefined {
  if (choice === "permanent") return { kind: "permanent" };
  if (choice === "until") {
    return until && until.getTime() > now.getTime() ? { kind: "until", until } : undefined;
  }
  return { kind: "hours", hours: DURATION_HOURS[choice] };
}

export interface ShareChoices {
  deviceId: string;
  userId: string;
  permission: Permission;
  duration: ShareDuration;
  /** The recipient is an account configured here: it may accept at once. */
  toAccount: boolean;
  autoAccept: boolean;
}

/** The share request the choices make; auto-accept is only asked for an account configured here. */
export function shareRequest(choices: ShareChoices): ShareRequest {
  return {
    deviceIds: [choices.deviceId],
    recipient: choices.userId,
    permission: choices.permission,
    duration: choices.duration,
    autoAccept: choices.toAccount ? choices.autoAccept : undefined,
  };
}

export type SendPhase = "idle" | "sending" | "done" | "failed";

/** Send is offered when the camera can be shared, a person was found, and the choices are complete. */
export function canSend(state: {
  blocked: boolean;
  hasRecipient: boolean;
  phase: SendPhase;
  duration: ShareDuration | undefined;
}): boolean {
  return (
    !state.blocked &&
    state.hasRecipient &&
    state.phase !== "sending" &&
    state.phase !== "done" &&
    state.duration !== undefined
  );
}

export interface ShareOutcomeText {
  key: Extract<StringKey, "share.result.shared" | "share.result.invited">;
  nickname: string;
  /** Regions the recipient's Mi Home app must use to see the invite; empty when nothing needs saying. */
  inviteRegions: readonly Region[];
}

/** What the answer to a share says about the camera shared: accepted at once, or an invite waits. */
export function shareOutcome(result: ShareResult, did: string, fallbackNickname: string): ShareOutcomeText {
  const outcome = result.results.find((each) => each.did === did);
  return {
    key: outcome?.status === "accepted" ? "share.result.shared" : "share.result.invited",
    nickname: result.recipient?.nickname ?? fallbackNickname,
    // No regions: the recipient is an account configured here, known to use the camera's region.
    inviteRegions: result.invite_regions ?? [],
  };
}
