// The share dialog's choices, as the service call receives them.
import { expect } from "@esm-bundle/chai";
import { shareData, type ShareResult } from "../../../src/data/api.js";
import {
  DURATIONS,
  DURATION_HOURS,
  canSend,
  chosenPermission,
  defaultPermission,
  shareOutcome,
  shareRequest,
  toDuration,
  type DurationChoice,
} from "../../../src/dialogs/share-form.js";

const NOW = new Date("2030-01-01T12:00:00Z");
const VIEW_ONLY = { can_share: true, view_only: true };
const CONTROL_ONLY = { can_share: true, view_only: false };

/** The `share` service data of a share chosen in the dialog. */
function sent(choice: { permission?: "view_only" | "control"; duration: DurationChoice; until?: Date }) {
  const duration = toDuration(choice.duration, choice.until, NOW);
  if (!duration) throw new Error("incomplete choice");
  const request = shareRequest({
    deviceId: "device-1",
    userId: "3000003",
    permission: chosenPermission(choice.permission, VIEW_ONLY),
    duration,
    toAccount: false,
    autoAccept: true,
  });
  return shareData(request, NOW);
}

describe("share dialog choices", () => {
  it('sends "View only" as view_only and "View and control" as control', () => {
    expect(sent({ permission: "view_only", duration: "permanent" }).permission).to.equal("view_only");
    expect(sent({ permission: "control", duration: "permanent" }).permission).to.equal("control");
  });

  it("starts on view-only where the model offers it, else on control", () => {
    expect(defaultPermission(VIEW_ONLY)).to.equal("view_only");
    expect(defaultPermission(CONTROL_ONLY)).to.equal("control");
    expect(chosenPermission(undefined, VIEW_ONLY)).to.equal("view_only");
    expect(chosenPermission(undefined, CONTROL_ONLY)).to.equal("control");
    expect(chosenPermission("control", VIEW_ONLY)).to.equal("control");
    expect(sent({ duration: "permanent" }).permission).to.equal("view_only");
  });

  it("sends each fixed duration as its hours: 1 hour, 4 hours, 1 day, 1 week", () => {
    expect(sent({ duration: "1h" }).duration).to.deep.equal({ hours: 1 });
    expect(sent({ duration: "4h" }).duration).to.deep.equal({ hours: 4 });
    expect(sent({ duration: "1d" }).duration).to.deep.equal({ hours: 24 });
    expect(sent({ duration: "1w" }).duration).to.deep.equal({ hours: 168 });
    expect(DURATION_HOURS).to.deep.equal({ "1h": 1, "4h": 4, "1d": 24, "1w": 168 });
  });

  it("sends a permanent share without a duration", () => {
    expect(sent({ duration: "permanent" })).to.deep.equal({
      device_id: ["device-1"],
      recipient: "3000003",
      permission: "view_only",
    });
  });

  it("sends a chosen end time as the seconds from now, and only one in the future", () => {
    const inTwoHours = new Date(NOW.getTime() + 2 * 3_600_000);
    expect(sent({ duration: "until", until: inTwoHours }).duration).to.deep.equal({ seconds: 7200 });
    expect(toDuration("until", inTwoHours, NOW)).to.deep.equal({ kind: "until", until: inTwoHours });
    expect(toDuration("until", NOW, NOW)).to.equal(undefined);
    expect(toDuration("until", new Date(NOW.getTime() + 1), NOW)).to.deep.equal({
      kind: "until",
      until: new Date(NOW.getTime() + 1),
    });
    expect(toDuration("until", new Date(NOW.getTime() - 60_000), NOW)).to.equal(undefined);
    expect(toDuration("until", undefined, NOW)).to.equal(undefined);
    expect(toDuration("permanent", undefined, NOW)).to.deep.equal({ kind: "permanent" });
  });

  it("offers the durations in order", () => {
    expect(DURATIONS).to.deep.equal(["permanent", "1h", "4h", "1d", "1w", "until"]);
  });

  it("asks for auto-accept only for an account configured here, and only when it is on", () => {
    const base = {
      deviceId: "device-1",
      userId: "2000002",
      permission: "control" as const,
      duration: { kind: "permanent" as const },
    };
    const toAccount = shareRequest({ ...base, toAccount: true, autoAccept: true });
    expect(toAccount).to.deep.equal({
      deviceIds: ["device-1"],
      recipient: "2000002",
      permission: "control",
      duration: { kind: "permanent" },
      autoAccept: true,
    });
    expect(shareData(toAccount, NOW).auto_accept).to.equal(true);
    expect(shareRequest({ ...base, toAccount: true, autoAccept: false }).autoAccept).to.equal(false);
    expect(
      shareData(shareRequest({ ...base, toAccount: true, autoAccept: false }), NOW),
    ).to.not.have.property("auto_accept");
    expect(shareRequest({ ...base, toAccount: false, autoAccept: true }).autoAccept).to.equal(undefined);
  });

  it("offers Send only once a person is found, the choices are complete and nothing is under way", () => {
    const ready = {
      blocked: false,
      hasRecipient: true,
      phase: "idle" as const,
      duration: { kind: "permanent" as const },
    };
    expect(canSend(ready)).to.equal(true);
    expect(canSend({ ...ready, phase: "failed" })).to.equal(true);
    expect(canSend({ ...ready, blocked: true })).to.equal(false);
    expect(canSend({ ...ready, hasRecipient: false })).to.equal(false);
    expect(canSend({ ...ready, phase: "sending" })).to.equal(false);
    expect(canSend({ ...ready, phase: "done" })).to.equal(false);
    expect(canSend({ ...ready, duration: undefined })).to.equal(false);
  });

  it("says whether the camera was shared at once or an invite waits, and where", () => {
    const result: ShareResult = {
      recipient: { user_id: "3000003", nickname: "Grandma" },
      results: [
        { did: "did-2", camera: "Camera 2", status: "accepted" },
        { did: "did-1", camera: "Camera 1", status: "invited" },
      ],
      invite_regions: ["cn", "de"],
    };
    expect(shareOutcome(result, "did-1", "typed")).to.deep.equal({
      key: "share.result.invited",
      nickname: "Grandma",
      inviteRegions: ["cn", "de"],
    });
    expect(shareOutcome(result, "did-2", "typed").key).to.equal("share.result.shared");
    expect(shareOutcome({ results: [], invite_regions: null }, "did-1", "typed")).to.deep.equal({
      key: "share.result.invited",
      nickname: "typed",
      inviteRegions: [],
    });
  });
});
