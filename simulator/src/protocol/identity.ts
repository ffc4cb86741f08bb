// The verification step after a password login: pick phone or email, have a code
// sent, type it in (brief §2.3). The codes "sent" appear in the outbox. The passport
// variants (docs/simulator.md) add what real clients met on the way: a captcha before
// a code is sent, a daily limit of codes, a refusal with the ways the account accepts
// (code 2 with `options`), and the chain identity/result/check → serviceLoginAuth2/end
// → sts that ends a verification, sometimes through a "Tips" page or a skipUrl page.
import { formOf, reply, type Reply, type SimRequest } from "../http.ts";
import type { SimContext } from "../context.ts";
import type { Account, VerifyMethod } from "../state/model.ts";
import { captchaUrl } from "./captcha.ts";
import { scopedCookie } from "./cookie-scope.ts";
import { randomDigits, randomId } from "./crypto.ts";
import { grantCookies, grantFields, passportReply } from "./passport-reply.ts";

const FLAGS: Record<VerifyMethod, number> = { phone: 4, email: 8 };
const DAY = 86_400;
const SEND_LIMIT_CODE = 70022;
const CAPTCHA_CODE = 87001;

interface IdentitySession {
  userId: string;
  context: string;
  method?: VerifyMethod;
  code?: string;
  /** open: a code may be sent and checked; verified: the code was right, the finish chain is next. */
  state: "open" | "verified" | "done";
  captchaSolved: boolean;
}

/** One finish of a verification: serviceLoginAuth2/end hands out the login once. */
interface Finish {
  userId: string;
  tipsShown: boolean;
}

export class IdentityFlows {
  private contexts = new Map<string, string>();
  private sessions = new Map<string, IdentitySession>();
  private finishes = new Map<string, Finish>();
  private sent = new Map<string, number[]>();

  /** A verification context for a user whose password was right. */
  begin(userId: string): string {
    const context = randomId(24);
    this.contexts.set(context, userId);
    return context;
  }

  open(context: string): string | undefined {
    const userId = this.contexts.get(context);
    if (userId === undefined) return undefined;
    const id = randomId(18);
    this.sessions.set(id, { userId, context, state: "open", captchaSolved: false });
    return id;
  }

  session(id: string | undefined, state: IdentitySession["state"] = "open"): IdentitySession | undefined {
    const session = id === undefined ? undefined : this.sessions.get(id);
    return session?.state === state ? session : undefined;
  }

  /** Codes sent to a user within the last day (simulated clock), counting this one when `record`. */
  codesSentToday(userId: string, now: number, record = false): number {
    const recent = (this.sent.get(userId) ?? []).filter((at) => at > now - DAY);
    if (record) recent.push(now);
    this.sent.set(userId, recent);
    return recent.length;
  }

  startFinish(userId: string): string {
    const token = randomId(18);
    this.finishes.set(token, { userId, tipsShown: false });
    return token;
  }

  finish(token: string): Finish | undefined {
    return this.finishes.get(token);
  }

  endFinish(token: string): void {
    this.finishes.delete(token);
  }
}

const mask = (method: VerifyMethod, target: string): string => {
  if (method === "email") {
    const [name = "", domain = ""] = target.split("@");
    return `${name.slice(0, 1)}***@${domain}`;
  }
  return `${target.slice(0, 3)}****${target.slice(-2)}`;
};

const METHOD_OF_PATH: Record<string, VerifyMethod> = {
  "/identity/auth/verifyPhone": "phone",
  "/identity/auth/sendPhoneTicket": "phone",
  "/identity/auth/verifyEmail": "email",
  "/identity/auth/sendEmailTicket": "email",
};

const sessionGone = (): Reply => passportReply({ code: 70016, desc: "identity session expired" });
const page = (title: string, text: string): Reply =>
  reply(
    200,
    `<!doctype html><html><head><title>${title}</title></head><body><p>${text}</p></body></html>`,
    "text/html;charset=UTF-8",
  );

/** The ways the account has an address for, in its order of preference. */
const reachable = (account: Account): VerifyMethod[] =>
  (account.verifyMethods ?? ["phone", "email"]).filter((m) =>
    m === "phone" ? account.phone : account.email,
  );

/** What identity/list offers: with `identityNarrowsOptions`, every way, not only the accepted ones. */
function listed(ctx: SimContext, account: Account): VerifyMethod[] {
  if (!ctx.store.config.identityNarrowsOptions) return reachable(account);
  return (["phone", "email"] as const).filter((m) => (m === "phone" ? account.phone : account.email));
}

/** The ways the later steps accept: with `identityNarrowsOptions`, only the account's first. */
function accepted(ctx: SimContext, account: Account): VerifyMethod[] {
  const ways = reachable(account);
  return ctx.store.config.identityNarrowsOptions ? ways.slice(0, 1) : ways;
}

/** The refusal real clients logged when they used a way the account does not accept now. */
function refuseMethod(ways: VerifyMethod[]): Reply {
  const options = ways.map((m) => FLAGS[m]);
  const flag = options[0] ?? 0;
  return passportReply({ code: 2, flag, options, version: "v2", option: flag });
}

function identityList(ctx: SimContext, req: SimRequest): Reply {
  const id = ctx.identity.open(req.query.get("context") ?? "");
  const account = id === undefined ? undefined : ctx.store.account(ctx.identity.session(id)?.userId ?? "");
  if (id === undefined || !account) return sessionGone();
  const options = listed(ctx, account).map((m) => FLAGS[m]);
  return passportReply(
    { code: 0, flag: options[0] ?? 0, options },
    { "set-cookie": scopedCookie(ctx.store.config, "identity_session", id, "identity") },
  );
}

/** Send a code, after the captcha and the daily limit the variants may put in front of it. */
function sendTicket(
  ctx: SimContext,
  req: SimRequest,
  session: IdentitySession,
  method: VerifyMethod,
  target: string,
): Reply {
  const config = ctx.store.config;
  if (config.sendTicketCaptcha && !session.captchaSolved) {
    const icode = formOf(req).get("icode") ?? "";
    if (icode === "" || !ctx.captchas.solve(req.cookies.get("ick"), icode)) {
      const desc = icode === "" ? "captcha required" : "验证码输入错误";
      return passportReply({ code: CAPTCHA_CODE, desc, captchaURL: captchaUrl() });
    }
    session.captchaSolved = true;
  }
  const now = ctx.clock.now();
  if (config.codeSendLimit > 0 && ctx.identity.codesSentToday(session.userId, now) >= config.codeSendLimit) {
    return passportReply({ code: SEND_LIMIT_CODE, desc: "too many codes sent today, try again tomorrow" });
  }
  ctx.identity.codesSentToday(session.userId, now, true);
  session.method = method;
  session.code = randomDigits(6);
  ctx.outbox.add({
    at: now,
    kind: "verification",
    userId: session.userId,
    method,
    to: target,
    code: session.code,
  });
  return passportReply({ code: 0 });
}

/** The right code: the login at once, or (finish variants) the first link of the chain. */
function verified(ctx: SimContext, session: IdentitySession): Reply {
  if (ctx.store.config.verificationFinish === "direct") {
    session.state = "done";
    const grant = ctx.auth.grant(session.userId);
    const { location } = grantFields(grant);
    return passportReply({ code: 0, location }, { "set-cookie": grantCookies(ctx.store.config, grant) });
  }
  session.state = "verified";
  const query = new URLSearchParams({ sid: "xiaomiio", context: session.context, _locale: "en_US" });
  return passportReply({ code: 0, location: `https://account.xiaomi.com/identity/result/check?${query}` });
}

/** identity/result/check: on to serviceLoginAuth2/end, or first to a page that names it as skipUrl. */
function resultCheck(ctx: SimContext, req: SimRequest): Reply {
  const session = ctx.identity.session(req.cookies.get("identity_session"), "verified");
  if (!session) return page("Xiaomi Account", "This verification is not finished.");
  session.state = "done";
  const token = ctx.identity.startFinish(session.userId);
  const end = `https://account.xiaomi.com/pass/serviceLoginAuth2/end?${new URLSearchParams({ _authenticationToken: token, sid: "xiaomiio" })}`;
  if (ctx.store.config.verificationFinish === "skip") {
    const skip = new URLSearchParams({ skipUrl: end });
    return reply(302, "", "text/plain", {
      location: `https://account.xiaomi.com/fe/service/identity/confirm?${skip}`,
    });
  }
  return reply(302, "", "text/plain", { location: end });
}

/** serviceLoginAuth2/end: the login cookies, ssecurity in Extension-Pragma, and on to sts. */
function loginEnd(ctx: SimContext, req: SimRequest): Reply {
  const token = req.query.get("_authenticationToken") ?? "";
  const finish = ctx.identity.finish(token);
  if (!finish) return page("Xiaomi Account", "This link has expired.");
  if (ctx.store.config.verificationFinish === "tips" && !finish.tipsShown) {
    finish.tipsShown = true;
    return page("Xiaomi Account - Tips", "Your account is being verified. Continue to sign in.");
  }
  ctx.identity.endFinish(token);
  const grant = ctx.auth.grant(finish.userId);
  return reply(302, "", "text/plain", {
    location: grant.location,
    "set-cookie": grantCookies(ctx.store.config, grant),
    "extension-pragma": JSON.stringify({
      ssecurity: grant.ssecurity,
      nonce: Number(grant.nonce),
      psecurity: grant.psecurity,
    }),
  });
}

export function handleIdentity(ctx: SimContext, req: SimRequest): Reply | undefined {
  switch (req.path) {
    case "/fe/service/identity/authStart":
    case "/identity/authStart":
      return page("Verify", "Verify your identity in the Mi Home app.");
    case "/fe/service/identity/confirm":
      return page("Xiaomi Account", "Confirm your phone number, or skip.");
    case "/identity/list":
      return identityList(ctx, req);
    case "/identity/result/check":
      return resultCheck(ctx, req);
    case "/pass/serviceLoginAuth2/end":
      return loginEnd(ctx, req);
    default:
      break;
  }
  const method = METHOD_OF_PATH[req.path];
  if (method === undefined) return undefined;
  const session = ctx.identity.session(req.cookies.get("identity_session"));
  const account = session && ctx.store.account(session.userId);
  if (!session || !account) return sessionGone();
  const ways = accepted(ctx, account);
  if (ctx.store.config.identityNarrowsOptions && !ways.includes(method)) return refuseMethod(ways);
  const target = method === "phone" ? account.phone : account.email;
  if (target === undefined) return sessionGone();

  if (req.path.includes("/send")) return sendTicket(ctx, req, session, method, target);
  if (req.method !== "POST") {
    const key = method === "phone" ? "maskedPhone" : "maskedEmail";
    return passportReply({ code: 0, [key]: mask(method, target) });
  }
  const ticket = formOf(req).get("ticket")?.trim();
  if (session.method !== method || session.code === undefined || ticket !== session.code) {
    return passportReply({ code: 70014, desc: "verification code wrong" });
  }
  return verified(ctx, session);
}
