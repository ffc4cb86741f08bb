// One account's Mi Home view for the web page, and its accept / decline action.
// Both go through the Store, the same state the app API uses.
import type { SimContext } from "./context.ts";
import { ApiError } from "./state/errors.ts";
import { REGIONS, ShareStatus, isRegion, type Region, type Share } from "./state/model.ts";
import type { Store } from "./state/store.ts";

const STATUS_NAMES = {
  [ShareStatus.pending]: "pending",
  [ShareStatus.accepted]: "accepted",
  [ShareStatus.rejected]: "declined",
};

function statusOf(store: Store, share: Share): string {
  return store.isExpired(share) ? "expired" : STATUS_NAMES[share.status];
}

function regionView(store: Store, userId: string, region: Region): Record<string, unknown> {
  const owned = store.ownedDevices(userId, region).map((device) => ({
    did: device.did,
    name: device.name,
    model: device.model,
    role: "owner",
    shareMode: store.shareMode(device.model),
    sharees: store.sharesOfDevice(region, device.did).map((share) => ({
      userId: share.shareeId,
      nickname: store.nickname(share.shareeId),
      status: statusOf(store, share),
      permission: share.readOnly ? "view only" : "control",
    })),
  }));
  const shared = store.sharedToUser(userId, region).map(({ device, share }) => ({
    did: device.did,
    name: device.name,
    model: device.model,
    role: share.viaHome ? "home" : "shared",
    owner: store.nickname(device.ownerId),
    permission: share.readOnly ? "view only" : "control",
  }));
  const invites = store.invitesFor(userId, region).map((share) => ({
    inviteId: share.inviteId,
    senderName: store.nickname(share.ownerId),
    deviceName: store.device(region, share.did)?.name ?? share.did,
    status: statusOf(store, share),
    permission: share.readOnly ? "view only" : "control",
    expireTime: share.expireTime,
  }));
  return { region, devices: [...owned, ...shared], invites };
}

export function accountView(store: Store, userId: string): Record<string, unknown> | undefined {
  const account = store.account(userId);
  if (!account) return undefined;
  const regions = REGIONS.map((region) => regionView(store, userId, region)).filter(
    (view) =>
      view["region"] === account.appRegion ||
      (view["devices"] as unknown[]).length > 0 ||
      (view["invites"] as unknown[]).length > 0,
  );
  return { userId, nickname: account.nickname, appRegion: account.appRegion, regions };
}

export function respondFromUi(ctx: SimContext, body: Record<string, unknown>): unknown {
  const { userId, region, inviteId, accept } = body;
  if (
    typeof userId !== "string" ||
    !isRegion(region) ||
    typeof inviteId !== "number" ||
    typeof accept !== "boolean"
  ) {
    throw Object.assign(new Error("expected userId, region, inviteId and accept"), { status: 400 });
  }
  try {
    const share = ctx.store.respond(userId, region, inviteId, accept);
    return { ok: true, status: statusOf(ctx.store, share) };
  } catch (error) {
    if (error instanceof ApiError) {
      throw Object.assign(new Error("this invite is expired or already answered"), { status: 409 });
    }
    throw error;
  }
}
