// --state-file: a world saved by one simulator is the world of the next one.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { SimContext } from "../../simulator/src/context.ts";
import { loadWorld, saveWorld } from "../../simulator/src/persistence.ts";
import { startSimulator } from "../../simulator/src/server.ts";
import { SEED_DEVICES, SEED_USERS } from "../../simulator/src/state/seed.ts";
import { SimClient } from "./client.ts";

describe("state file", () => {
  it("keeps logins, shares and the clock across a restart", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "sim-state-")), "world.json");
    const first = await startSimulator(0);
    const client = new SimClient(first.url);
    const session = await client.login("owner@example.com", "owner-demo-password");
    const shared = await client.call(session, "cn", "/share/share_request", {
      command: "share_request",
      did: SEED_DEVICES.livingRoom,
      userid: SEED_USERS.family,
    });
    assert.equal(shared.code, 0);
    first.ctx.clock.advance(3600);
    saveWorld(first.ctx, file);
    await first.close();

    const restored = new SimContext();
    assert.equal(loadWorld(restored, file), true);
    const second = await startSimulator(0, restored);
    try {
      assert.ok(Math.abs(restored.clock.now() - (Math.floor(Date.now() / 1000) + 3600)) <= 2);
      // The old passToken still mints a serviceToken (no password needed after a restart).
      const again = new SimClient(second.url);
      const step1 = await again.passport("/pass/serviceLogin?sid=xiaomiio&_json=true", {
        cookies: { userId: session.userId, passToken: session.passToken },
      });
      assert.equal(step1.json["code"], 0);
      const renewed = await again.sessionFrom(step1.json);
      const shares = await again.call(renewed, "cn", "/share/get_share_user", {
        did: SEED_DEVICES.livingRoom,
        pid: 0,
      });
      assert.equal(shares.code, 0);
      const list = (shares.result as { list: { userid: unknown; status: number }[] }).list;
      assert.deepEqual(
        list.map((s) => [String(s.userid), s.status]),
        [[SEED_USERS.family, 0]],
      );
    } finally {
      await second.close();
    }
  });

  it("reports a missing file instead of inventing a world", () => {
    const missing = join(mkdtempSync(join(tmpdir(), "sim-state-")), "none.json");
    assert.equal(loadWorld(new SimContext(), missing), false);
  });
});
