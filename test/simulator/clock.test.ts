// The simulated clock: invite expiry, serviceToken expiry, clock control.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SEED_DEVICES, SEED_USERS } from "../../simulator/src/state/seed.ts";
import type { Session } from "./client.ts";
import { useSimulator } from "./harness.ts";

const h = useSimulator();
type Row = Record<string, unknown>;

describe("clock control", () => {
  it("reads, advances and sets the clock", async () => {
    const { now } = await h.client.control<{ now: number }>("clock");
    assert.ok(Math.abs(now - Date.now() / 1000) < 5);
    const advanced = await h.client.control<{ now: number }>("clock/advance", { seconds: 3600 });
    assert.ok(Math.abs(advanced.now - (now + 3600)) <= 1);
    const set = await h.client.control<{ now: number }>("clock/set", { now: 1_893_456_000 });
    assert.ok(Math.abs(set.now - 1_893_456_000) <= 1);
    await assert.rejects(h.client.control("clock/advance", {}), /seconds/);
  });
});

describe("invite expiry", () => {
  it("an invite expires after 7 days: −6 on answer, listed with a past expire_time, and can be sent anew", async () => {
    // serviceTokens last a day, so every step logs in anew.
    const owner = (): Promise<Session> => h.client.login("owner@example.com", "owner-demo-password");
    const family = (): Promise<Session> => h.client.login("family@example.com", "family-demo-password");
    await h.client.call(await owner(), "cn", "/share/share_request", {
      did: SEED_DEVICES.frontDoor,
      userid: SEED_USERS.family,
    });
    const list = async (): Promise<Row[]> =>
      (await h.client.call(await family(), "cn", "/share/receive_share_list", { userid: SEED_USERS.family }))
        .result as Row[];
    const [invite] = await list();

    await h.client.control("clock/advance", { seconds: 7 * 86_400 - 60 });
    assert.equal((await list())[0]?.["status"], 0);
    await h.client.control("clock/advance", { seconds: 120 });
    const { now } = await h.client.control<{ now: number }>("clock");
    const [expired] = await list();
    assert.equal(expired?.["status"], 0);
    assert.ok(Number(expired?.["expire_time"]) < now);

    const answer = await h.client.call(await family(), "cn", "/share/share_response", {
      msg_id: "",
      inv_id: invite?.["inv_id"],
      value: "accept",
    });
    assert.equal(answer.code, -6);
    const overview = await h.client.call(await owner(), "cn", "/share/device_share_list", {});
    assert.deepEqual((overview.result as { list: object }).list, {}, "no longer listed to the owner");
    const again = await h.client.call(await owner(), "cn", "/share/share_request", {
      did: SEED_DEVICES.frontDoor,
      userid: SEED_USERS.family,
    });
    assert.equal(again.code, 0, "an expired invite does not block a new one");
  });

  it("drops invites older than 30 days from receive_share_list", async () => {
    const owner = await h.client.login("owner@example.com", "owner-demo-password");
    await h.client.call(owner, "cn", "/share/share_request", {
      did: SEED_DEVICES.frontDoor,
      userid: SEED_USERS.family,
    });
    await h.client.control("clock/advance", { seconds: 31 * 86_400 });
    const family = await h.client.login("family@example.com", "family-demo-password");
    const list = await h.client.call(family, "cn", "/share/receive_share_list", {
      userid: SEED_USERS.family,
    });
    assert.deepEqual(list.result, []);
  });
});

describe("serviceToken expiry", () => {
  it("answers 401 auth err once the serviceToken is a day old", async () => {
    const owner = await h.client.login("owner@example.com", "owner-demo-password");
    await h.client.control("clock/advance", { seconds: 86_400 - 60 });
    assert.equal((await h.client.rawCall(owner, "cn", "/home/device_list", {})).status, 200);
    await h.client.control("clock/advance", { seconds: 120 });
    const answer = await h.client.rawCall(owner, "cn", "/home/device_list", {});
    assert.equal(answer.status, 401);
    assert.deepEqual(JSON.parse(answer.text), { code: 2, message: "auth err" });
  });
});
