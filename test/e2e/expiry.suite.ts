// A timed share ends by itself. Home Assistant's clock cannot be moved in a live
// instance and the shortest duration is one minute, so the share starts before the
// other suites and this check runs last: the wait overlaps the rest of the run.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { callIntegrationService, cameraDeviceId, eventually, StateWatcher } from "./home-assistant.ts";
import { control, simulatedShares, ShareStatus, type Stack } from "./harness.ts";

const nursery = "501000003";
const timedGuest = "1100000004";

export interface TimedShare {
  expiresAt: number;
}

/** Share the nursery camera with the guest for one minute. */
export async function startTimedShare(stack: Stack): Promise<TimedShare> {
  const response = await callIntegrationService<{ expires_at: string }>(stack.connection, "share", {
    device_id: [await cameraDeviceId(stack.connection, nursery)],
    recipient: timedGuest,
    permission: "control",
    duration: { minutes: 1 },
  });
  const [invite] = await simulatedShares(stack.simulator, nursery, timedGuest);
  assert.equal(invite?.status, ShareStatus.pending);
  return { expiresAt: Date.parse(response.expires_at) };
}

export function expirySuite(stack: () => Stack, timed: () => TimedShare): void {
  describe("a timed share", () => {
    it("is revoked in the simulator once it passes its expiry", async () => {
      // The simulator's clock moves an hour on: the pending invite itself is still alive
      // there (invites last a week), so only the integration's revoke can remove it.
      await control(stack().simulator, "clock/advance", { seconds: 3_600 });
      // Unless the run took longer than the share lasts: then the integration has ended it already.
      if (Date.now() < timed().expiresAt - 1_000)
        assert.equal((await simulatedShares(stack().simulator, nursery, timedGuest)).length, 1);
      const watcher = await StateWatcher.start(stack().connection);
      try {
        const waitMs = Math.max(timed().expiresAt - Date.now(), 0) + 20_000;
        await eventually(
          "the timed share to be revoked",
          async () =>
            (await simulatedShares(stack().simulator, nursery, timedGuest)).length === 0 ? true : undefined,
          waitMs,
        );
        const document = await watcher.until("the share_expired entry in the history", (each) =>
          each.history.some((entry) => entry.type === "share_expired" && entry.did === nursery),
        );
        const camera = document.cameras.find((each) => each.did === nursery);
        assert.deepEqual(camera?.sharees, []);
      } finally {
        await watcher.stop();
      }
    });
  });
}
