// Login state: passTokens, serviceTokens, one-time sts tickets, failed logins.
import { createHash } from "node:crypto";
import { randomBase64, randomId } from "../protocol/crypto.ts";
import type { SimClock } from "./clock.ts";
import type { SimConfig } from "./model.ts";

export interface PassToken {
  userId: string;
  lastUsed: number;
  revoked: boolean;
}

export interface ServiceSession {
  userId: string;
  ssecurity: string;
  expiresAt: number;
}

/** What GET <location> on the sts host turns into a serviceToken. */
export interface StsTicket {
  userId: string;
  ssecurity: string;
  nonce: string;
  expiresAt: number;
}

/** Credentials a successful login hands back (step 1 with passToken, step 2, QR, verification). */
export interface LoginGrant {
  userId: string;
  cUserId: string;
  passToken: string;
  ssecurity: string;
  psecurity: string;
  nonce: string;
  /** The sts URL that mints the serviceToken. */
  location: string;
}

const STS_TICKET_SECONDS = 300;

/** A stable, opaque stand-in for Xiaomi's encrypted user id. */
export const cUserIdOf = (userId: string): string =>
  createHash("sha1").update(`cuid:${userId}`).digest("base64url").slice(0, 27);

export class AuthState {
  private passTokens = new Map<string, PassToken>();
  private serviceTokens = new Map<string, ServiceSession>();
  private stsTickets = new Map<string, StsTicket>();
  private failures = new Map<string, number[]>();
  /** Accounts (or "*" for any) whose next password login must solve a captcha. */
  readonly captchaNext = new Set<string>();

  constructor(
    private readonly clock: SimClock,
    private readonly config: () => SimConfig,
  ) {}

  /** The long-lived logins, for saving the world between runs (serviceTokens are re-minted). */
  exportPassTokens(): [string, PassToken][] {
    return [...this.passTokens];
  }

  importPassTokens(entries: [string, PassToken][]): void {
    this.passTokens = new Map(entries);
  }

  /** Issue a passToken and an sts ticket for a user who just proved who they are. */
  grant(userId: string, passToken = this.issuePassToken(userId)): LoginGrant {
    this.prune();
    const ssecurity = randomBase64(16);
    const nonce = String(Math.floor(Math.random() * 2 ** 52));
    const auth = randomId(18);
    this.stsTickets.set(auth, { userId, ssecurity, nonce, expiresAt: this.clock.now() + STS_TICKET_SECONDS });
    const query = new URLSearchParams({ d: "sim", ticket: "0", pwd: "1", nonce, auth, _ssign: randomId(12) });
    return {
      userId,
      cUserId: cUserIdOf(userId),
      passToken,
      ssecurity,
      psecurity: randomBase64(16),
      nonce,
      location: `https://sts.api.io.mi.com/sts?${query.toString()}`,
    };
  }

  /** Drop expired tickets and sessions so a long-running demo does not grow without bound. */
  private prune(): void {
    const now = this.clock.now();
    for (const [auth, ticket] of this.stsTickets) if (ticket.expiresAt < now) this.stsTickets.delete(auth);
    for (const [token, session] of this.serviceTokens)
      if (session.expiresAt <= now) this.serviceTokens.delete(token);
  }

  private issuePassToken(userId: string): string {
    const token = `V1:${randomBase64(48)}`;
    this.passTokens.set(token, { userId, lastUsed: this.clock.now(), revoked: false });
    return token;
  }

  /** Replace a passToken by a new one (the old one stops working at once). */
  rotatePassToken(userId: string, old: string): string {
    this.revokePassTokens({ passToken: old });
    return this.issuePassToken(userId);
  }

  /** A passToken is good while not revoked and used within the idle lifetime; use renews it. */
  usePassToken(userId: string, token: string): boolean {
    const entry = this.passTokens.get(token);
    const now = this.clock.now();
    if (!entry || entry.userId !== userId || entry.revoked) return false;
    if (now - entry.lastUsed > this.config().passTokenIdleSeconds) return false;
    entry.lastUsed = now;
    return true;
  }

  /** Revoke one passToken, or every passToken of a user. Returns how many. */
  revokePassTokens(match: { userId?: string; passToken?: string }): number {
    let count = 0;
    for (const [token, entry] of this.passTokens) {
      if (token === match.passToken || (match.userId !== undefined && entry.userId === match.userId)) {
        entry.revoked = true;
        count += 1;
      }
    }
    return count;
  }

  /** Exchange an sts ticket for a serviceToken session; undefined for unknown or stale tickets. */
  redeem(auth: string): { serviceToken: string; ticket: StsTicket } | undefined {
    const ticket = this.stsTickets.get(auth);
    if (!ticket || ticket.expiresAt < this.clock.now()) return undefined;
    this.stsTickets.delete(auth);
    const serviceToken = randomBase64(96);
    this.serviceTokens.set(serviceToken, {
      userId: ticket.userId,
      ssecurity: ticket.ssecurity,
      expiresAt: this.clock.now() + this.config().serviceTokenLifetimeSeconds,
    });
    return { serviceToken, ticket };
  }

  session(serviceToken: string): ServiceSession | undefined {
    const session = this.serviceTokens.get(serviceToken);
    return session && session.expiresAt > this.clock.now() ? session : undefined;
  }

  expireAllServiceTokens(): number {
    const now = this.clock.now();
    for (const session of this.serviceTokens.values()) session.expiresAt = Math.min(session.expiresAt, now);
    return this.serviceTokens.size;
  }

  // --- wrong passwords --------------------------------------------------------

  private recentFailures(userId: string): number[] {
    const since = this.clock.now() - this.config().loginFailureWindowSeconds;
    const recent = (this.failures.get(userId) ?? []).filter((at) => at > since);
    this.failures.set(userId, recent);
    return recent;
  }

  isBlocked(userId: string): boolean {
    return this.recentFailures(userId).length >= this.config().loginFailureLimit;
  }

  recordFailure(userId: string): void {
    this.recentFailures(userId).push(this.clock.now());
  }

  /** Whether this password login must show a captcha because of a one-off demand. */
  wantsCaptcha(userId: string): boolean {
    return this.captchaNext.has(userId) || this.captchaNext.has("*");
  }

  captchaSolved(userId: string): void {
    this.captchaNext.delete(userId);
    this.captchaNext.delete("*");
  }
}
