// account.xiaomi.com: password login (steps 1 and 2), captcha images, passToken refresh.
import { formOf, reply, type Reply, type SimRequest } from "../http.ts";
import type { SimContext } from "../context.ts";
import { captchaUrl } from "./captcha.ts";
import { scopedCookie } from "./cookie-scope.ts";
import { passwordHash, randomId } from "./crypto.ts";
import { handleIdentity } from "./identity.ts";
import { digitsPng } from "./png.ts";
import { grantCookies, grantFields, passportReply } from "./passport-reply.ts";
import { handleQrLogin, handleQrPollHost } from "./qr-login.ts";

export const PassportCode = {
  ok: 0,
  badCredentials: 70016,
  blocked: 70022,
  captcha: 87001,
  wrongVerificationCode: 70014,
} as const;

const STS_CALLBACK = "https://sts.api.io.mi.com/sts";
export const ACCOUNT_HOST = "account.xiaomi.com";

/** The fields step 1 hands out for step 2 (and a failed step 2 hands out again). */
function signFields(sid: string): Record<string, string> {
  return {
    sid,
    _sign: `2&V1_passport&${randomId(20)}`,
    qs: encodeURIComponent(`?sid=${sid}&_json=true`),
    callback: STS_CALLBACK,
  };
}

/** A refusal of the passport in the shape real ones have (test/vectors/real/passport-*). */
function refusal(code: number, desc: string, fields: Record<string, unknown>): Reply {
  return passportReply({
    code,
    desc,
    description: desc,
    result: "error",
    securityStatus: 0,
    pwd: 0,
    child: 0,
    location: "",
    captchaUrl: null,
    ...fields,
  });
}

/** Step 1: with a good passToken the user is logged in at once; otherwise the fields for step 2. */
function serviceLogin(ctx: SimContext, req: SimRequest): Reply {
  const sid = req.query.get("sid") ?? "xiaomiio";
  const userId = req.cookies.get("userId") ?? "";
  const passToken = req.cookies.get("passToken");
  if (passToken !== undefined) {
    if (ctx.auth.usePassToken(userId, passToken)) return passTokenLogin(ctx, userId, passToken);
    // A dead passToken: no credentials and no location, so the client knows to log in anew.
    return passportReply({ code: PassportCode.badCredentials, desc: "登录验证失败", ...signFields(sid) });
  }
  const sign = signFields(sid);
  const serviceParam = '{"checkSafePhone":false,"checkSafeAddress":false}';
  const page = new URLSearchParams({ _json: "true", ...sign, serviceParam });
  return refusal(PassportCode.badCredentials, "登录验证失败", {
    ...sign,
    serviceParam,
    location: `https://account.xiaomi.com/fe/service/login?${page.toString()}`,
  });
}

/**
 * A login by passToken. With `passTokenRotation` on, a new passToken replaces the old
 * one; it travels in the body or as a cookie, and the `re-pass-token` header carries
 * the upper-case MD5 of the token it replaces (as the Mi Home app's account SDK reads it).
 */
function passTokenLogin(ctx: SimContext, userId: string, passToken: string): Reply {
  const rotation = ctx.store.config.passTokenRotation;
  if (rotation === "off") {
    const grant = ctx.auth.grant(userId, passToken);
    return passportReply(grantFields(grant), { "set-cookie": grantCookies(ctx.store.config, grant) });
  }
  const grant = ctx.auth.grant(userId, ctx.auth.rotatePassToken(userId, passToken));
  const { passToken: fresh, ...fields } = grantFields(grant);
  return passportReply(rotation === "body" ? { ...fields, passToken: fresh } : fields, {
    "set-cookie": grantCookies(ctx.store.config, grant, rotation === "cookie"),
    "re-pass-token": passwordHash(passToken),
  });
}

/** Step 2: user + uppercase MD5 of the password, with captcha and verification branches. */
function serviceLoginAuth2(ctx: SimContext, req: SimRequest): Reply {
  const fields = new URLSearchParams(req.query);
  for (const [key, value] of formOf(req)) fields.set(key, value);
  const sid = fields.get("sid") ?? "xiaomiio";
  const account = ctx.store.findAccount(fields.get("user") ?? "");
  const fail = (captcha: string | null = null): Reply =>
    refusal(PassportCode.badCredentials, "登录验证失败", { ...signFields(sid), captchaUrl: captcha });
  // Real 87001 answers hand out no new sign (empty _sign and qs).
  const needCaptcha = (desc: string): Reply =>
    refusal(PassportCode.captcha, desc, {
      sid,
      _sign: "",
      qs: "",
      callback: STS_CALLBACK,
      captchaUrl: captchaUrl(),
    });
  if (!account) return fail();
  if (ctx.auth.isBlocked(account.userId)) {
    return passportReply({ code: PassportCode.blocked, desc: "too many attempts, try later" });
  }
  if (account.loginChallenge === "captcha" || ctx.auth.wantsCaptcha(account.userId)) {
    const answer = fields.get("captCode");
    if (answer === null) return needCaptcha("captcha required");
    if (!ctx.captchas.solve(req.cookies.get("ick"), answer)) return needCaptcha("验证码输入错误");
    ctx.auth.captchaSolved(account.userId);
  }
  if (fields.get("hash") !== passwordHash(account.password)) {
    ctx.auth.recordFailure(account.userId);
    if (!ctx.store.config.wrongPasswordCaptcha) return fail();
    // A wrong password, and a captcha for the next try (the Mi Home app's reading of 70016).
    ctx.auth.captchaNext.add(account.userId);
    return fail(captchaUrl());
  }
  if (account.loginChallenge === "verification") return verificationNeeded(ctx, account.userId, sid);
  const grant = ctx.auth.grant(account.userId);
  return passportReply(grantFields(grant), { "set-cookie": grantCookies(ctx.store.config, grant) });
}

/** Step 2 of an account that must confirm a code: the plain body, or the one real clients logged. */
function verificationNeeded(ctx: SimContext, userId: string, sid: string): Reply {
  const context = ctx.identity.begin(userId);
  if (ctx.store.config.verificationMarker === "securityStatus") {
    const query = new URLSearchParams({ sid: "passport", context, _locale: "en_US" });
    return passportReply({
      notificationUrl: `https://account.xiaomi.com/identity/authStart?${query.toString()}`,
      result: "ok",
      code: PassportCode.ok,
      captchaUrl: null,
      description: "成功",
      location: "",
      securityStatus: 16,
      pwd: 0,
      child: 0,
      desc: "成功",
    });
  }
  const query = new URLSearchParams({ sid, context, _locale: "en_US" });
  return passportReply({
    code: PassportCode.ok,
    securityStatus: 16,
    notificationUrl: `https://account.xiaomi.com/fe/service/identity/authStart?${query.toString()}`,
  });
}

/** The captcha picture; its answer goes to the outbox, keyed by the ick cookie. */
function getCode(ctx: SimContext): Reply {
  const { ick, answer } = ctx.captchas.create();
  ctx.outbox.add({ at: ctx.clock.now(), kind: "captcha", ick, code: answer });
  return reply(200, digitsPng(answer), "image/png", {
    "set-cookie": scopedCookie(ctx.store.config, "ick", ick, "host"),
  });
}

export async function handlePassport(ctx: SimContext, req: SimRequest): Promise<Reply | undefined> {
  if (req.host !== ACCOUNT_HOST) return handleQrPollHost(ctx, req);
  if (req.path === "/pass/serviceLogin") return serviceLogin(ctx, req);
  if (req.path === "/pass/serviceLoginAuth2" && req.method === "POST") return serviceLoginAuth2(ctx, req);
  if (req.path === "/pass/getCode") return getCode(ctx);
  if (req.path.startsWith("/longPolling/")) return handleQrLogin(ctx, req);
  return handleIdentity(ctx, req);
}
