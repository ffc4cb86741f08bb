// Passport flows: password, wrong password and blocking, captcha, verification,
// passToken refresh and revocation, QR login, and the sts step.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SEED_USERS } from "../../simulator/src/state/seed.ts";
import { cookiesOf, md5Upper, type Session } from "./client.ts";
import { useSimulator } from "./harness.ts";

const h = useSimulator();
type Json = Record<string, unknown>;

async function step2(
  user: string,
  password: string,
  extra: Record<string, string> = {},
  cookies = {},
): Promise<Json> {
  const step1 = await h.client.passport("/pass/serviceLogin?sid=xiaomiio&_json=true");
  const answer = await h.client.passport("/pass/serviceLoginAuth2", {
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
  return answer.json;
}

async function probe(session: Session): Promise<number> {
  const answer = await h.client.rawCall(session, "cn", "/v2/message/v2/check_new_msg", { begin_at: 0 });
  return answer.status;
}

interface OutboxEntry {
  kind: string;
  ick?: string;
  code: string;
  method?: string;
}

describe("password login", () => {
  it("step 1 without a passToken hands out the fields for step 2 and a login page location", async () => {
    const { json } = await h.client.passport("/pass/serviceLogin?sid=xiaomiio&_json=true");
    assert.equal(json["code"], 70016);
    assert.equal(json["callback"], "https://sts.api.io.mi.com/sts");
    assert.equal(json["qs"], "%3Fsid%3Dxiaomiio%26_json%3Dtrue");
    assert.match(String(json["_sign"]), /.+/);
    assert.match(String(json["location"]), /^https:\/\/account\.xiaomi\.com\/fe\/service\/login\?/);
    assert.equal(json["ssecurity"], undefined);
  });

  it("logs in by email, phone or id and the serviceToken opens the app API", async () => {
    for (const user of ["owner@example.com", SEED_USERS.owner]) {
      const session = await h.client.login(user, "owner-demo-password");
      assert.equal(session.userId, SEED_USERS.owner);
      assert.equal(await probe(session), 200);
    }
    const grandma = await h.client.login("10000000042", "phone-demo-password");
    assert.equal(grandma.userId, SEED_USERS.byPhone);
  });

  it("answers every passport call with the &&&START&&& prefix and sets login cookies", async () => {
    const raw = await h.client.http(
      `${h.client.base}/account.xiaomi.com/pass/serviceLogin?sid=xiaomiio&_json=true`,
    );
    assert.ok(raw.text.startsWith("&&&START&&&{"));
    const json = await step2("owner@example.com", "owner-demo-password");
    assert.equal(json["code"], 0);
    assert.ok(String(json["passToken"]).startsWith("V1:"));
    assert.ok(Buffer.from(String(json["ssecurity"]), "base64").length === 16);
  });

  it("answers 70016 for a wrong password and 70022 after five in ten minutes", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      assert.equal((await step2("owner@example.com", "wrong"))["code"], 70016);
    }
    assert.equal((await step2("owner@example.com", "owner-demo-password"))["code"], 70022);
    await h.client.control("clock/advance", { seconds: 601 });
    assert.equal((await step2("owner@example.com", "owner-demo-password"))["code"], 0);
  });

  it("answers 70016 for an unknown user", async () => {
    assert.equal((await step2("nobody@example.com", "x"))["code"], 70016);
  });
});

describe("captcha", () => {
  it("asks for a captcha, refuses a wrong answer with a fresh image, accepts the right one", async () => {
    const first = await step2("captcha@example.com", "captcha-demo-password");
    assert.equal(first["code"], 87001);
    assert.match(String(first["captchaUrl"]), /^\/pass\/getCode\?icodeType=login&/);

    const image = await h.client.http(`${h.client.base}/account.xiaomi.com${String(first["captchaUrl"])}`);
    assert.equal(image.headers.get("content-type"), "image/png");
    const ick = cookiesOf(image.headers)["ick"] ?? "";
    assert.ok(ick);
    const outbox = await h.client.control<OutboxEntry[]>("outbox?kind=captcha");
    const answer = outbox.find((entry) => entry.ick === ick)?.code ?? "";
    assert.match(answer, /^\d{5}$/);

    const wrong = await step2(
      "captcha@example.com",
      "captcha-demo-password",
      { captCode: "00000x" },
      { ick },
    );
    assert.equal(wrong["code"], 87001);
    assert.notEqual(wrong["captchaUrl"], first["captchaUrl"]);

    const image2 = await h.client.http(`${h.client.base}/account.xiaomi.com${String(wrong["captchaUrl"])}`);
    const ick2 = cookiesOf(image2.headers)["ick"] ?? "";
    const [latest] = (await h.client.control<OutboxEntry[]>("outbox?kind=captcha")).filter(
      (e) => e.ick === ick2,
    );
    const right = await step2(
      "captcha@example.com",
      "captcha-demo-password",
      { captCode: latest?.code ?? "" },
      { ick: ick2 },
    );
    assert.equal(right["code"], 0);
    assert.equal(String(right["userId"]), SEED_USERS.captcha);
  });

  it("demands a captcha once for any account after captcha/next", async () => {
    await h.client.control("captcha/next", { userId: SEED_USERS.owner });
    assert.equal((await step2("owner@example.com", "owner-demo-password"))["code"], 87001);
    assert.equal((await step2("family@example.com", "family-demo-password"))["code"], 0, "others unaffected");
  });
});

describe("verification", () => {
  for (const [method, flag, path] of [
    ["phone", 4, "Phone"],
    ["email", 8, "Email"],
  ] as const) {
    it(`verifies by ${method} and mints a serviceToken with ssecurity in Extension-Pragma`, async () => {
      const answer = await step2("verify@example.com", "verify-demo-password");
      assert.equal(answer["code"], 0);
      assert.equal(answer["location"], undefined);
      const notification = String(answer["notificationUrl"]);
      assert.match(notification, /^https:\/\/account\.xiaomi\.com\/fe\/service\/identity\/authStart\?/);

      const listUrl = notification.replace("/fe/service/identity/authStart", "/identity/list");
      const list = await h.client.http(listUrl);
      const session = cookiesOf(list.headers)["identity_session"] ?? "";
      const listed = JSON.parse(list.text.slice("&&&START&&&".length)) as Json;
      assert.deepEqual(listed["options"], [4, 8]);
      const cookies = { identity_session: session };

      const masked = await h.client.passport(`/identity/auth/verify${path}?_flag=${flag}&_json=true`, {
        cookies,
      });
      assert.match(String(masked.json[`masked${path}`]), /\*/);
      assert.equal(
        (
          await h.client.passport(`/identity/auth/send${path}Ticket`, {
            cookies,
            form: { icode: "", retry: "0", _json: "true" },
          })
        ).json["code"],
        0,
      );
      const sent = await h.client.control<OutboxEntry[]>(
        `outbox?kind=verification&userId=${SEED_USERS.verify}`,
      );
      const code = sent.at(-1);
      assert.equal(code?.method, method);

      const form = (ticket: string): Record<string, string> => ({
        _flag: String(flag),
        ticket,
        trust: "false",
        _json: "true",
      });
      const wrong = await h.client.passport(`/identity/auth/verify${path}?_dc=1`, {
        cookies,
        form: form("000000x"),
      });
      assert.equal(wrong.json["code"], 70014);
      const right = await h.client.passport(`/identity/auth/verify${path}?_dc=2`, {
        cookies,
        form: form(code?.code ?? ""),
      });
      assert.equal(right.json["code"], 0);
      assert.equal(cookiesOf(right.headers)["userId"], SEED_USERS.verify);
      assert.ok(cookiesOf(right.headers)["passToken"]);

      const minted = await h.client.mint(String(right.json["location"]));
      const pragma = JSON.parse(minted.headers.get("extension-pragma") ?? "{}") as Json;
      const ssecurity = String(pragma["ssecurity"]);
      const verified: Session = {
        userId: SEED_USERS.verify,
        ssecurity,
        serviceToken: minted.serviceToken,
        passToken: cookiesOf(right.headers)["passToken"] ?? "",
      };
      assert.equal(await probe(verified), 200);
    });
  }

  it("refuses identity calls without a session", async () => {
    const answer = await h.client.passport("/identity/auth/verifyPhone?_flag=4&_json=true");
    assert.notEqual(answer.json["code"], 0);
  });
});

describe("passToken", () => {
  async function refresh(session: Session): Promise<Json> {
    const { json } = await h.client.passport("/pass/serviceLogin?sid=xiaomiio&_json=true", {
      cookies: { userId: session.userId, passToken: session.passToken, deviceId: "sim-test-device" },
    });
    return json;
  }

  it("mints a new serviceToken without the password", async () => {
    const session = await h.client.login("owner@example.com", "owner-demo-password");
    const json = await refresh(session);
    assert.equal(json["code"], 0);
    const renewed = await h.client.sessionFrom(json);
    assert.notEqual(renewed.serviceToken, session.serviceToken);
    assert.equal(await probe(renewed), 200);
  });

  it("stops working when revoked: 70016 without a location", async () => {
    const session = await h.client.login("owner@example.com", "owner-demo-password");
    const { revoked } = await h.client.control<{ revoked: number }>("passtoken/revoke", {
      userId: SEED_USERS.owner,
    });
    assert.equal(revoked, 1);
    const json = await refresh(session);
    assert.equal(json["code"], 70016);
    assert.equal(json["location"], undefined);
    assert.equal(json["ssecurity"], undefined);
  });

  it("expires after 30 days unused, and each use renews it", async () => {
    const session = await h.client.login("owner@example.com", "owner-demo-password");
    await h.client.control("clock/advance", { seconds: 29 * 86_400 });
    assert.equal((await refresh(session))["code"], 0);
    await h.client.control("clock/advance", { seconds: 29 * 86_400 });
    assert.equal((await refresh(session))["code"], 0);
    await h.client.control("clock/advance", { seconds: 31 * 86_400 });
    assert.equal((await refresh(session))["code"], 70016);
  });

  it("is bound to its user id", async () => {
    const session = await h.client.login("owner@example.com", "owner-demo-password");
    assert.equal((await refresh({ ...session, userId: SEED_USERS.family }))["code"], 70016);
  });
});

describe("sts", () => {
  it("each location works once", async () => {
    const json = await step2("owner@example.com", "owner-demo-password");
    const first = await h.client.mint(String(json["location"]));
    assert.equal(first.status, 200);
    assert.ok(first.serviceToken);
    assert.equal((await h.client.mint(String(json["location"]))).status, 403);
  });
});

describe("QR login", () => {
  async function startQr(): Promise<Json> {
    const step1 = await h.client.passport("/pass/serviceLogin?sid=xiaomiio&_json=true");
    const query = new URL(String(step1.json["location"])).searchParams;
    query.set("theme", "");
    query.set("_qrsize", "240");
    const { json } = await h.client.passport(`/longPolling/loginUrl?${query.toString()}`);
    assert.equal(json["code"], 0);
    assert.equal(json["timeout"], 300);
    return json;
  }

  const poll = async (lp: string): Promise<Json> => {
    const answer = await h.client.http(String(lp));
    return JSON.parse(answer.text.slice("&&&START&&&".length)) as Json;
  };

  it("answers the long poll once the code is scanned, with a working login", async () => {
    const qr = await startQr();
    const waiting = poll(String(qr["lp"]));
    await h.client.control("qr/scan", { userId: SEED_USERS.family });
    const json = await waiting;
    assert.equal(json["code"], 0);
    assert.equal(String(json["userId"]), SEED_USERS.family);
    assert.ok(json["passToken"]);
    const session = await h.client.sessionFrom(json);
    assert.equal(await probe(session), 200);
  });

  it("answers 1 when the hold ends unscanned and 2 once expired", async () => {
    await h.client.control("config", { qrHoldSeconds: 0.1 });
    const qr = await startQr();
    assert.equal((await poll(String(qr["lp"])))["code"], 1);
    await h.client.control("clock/advance", { seconds: 301 });
    assert.equal((await poll(String(qr["lp"])))["code"], 2);
    await assert.rejects(h.client.control("qr/scan", { userId: SEED_USERS.family }), /no QR code is waiting/);
  });

  it("serves a QR picture and a confirm page", async () => {
    const qr = await startQr();
    const picture = await h.client.http(String(qr["qr"]));
    assert.equal(picture.headers.get("content-type"), "image/png");
    const page = await h.client.http(String(qr["loginUrl"]));
    assert.match(page.text, /Log in with this account\?/);
  });
});
