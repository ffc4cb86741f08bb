// Fault injection: latency, HTTP errors, timeouts, malformed bodies, token expiry.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { startSimulator as startInProcess } from "../../simulator/src/server.ts";
import { pathMatches } from "../../simulator/src/faults.ts";
import { decryptText, signedNonce } from "../../simulator/src/protocol/crypto.ts";
import { SEED_DEVICES, SEED_USERS } from "../../simulator/src/state/seed.ts";
import { startSimulator as startProcess } from "../../tools/lib/simulator-process.ts";
import { SimClient } from "./client.ts";
import { useSimulator } from "./harness.ts";

const h = useSimulator();
const LOGIN_URL = (): string =>
  `${h.client.base}/account.xiaomi.com/pass/serviceLogin?sid=xiaomiio&_json=true`;

describe("path matching", () => {
  it("matches equal, suffix and prefix-with-slash paths only", () => {
    assert.ok(pathMatches(undefined, "/api.io.mi.com/app/home/device_list"));
    assert.ok(pathMatches("/share/share_request", "/api.io.mi.com/app/share/share_request"));
    assert.ok(pathMatches("/de.api.io.mi.com", "/de.api.io.mi.com/app/home/device_list"));
    assert.ok(!pathMatches("/share/share_request", "/api.io.mi.com/app/share/share_request_batch"));
    assert.ok(!pathMatches("/de.api.io.mi.com", "/api.io.mi.com/app/home/device_list"));
  });
});

describe("faults", () => {
  it("delays answers by the latency asked", async () => {
    await h.client.control("faults", { kind: "latency", ms: 300, count: 1 });
    const started = performance.now();
    const answer = await h.client.http(LOGIN_URL());
    assert.ok(performance.now() - started >= 290);
    assert.ok(answer.text.startsWith("&&&START&&&"));
    const again = performance.now();
    await h.client.http(LOGIN_URL());
    assert.ok(performance.now() - again < 250, "count used up");
  });

  it("answers an HTTP error on the matching path for the given count, then recovers", async () => {
    const owner = await h.client.login("owner@example.com", "owner-demo-password");
    await h.client.control("faults", {
      kind: "status",
      status: 503,
      path: "/share/device_share_list",
      count: 2,
    });
    assert.equal(
      (await h.client.rawCall(owner, "cn", "/home/device_list", {})).status,
      200,
      "other paths untouched",
    );
    assert.equal((await h.client.rawCall(owner, "cn", "/share/device_share_list", {})).status, 503);
    const listed = await h.client.control<{ count: number }[]>("faults");
    assert.equal(listed[0]?.count, 1);
    assert.equal((await h.client.rawCall(owner, "cn", "/share/device_share_list", {})).status, 503);
    assert.equal((await h.client.rawCall(owner, "cn", "/share/device_share_list", {})).status, 200);
    assert.deepEqual(await h.client.control("faults"), []);
  });

  it("never answers a request hit by a timeout", async () => {
    await h.client.control("faults", {
      kind: "timeout",
      path: "/account.xiaomi.com/pass/serviceLogin",
      count: 1,
    });
    await assert.rejects(fetch(LOGIN_URL(), { signal: AbortSignal.timeout(300) }), /aborted/);
    const answer = await fetch(LOGIN_URL(), { signal: AbortSignal.timeout(2000) });
    assert.equal(answer.status, 200);
  });

  it("applies a request hit by reply_lost and then never answers it", async () => {
    const owner = await h.client.login("owner@example.com", "owner-demo-password");
    await h.client.control("faults", { kind: "reply_lost", path: "/share/share_request", count: 1 });
    const invite = { did: SEED_DEVICES.frontDoor, userid: SEED_USERS.family };
    await assert.rejects(
      h.client.rawCall(owner, "cn", "/share/share_request", invite, undefined, AbortSignal.timeout(300)),
      /aborted/,
    );
    const state = await h.client.control<{ data: { shares: Record<string, unknown>[] } }>("state");
    assert.deepEqual(
      state.data.shares.map((s) => [s["did"], s["shareeId"], s["status"]]),
      [[SEED_DEVICES.frontDoor, SEED_USERS.family, 0]],
      "the invite was made",
    );
    assert.deepEqual(await h.client.control("faults"), [], "count used up");
    const retried = await h.client.call(owner, "cn", "/share/share_request", invite);
    assert.equal(retried.code, -12, "a retry finds the invite pending");
  });

  it("answers bodies that do not parse", async () => {
    const owner = await h.client.login("owner@example.com", "owner-demo-password");
    await h.client.control("faults", { kind: "malformed" });
    const passport = await h.client.http(LOGIN_URL());
    assert.ok(passport.text.startsWith("&&&START&&&"));
    assert.throws(() => JSON.parse(passport.text.slice("&&&START&&&".length)) as unknown);
    const app = await h.client.rawCall(owner, "cn", "/home/device_list", {});
    assert.equal(app.status, 200);
    const plain = decryptText(signedNonce(owner.ssecurity, app.nonce), app.text);
    assert.throws(() => JSON.parse(plain) as unknown);
    await h.client.control("faults", {}, "DELETE");
    assert.equal((await h.client.call(owner, "cn", "/home/device_list", {})).code, 0);
  });

  it("never faults the control surface or the web page", async () => {
    await h.client.control("faults", { kind: "status", status: 500 });
    assert.equal((await fetch(`${h.client.base}/`)).status, 200);
    assert.equal((await h.client.control<unknown[]>("faults")).length, 1);
  });

  it("refuses an unknown fault kind", async () => {
    await assert.rejects(h.client.control("faults", { kind: "gremlins" }), /kind/);
  });

  it("expires every serviceToken on demand", async () => {
    const owner = await h.client.login("owner@example.com", "owner-demo-password");
    await h.client.control("tokens/expire", {});
    const answer = await h.client.rawCall(owner, "cn", "/home/device_list", {});
    assert.equal(answer.status, 401);
    assert.deepEqual(JSON.parse(answer.text), { code: 2, message: "auth err" });
    const renewed = await h.client.login("owner@example.com", "owner-demo-password");
    assert.equal((await h.client.rawCall(renewed, "cn", "/home/device_list", {})).status, 200);
  });
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Leave one request held open by reply_lost; `held` settles with what its client saw. */
async function holdOneRequest(base: string): Promise<{ held: Promise<unknown> }> {
  const client = new SimClient(base);
  await client.control("faults", { kind: "reply_lost", count: 1 });
  const held = fetch(`${base}/account.xiaomi.com/pass/serviceLogin?sid=xiaomiio&_json=true`).then(
    (res) => res.status,
    (error: unknown) => error,
  );
  // The fault is used up once the request has reached it.
  while ((await client.control<unknown[]>("faults")).length > 0) await sleep(10);
  return { held };
}

// A timeout, so a stop that waits for the held request fails instead of hanging the run.
describe("stopping with a held connection", { timeout: 10_000 }, () => {
  it("closes promptly in process", async () => {
    const sim = await startInProcess(0);
    const { held } = await holdOneRequest(sim.url);
    const started = performance.now();
    await sim.close();
    assert.ok(performance.now() - started < 1000, "close did not wait for the held request");
    assert.ok((await held) instanceof Error, "the held request ends without an answer");
  });

  it("ends the process promptly on SIGTERM", async () => {
    const sim = await startProcess(0);
    try {
      const { held } = await holdOneRequest(sim.url);
      const started = performance.now();
      await sim.stop();
      assert.ok(performance.now() - started < 2000, "SIGTERM did not wait for the held request");
      assert.equal(sim.process.exitCode, 0);
      assert.ok((await held) instanceof Error, "the held request ends without an answer");
    } finally {
      await sim.stop();
    }
  });
});
