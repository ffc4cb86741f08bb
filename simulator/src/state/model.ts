// The simulated cloud's data: accounts, devices, shares. This is the document that
// /_control/seed accepts and /_control/state returns.

export const REGIONS = ["cn", "de", "us", "ru", "sg", "i2", "tw"] as const;
export type Region = (typeof REGIONS)[number];
export const isRegion = (value: unknown): value is Region => REGIONS.includes(value as Region);

/** How a product may be shared (brief §5.2): with a view-only choice, without one, or not at all. */
export const SHARE_MODES = ["choice", "fixed", "none"] as const;
export type ShareMode = (typeof SHARE_MODES)[number];
export const isShareMode = (value: unknown): value is ShareMode => SHARE_MODES.includes(value as ShareMode);

/** Where a verification code can be sent. */
export type VerifyMethod = "phone" | "email";

/** What a password login of this account demands besides the password. */
export type LoginChallenge = "none" | "captcha" | "verification";

export interface Account {
  userId: string;
  nickname: string;
  password: string;
  email?: string;
  phone?: string;
  icon?: string;
  /** The region the account's Mi Home app is set to (informational, shown in the UI). */
  appRegion: Region;
  loginChallenge?: LoginChallenge;
  verifyMethods?: VerifyMethod[];
}

export interface Device {
  did: string;
  name: string;
  model: string;
  region: Region;
  ownerId: string;
  mac: string;
  localip: string;
  token: string;
  isOnline: boolean;
  pid: string;
  fwVersion: string;
}

export const ShareStatus = { pending: 0, accepted: 1, rejected: 2 } as const;
export type ShareStatus = (typeof ShareStatus)[keyof typeof ShareStatus];

/** An invite and, once accepted, the share it became. Lives in the device's region. */
export interface Share {
  inviteId: number;
  msgId: string;
  did: string;
  region: Region;
  ownerId: string;
  shareeId: string;
  readOnly: boolean;
  status: ShareStatus;
  /** Unix seconds (simulated clock). */
  ctime: number;
  mtime: number;
  expireTime: number;
  /**
   * The sharee got the device with a whole home shared to them (seed only): it is
   * listed to them with permitLevel 68 and is in none of the owner's per-device
   * share lists, invites or limits.
   */
  viaHome?: boolean;
}

export interface SimData {
  accounts: Account[];
  devices: Device[];
  shares: Share[];
  /** Per model; models not listed fall back to the built-in product table. */
  products?: Record<string, ShareMode>;
  nextInviteId?: number;
}

/** Tunables; every one can be changed through /_control/config. */
export interface SimConfig {
  shareeLimit: number;
  inviteLifetimeSeconds: number;
  receiveListDays: number;
  serviceTokenLifetimeSeconds: number;
  passTokenIdleSeconds: number;
  qrTimeoutSeconds: number;
  /** Real seconds a QR long poll is held before it answers "not scanned yet". */
  qrHoldSeconds: number;
  loginFailureLimit: number;
  loginFailureWindowSeconds: number;
  /**
   * What /share/device_share_list says per sharee: 0 = only userid, nickname,
   * icon and mtime (all the Mi Home app reads there; status comes from
   * get_share_user), 1 = also sharetime, status and isReadOnly.
   */
  deviceShareListStatus: number;
}

export const DEFAULT_CONFIG: SimConfig = {
  shareeLimit: 10,
  inviteLifetimeSeconds: 7 * 86_400,
  receiveListDays: 30,
  serviceTokenLifetimeSeconds: 86_400,
  passTokenIdleSeconds: 30 * 86_400,
  qrTimeoutSeconds: 300,
  qrHoldSeconds: 10,
  loginFailureLimit: 5,
  loginFailureWindowSeconds: 600,
  deviceShareListStatus: 0,
};
