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
});
