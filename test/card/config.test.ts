import { expect } from "@esm-bundle/chai";
import { parseConfig, ConfigError } from "../../src/card/config.js";
import "./stubs.js";
import "../../src/xiaomi-camera-share-card.js";

const TYPE = "custom:xiaomi-camera-share-card";

describe("card config", () => {
  it("fills defaults: two columns, live on tap, every section", () => {
    const config = parseConfig({ type: TYPE });
    expect(config.columns).to.equal(2);
    expect(config.live).to.equal("tap");
    expect(config.sections).to.deep.equal(["cameras", "invites", "history"]);
    expect(config.cameras).to.equal(undefined);
  });

  it("keeps valid options", () => {
    const config = parseConfig({
      type: TYPE,
      columns: 4,
      live: "always",
      sections: ["invites"],
      cameras: ["did-1"],
      tap_action: { action: "navigate", navigation_path: "/lovelace/0" },
      hold_action: { action: "none" },
    });
    expect(config).to.include({ columns: 4, live: "always" });
    expect(config.tap_action).to.deep.equal({ action: "navigate", navigation_path: "/lovelace/0" });
    expect(config.sections).to.deep.equal(["invites"]);
    expect(config.cameras).to.deep.equal(["did-1"]);
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ["columns out of range", { columns: 0 }, /columns/],
    ["fractional columns", { columns: 2.5 }, /columns/],
    ["unknown live mode", { live: "sometimes" }, /live/],
    ["cameras not a list", { cameras: "did-1" }, /cameras/],
    ["unknown section", { sections: ["cameras", "logs"] }, /sections/],
    ["no section", { sections: [] }, /sections/],
    ["unknown option", { colums: 3 }, /colums/],
    ["title not text", { title: 5 }, /title/],
    ["an action that is no mapping", { tap_action: "more-info" }, /tap_action/],
    ["an unknown action", { hold_action: { action: "teleport" } }, /hold_action/],
    ["an empty action", { double_tap_action: null }, /double_tap_action/],
  ];
  for (const [name, extra, message] of bad) {
    it(`rejects ${name}`, () => {
      expect(() => parseConfig({ type: TYPE, ...extra })).to.throw(ConfigError, message);
    });
  }

  it("setConfig throws a plain Error with a clear message, which HA turns into an error card", () => {
    const card = document.createElement("xiaomi-camera-share-card");
    expect(() => card.setConfig({ type: TYPE, columns: 9 })).to.throw(
      Error,
      /Invalid configuration: "columns"/,
    );
  });

  it("offers a stub config, grid options and a card size", async () => {
    const Card = customElements.get("xiaomi-camera-share-card") as unknown as {
      getStubConfig(): Record<string, unknown>;
    };
    expect(Card.getStubConfig()).to.deep.equal({ type: TYPE });
    const card = document.createElement("xiaomi-camera-share-card");
    card.setConfig({ type: TYPE });
    expect(card.getGridOptions()).to.include({ columns: 12, min_rows: 4 });
    expect(card.getCardSize()).to.be.greaterThan(1);
  });

  it("registers a card picker entry that suggests itself for camera entities only", () => {
    const entry = window.customCards?.find((each) => each.type === "xiaomi-camera-share-card");
    expect(entry?.name).to.equal("Xiaomi Camera Share");
    const suggest = entry?.getEntitySuggestion;
    expect(suggest).to.be.a("function");
    const hass = {} as never;
    expect(suggest?.(hass, "camera.front_door")?.config).to.deep.equal({
      type: TYPE,
      cameras: ["camera.front_door"],
    });
    expect(suggest?.(hass, "light.kitchen")).to.equal(null);
  });
});
