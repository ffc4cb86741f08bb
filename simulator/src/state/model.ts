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
  // Passport variants: details where the real passport was seen to answer otherwise
  // than the plain flow (docs/simulator.md, "Passport variants"). All off by default.
  /** A wrong password answers 70016 with a captchaUrl, and the next try needs the captcha. */
  wrongPasswordCaptcha: boolean;
  /** sendPhoneTicket / sendEmailTicket answer 87001 with a captchaURL until it is solved. */
  sendTicketCaptcha: boolean;
  /** How step 2 asks for verification: the plain body, or the real one (securityStatus, location ""). */
  verificationMarker: VerificationMarker;
  /** How a verification ends: at once, or through identity/result/check and serviceLoginAuth2/end. */
  verificationFinish: VerificationFinish;
  /** identity/list offers phone and email, but only the account's first way is accepted (code 2). */
  identityNarrowsOptions: boolean;
  /** Verification codes an account may be sent per simulated day; 0: no limit. Then 70022. */
  codeSendLimit: number;
  /** Where the QR long poll lives: the account host, or a c3.lp.account.xiaomi.com host. */
  qrPoll: QrPollHost;
  /** Whether a passToken refresh rotates the passToken, and where the new one travels. */
  passTokenRotation: PassTokenRotation;
  /** Cookies carry their real Domain/Path, and one sent to another host family is refused. */
  cookieScopes: boolean;
}

export const VERIFICATION_MARKERS = ["notificationUrl", "securityStatus"] as const;
export type VerificationMarker = (typeof VERIFICATION_MARKERS)[number];
export const VERIFICATION_FINISHES = ["direct", "chain", "tips", "skip"] as const;
export type VerificationFinish = (typeof VERIFICATION_FINISHES)[number];
export const QR_POLL_HOSTS = ["account", "lp"] as const;
export type QrPollHost = (typeof QR_POLL_HOSTS)[number];
export const PASS_TOKEN_ROTATIONS = ["off", "body", "cookie"] as const;
export type PassTokenRotation = (typeof PASS_TOKEN_ROTATIONS)[number];

/** The values a text setting may take. */
const SETTING_CHOICES: Partial<Record<keyof SimConfig, readonly string[]>> = {
  verificationMarker: VERIFICATION_MARKERS,
  verificationFinish: VERIFICATION_FINISHES,
  qrPoll: QR_POLL_HOSTS,
  passTokenRotation: PASS_TOKEN_ROTATIONS,
};

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
  wrongPasswordCaptcha: false,
  sendTicketCaptcha: false,
  verificationMarker: "notificationUrl",
  verificationFinish: "direct",
  identityNarrowsOptions: false,
  codeSendLimit: 0,
  qrPoll: "account",
  passTokenRotation: "off",
  cookieScopes: false,
};

export const isSetting = (key: string): key is keyof SimConfig => key in DEFAULT_CONFIG;

/** Why `value` cannot be the setting `key` (same type as its default; numbers >= 0), or undefined. */
export function settingProblem(key: keyof SimConfig, value: unknown): string | undefined {
  const current = DEFAULT_CONFIG[key];
  if (typeof current === "number") {
    return typeof value === "number" && Number.isFinite(value) && value >= 0
      ? undefined
      : "expected a number >= 0";
  }
  if (typeof current === "boolean") return typeof value === "boolean" ? undefined : "expected true or false";
  const choices = SETTING_CHOICES[key] ?? [];
  return typeof value === "string" && choices.includes(value) ? undefined : `one of ${choices.join(", ")}`;
}
