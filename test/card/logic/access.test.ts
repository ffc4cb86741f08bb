// What a tile says about who has access, and when a camera cannot be shared from here.
import { expect } from "@esm-bundle/chai";
import {
  EXPIRING_SOON_MS,
  isExpiringSoon,
  selectCameras,
  shareBlock,
  summarizeAccess,
} from "../../../src/card/access.js";
import type { Sharee } from "../../../src/data/state.js";
import { camera } from "../fixtures.js";

const NOW = new Date("2030-01-01T00:00:00Z");
const at = (ms: number): string => new Date(NOW.getTime() + ms).toISOString();
const sharee = (overrides: Partial<Sharee> = {}): Sharee => ({
  user_id: "3000003",
  nickname: "Grandma",
  status: "accepted",
  permission: "view_only",
  ...overrides,
});

describe("camera access", () => {
  it("counts a timed share as expiring soon within a day, a permanent one never", () => {
    expect(EXPIRING_SOON_MS).to.equal(86_400_000);
    expect(isExpiringSoon(sharee({ expires_at: at(EXPIRING_SOON_MS) }), NOW)).to.equal(true);
    expect(isExpiringSoon(sharee({ expires_at: at(EXPIRING_SOON_MS + 1) }), NOW)).to.equal(false);
    expect(isExpiringSoon(sharee({ expires_at: at(-1) }), NOW)).to.equal(true);
    expect(isExpiringSoon(sharee({ expires_at: null }), NOW)).to.equal(false);
    expect(isExpiringSoon(sharee(), NOW)).to.equal(false);
  });

  it("sums up accepted, pending and expiring shares", () => {
    const summary = summarizeAccess(
      camera(1, {
        sharees: [
          sharee({ user_id: "1" }),
          sharee({ user_id: "2", expires_at: at(3_600_000) }),
          sharee({ user_id: "3", status: "pending", expires_at: at(60_000) }),
          sharee({ user_id: "4", status: "pending" }),
          sharee({ user_id: "5", expires_at: at(2 * EXPIRING_SOON_MS) }),
        ],
      }),
      NOW,
    );
    expect(summary).to.deep.equal({ accepted: 3, pending: 2, expiringSoon: 2 });
    expect(summarizeAccess(camera(1), NOW)).to.deep.equal({ accepted: 0, pending: 0, expiringSoon: 0 });
  });

  it("says why a camera cannot be shared from here", () => {
    expect(shareBlock(camera(1))).to.equal(undefined);
    expect(shareBlock(camera(1, { owner: { user_id: "9", nickname: "Owner" } }))).to.equal("not_owner");
    expect(
      shareBlock(camera(1, { capabilities: { can_share: false, view_only: false, reason: "sharee_limit" } })),
    ).to.equal("sharee_limit");
    expect(
      shareBlock(camera(1, { capabilities: { can_share: false, view_only: false, reason: null } })),
    ).to.equal("model_not_shareable");
    expect(shareBlock(camera(1, { device_id: null }))).to.equal("no_device");
    expect(
      shareBlock(
        camera(1, {
          owner: { user_id: "9", nickname: "Owner" },
          capabilities: { can_share: false, view_only: false, reason: "sharee_limit" },
        }),
      ),
    ).to.equal("not_owner");
    expect(
      shareBlock(camera(1, { device_id: null, capabilities: { can_share: false, view_only: false } })),
    ).to.equal("model_not_shareable");
  });

  it("shows the cameras the config names, in its order, by Mi id, device or entity", () => {
    const all = [camera(1), camera(2), camera(3)];
    expect(selectCameras(all, undefined)).to.equal(all);
    expect(selectCameras(all, [])).to.equal(all);
    expect(
      selectCameras(all, ["camera.cam_3", "did-1", "device-2", "unknown"]).map((c) => c.did),
    ).to.deep.equal(["did-3", "did-1", "did-2"]);
  });
});
