import { expect } from "@esm-bundle/chai";
import { DOMAIN } from "../../../src/data/api.js";
import { extendedUntil } from "../../../src/dialogs/manage-dialog.js";
import { FakeHass } from "../fake-hass.js";
import { camera, inHours, stateDocument } from "../fixtures.js";
import { expectAccessible } from "../axe.js";
import { cleanup, deep, deepAll, mountCard, settle, text } from "../helpers.js";

async function openManage(): Promise<{ fake: FakeHass; dialog: HTMLElement; card: HTMLElement }> {
  const fake = new FakeHass();
  const doc = stateDocument({
    cameras: [
      camera(1, {
        sharees: [
          {
            user_id: "3000003",
            nickname: "Grandma Li",
            recipient_name: "Grandma",
            status: "accepted",
            permission: "view_only",
            since: "2030-01-01T08:00:00+00:00",
            expires_at: inHours(5),
          },
          {
            user_id: "3000004",
            nickname: "Cousin",
            status: "pending",
            permission: "control",
            expires_at: null,
          },
        ],
      }),
    ],
  });
  const { card } = await mountCard({}, { fake, doc });
  deep(card, "xcs-camera-grid", "xcs-camera-tile", "ha-button.manage").click();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await settle(card);
  return { fake, card, dialog: deep(card, "xcs-manage-dialog") };
}

describe("manage access dialog", () => {
  afterEach(cleanup);

  it("lists every sharee with status, permission, since and an expiry countdown", async () => {
    const { dialog } = await openManage();
    const [grandma, cousin] = deepAll(dialog, "ha-list-item-base");
    expect(text(deep(grandma!, ".name"))).to.equal("Grandma (Grandma Li)");
    expect(text(deep(grandma!, ".status"))).to.match(/^Has access · View only · Since /);
    expect(text(deep(grandma!, ".expiry"))).to.match(/^Expires in 5 hours · \w{3} \d+, \d{4}/);
    expect(text(deep(cousin!, ".status"))).to.equal("Invite pending · Control");
    expect(text(deep(cousin!, ".expiry"))).to.equal("Permanent");
    expect(deepAll(cousin!, "ha-button.extend")).to.have.length(0);
    await expectAccessible(dialog);
  });

  it("revokes one person", async () => {
    const { fake, dialog } = await openManage();
    const cousin = deepAll(dialog, "ha-list-item-base")[1]!;
    const revoke = deep(cousin, "ha-button.revoke");
    expect(revoke.getAttribute("aria-label")).to.equal("Revoke access of Cousin");
    revoke.click();
    await settle(dialog);
    expect(fake.serviceCalls).to.deep.equal([
      {
        domain: DOMAIN,
        service: "revoke",
        data: { device_id: ["device-1"], recipient: "3000004" },
        notifyOnError: true,
        returnResponse: false,
      },
    ]);
  });

  it("extends a timed share from its current end", async () => {
    const { fake, dialog } = await openManage();
    const grandma = deepAll(dialog, "ha-list-item-base")[0]!;
    deep(grandma, "ha-button.extend[data-hours='24']").click();
    await settle(dialog);
    const call = fake.serviceCalls[0]!;
    expect(call.service).to.equal("set_expiry");
    expect(call.data.device_id).to.deep.equal(["device-1"]);
    expect(call.data.recipient).to.equal("3000003");
    // 5 h left + 24 h = about 29 h from now, sent as seconds.
    const seconds = (call.data.duration as { seconds: number }).seconds;
    expect(seconds).to.be.within(29 * 3600 - 120, 29 * 3600 + 60);
  });

  it("makes a timed share permanent", async () => {
    const { fake, dialog } = await openManage();
    deep(deepAll(dialog, "ha-list-item-base")[0]!, "ha-button.permanent").click();
    await settle(dialog);
    expect(fake.serviceCalls[0]?.service).to.equal("set_expiry");
    expect(fake.serviceCalls[0]?.data).to.deep.equal({ device_id: ["device-1"], recipient: "3000003" });
  });

  it("computes extensions from now once a share has already ended", () => {
    const now = new Date("2030-01-02T00:00:00Z");
    expect(extendedUntil("2030-01-01T00:00:00Z", 1, now).toISOString()).to.equal("2030-01-02T01:00:00.000Z");
    expect(extendedUntil("2030-01-03T00:00:00Z", 1, now).toISOString()).to.equal("2030-01-03T01:00:00.000Z");
  });

  it("closes with the close button and unmounts", async () => {
    const { card, dialog } = await openManage();
    deep(dialog, "ha-dialog", "button[aria-label=Close]").click();
    await settle(card);
    expect(deepAll(card, "xcs-manage-dialog")).to.have.length(0);
  });
});
