import { expect } from "@esm-bundle/chai";
import { sendKeys } from "@web/test-runner-commands";
import { DOMAIN } from "../../../src/data/api.js";
import type { Camera } from "../../../src/data/state.js";
import { FakeHass } from "../fake-hass.js";
import { account, camera, stateDocument } from "../fixtures.js";
import { cleanup, deep, deepAll, mountCard, settle, text, type Mounted } from "../helpers.js";

const LOOKUP = { user_id: "3000003", nickname: "Grandma", entry_id: null, regions: null };

async function openShare(
  cameraOverrides: Partial<Camera> = {},
  docExtra = {},
): Promise<Mounted & { dialog: HTMLElement }> {
  const fake = new FakeHass();
  fake.mockService(DOMAIN, "lookup_recipient", () => LOOKUP);
  fake.mockService(DOMAIN, "share", () => ({
    recipient: { user_id: "3000003", nickname: "Grandma" },
    results: [{ did: "did-1", camera: "Camera 1", status: "invited" }],
    expires_at: null,
    region_note: "Invites only arrive when the recipient's Mi Home app uses the same region: Mainland China",
  }));
  const mounted = await mountCard(
    {},
    { fake, doc: stateDocument({ cameras: [camera(1, cameraOverrides)], ...docExtra }) },
  );
  deep(mounted.card, "xcs-camera-grid", "xcs-camera-tile", "button.share").click();
  await settle(mounted.card);
  return { ...mounted, dialog: deep(mounted.card, "xcs-share-dialog") };
}

async function type(dialog: HTMLElement, value: string): Promise<void> {
  const input = deep<HTMLInputElement>(dialog, "#recipient");
  input.value = value;
  input.dispatchEvent(new Event("input"));
  await settle(dialog);
}

async function choose(dialog: HTMLElement, selector: string, value: string): Promise<void> {
  const select = deep<HTMLSelectElement>(dialog, selector);
  select.value = value;
  select.dispatchEvent(new Event("change"));
  await settle(dialog);
}

async function click(dialog: HTMLElement, selector: string): Promise<void> {
  deep(dialog, selector).click();
  await settle(dialog);
}

describe("share dialog", () => {
  afterEach(cleanup);

  it("looks the person up, shows the nickname, then sends exactly the share the user chose", async () => {
    const { fake, dialog } = await openShare();
    expect(deep<HTMLDialogElement>(dialog, "dialog").open).to.equal(true);
    expect(deep<HTMLButtonElement>(dialog, "#send").disabled).to.equal(true);
    await type(dialog, "3000003");
    await click(dialog, "#lookup");
    expect(fake.serviceCalls[0]).to.deep.equal({
      domain: DOMAIN,
      service: "lookup_recipient",
      data: { config_entry_id: "entry-home", recipient: "3000003", region: "cn" },
      notifyOnError: true,
      returnResponse: true,
    });
    expect(text(deep(dialog, ".found"))).to.equal("Found Grandma (3000003)");
    await click(dialog, "input[value=control]");
    await choose(dialog, "#duration", "4h");
    await click(dialog, "#send");
    expect(fake.serviceCalls[1]).to.deep.equal({
      domain: DOMAIN,
      service: "share",
      data: { device_id: ["device-1"], recipient: "3000003", permission: "control", duration: { hours: 4 } },
      notifyOnError: true,
      returnResponse: true,
    });
    expect(text(deep(dialog, ".result"))).to.equal("Invite sent to Grandma.");
    expect(text(deep(dialog, ".region-note"))).to.contain("same region");
  });

  it("shares with a saved recipient by name, view-only and permanent by default", async () => {
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
    await click(dialog, "#lookup");
    await click(dialog, "#send");
    expect(fake.serviceCalls.map((call) => call.data)).to.deep.equal([
      { config_entry_id: "entry-home", recipient: "Grandma", region: "cn" },
      { device_id: ["device-1"], recipient: "Grandma", permission: "view_only" },
    ]);
  });

  it("shares with another account configured here and accepts on its side", async () => {
    const guest = account({
      entry_id: "entry-guest",
      user_id: "4000004",
      nickname: "HA service",
      regions: ["cn"],
    });
    const { fake, dialog } = await openShare({}, { accounts: [account(), guest] });
    await choose(dialog, "#kind", "account");
    await choose(dialog, "#recipient", "entry-guest");
    await click(dialog, "#lookup");
    expect(deep<HTMLInputElement>(dialog, "#auto-accept").checked).to.equal(true);
    await click(dialog, "#send");
    expect(fake.serviceCalls[1]?.data).to.deep.equal({
      device_id: ["device-1"],
      recipient: "4000004",
      permission: "view_only",
      auto_accept: true,
    });
  });

  it("turns a chosen end time into a duration from now", async () => {
    const { fake, dialog } = await openShare();
    await type(dialog, "3000003");
    await click(dialog, "#lookup");
    await choose(dialog, "#duration", "until");
    const until = deep<HTMLInputElement>(dialog, "#until");
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
    const viewOnly = deep<HTMLInputElement>(dialog, "input[value=view_only]");
    expect(viewOnly.disabled).to.equal(true);
    expect(deep<HTMLInputElement>(dialog, "input[value=control]").checked).to.equal(true);
    expect(viewOnly.getAttribute("aria-describedby")).to.equal("view-only-note");
    expect(text(deep(dialog, "#view-only-note"))).to.contain("no view-only sharing");
  });

  it("warns plainly when the recipient uses another region", async () => {
    const { fake, dialog } = await openShare();
    fake.mockService(DOMAIN, "lookup_recipient", () => ({
      ...LOOKUP,
      entry_id: "entry-eu",
      regions: ["de"],
    }));
    await type(dialog, "3000003");
    await click(dialog, "#lookup");
    expect(text(deep(dialog, ".region-warning"))).to.equal(
      "Grandma uses Europe, but this camera is in Mainland China. The invite waits in Mainland China: they must switch Mi Home to Mainland China to see it.",
    );
  });

  it("shows no region warning when the regions match", async () => {
    const { fake, dialog } = await openShare();
    fake.mockService(DOMAIN, "lookup_recipient", () => ({ ...LOOKUP, regions: ["de", "cn"] }));
    await type(dialog, "3000003");
    await click(dialog, "#lookup");
    expect(deepAll(dialog, ".region-warning")).to.have.length(0);
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
    const share = deep<HTMLButtonElement>(first!, "button.share");
    expect(share.disabled).to.equal(true);
    expect(text(deep(first!, "#reason"))).to.equal("This camera model cannot be shared.");
    expect(text(deep(second!, "#reason"))).to.contain("only its owner can share it");
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
    expect(deepAll(dialog, "#recipient")).to.have.length(0);
  });

  it("can be used from the keyboard alone, with focus kept inside", async () => {
    const { fake, dialog, card } = await openShare();
    const active = (): Element | null => dialog.shadowRoot!.activeElement;
    expect(active()?.id).to.equal("kind");
    await sendKeys({ press: "Tab" });
    expect(active()?.id).to.equal("recipient");
    await sendKeys({ type: "3000003" });
    await sendKeys({ press: "Enter" });
    await settle(dialog);
    expect(text(deep(dialog, ".found"))).to.contain("Grandma");
    const order: string[] = [];
    for (let step = 0; step < 12; step += 1) {
      await sendKeys({ press: "Tab" });
      const element = active();
      order.push(element?.id || element?.getAttribute("value") || element?.className || "?");
      expect(dialog.shadowRoot!.contains(element)).to.equal(true);
    }
    expect(order).to.include("send");
    expect(order).to.include("close");
    while (active()?.id !== "send") await sendKeys({ press: "Tab" });
    await sendKeys({ press: "Enter" });
    await settle(dialog);
    expect(fake.serviceCalls.map((call) => call.service)).to.deep.equal(["lookup_recipient", "share"]);
    await sendKeys({ press: "Escape" });
    await settle(card);
    expect(deepAll(card, "xcs-share-dialog")).to.have.length(0);
  });

  it("saves a looked-up person to the address book under a name", async () => {
    const { fake, dialog } = await openShare();
    fake.mockWS("xiaomi_camera_share/recipients/save", () => null);
    fake.mockService(DOMAIN, "lookup_recipient", () => ({ ...LOOKUP, regions: ["de"] }));
    await type(dialog, "3000003");
    await click(dialog, "#lookup");
    expect(deep<HTMLButtonElement>(dialog, "#save-recipient").disabled).to.equal(true);
    const name = deep<HTMLInputElement>(dialog, "#save-name");
    name.value = "Grandma";
    name.dispatchEvent(new Event("input"));
    await settle(dialog);
    await click(dialog, "#save-recipient");
    expect(fake.wsMessages.at(-1)).to.deep.equal({
      type: "xiaomi_camera_share/recipients/save",
      name: "Grandma",
      user_id: "3000003",
      nickname: "Grandma",
      region: "de",
    });
    expect(text(deep(dialog, ".saved"))).to.equal("Saved as “Grandma”.");
  });

  it("shows the failure when the service raises (HA shows the toast)", async () => {
    const { fake, dialog } = await openShare();
    fake.mockService(DOMAIN, "share", () => {
      throw new Error("The recipient has too many shared devices");
    });
    await type(dialog, "3000003");
    await click(dialog, "#lookup");
    await click(dialog, "#send");
    expect(fake.serviceCalls[1]?.notifyOnError).to.equal(true);
    expect(text(deep(dialog, ".result.error"))).to.contain("too many shared devices");
  });

  it("shows the message of a websocket error, which Home Assistant rejects with as a plain object", async () => {
    const { fake, dialog } = await openShare();
    fake.mockService(DOMAIN, "share", () => {
      throw {
        code: "service_validation_error",
        message: "Demo Europe does not use the region Mainland China",
      };
    });
    await type(dialog, "3000003");
    await click(dialog, "#lookup");
    await click(dialog, "#send");
    expect(text(deep(dialog, ".result.error"))).to.contain("does not use the region Mainland China");
  });
});
