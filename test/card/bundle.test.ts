// The shipped bundle on its own: it registers the card and the picker entry, and renders.
import { expect } from "@esm-bundle/chai";
import "./stubs.js";
import "../../custom_components/xiaomi_camera_share/frontend/xiaomi-camera-share-card.js";
import { FakeHass } from "./fake-hass.js";
import { stateDocument } from "./fixtures.js";

describe("built bundle", () => {
  it("defines the card and its picker entry and renders the grid", async () => {
    expect(customElements.get("xiaomi-camera-share-card")).to.not.equal(undefined);
    expect(window.customCards?.filter((entry) => entry.type === "xiaomi-camera-share-card")).to.have.length(
      1,
    );
    const fake = new FakeHass();
    const card = document.createElement("xiaomi-camera-share-card");
    card.setConfig({ type: "custom:xiaomi-camera-share-card" });
    card.hass = fake.hass;
    document.body.append(card);
    await card.updateComplete;
    fake.pushEvent("xiaomi_camera_share/subscribe", stateDocument());
    await card.updateComplete;
    const grid = card.shadowRoot?.querySelector("xcs-camera-grid") as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    await grid.updateComplete;
    expect(grid.shadowRoot?.querySelectorAll("xcs-camera-tile")).to.have.length(4);
    card.remove();
  });

  it("loads its chunks from next to it: a Chinese string table and the inbox tab", async () => {
    expect(customElements.get("xcs-invites-view")).to.equal(undefined);
    const fake = new FakeHass({ language: "zh-Hant" });
    const card = document.createElement("xiaomi-camera-share-card");
    card.setConfig({ type: "custom:xiaomi-camera-share-card" });
    card.hass = fake.hass;
    document.body.append(card);
    fake.pushEvent("xiaomi_camera_share/subscribe", stateDocument());
    await card.updateComplete;
    const tab = (id: string) => card.shadowRoot?.querySelector<HTMLElement>(`#tab-${id}`);
    expect(tab("cameras")?.textContent?.trim()).to.equal("攝影機");
    tab("invites")?.click();
    await card.updateComplete;
    expect(customElements.get("xcs-invites-view")).to.not.equal(undefined);
    expect(card.shadowRoot?.querySelector("xcs-invites-view")).to.not.equal(null);
    card.remove();
  });
});
