import { expect } from "@esm-bundle/chai";
import { sendKeys } from "@web/test-runner-commands";
import { DOMAIN } from "../../../src/data/api.js";
import type { Camera, StateDocument } from "../../../src/data/state.js";
import { expectAccessible } from "../axe.js";
import { FakeHass } from "../fake-hass.js";
import type { StubButton, StubDialog, StubRadioGroup, StubSwitch } from "../stubs.js";
import { account, camera, stateDocument } from "../fixtures.js";
import { cleanup, deep, deepAll, mountCard, settle, text, type Mounted } from "../helpers.js";

const LOOKUP = { user_id: "3000003", nickname: "Grandma", entry_id: null, regions: null };
const SHARED = {
  recipient: { user_id: "3000003", nickname: "Grandma" },
  results: [{ did: "did-1", camera: "Camera 1", status: "invited" }],
  expires_at: null,
  invite_regions: ["cn"],
};

async function openShare(
  cameraOverrides: Partial<Camera> = {},
  docExtra: Partial<StateDocument> = {},
  fake = new FakeHass(),
): Promise<Mounted & { dialog: HTMLElement }> {
  fake.mockService(DOMAIN, "lookup_recipient", () => LOOKUP);
  fake.mockService(DOMAIN, "share", () => SHARED);
  const mounted = await mountCard(
    {},
    { fake, doc: stateDocument({ cameras: [camera(1, cameraOverrides)], ...docExtra }) },
  );
  deep(mounted.card, "xcs-camera-grid", "xcs-camera-tile", "ha-button.share").click();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await settle(mounted.card);
  return { ...mounted, dialog: deep(mounted.card, "xcs-share-dialog") };
}

/** The dialog's recipient picker, where the recipient controls live. */
function picker(dialog: HTMLElement): HTMLElement {
  return deep(dialog, "xcs-recipient-picker");
}

async function type(dialog: HTMLElement, value: string): Promise<void> {
  const input = deep<HTMLInputElement>(picker(dialog), "#recipient");
  input.value = value;
  input.dispatchEvent(new Event("input"));
  await settle(dialog);
}

/** Chooses in an ha-select of the dialog, or of its picker for the recipient's kind and choice. */
async function choose(dialog: HTMLElement, selector: string, value: string): Promise<void> {
  const scope = selector === "#kind" || selector === "#recipient" ? picker(dialog) : dialog;
  deep(scope, selector).dispatchEvent(new CustomEvent("selected", { detail: { value } }));
  await settle(dialog);
}

const send = (dialog: HTMLElement): StubButton => deep<StubButton>(dialog, "#send");

async function click(dialog: HTMLElement, selector: string): Promise<void> {
  deep(dialog, selector).click();
  await settle(dialog);
}

async function lookUp(dialog: HTMLElement): Promise<void> {
  deep(picker(dialog), "#lookup").click();
  await settle(dialog);
}

describe("share dialog", () => {
  afterEach(cleanup);

  it("looks the person up once, then sends the user id found with exactly the share the user chose", async () => {
    const { fake, dialog } = await openShare();
    expect(deep<StubDialog>(dialog, "ha-dialog").open).to.equal(true);
    expect(deep<StubDialog>(dialog, "ha-dialog").headerTitle).to.equal("Share Camera 1");
    expect(send(dialog).disabled).to.equal(true);
    await choose(dialog, "#kind", "phone");
    await type(dialog, "+86 138 0013 8000");
    await lookUp(dialog);
    expect(fake.serviceCalls[0]?.data).to.deep.equal({
      config_entry_id: "entry-home",
      recipient: "+86 138 0013 8000",
      region: "cn",
    });
    expect(text(deep(picker(dialog), ".found"))).to.equal("Found Grandma (3000003)");
    expect(send(dialog).disabled).to.equal(false);
    await expectAccessible(dialog);
    await click(dialog, "ha-radio-option[value=control]");
    await choose(dialog, "#duration", "4h");
    await click(dialog, "#send");
    expect(fake.serviceCalls.slice(1)).to.deep.equal([
      {
        domain: DOMAIN,
        service: "share",
        data: {
          device_id: ["device-1"],
          recipient: "3000003",
          permission: "control",
          duration: { hours: 4 },
        },
        notifyOnError: true,
        returnResponse: true,
      },
    ]);
    expect(text(deep(dialog, ".result"))).to.equal("Invite sent to Grandma.");
  });

  it("sends View only as view_only once chosen back, and each fixed duration as its hours", async () => {
    for (const [choice, hours] of [
      ["1h", 1],
      ["1d", 24],
      ["1w", 168],
    ] as const) {
      const { fake, dialog } = await openShare();
      await type(dialog, "3000003");
      await lookUp(dialog);
      await click(dialog, "ha-radio-option[value=control]");
      await click(dialog, "ha-radio-option[value=view_only]");
      await choose(dialog, "#duration", choice);
      await click(dialog, "#send");
      expect(fake.serviceCalls.at(-1)?.data).to.deep.equal({
        device_id: ["device-1"],
        recipient: "3000003",
        permission: "view_only",
        duration: { hours },
      });
      cleanup();
    }
  });

  it("shares with a saved recipient by user id, view-only and permanent by default", async () => {
    const { fake, dialog } = await openShare(
      {},
      {
        recipients: [
          { name: "Grandma", user_id: "3000003", nickname: "Grandma", region: "cn", entry_id: null },
        ],
      },
    );
    await choose(dialog, "#kind", "saved");
    await choose(dialog, "#recipient", "Grandma");
    await lookUp(dialog);
    await click(dialog, "#send");
    expect(fake.serviceCalls.map((call) => call.data)).to.deep.equal([
      { config_entry_id: "entry-home", recipient: "Grandma", region: "cn" },
      { device_id: ["device-1"], recipient: "3000003", permission: "view_only" },
    ]);
  });

  it("shares with another account configured here by user id and accepts on its side", async () => {
    const guest = account({
      entry_id: "entry-guest",
      user_id: "4000004",
      nickname: "HA service",
      regions: ["cn"],
    });
    const { fake, dialog } = await openShare({}, { accounts: [account(), guest] });
    fake.mockService(DOMAIN, "lookup_recipient", () => ({
      user_id: "4000004",
      nickname: "HA service",
      entry_id: "entry-guest",
      regions: ["cn"],
    }));
    fake.mockService(DOMAIN, "share", () => ({
      recipient: { user_id: "4000004", nickname: "HA service" },
      results: [{ did: "did-1", camera: "Camera 1", status: "accepted" }],
      expires_at: null,
      invite_regions: null,
    }));
    expect(deepAll(dialog, "#auto-accept")).to.have.length(0);
    await choose(dialog, "#kind", "account");
    expect(deep<StubSwitch>(dialog, "#auto-accept").checked).to.equal(true);
    await choose(dialog, "#recipient", "entry-guest");
    await lookUp(dialog);
    await click(dialog, "#send");
    expect(fake.serviceCalls[1]?.data).to.deep.equal({
      device_id: ["device-1"],
      recipient: "4000004",
      permission: "view_only",
      auto_accept: true,
    });
    expect(text(deep(dialog, ".result"))).to.equal("Shared with HA service.");
    // Known to use the camera's region: nothing to warn about.
    expect(deepAll(dialog, ".region-note")).to.have.length(0);
  });

  it("says in which region the invite waits, with the region named by the card", async () => {
    const { dialog } = await openShare();
    await type(dialog, "3000003");
    await lookUp(dialog);
    await click(dialog, "#send");
    expect(text(deep(dialog, ".region-note"))).to.equal(
      "Invites only arrive when the recipient's Mi Home app uses the same region: Mainland China",
    );
  });

  it("names the invite's regions in the user's language", async () => {
    const fake = new FakeHass({ language: "zh-Hans" });
    const { dialog } = await openShare({}, {}, fake);
    fake.mockService(DOMAIN, "share", () => ({ ...SHARED, invite_regions: ["cn", "de"] }));
    await type(dialog, "3000003");
    await lookUp(dialog);
    await click(dialog, "#send");
    expect(text(deep(dialog, ".region-note"))).to.equal(
      "只有当对方的米家使用相同的地区时，邀请才会送达：中国大陆、欧洲",
    );
  });

  it("turns a chosen end time into a duration from now", async () => {
    const { fake, dialog } = await openShare();
    await type(dialog, "3000003");
    await lookUp(dialog);
    await choose(dialog, "#duration", "until");
    const until = deep<HTMLInputElement>(dialog, "ha-input#until");
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
    until.value = new Date(inTwoDays.getTime() - inTwoDays.getTimezoneOffset() * 60_000)
      .toISOString()
      .slice(0, 16);
    until.dispatchEvent(new Event("input"));
    await settle(dialog);
    await click(dialog, "#send");
    const seconds = (fake.serviceCalls[1]?.data.duration as { seconds: number }).seconds;
    expect(seconds).to.be.within(2 * 86_400 - 120, 2 * 86_400 + 60);
  });

  it("disables view-only, and says why, where the model does not offer it", async () => {
    const { dialog } = await openShare({ capabilities: { can_share: true, view_only: false, reason: null } });
    const viewOnly = deep<HTMLInputElement>(dialog, "ha-radio-option[value=view_only]");
    expect(viewOnly.disabled).to.equal(true);
    const group = deep<StubRadioGroup>(dialog, "#permission");
    expect(group.value).to.equal("control");
    expect(group.hint).to.contain("no view-only sharing");
    await click(dialog, "ha-radio-option[value=view_only]");
    expect(group.value).to.equal("control");
  });

  it("keeps a tile's Share unavailable, with the reason, for a camera that cannot be shared", async () => {
    const fake = new FakeHass();
    const doc = stateDocument({
      cameras: [
        camera(1, { capabilities: { can_share: false, view_only: false, reason: "model_not_shareable" } }),
        camera(2, { owner: { user_id: "5000005", nickname: "Friend" } }),
      ],
    });
    const { card } = await mountCard({}, { fake, doc });
    const [first, second] = deepAll(card, "xcs-camera-grid", "xcs-camera-tile");
    const share = deep<StubButton>(first!, "ha-button.share");
    expect(share.disabled).to.equal(true);
    expect(text(deep(first!, ".reason"))).to.equal("This camera model cannot be shared.");
    expect(text(deep(second!, ".reason"))).to.contain("only its owner can share it");
    expect(deep<StubButton>(second!, "ha-button.manage").disabled).to.equal(true);
    expect(text(deep(second!, ".state"))).to.contain("Shared by Friend");
  });

  it("shows the reason instead of the form when opened for an unshareable camera", async () => {
    const doc = stateDocument({
      cameras: [camera(1, { capabilities: { can_share: false, view_only: true, reason: "sharee_limit" } })],
    });
    const { card } = await mountCard({}, { doc });
    const tile = deep(card, "xcs-camera-grid", "xcs-camera-tile");
    tile.dispatchEvent(
      new CustomEvent("xcs-share", { detail: { did: "did-1" }, bubbles: true, composed: true }),
    );
    await settle(card);
    const dialog = deep(card, "xcs-share-dialog");
    expect(text(deep(dialog, ".blocked"))).to.contain("as many people as it allows");
    expect(deepAll(dialog, "xcs-recipient-picker")).to.have.length(0);
  });

  it("looks up on Enter, and closes on Escape", async () => {
    const { fake, dialog, card } = await openShare();
    await type(dialog, "3000003");
    deep(picker(dialog), "#recipient").dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    await settle(dialog);
    expect(text(deep(picker(dialog), ".found"))).to.contain("Grandma");
    expect(fake.serviceCalls.map((call) => call.service)).to.deep.equal(["lookup_recipient"]);
    await sendKeys({ press: "Escape" });
    await settle(card);
    expect(deepAll(card, "xcs-share-dialog")).to.have.length(0);
  });

  it("shows the failure when the service raises (HA shows the toast), until the recipient changes", async () => {
    const { fake, dialog } = await openShare();
    fake.mockService(DOMAIN, "share", () => {
      throw new Error("The recipient has too many shared devices");
    });
    await type(dialog, "3000003");
    await lookUp(dialog);
    await click(dialog, "#send");
    expect(fake.serviceCalls[1]?.notifyOnError).to.equal(true);
    expect(text(deep(dialog, ".result.error"))).to.contain("too many shared devices");
    await type(dialog, "3000004");
    expect(deepAll(dialog, ".result.error")).to.have.length(0);
    expect(send(dialog).disabled).to.equal(true);
  });

  it("shows the message of a websocket error, which Home Assistant rejects with as a plain object", async () => {
    const { fake, dialog } = await openShare();
    fake.mockService(DOMAIN, "share", () => {
      throw {
        code: "service_validation_error",
        message: "Validation error: An invite to Camera 1 is already waiting for Grandma.",
        translation_domain: DOMAIN,
        translation_key: "invite_already_pending",
        translation_placeholders: { camera: "Camera 1", person: "Grandma" },
      };
    });
    await type(dialog, "3000003");
    await lookUp(dialog);
    await click(dialog, "#send");
    expect(text(deep(dialog, ".result.error"))).to.equal(
      "Sharing failed: Validation error: An invite to Camera 1 is already waiting for Grandma.",
    );
  });

  describe("a region mismatch, which names the region by its code", () => {
    const mismatch = (region: string) => () => {
      throw {
        code: "service_validation_error",
        message: "Validation error: Demo Europe (Europe account) does not use the region cn",
        translation_domain: DOMAIN,
        translation_key: "recipient_region_mismatch",
        translation_placeholders: {
          camera: "Camera 1",
          person: "Demo Europe",
          account: "Europe account",
          region,
        },
      };
    };

    it("is worded by the card with the region's name", async () => {
      const { fake, dialog } = await openShare();
      fake.mockService(DOMAIN, "share", mismatch("cn"));
      await type(dialog, "3000003");
      await lookUp(dialog);
      await click(dialog, "#send");
      expect(text(deep(dialog, ".result.error"))).to.equal(
        "Sharing failed: Demo Europe (Europe account) does not use the region Mainland China, where Camera 1 lives, so the invite would never arrive. Add Mainland China to that account's regions (reconfigure it) and switch its Mi Home app to Mainland China, then share again.",
      );
    });

    it("names the region in the user's language", async () => {
      const fake = new FakeHass({ language: "zh-Hant" });
      const { dialog } = await openShare({}, {}, fake);
      fake.mockService(DOMAIN, "share", mismatch("cn"));
      await type(dialog, "3000003");
      await lookUp(dialog);
      await click(dialog, "#send");
      const error = text(deep(dialog, ".result.error"));
      expect(error).to.match(/^共享失敗：Demo Europe（Europe account）沒有使用 Camera 1 所在的地區中國大陸/);
      expect(error).not.to.contain("cn");
    });

    it("falls back to the server's message when the region is no code the card knows", async () => {
      const { fake, dialog } = await openShare();
      fake.mockService(DOMAIN, "share", mismatch("Mainland China"));
      await type(dialog, "3000003");
      await lookUp(dialog);
      await click(dialog, "#send");
      expect(text(deep(dialog, ".result.error"))).to.equal(
        "Sharing failed: Validation error: Demo Europe (Europe account) does not use the region cn",
      );
    });
  });
});
