// The passport variants: settings that make the simulator answer as the real passport
// was seen to, where that differs from the plain flow (docs/simulator.md).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SEED_USERS } from "../../simulator/src/state/seed.ts";
import { cookiesOf, md5Upper, type Session } from "./client.ts";
import { useSimulator } from "./harness.ts";

const h = useSimulator();
type Json = Record<string, unknown>;
const PREFIX = "&&&START&&&";

interface OutboxEntry {
  kind: string;
  ick?: string;
  code: string;
  method?: string;
}

const parse = (text: string): Json => JSON.parse(text.slice(PREFIX.length)) as Json;

async function step2(user: string, password: string, extra: Record<string, string> = {}, cookies = {}) {
  const step1 = await h.client.passport("/pass/serviceLogin?sid=xiaomiio&_json=true");
  return h.client.passport("/pass/serviceLoginAuth2", {
    cookies,
    form: {
      user,
      hash: md5Upper(password),
      sid: "xiaomiio",
      callback: String(step1.json["callback"]),
      qs: String(step1.json["qs"]),
      _sign: String(step1.json["_sign"]),
      _json: "true",
      ...extra,
    },
  });
}

/** Load a captcha picture; its ick cookie and the answer the outbox knows. */
async function solveCaptcha(url: string): Promise<{ ick: string; code: string }> {
  const image = await h.client.http(`${h.client.base}/account.xiaomi.com${url}`);
  const ick = cookiesOf(image.headers)["ick"] ?? "";
  const entries = await h.client.control<OutboxEntry[]>("outbox?kind=captcha");
  return { ick, code: entries.find((entry) => entry.ick === ick)?.code ?? "" };
}

/** Password step for the verify account, then identity/list: the identity_session cookie. */
async function openIdentity(): Promise<{ cookies: Record<string, string>; listed: Json; step2: Json }> {
  const answer = await step2("verify@example.com", "verify-demo-password");
  const notification = String(answer.json["notificationUrl"]);
  const list = await h.client.http(
    notification.replace(/\/(fe\/service\/)?identity\/authStart/, "/identity/list"),
  );
  const session = cookiesOf(list.headers)["identity_session"] ?? "";
  return { cookies: { identity_session: session }, listed: parse(list.text), step2: answer.json };
}

const sendPhoneTicket = (cookies: Record<string, string>, icode = "") =>
  h.client.passport("/identity/auth/sendPhoneTicket", {
    cookies,
    form: { icode, retry: "0", _json: "true" },
  });

async function latestCode(): Promise<string> {
  const sent = await h.client.control<OutboxEntry[]>(`outbox?kind=verification&userId=${SEED_USERS.verify}`);
  return sent.at(-1)?.code ?? "";
}

/** Send a code by phone and answer it: the JSON of the POST verifyPhone. */
async function verifyByPhone(cookies: Record<string, string>): Promise<Json> {
  assert.equal((await sendPhoneTicket(cookies)).json["code"], 0);
  const right = await h.client.passport("/identity/auth/verifyPhone?_dc=1", {
    cookies,
    form: { _flag: "4", ticket: await latestCode(), trust: "false", _json: "true" },
  });
  return right.json;
}

async function probe(session: Session): Promise<number> {
  return (await h.client.rawCall(session, "cn", "/v2/message/v2/check_new_msg", { begin_at: 0 })).status;
}

describe("settings of other types", () => {
  it("takes booleans and named choices, and refuses the wrong type or an unknown name", async () => {
    const config = await h.client.control("config", {
      wrongPasswordCaptcha: true,
      verificationFinish: "tips",
    });
    assert.equal(config["wrongPasswordCaptcha"], true);
    assert.equal(config["verificationFinish"], "tips");
    await assert.rejects(h.client.control("config", { wrongPasswordCaptcha: 1 }), /expected true or false/);
    await assert.rejects(h.client.control("config", { verificationFinish: "later" }), /one of direct, chain/);
    await assert.rejects(h.client.control("config", { codeSendLimit: "3" }), /expected a number >= 0/);
    await h.client.control("reset", {});
    assert.equal((await h.client.control("config"))["verificationFinish"], "direct");
  });
});

describe("wrongPasswordCaptcha", () => {
  it("off: a wrong password answers 70016 with captchaUrl null", async () => {
    const { json } = await step2("owner@example.com", "wrong");
    assert.equal(json["code"], 70016);
    assert.equal(json["captchaUrl"], null);
    assert.equal((await step2("owner@example.com", "owner-demo-password")).json["code"], 0);
  });

  it("on: 70016 comes with a captcha, and the next try needs it", async () => {
    await h.client.control("config", { wrongPasswordCaptcha: true });
    const wrong = await step2("owner@example.com", "wrong");
    assert.equal(wrong.json["code"], 70016);
    assert.ok(wrong.json["_sign"]);
    const captcha = await solveCaptcha(String(wrong.json["captchaUrl"]));
    assert.equal((await step2("owner@example.com", "owner-demo-password")).json["code"], 87001);
    const right = await step2(
      "owner@example.com",
      "owner-demo-password",
      { captCode: captcha.code },
      { ick: captcha.ick },
    );
    assert.equal(right.json["code"], 0);
  });
});

describe("verificationMarker", () => {
  it('securityStatus: code 0 with location "", securityStatus 16 and an /identity/authStart link', async () => {
    await h.client.control("config", { verificationMarker: "securityStatus" });
    const { step2: answer, listed } = await openIdentity();
    assert.equal(answer["code"], 0);
    assert.equal(answer["location"], "");
    assert.equal(answer["securityStatus"], 16);
    assert.equal(answer["captchaUrl"], null);
    assert.match(String(answer["notificationUrl"]), /^https:\/\/account\.xiaomi\.com\/identity\/authStart\?/);
    assert.deepEqual(listed["options"], [4, 8]);
  });
});

describe("sendTicketCaptcha and codeSendLimit", () => {
  it("sending a code first needs a captcha; a wrong one brings a new picture", async () => {
    await h.client.control("config", { sendTicketCaptcha: true });
    const { cookies } = await openIdentity();
    const first = await sendPhoneTicket(cookies);
    assert.equal(first.json["code"], 87001);
    const captcha = await solveCaptcha(String(first.json["captchaURL"]));
    const wrong = await sendPhoneTicket({ ...cookies, ick: captcha.ick }, "00000x");
    assert.equal(wrong.json["code"], 87001);
    assert.notEqual(wrong.json["captchaURL"], first.json["captchaURL"]);
    const second = await solveCaptcha(String(wrong.json["captchaURL"]));
    assert.equal((await sendPhoneTicket({ ...cookies, ick: second.ick }, second.code)).json["code"], 0);
    assert.match(await latestCode(), /^\d{6}$/);
  });

  it("after codeSendLimit codes in a day, sending answers 70022 until the day is over", async () => {
    await h.client.control("config", { codeSendLimit: 2 });
    const { cookies } = await openIdentity();
    assert.equal((await sendPhoneTicket(cookies)).json["code"], 0);
    assert.equal((await sendPhoneTicket(cookies)).json["code"], 0);
    assert.equal((await sendPhoneTicket(cookies)).json["code"], 70022);
    await h.client.control("clock/advance", { seconds: 86_401 });
    assert.equal((await sendPhoneTicket(cookies)).json["code"], 0);
  });
});

describe("identityNarrowsOptions", () => {
  it("lists phone and email but refuses email with code 2 and the options it accepts", async () => {
    await h.client.control("config", { identityNarrowsOptions: true });
    const { cookies, listed } = await openIdentity();
    assert.deepEqual(listed["options"], [4, 8]);
    for (const call of [
      h.client.passport("/identity/auth/verifyEmail?_flag=8&_json=true", { cookies }),
      h.client.passport("/identity/auth/sendEmailTicket", { cookies, form: { icode: "", retry: "0" } }),
    ]) {
      const { json } = await call;
      assert.equal(json["code"], 2);
      assert.deepEqual(json["options"], [4]);
      assert.equal(json["flag"], 4);
    }
    assert.equal((await verifyByPhone(cookies))["code"], 0);
  });
});

describe("verificationFinish", () => {
  /** Follow redirects by hand from a location, as a client would; every answer on the way. */
  async function walk(location: string, cookies: Record<string, string>) {
    const hops: { url: string; status: number; headers: Headers; text: string }[] = [];
    let url = location;
    for (let i = 0; i < 8; i += 1) {
      const answer = await h.client.http(url, { cookies });
      hops.push({ url, ...answer });
      const next = answer.headers.get("location");
      if (next === null) break;
      url = new URL(next, url).toString();
    }
    return hops;
  }

  it("direct: the right code answers the sts location and sets the login cookies", async () => {
    const { cookies } = await openIdentity();
    const json = await verifyByPhone(cookies);
    assert.match(String(json["location"]), /^https:\/\/sts\.api\.io\.mi\.com\/sts\?/);
  });

  for (const finish of ["chain", "tips", "skip"] as const) {
    it(`${finish}: result/check, then serviceLoginAuth2/end with ssecurity and cookies, then sts`, async () => {
      await h.client.control("config", { verificationFinish: finish });
      const { cookies } = await openIdentity();
      const json = await verifyByPhone(cookies);
      assert.match(String(json["location"]), /^https:\/\/account\.xiaomi\.com\/identity\/result\/check\?/);

      let hops = await walk(String(json["location"]), cookies);
      if (finish === "skip") {
        const last = hops.at(-1);
        assert.equal(last?.status, 200);
        const skipUrl = new URL(last?.url ?? "").searchParams.get("skipUrl") ?? "";
        assert.match(new URL(last?.url ?? "").pathname, /^\/fe\//);
        hops = await walk(skipUrl, cookies);
      }
      if (finish === "tips") {
        const tips = hops.at(-1);
        assert.equal(tips?.status, 200);
        assert.match(tips?.text ?? "", /<title>Xiaomi Account - Tips<\/title>/);
        hops = await walk(tips?.url ?? "", cookies);
      }
      const end = hops.find((hop) => hop.url.includes("/pass/serviceLoginAuth2/end"));
      assert.equal(end?.status, 302);
      const pragma = JSON.parse(end?.headers.get("extension-pragma") ?? "{}") as Json;
      const passToken = cookiesOf(end?.headers ?? new Headers())["passToken"] ?? "";
      assert.ok(passToken);
      const sts = hops.at(-1);
      assert.match(sts?.url ?? "", /\/sts\.api\.io\.mi\.com\/sts\?/);
      const session: Session = {
        userId: SEED_USERS.verify,
        ssecurity: String(pragma["ssecurity"]),
        serviceToken: cookiesOf(sts?.headers ?? new Headers())["serviceToken"] ?? "",
        passToken,
      };
      assert.equal(await probe(session), 200);
      // Each finish works once.
      const again = await h.client.http(end?.url ?? "");
      assert.equal(again.status, 200);
    });
  }

  it("result/check without a verified session answers a page, not a redirect", async () => {
    await h.client.control("config", { verificationFinish: "chain" });
    const answer = await h.client.http(
      `${h.client.base}/account.xiaomi.com/identity/result/check?sid=xiaomiio`,
    );
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get("location"), null);
  });
});

describe("qrPoll", () => {
  async function startQr(): Promise<Json> {
    const step1 = await h.client.passport("/pass/serviceLogin?sid=xiaomiio&_json=true");
    const query = new URL(String(step1.json["location"])).searchParams;
    return (await h.client.passport(`/longPolling/loginUrl?${query.toString()}`)).json;
  }

  it("lp: polls live on c3.lp.account.xiaomi.com and say neither success nor expiry until a scan", async () => {
    await h.client.control("config", { qrPoll: "lp", qrHoldSeconds: 0.05 });
    const qr = await startQr();
    const lp = String(qr["lp"]);
    assert.match(lp, /^https:\/\/c3\.lp\.account\.xiaomi\.com\/lp\/s\?k=/);
    const first = await h.client.http(lp);
    assert.equal(first.status, 504);
    const second = await h.client.http(lp);
    assert.equal(second.status, 200);
    assert.equal(parse(second.text)["code"], 700);
    const waiting = h.client.http(lp);
    await h.client.control("qr/scan", { userId: SEED_USERS.family });
    const scanned = parse((await waiting).text);
    assert.equal(scanned["code"], 0);
    assert.equal(String(scanned["userId"]), SEED_USERS.family);
    // Only the poll lives on the lp host.
    const other = await h.client.http(`${h.client.base}/c3.lp.account.xiaomi.com/pass/serviceLogin`);
    assert.equal(other.status, 404);
  });
});

describe("passTokenRotation", () => {
  async function refresh(session: Session): Promise<{ json: Json; headers: Headers }> {
    return h.client.passport("/pass/serviceLogin?sid=xiaomiio&_json=true", {
      cookies: { userId: session.userId, passToken: session.passToken },
    });
  }

  for (const rotation of ["body", "cookie"] as const) {
    it(`${rotation}: a refresh hands out a new passToken, marks the old one, and retires it`, async () => {
      const session = await h.client.login("owner@example.com", "owner-demo-password");
      await h.client.control("config", { passTokenRotation: rotation });
      const { json, headers } = await refresh(session);
      assert.equal(json["code"], 0);
      assert.equal(headers.get("re-pass-token"), md5Upper(session.passToken));
      const fresh = rotation === "body" ? String(json["passToken"]) : (cookiesOf(headers)["passToken"] ?? "");
      assert.ok(fresh.startsWith("V1:"));
      assert.notEqual(fresh, session.passToken);
      if (rotation === "body") assert.equal(cookiesOf(headers)["passToken"], undefined);
      else assert.equal(json["passToken"], undefined);
      assert.equal((await refresh(session)).json["code"], 70016, "the old passToken is retired");
      assert.equal((await refresh({ ...session, passToken: fresh })).json["code"], 0);
    });
  }
});

describe("cookieScopes", () => {
  it("sets cookies with their real Domain and Path", async () => {
    await h.client.control("config", { cookieScopes: true });
    const { headers } = await step2("owner@example.com", "owner-demo-password");
    const passToken = headers.getSetCookie().find((line) => line.startsWith("passToken="));
    assert.match(passToken ?? "", /; Domain=\.xiaomi\.com; Path=\//);
    const list = await h.client.http(
      String((await step2("verify@example.com", "verify-demo-password")).json["notificationUrl"]).replace(
        "/fe/service/identity/authStart",
        "/identity/list",
      ),
    );
    const identity = list.headers.getSetCookie().find((line) => line.startsWith("identity_session="));
    assert.match(identity ?? "", /; Domain=account\.xiaomi\.com; Path=\/identity/);
  });

  it("refuses a cookie sent to a host family it does not belong to", async () => {
    await h.client.control("config", { cookieScopes: true });
    const { json } = await step2("owner@example.com", "owner-demo-password");
    const location = String(json["location"]);
    const leaked = await h.client.http(location, { cookies: { passToken: String(json["passToken"]) } });
    assert.equal(leaked.status, 400);
    assert.match(leaked.text, /passToken does not belong to sts\.api\.io\.mi\.com/);
    const minted = await h.client.http(location, { cookies: { userId: SEED_USERS.owner } });
    assert.equal(minted.status, 200);
    const service = await h.client.http(
      `${h.client.base}/account.xiaomi.com/pass/serviceLogin?sid=xiaomiio`,
      {
        cookies: { serviceToken: "x" },
      },
    );
    assert.equal(service.status, 400);
    const outsidePath = await h.client.http(
      `${h.client.base}/account.xiaomi.com/pass/serviceLogin?sid=xiaomiio`,
      {
        cookies: { identity_session: "x" },
      },
    );
    assert.equal(outsidePath.status, 400);
  });
});
