// QR login (brief §2.6): loginUrl hands out a code and a long-poll URL; the poll
// answers once the code was "scanned" (through /_control/qr/scan or the confirm page).
import { reply, type Reply, type SimRequest } from "../http.ts";
import type { SimContext } from "../context.ts";
import type { LoginGrant } from "../state/auth.ts";
import type { SimClock } from "../state/clock.ts";
import type { SimConfig } from "../state/model.ts";
import { randomId } from "./crypto.ts";
import { grantCookies, grantFields, passportReply } from "./passport-reply.ts";
import { patternPng } from "./png.ts";
import { qrConfirmPage } from "../qr-page.ts";

interface QrSession {
  ticket: string;
  createdAt: number;
  timeout: number;
  grant?: LoginGrant;
  waiters: Set<() => void>;
  /** Polls that ended without a scan (the lp host varies its answer by it). */
  unanswered: number;
}

export const QrCode = { scanned: 0, notYet: 1, expired: 2 } as const;

export class QrLogins {
  private sessions = new Map<string, QrSession>();
  private timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly clock: SimClock,
    private readonly config: () => SimConfig,
  ) {}

  create(): QrSession {
    const session: QrSession = {
      ticket: randomId(16),
      createdAt: this.clock.now(),
      timeout: this.config().qrTimeoutSeconds,
      waiters: new Set(),
      unanswered: 0,
    };
    this.sessions.set(session.ticket, session);
    return session;
  }

  get(ticket: string): QrSession | undefined {
    return this.sessions.get(ticket);
  }

  isExpired(session: QrSession): boolean {
    return this.clock.now() >= session.createdAt + session.timeout;
  }

  /** Tickets still waiting for a scan, newest first. */
  pending(): string[] {
    return [...this.sessions.values()]
      .filter((s) => !s.grant && !this.isExpired(s))
      .reverse()
      .map((s) => s.ticket);
  }

  /** Confirm a code for a user, as the Mi Home app does after a scan; wakes the poll. */
  confirm(ticket: string, grant: () => LoginGrant): boolean {
    const session = this.sessions.get(ticket);
    if (!session || session.grant || this.isExpired(session)) return false;
    session.grant = grant();
    for (const wake of session.waiters) wake();
    session.waiters.clear();
    return true;
  }

  /** Wait until the code is scanned or the hold time passes. */
  wait(session: QrSession): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.config().qrHoldSeconds * 1000);
      this.timers.add(timer);
      const clock = this.timers;
      function done(): void {
        clearTimeout(timer);
        clock.delete(timer);
        session.waiters.delete(done);
        resolve();
      }
      session.waiters.add(done);
    });
  }

  /** Release every held poll (shutdown, reset). */
  close(): void {
    for (const session of this.sessions.values()) for (const wake of [...session.waiters]) wake();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

/** The data centre host that `qrPoll: "lp"` hands long polls out on. */
export const LP_HOST = "c3.lp.account.xiaomi.com";

function loginUrl(ctx: SimContext): Reply {
  const session = ctx.qr.create();
  const ticket = encodeURIComponent(session.ticket);
  const lp =
    ctx.store.config.qrPoll === "lp"
      ? `https://${LP_HOST}/lp/s?k=${ticket}`
      : `https://account.xiaomi.com/longPolling/lp?ticket=${ticket}`;
  return passportReply({
    code: 0,
    loginUrl: `https://account.xiaomi.com/longPolling/login?ticket=${ticket}`,
    qr: `https://account.xiaomi.com/longPolling/qr?ticket=${ticket}`,
    lp,
    timeout: session.timeout,
  });
}

/**
 * What a held poll on the lp host answers when nobody scanned: neither success nor
 * expiry, and not the code 1 of the account host either. Which answers the real lp
 * hosts give is not known; these stand in for "anything else": a gateway timeout and
 * a code no client knows, in turn.
 */
function notYetOnLpHost(session: QrSession): Reply {
  session.unanswered += 1;
  return session.unanswered % 2 === 1
    ? reply(504, "gateway timeout", "text/plain")
    : passportReply({ code: 700, desc: "waiting for the scan" });
}

async function longPoll(ctx: SimContext, ticket: string, onLpHost = false): Promise<Reply> {
  const session = ctx.qr.get(ticket);
  const expired = (): Reply => passportReply({ code: QrCode.expired, desc: "qr code expired" });
  if (!session || ctx.qr.isExpired(session)) return expired();
  if (!session.grant) await ctx.qr.wait(session);
  if (session.grant) {
    return passportReply(grantFields(session.grant), {
      "set-cookie": grantCookies(ctx.store.config, session.grant),
    });
  }
  if (ctx.qr.isExpired(session)) return expired();
  return onLpHost ? notYetOnLpHost(session) : passportReply({ code: QrCode.notYet, desc: "not scanned yet" });
}

/** A data centre's long-poll host (`qrPoll: "lp"`): only the poll lives there. */
export async function handleQrPollHost(ctx: SimContext, req: SimRequest): Promise<Reply | undefined> {
  return req.path === "/lp/s" ? longPoll(ctx, req.query.get("k") ?? "", true) : undefined;
}

export async function handleQrLogin(ctx: SimContext, req: SimRequest): Promise<Reply | undefined> {
  const ticket = req.query.get("ticket") ?? "";
  switch (req.path) {
    case "/longPolling/loginUrl":
      return loginUrl(ctx);
    case "/longPolling/lp":
      return longPoll(ctx, ticket);
    case "/longPolling/login":
      return qrConfirmPage();
    case "/longPolling/qr":
      return reply(200, patternPng(ticket), "image/png");
    default:
      return undefined;
  }
}
