// Where cookies belong. With the `cookieScopes` setting on, the cookies the simulator
// sets carry the Domain and Path the real hosts were seen to give them (passToken,
// userId, cUserId: Domain=.xiaomi.com; identity_session: Domain=account.xiaomi.com,
// Path=/identity), and a request that carries a cookie of another host family is
// refused, so a client that sends its login cookies along a whole redirect chain is
// caught. Off, cookies are plain `name=value; Path=/` and nothing is checked.
import { reply, setCookie, type Reply, type SimRequest } from "../http.ts";
import type { HostKind } from "../hosts.ts";
import type { SimConfig } from "../state/model.ts";

/** Who may receive a cookie: the passport family, its identity pages, one host only. */
export type CookieScope = "xiaomi" | "identity" | "host";

const ATTRIBUTES: Record<CookieScope, string> = {
  xiaomi: "Domain=.xiaomi.com; Path=/",
  identity: "Domain=account.xiaomi.com; Path=/identity",
  host: "Path=/",
};

/** A Set-Cookie value, with the real scope when the setting asks for it. */
export function scopedCookie(config: SimConfig, name: string, value: string, scope: CookieScope): string {
  return config.cookieScopes ? `${name}=${value}; ${ATTRIBUTES[scope]}; HttpOnly` : setCookie(name, value);
}

// Cookies that only the passport family (*.xiaomi.com) ever sets or expects, and the
// ones only the sts and app hosts (*.mi.com) do. userId and cUserId are set by both.
const PASSPORT_ONLY = new Set(["passToken", "identity_session", "ick", "deviceId", "sdkVersion"]);
const SERVICE_ONLY = new Set(["serviceToken", "yetAnotherServiceToken"]);

/** The refusal of a request that carries a cookie its host would never have been given. */
export function misplacedCookie(config: SimConfig, kind: HostKind, req: SimRequest): Reply | undefined {
  if (!config.cookieScopes) return undefined;
  for (const name of req.cookies.keys()) {
    const wrong =
      kind.kind === "passport"
        ? SERVICE_ONLY.has(name) || (name === "identity_session" && !req.path.startsWith("/identity/"))
        : PASSPORT_ONLY.has(name);
    if (wrong) return reply(400, `cookie ${name} does not belong to ${req.host}${req.path}`);
  }
  return undefined;
}
