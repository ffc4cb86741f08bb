// A real client from outside the browser: home-assistant-js-websocket from Node
// subscribes to the state document and calls the integration's services.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { demoAccounts, guestUserId } from "../../tools/lib/demo-setup.ts";
import { ShareStatus, simulatedShares, type Stack } from "./harness.ts";
import {
  automationEntity,
  callCoreService,
  callIntegrationService,
  cameraDeviceId,
  eventually,
  StateWatcher,
} from "./home-assistant.ts";
import { schemaErrors } from "./schema.ts";
import type { Camera, StateDocument } from "../../src/data/state.ts";

const livingRoom = "501000001";
const frontDoor = "501000002";

const cameraIn = (document: StateDocument, did: string): Camera | undefined =>
  document.cameras.find((camera) => camera.did === did);
const shareeOf = (document: StateDocument, did: string, userId: string) =>
  cameraIn(document, did)?.sharees.find((sharee) => sharee.user_id === userId);

interface ShareResponse {
  recipient: { user_id: string; nickname: string };
  results: { did: string; status: string }[];
  expires_at: string | null;
}

export function clientSuite(stack: () => Stack): void {
  describe("a websocket client outside the browser", () => {
    let watcher: StateWatcher;
    let livingRoomDevice: string;
    let frontDoorDevice: string;

    before(async () => {
      watcher = await StateWatcher.start(stack().connection);
      livingRoomDevice = await cameraDeviceId(stack().connection, livingRoom);
      frontDoorDevice = await cameraDeviceId(stack().connection, frontDoor);
    });
    after(async () => watcher.stop());

    it("receives a state document that follows the schema and lists both accounts and the four cameras", () => {
      const document = watcher.latest;
      assert.deepEqual(schemaErrors(document), []);
      assert.deepEqual(document.accounts.map((account) => account.user_id).sort(), [
        demoAccounts.owner.userId,
        demoAccounts.family.userId,
      ]);
      const owned = document.cameras.filter((camera) => camera.entry_id === stack().demo.ownerEntryId);
      assert.deepEqual(owned.map((camera) => camera.name).sort(), [
        "Front door",
        "Hallway hub",
        "Living room",
        "Nursery",
      ]);
      // Each Mi camera is linked to its demo camera entity, so the card has images.
      assert.ok(owned.every((camera) => camera.camera_entity?.startsWith("camera.")));
    });

    it("shares for an hour through the service, sees the pushed update and the simulator's invite, then revokes", async () => {
      const response = await callIntegrationService<ShareResponse>(stack().connection, "share", {
        device_id: [frontDoorDevice],
        recipient: guestUserId,
        permission: "view_only",
        duration: { hours: 1 },
      });
      assert.equal(response.recipient.user_id, guestUserId);
      assert.deepEqual(
        response.results.map((result) => [result.did, result.status]),
        [[frontDoor, "invited"]],
      );
      assert.ok(response.expires_at && Date.parse(response.expires_at) > Date.now() + 59 * 60_000);

      const shared = await watcher.until("the pending guest on the front door camera", (document) =>
        Boolean(shareeOf(document, frontDoor, guestUserId)?.expires_at),
      );
      assert.deepEqual(schemaErrors(shared), []);
      const sharee = shareOf(shared);
      assert.equal(sharee.status, "pending");
      assert.equal(sharee.permission, "view_only");
      const [invite] = await simulatedShares(stack().simulator, frontDoor, guestUserId);
      assert.equal(invite?.status, ShareStatus.pending);
      assert.equal(invite?.readOnly, true);

      await callIntegrationService(stack().connection, "revoke", {
        device_id: [frontDoorDevice],
        recipient: guestUserId,
      });
      await watcher.until(
        "the guest gone from the front door camera",
        (document) => !shareeOf(document, frontDoor, guestUserId),
      );
      assert.deepEqual(await simulatedShares(stack().simulator, frontDoor, guestUserId), []);

      function shareOf(document: StateDocument) {
        const found = shareeOf(document, frontDoor, guestUserId);
        assert.ok(found);
        return found;
      }
    });

    it("answers list_shares, list_invites and lookup_recipient with data", async () => {
      const lookup = await callIntegrationService<{
        user_id: string;
        nickname: string;
        regions: string[] | null;
      }>(stack().connection, "lookup_recipient", {
        config_entry_id: stack().demo.ownerEntryId,
        recipient: demoAccounts.family.userId,
      });
      assert.equal(lookup.user_id, demoAccounts.family.userId);
      assert.equal(lookup.nickname, "Demo Family");
      assert.deepEqual(lookup.regions, ["cn"]);

      await callIntegrationService(stack().connection, "share", {
        device_id: [livingRoomDevice],
        recipient: guestUserId,
        permission: "control",
      });
      try {
        const shares = await callIntegrationService<Record<string, unknown>>(
          stack().connection,
          "list_shares",
          {},
        );
        assert.match(JSON.stringify(shares), new RegExp(`"${guestUserId}"`));
        const invites = await callIntegrationService<Record<string, unknown>>(
          stack().connection,
          "list_invites",
          {
            config_entry_id: stack().demo.familyEntryId,
          },
        );
        assert.doesNotMatch(JSON.stringify(invites), new RegExp(livingRoom));
      } finally {
        await callIntegrationService(stack().connection, "revoke", { device_id: [livingRoomDevice] });
      }
      assert.deepEqual(await simulatedShares(stack().simulator, livingRoom, guestUserId), []);
    });

    it("lets the family account's automation accept the owner's invite by itself", async () => {
      const automation = await automationEntity(stack().connection, "xiaomi_camera_share_accept_from_owner");
      await callCoreService(stack().connection, "automation", "turn_on", { entity_id: automation });
      try {
        await callIntegrationService(stack().connection, "share", {
          device_id: [livingRoomDevice],
          recipient: demoAccounts.family.userId,
          permission: "view_only",
        });
        await eventually("the simulator to hold the accepted share", async () => {
          const [share] = await simulatedShares(stack().simulator, livingRoom, demoAccounts.family.userId);
          return share?.status === ShareStatus.accepted ? share : undefined;
        });
        const document = await watcher.until(
          "the family account as an accepted sharee",
          (each) => shareeOf(each, livingRoom, demoAccounts.family.userId)?.status === "accepted",
        );
        // The family account now sees the camera as shared to it.
        assert.ok(
          document.cameras.some(
            (camera) => camera.entry_id === stack().demo.familyEntryId && camera.did === livingRoom,
          ),
        );
      } finally {
        await callCoreService(stack().connection, "automation", "turn_off", { entity_id: automation });
        await callIntegrationService(stack().connection, "revoke", { device_id: [livingRoomDevice] });
      }
      await watcher.until(
        "the living room camera unshared",
        (document) => !shareeOf(document, livingRoom, demoAccounts.family.userId),
      );
      assert.deepEqual(await simulatedShares(stack().simulator, livingRoom, demoAccounts.family.userId), []);
    });
  });
}
