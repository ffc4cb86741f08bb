import { expect } from "@esm-bundle/chai";
import { DOMAIN } from "../../../src/data/api.js";
import { FakeHass } from "../fake-hass.js";
import { account, invite, stateDocument } from "../fixtures.js";
import { expectAccessible } from "../axe.js";
import { cleanup, deep, deepAll, mountCard, settle, text } from "../helpers.js";

async function openInbox(): Promise<{ fake: FakeHass; view: HTMLElement; card: HTMLElement }> {
  const fake = new FakeHass();
  const guest = account({
    entry_id: "entry-guest",
    user_id: "4000004",
    nickname: "HA service",
    regions: ["cn"],
  });
  const doc = stateDocument({
    accounts: [account(), guest],
    invites: [
      invite({ invite_id: 501, region: "de", region_in_use: false }),
      invite({
        invite_id: 502,
        region: "cn",
        device_name: "Hall",
        sender_name: "Dad",
        permission: "control",
      }),
      invite({ invite_id: 503, status: "expired", device_name: "Old" }),
    ],
  });
  const { card } = await mountCard({}, { fake, doc });
  const tab = deep(card, "#tab-invites");
  expect(text(tab)).to.equal("Invites (2)");
  tab.click();
  await settle(card);
  return { fake, card, view: deep(card, "xcs-invites-view") };
}

describe("invites inbox", () => {
  afterEach(cleanup);

  it("shows sender, camera, model, permission, expiry and the region it waits in", async () => {
    const { view } = await openInbox();
    const [garden, hall, old] = deepAll(view, "ha-list-item-base");
    expect(text(garden!)).to.contain("Garden Camera isa.camera.hlc7");
    expect(text(garden!)).to.contain("From Neighbour · View only · → HA service");
    expect(text(garden!)).to.match(/Waits in Europe · Expires in (2 days|48 hours)/);
    expect(text(deep(garden!, ".region-note"))).to.contain("does not use Europe");
    expect(deepAll(hall!, ".region-note")).to.have.length(0);
    expect(text(hall!)).to.contain("From Dad · Control");
    expect(text(old!)).to.contain("Expired");
    expect(deepAll(old!, "ha-button")).to.have.length(0);
    await expectAccessible(view);
  });

  it("accepts and declines one invite at a time", async () => {
    const { fake, view } = await openInbox();
    const hall = deepAll(view, "ha-list-item-base")[1]!;
    const accept = deep(hall, "ha-button.accept");
    expect(accept.getAttribute("aria-label")).to.equal("Accept Hall from Dad");
    accept.click();
    await settle(view);
    deep(deepAll(view, "ha-list-item-base")[0]!, "ha-button.decline").click();
    await settle(view);
    expect(fake.serviceCalls.map(({ domain, service, data }) => ({ domain, service, data }))).to.deep.equal([
      { domain: DOMAIN, service: "accept_invite", data: { config_entry_id: "entry-guest", invite_id: 502 } },
      { domain: DOMAIN, service: "decline_invite", data: { config_entry_id: "entry-guest", invite_id: 501 } },
    ]);
  });

  it("says so when nothing waits", async () => {
    const { card } = await mountCard({ sections: ["invites"] });
    expect(text(deep(card, "xcs-invites-view", ".empty"))).to.equal("No invites are waiting.");
  });
});
