// The simulated cloud's data and the share / invite lifecycle. The app API and the
// web page both act through this class, so they always agree.
import { randomBytes } from "node:crypto";
import { SimClock } from "./clock.ts";
import { ApiCode, ApiError } from "./errors.ts";
import {
  DEFAULT_CONFIG,
  ShareStatus,
  type Account,
  type Device,
  type Region,
  type Share,
  type ShareMode,
  type SimConfig,
  type SimData,
} from "./model.ts";
import { DEFAULT_SHARE_MODE, PRODUCT_SHARE_MODES } from "./products.ts";
import { seedData } from "./seed.ts";

const digitsOnly = (text: string): string => text.replace(/\D/g, "");

export class Store {
  data: SimData = seedData();
  config: SimConfig = { ...DEFAULT_CONFIG };

  constructor(readonly clock: SimClock) {}

  replace(data: SimData): void {
    this.data = structuredClone(data);
  }

  // --- accounts and devices ---------------------------------------------------

  account(userId: string): Account | undefined {
    return this.data.accounts.find((account) => account.userId === userId);
  }

  /** Find an account by Xiaomi ID, email or phone number (with or without +86). */
  findAccount(login: string): Account | undefined {
    const text = login.trim();
    const byId = this.account(text);
    if (byId) return byId;
    if (text.includes("@")) {
      return this.data.accounts.find((a) => a.email?.toLowerCase() === text.toLowerCase());
    }
    const digits = digitsOnly(text);
    if (!digits) return undefined;
    return this.data.accounts.find((a) => {
      const phone = a.phone ? digitsOnly(a.phone) : "";
      return phone !== "" && (phone === digits || `86${phone}` === digits);
    });
  }

  /** Profile lookup: by ID or phone only, as the app's share screen does. */
  findProfile(id: string): Account | undefined {
    return id.includes("@") ? undefined : this.findAccount(id);
  }

  nickname(userId: string): string {
    return this.account(userId)?.nickname ?? userId;
  }

  shareMode(model: string): ShareMode {
    return this.data.products?.[model] ?? PRODUCT_SHARE_MODES[model] ?? DEFAULT_SHARE_MODE;
  }

  device(region: Region, did: string): Device | undefined {
    return this.data.devices.find((d) => d.region === region && d.did === did);
  }

  ownedDevices(userId: string, region: Region): Device[] {
    return this.data.devices.filter((d) => d.region === region && d.ownerId === userId);
  }

  /** Accepted shares to this user in this region, with their devices. */
  sharedToUser(userId: string, region: Region): { device: Device; share: Share }[] {
    return this.data.shares.flatMap((share) => {
      if (share.region !== region || share.shareeId !== userId || share.status !== ShareStatus.accepted) {
        return [];
      }
      const device = this.device(region, share.did);
      return device ? [{ device, share }] : [];
    });
  }

  // --- shares, owner side -----------------------------------------------------

  isExpired(share: Share): boolean {
    return share.status === ShareStatus.pending && share.expireTime <= this.clock.now();
  }

  /** Per-device shares and invites of a device (home shares are not among them). */
  private deviceShares(region: Region, did: string): Share[] {
    return this.data.shares.filter((s) => s.region === region && s.did === did && !s.viaHome);
  }

  /** Accepted shares and pending invites that have not expired: what the owner sees and what counts. */
  liveShares(region: Region, did: string): Share[] {
    return this.deviceShares(region, did).filter(
      (s) => s.status !== ShareStatus.rejected && !this.isExpired(s),
    );
  }

  /** All records of a device, rejected ones too (get_share_user shows them). */
  sharesOfDevice(region: Region, did: string): Share[] {
    return this.deviceShares(region, did).filter((s) => !this.isExpired(s));
  }

  requireOwnedDevice(userId: string, region: Region, did: string): Device {
    const device = this.device(region, did);
    if (!device || device.ownerId !== userId) throw new ApiError(ApiCode.permissionDenied);
    return device;
  }

  /** Check that `ownerId` may invite `shareeId` to the device; throws the app's codes. */
  private checkInvite(
    ownerId: string,
    region: Region,
    did: string,
    shareeId: string,
    readOnly: boolean,
  ): void {
    const device = this.requireOwnedDevice(ownerId, region, did);
    const mode = this.shareMode(device.model);
    if (mode === "none" || (readOnly && mode !== "choice")) throw new ApiError(ApiCode.permissionDenied);
    if (shareeId === ownerId || !this.account(shareeId)) throw new ApiError(ApiCode.invalidRequest);
  }

  /** The existing live record between this device and user, if any. */
  private liveShareWith(region: Region, did: string, shareeId: string): Share | undefined {
    return this.liveShares(region, did).find((s) => s.shareeId === shareeId);
  }

  private createInvite(
    ownerId: string,
    region: Region,
    did: string,
    shareeId: string,
    readOnly: boolean,
  ): Share {
    const now = this.clock.now();
    const inviteId = this.data.nextInviteId ?? 1000;
    this.data.nextInviteId = inviteId + 1;
    // A new invite replaces any rejected or expired record between the same two parties.
    this.data.shares = this.data.shares.filter(
      (s) => s.viaHome || !(s.region === region && s.did === did && s.shareeId === shareeId),
    );
    const share: Share = {
      inviteId,
      msgId: randomBytes(8).readBigUInt64BE().toString().slice(0, 15),
      did,
      region,
      ownerId,
      shareeId,
      readOnly,
      status: ShareStatus.pending,
      ctime: now,
      mtime: now,
      expireTime: now + this.config.inviteLifetimeSeconds,
    };
    this.data.shares.push(share);
    return share;
  }

  /** /share/share_request: one device, one user. */
  invite(ownerId: string, region: Region, did: string, shareeId: string, readOnly: boolean): Share {
    this.checkInvite(ownerId, region, did, shareeId, readOnly);
    const existing = this.liveShareWith(region, did, shareeId);
    if (existing?.status === ShareStatus.accepted) throw new ApiError(ApiCode.alreadyShared);
    if (existing) throw new ApiError(ApiCode.invitePending);
    if (this.liveShares(region, did).length >= this.config.shareeLimit) {
      throw new ApiError(ApiCode.tooManySharees);
    }
    return this.createInvite(ownerId, region, did, shareeId, readOnly);
  }

  /**
   * /share/share_request_batch: every device to every receiver. Validates all pairs
   * first so a refused call changes nothing. Per receiver and did: 1 = invite
   * created, 0 = already shared or an invite waits (the Mi Home app says
   * "invitation sent" for a 1 and "already shared" when there is none).
   */
  inviteBatch(
    ownerId: string,
    region: Region,
    dids: readonly string[],
    receivers: readonly string[],
    readOnly: boolean,
  ): Record<string, Record<string, 0 | 1>> {
    for (const did of dids) {
      for (const receiver of receivers) this.checkInvite(ownerId, region, did, receiver, readOnly);
      const fresh = receivers.filter((r) => !this.liveShareWith(region, did, r)).length;
      if (this.liveShares(region, did).length + fresh > this.config.shareeLimit) {
        throw new ApiError(ApiCode.tooManySharees);
      }
    }
    const result: Record<string, Record<string, 0 | 1>> = {};
    for (const receiver of receivers) {
      const perDevice: Record<string, 0 | 1> = {};
      for (const did of dids) {
        if (this.liveShareWith(region, did, receiver)) {
          perDevice[did] = 0;
        } else {
          this.createInvite(ownerId, region, did, receiver, readOnly);
          perDevice[did] = 1;
        }
      }
      result[receiver] = perDevice;
    }
    return result;
  }

  /** /share/delete_user: revoke shares and withdraw invites. False when the caller does not own the device. */
  revoke(ownerId: string, region: Region, did: string, shareeIds: readonly string[]): boolean {
    const device = this.device(region, did);
    if (!device || device.ownerId !== ownerId) return false;
    this.data.shares = this.data.shares.filter(
      (s) => s.viaHome || !(s.region === region && s.did === did && shareeIds.includes(s.shareeId)),
    );
    return true;
  }

  // --- shares, receiving side -------------------------------------------------

  /** Invites to this user in this region created within the listing window. */
  invitesFor(userId: string, region: Region): Share[] {
    const since = this.clock.now() - this.config.receiveListDays * 86_400;
    return this.data.shares.filter(
      (s) => s.region === region && s.shareeId === userId && s.ctime >= since && !s.viaHome,
    );
  }

  /** /share/share_response: −6 for an unknown, expired or already answered invite. */
  respond(userId: string, region: Region, inviteId: number, accept: boolean): Share {
    const share = this.data.shares.find(
      (s) => s.region === region && s.inviteId === inviteId && s.shareeId === userId && !s.viaHome,
    );
    if (!share || share.status !== ShareStatus.pending || this.isExpired(share)) {
      throw new ApiError(ApiCode.invalidRequest);
    }
    share.status = accept ? ShareStatus.accepted : ShareStatus.rejected;
    share.mtime = this.clock.now();
    return share;
  }

  /** /share/cancel: the sharee gives a shared device back. */
  leave(userId: string, region: Region, did: string): void {
    const index = this.data.shares.findIndex(
      (s) =>
        s.region === region &&
        s.did === did &&
        s.shareeId === userId &&
        s.status === ShareStatus.accepted &&
        !s.viaHome,
    );
    if (index < 0) throw new ApiError(ApiCode.permissionDenied);
    this.data.shares.splice(index, 1);
  }
}
