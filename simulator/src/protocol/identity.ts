// The verification step after a password login: pick phone or email, have a code
// sent, type it in (brief §2.3). The codes "sent" appear in the outbox.
import { formOf, reply, setCookie, type Reply, type SimRequest } from "../http.ts";
import type { SimContext } from "../context.ts";
import type { VerifyMethod } from "../state/model.ts";
import { randomDigits, randomId } from "./crypto.ts";
import { grantCookies, grantFields, passportReply } from "./passport-reply.ts";

const FLAGS: Record<VerifyMethod, number> = { phone: 4, email: 8 };

interface IdentitySession {
  userId: string;
  method?: VerifyMethod;
  code?: string;
  done: boolean;
}

export class IdentityFlows {
  private contexts = new Map<string, string>();
  private sessions = new Map<string, IdentitySession>();

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
    this.sessions.set(id, { userId, done: false });
    return id;
  }

  session(id: string | undefined): IdentitySession | undefined {
    const session = id === undefined ? undefined : this.sessions.get(id);
    return session && !session.done ? session : undefined;
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

export function handleIdentity(ctx: SimContext, req: SimRequest): Reply | undefined {
  if (req.path === "/fe/service/identity/authStart") {
    return reply(
      200,
      "<!doctype html><title>Verify</title><p>Verify your identity in the Mi Home app.</p>",
      "text/html",
    );
  }
  if (req.path === "/identity/list") {
    const id = ctx.identity.open(req.query.get("context") ?? "");
    const account = id === undefined ? undefined : ctx.store.account(ctx.identity.session(id)?.userId ?? "");
    if (id === undefined || !account) return sessionGone();
    const methods = (account.verifyMethods ?? ["phone", "email"]).filter((m) =>
      m === "phone" ? account.phone : account.email,
    );
    const options = methods.map((m) => FLAGS[m]);
    return passportReply(
      { code: 0, flag: options[0] ?? 0, options },
      { "set-cookie": setCookie("identity_session", id) },
    );
  }
  const method = METHOD_OF_PATH[req.path];
  if (method === undefined) return undefined;
  const session = ctx.identity.session(req.cookies.get("identity_session"));
  const account = session && ctx.store.account(session.userId);
  const target = method === "phone" ? account?.phone : account?.email;
  if (!session || !account || target === undefined) return sessionGone();

  if (req.path.includes("/send")) {
    session.method = method;
    session.code = randomDigits(6);
    ctx.outbox.add({
      at: ctx.clock.now(),
      kind: "verification",
      userId: account.userId,
      method,
      to: target,
      code: session.code,
    });
    return passportReply({ code: 0 });
  }
  if (req.method !== "POST") {
    const key = method === "phone" ? "maskedPhone" : "maskedEmail";
    return passportReply({ code: 0, [key]: mask(method, target) });
  }
  const ticket = formOf(req).get("ticket")?.trim();
  if (session.method !== method || session.code === undefined || ticket !== session.code) {
    return passportReply({ code: 70014, desc: "verification code wrong" });
  }
  session.done = true;
  const grant = ctx.auth.grant(account.userId);
  const { location } = grantFields(grant);
  return passportReply({ code: 0, location }, { "set-cookie": grantCookies(grant) });
}
