// What a tile says about who has access to a camera.
import type { Camera, Sharee } from "../data/state.js";

/** A timed share that ends within this window counts as "expiring soon". */
export const EXPIRING_SOON_MS = 24 * 3_600_000;

export interface AccessSummary {
  accepted: number;
  pending: number;
  expiringSoon: number;
}

export function isExpiringSoon(sharee: Sharee, now: Date): boolean {
  if (!sharee.expires_at) return false;
  const left = new Date(sharee.expires_at).getTime() - now.getTime();
  return left <= EXPIRING_SOON_MS;
}

export function summarizeAccess(camera: Camera, now: Date): AccessSummary {
  let accepted = 0;
  let pending = 0;
  let expiringSoon = 0;
  for (const sharee of camera.sharees) {
    if (sharee.status === "accepted") accepted += 1;
    else pending += 1;
    if (isExpiringSoon(sharee, now)) expiringSoon += 1;
  }
  return { accepted, pending, expiringSoon };
}

export type ShareBlock = "not_owner" | "model_not_shareable" | "sharee_limit" | "no_device";

/** Why this camera cannot be shared from here, or undefined when it can. */
export function shareBlock(camera: Camera): ShareBlock | undefined {
  if (camera.owner) return "not_owner";
  if (!camera.capabilities.can_share) return camera.capabilities.reason ?? "model_not_shareable";
  if (!camera.device_id) return "no_device";
  return undefined;
}

export function selectCameras(all: Camera[], wanted: string[] | undefined): Camera[] {
  if (!wanted?.length) return all;
  const byKey = (key: string): Camera | undefined =>
    all.find((camera) => camera.did === key || camera.device_id === key || camera.camera_entity === key);
  return wanted.map(byKey).filter((camera): camera is Camera => camera !== undefined);
}
