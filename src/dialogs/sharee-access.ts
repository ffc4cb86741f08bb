// What the manage dialog's rows mean, apart from how they are shown: the name a sharee goes
// by, and how far each "extend" choice moves the end of a timed share.
import type { Sharee } from "../data/state.js";

export type ExtensionKey = "manage.extend.1h" | "manage.extend.1d" | "manage.extend.1w";

/** The extensions a timed share offers, in order. */
export const EXTENSIONS: readonly { key: ExtensionKey; hours: number }[] = [
  { key: "manage.extend.1h", hours: 1 },
  { key: "manage.extend.1d", hours: 24 },
  { key: "manage.extend.1w", hours: 168 },
];

/** A new end time: the given hours added to the current expiry, or to now if that has passed. */
export function extendedUntil(expiresAt: string, hours: number, now: Date): Date {
  const base = Math.max(new Date(expiresAt).getTime(), now.getTime());
  return new Date(base + hours * 3_600_000);
}

/** The name the address book gives the person, else their Xiaomi nickname. */
export function shareeName(sharee: Pick<Sharee, "recipient_name" | "nickname">): string {
  return sharee.recipient_name ?? sharee.nickname;
}
