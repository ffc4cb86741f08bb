// Which Xiaomi service a host name stands for (the first path segment of a request).
import { isRegion, type Region } from "./state/model.ts";

export type HostKind = { kind: "passport" } | { kind: "sts" } | { kind: "app"; region: Region };

export function hostKind(host: string): HostKind | undefined {
  if (host === "account.xiaomi.com") return { kind: "passport" };
  // QR long polls can be handed out on a data centre's host, e.g. c3.lp.account.xiaomi.com.
  if (/^[a-z0-9-]+\.lp\.account\.xiaomi\.com$/.test(host)) return { kind: "passport" };
  if (host === "sts.api.io.mi.com") return { kind: "sts" };
  if (host === "api.io.mi.com") return { kind: "app", region: "cn" };
  const match = /^([a-z0-9]+)\.api\.io\.mi\.com$/.exec(host);
  const region = match?.[1];
  // "cn" has no prefix host of its own.
  return region !== undefined && region !== "cn" && isRegion(region) ? { kind: "app", region } : undefined;
}
