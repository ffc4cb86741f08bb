// account.xiaomi.com: password login (steps 1 and 2), captcha images, passToken refresh.
import { formOf, reply, setCookie, type Reply, type SimRequest } from "../http.ts";
import type { SimContext } from "../context.ts";
import { captchaUrl } from "./captcha.ts";
import { passwordHash, randomId } from "./crypto.ts";
import { handleIdentity } from "./identity.ts";
import { digitsPng } from "./png.ts";
import { grantCookies, grantFields, passportReply } from "./passport-reply.ts";
import { handleQrLogin } from "./qr-login.ts";

export const PassportCode = {
  ok: 0,
  badCredentials: 70016,
  blocked: 70022,
  captcha: 87001,
  wrongVerificationCode: 70014,
} as const;

const STS_CALLBACK = "https://sts.api.io.mi.com/sts";

/** The fields step 1 hands out for step 2. */
function signFields(sid: string): Record<string, string> {
  return {
    sid,
    _sign: `2&V1_passport&${randomId(20)}`,
    qs: encodeURIComponent(`?sid=${sid}&_json=true`),
    callback: STS_CALLBACK,
  };
}

/** Step 1: with a good passToken the user is logged in at once; otherwise the fields for step 2. */
function serviceLogin(ctx: SimContext, req: SimRequest): Reply {
  const sid = req.query.get("sid") ?? "xiaomiio";
  const userId = req.cookies.get("userId") ?? "";
  const passToken = req.cookies.get("passToken");
  if (passToken !== undefined) {
    if (ctx.auth.usePassToken(userId, passToken)) {
      const grant = ctx.auth.grant(userId, passToken);
      return passportReply(grantFields(grant), { "set-cookie": grantCookies(grant) });
    }
    // A dead passToken: no credentials and no location, so the client knows to log in anew.
    return passportReply({ code: PassportCode.badCredentials, desc: "登录验证失败", ...signFields(sid) });
  }
  const sign = signFields(sid);
  const page = new URLSearchParams({ _json: "true", ...sign, serviceParam: '{"checkSafePhone":false}' });
  return passportReply({
    code: PassportCode.badCredentials,
    desc: "登录验证失败",
    ...sign,
    location: `https://account.xiaomi.com/fe/service/login?${page.toString()}`,
  });
}

/** Step 2: user + uppercase MD5 of the password, with captcha and verification branches. */
function serviceLoginAuth2(ctx: SimContext, req: SimRequest): Reply {
  const fields = new URLSearchParams(req.query);
  for (const [key, value] of formOf(req)) fields.set(key, value);
  const account = ctx.store.findAccount(fields.get("user") ?? "");
  const fail = (): Reply => passportReply({ code: PassportCode.badCredentials, desc: "登录验证失败" });
  if (!account) return fail();
  if (ctx.auth.isBlocked(account.userId)) {
    return passportReply({ code: PassportCode.blocked, desc: "too many attempts, try later" });
  }
  if (account.loginChallenge === "captcha" || ctx.auth.wantsCaptcha(account.userId)) {
    const answer = fields.get("captCode");
    if (answer === null) {
      return passportReply({
        code: PassportCode.captcha,
        desc: "captcha required",
        captchaUrl: captchaUrl(),
      });
    }
    if (!ctx.captchas.solve(req.cookies.get("ick"), answer)) {
      return passportReply({ code: PassportCode.captcha, desc: "验证码输入错误", captchaUrl: captchaUrl() });
    }
    ctx.auth.captchaSolved(account.userId);
  }
  if (fields.get("hash") !== passwordHash(account.password)) {
    ctx.auth.recordFailure(account.userId);
    return fail();
  }
  if (account.loginChallenge === "verification") {
    const context = ctx.identity.begin(account.userId);
    const query = new URLSearchParams({ sid: fields.get("sid") ?? "xiaomiio", context, _locale: "en_US" });
    return passportReply({
      code: PassportCode.ok,
      securityStatus: 16,
      notificationUrl: `https://account.xiaomi.com/fe/service/identity/authStart?${query.toString()}`,
    });
  }
  const grant = ctx.auth.grant(account.userId);
  return passportReply(grantFields(grant), { "set-cookie": grantCookies(grant) });
}

/** The captcha picture; its answer goes to the outbox, keyed by the ick cookie. */
function getCode(ctx: SimContext): Reply {
  const { ick, answer } = ctx.captchas.create();
  ctx.outbox.add({ at: ctx.clock.now(), kind: "captcha", ick, code: answer });
  return reply(200, digitsPng(answer), "image/png", { "set-cookie": setCookie("ick", ick) });
}

export async function handlePassport(ctx: SimContext, req: SimRequest): Promise<Reply | undefined> {
  if (req.path === "/pass/serviceLogin") return serviceLogin(ctx, req);
  if (req.path === "/pass/serviceLoginAuth2" && req.method === "POST") return serviceLoginAuth2(ctx, req);
  if (req.path === "/pass/getCode") return getCode(ctx);
  if (req.path.startsWith("/longPolling/")) return handleQrLogin(ctx, req);
  return handleIdentity(ctx, req);
}
