// Every JSON answer of account.xiaomi.com starts with this literal prefix.
import { reply, type Reply } from "../http.ts";
import type { LoginGrant } from "../state/auth.ts";
import type { SimConfig } from "../state/model.ts";
import { scopedCookie } from "./cookie-scope.ts";

export const PASSPORT_PREFIX = "&&&START&&&";

export const passportReply = (
  value: Record<string, unknown>,
  headers: Record<string, string | string[]> = {},
): Reply => reply(200, PASSPORT_PREFIX + JSON.stringify(value), "application/json;charset=UTF-8", headers);

/** The cookies the passport sets once a user is logged in (without passToken when told so). */
export const grantCookies = (config: SimConfig, grant: LoginGrant, withPassToken = true): string[] => [
  ...(withPassToken ? [scopedCookie(config, "passToken", grant.passToken, "xiaomi")] : []),
  scopedCookie(config, "userId", grant.userId, "xiaomi"),
  scopedCookie(config, "cUserId", grant.cUserId, "xiaomi"),
];

/** The body fields of a successful login. */
export const grantFields = (grant: LoginGrant): Record<string, unknown> => ({
  code: 0,
  desc: "成功",
  userId: Number(grant.userId),
  cUserId: grant.cUserId,
  passToken: grant.passToken,
  ssecurity: grant.ssecurity,
  psecurity: grant.psecurity,
  nonce: Number(grant.nonce),
  location: grant.location,
});
