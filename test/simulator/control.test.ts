// The control surface: reset, seed, state, config, outbox, errors, and who may call it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SEED_DEVICES, SEED_USERS } from "../../simulator/src/state/seed.ts";
import { useSimulator } from "./harness.ts";

const h = useSimulator();

interface StateDump {
  now: number;
  config: Record<string, number>;
  data: {
    accounts: { userId: string }[];
    devices: { did: string }[];
    shares: { inviteId: number; status: number }[];
  };
}

const world = {
  accounts: [
    { userId: "2200000001", nickname: "Seeded Owner", password: "seeded-pass", appRegion: "sg" },
    { userId: "2200000002", nickname: "Seeded Guest", password: "guest-pass", appRegion: "sg" },
  ],
  devices: [
    { did: "700000001", name: "Porch", model: "isa.camera.hlc7", region: "sg", ownerId: "2200000001" },
  ],
  shares: [
    {
      inviteId: 5000,
      msgId: "1",
      did: "700000001",
      region: "sg",
      ownerId: "2200000001",
      shareeId: "2200000002",
      readOnly: false,
      status: 1,
      ctime: 1_700_000_000,
      mtime: 1_700_000_000,
      expireTime: 1_700_604_800,
    },
  ],
};

describe("state", () => {
  it("dumps the seed and goes back to it on reset", async () => {
    const owner = await h.client.login("owner@example.com", "owner-demo-password");
    await h.client.call(owner, "cn", "/share/share_request", {
      did: SEED_DEVICES.frontDoor,
      userid: SEED_USERS.family,
    });
    let state = await h.client.control<StateDump>("state");
    assert.equal(state.data.shares.length, 1);
    assert.equal(state.data.accounts.length, 6);
    assert.equal(state.data.devices.length, 5);
    assert.equal(typeof state.now, "number");

    await h.client.control("reset", {});
    state = await h.client.control<StateDump>("state");
    assert.equal(state.data.shares.length, 0);
    assert.equal(
      await h.client.rawCall(owner, "cn", "/home/device_list", {}).then((a) => a.status),
      401,
      "logins forgotten",
    );
  });

  it("replaces the world with a posted seed document", async () => {
    await h.client.control("seed", world);
    const guest = await h.client.login("2200000002", "guest-pass");
    const answer = await h.client.call(guest, "sg", "/home/device_list", {});
    const [device] = (answer.result as { list: Record<string, unknown>[] }).list;
    assert.equal(device?.["did"], "700000001");
    assert.equal(device?.["permitLevel"], 4);
    assert.equal(typeof device?.["mac"], "string", "technical fields get defaults");
    await assert.rejects(h.client.login("owner@example.com", "owner-demo-password"));

    const owner = await h.client.login("2200000001", "seeded-pass");
    const sent = await h.client.call(owner, "sg", "/share/share_request", {
      did: "700000001",
      userid: "2200000002",
    });
    assert.equal(sent.code, -11);
    const state = await h.client.control<StateDump>("state");
    assert.deepEqual(
      state.data.shares.map((s) => s.inviteId),
      [5000],
    );
  });

  it("keeps logins across a seed when asked to", async () => {
    const owner = await h.client.login("owner@example.com", "owner-demo-password");
    const { data } = await h.client.control<StateDump>("state");
    const kept = data.devices.filter((d) => d.did === SEED_DEVICES.frontDoor);
    await h.client.control("seed?keepLogins=true", { ...data, devices: kept });
    const answer = await h.client.call(owner, "cn", "/home/device_list", {});
    const dids = (answer.result as { list: Record<string, unknown>[] }).list.map((d) => d["did"]);
    assert.deepEqual(dids, [SEED_DEVICES.frontDoor], "the same login sees the new world");
  });

  it("refuses a malformed seed and keeps the current world", async () => {
    for (const bad of [
      { accounts: "x" },
      { devices: [{ did: "1" }] },
      { devices: [{ ...world.devices[0], region: "mars" }] },
    ]) {
      await assert.rejects(
        h.client.control("seed", bad),
        (error: { status?: number }) => error.status === 400,
      );
    }
    const state = await h.client.control<StateDump>("state");
    assert.equal(state.data.accounts.length, 6);
  });
});

describe("config and errors", () => {
  it("changes known settings and refuses unknown ones", async () => {
    const config = await h.client.control<Record<string, number>>("config", { shareeLimit: 3 });
    assert.equal(config["shareeLimit"], 3);
    assert.equal((await h.client.control<Record<string, number>>("config"))["shareeLimit"], 3);
    await assert.rejects(h.client.control("config", { nope: 1 }), /unknown setting/);
    await assert.rejects(h.client.control("config", { shareeLimit: "many" }), /expected a number/);
  });

  it("answers 404 for an unknown call and 400 for bad JSON", async () => {
    await assert.rejects(
      h.client.control("nothing-here"),
      (error: { status?: number }) => error.status === 404,
    );
    const res = await fetch(`${h.client.base}/_control/clock/advance`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    assert.equal(res.status, 400);
  });

  it("clears the outbox", async () => {
    await h.client.http(`${h.client.base}/account.xiaomi.com/pass/getCode?icodeType=login`);
    assert.equal((await h.client.control<unknown[]>("outbox")).length, 1);
    await h.client.control("outbox", {}, "DELETE");
    assert.equal((await h.client.control<unknown[]>("outbox")).length, 0);
  });
});

describe("who may call it", () => {
  const JSON_TYPE = { "content-type": "application/json" };
  const raw = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${h.client.base}/_control/${path}`, init);
  const ownOrigins = (): string[] => [h.client.base, h.client.base.replace("127.0.0.1", "localhost")];

  async function assertRefused(res: Response, reason: RegExp): Promise<void> {
    assert.equal(res.status, 403);
    const body = (await res.json()) as { error?: string };
    assert.match(body.error ?? "", reason);
  }

  it("refuses a foreign origin, whatever the method, and changes nothing", async () => {
    const foreign = { ...JSON_TYPE, origin: "http://evil.example" };
    await assertRefused(
      await raw("config", { method: "POST", headers: foreign, body: '{"shareeLimit": 1}' }),
      /origin/,
    );
    await assertRefused(await raw("reset", { method: "POST", headers: foreign, body: "{}" }), /origin/);
    await assertRefused(await raw("state", { headers: { origin: "http://evil.example" } }), /origin/);
    // Same host, other port: another local web server is another origin.
    const otherPort = { ...JSON_TYPE, origin: "http://127.0.0.1:1" };
    await assertRefused(await raw("faults", { method: "DELETE", headers: otherPort }), /origin/);
    await assertRefused(await raw("state", { headers: { origin: "null" } }), /origin/);
    assert.equal((await h.client.control<Record<string, number>>("config"))["shareeLimit"], 10);
  });

  it("refuses a cross-site fetch even without an origin", async () => {
    await assertRefused(await raw("state", { headers: { "sec-fetch-site": "cross-site" } }), /cross-site/);
  });

  it("refuses a non-GET call that is not sent as JSON", async () => {
    await h.client.control("config", { shareeLimit: 4 });
    await assertRefused(await raw("reset", { method: "POST" }), /application\/json/);
    await assertRefused(
      await raw("config", {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: '{"shareeLimit": 1}',
      }),
      /application\/json/,
    );
    await assertRefused(
      await raw("clock/advance", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "seconds=60",
      }),
      /application\/json/,
    );
    await assertRefused(await raw("outbox", { method: "DELETE" }), /application\/json/);
    assert.equal((await h.client.control<Record<string, number>>("config"))["shareeLimit"], 4);
  });

  it("accepts the simulator's own origin, sent as JSON", async () => {
    for (const origin of ownOrigins()) {
      const res = await raw("config", {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          origin,
          "sec-fetch-site": "same-origin",
        },
        body: '{"shareeLimit": 2}',
      });
      assert.equal(res.status, 200, origin);
      assert.equal(((await res.json()) as Record<string, number>)["shareeLimit"], 2);
    }
    const reset = await raw("reset", { method: "POST", headers: JSON_TYPE });
    assert.equal(reset.status, 200, "a bodiless call sent as JSON");
  });

  it("answers a plain GET with no origin and no content type, as curl sends it", async () => {
    const res = await raw("state");
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as StateDump).data.accounts.length, 6);
  });
});
