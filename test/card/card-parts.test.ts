// The parts of the card loaded on first use (tabs, dialogs): what a user sees when one
// cannot load, say offline or with an old main file cached after an update.
import { expect } from "@esm-bundle/chai";
import { CARD_PARTS } from "../../src/xiaomi-camera-share-card.js";
import { cleanup, deep, deepAll, mountCard, settle, text } from "./helpers.js";

type PartName = keyof typeof CARD_PARTS;

/** Runs `body` while `part` fails to load as a chunk that cannot be fetched does. */
async function whileMissing(part: PartName, body: () => Promise<void>): Promise<void> {
  const real = CARD_PARTS[part];
  CARD_PARTS[part] = () => Promise.reject(new TypeError("Failed to fetch dynamically imported module"));
  try {
    await body();
  } finally {
    CARD_PARTS[part] = real;
  }
}

describe("card: parts loaded on first use", () => {
  afterEach(cleanup);

  it("says so when a tab cannot load, and loads it on the next visit", async () => {
    const { card } = await mountCard();
    await whileMissing("xcs-history-view", async () => {
      deep(card, "#tab-history").click();
      await settle(card);
      expect(text(deep(card, ".part-failed"))).to.contain("could not be loaded");
      expect(deep(card, ".part-failed").getAttribute("role")).to.equal("alert");
      expect(deepAll(card, "xcs-history-view")).to.have.length(0);
    });
    deep(card, "#tab-cameras").click();
    await settle(card);
    expect(deepAll(card, ".part-failed")).to.have.length(0);
    deep(card, "#tab-history").click();
    await settle(card);
    expect(deepAll(card, ".part-failed")).to.have.length(0);
    expect(deepAll(card, "xcs-history-view")).to.have.length(1);
  });

  it("says so when a dialog cannot open, and opens it once it loads", async () => {
    const { card } = await mountCard();
    const share = (): HTMLElement => deep(deepAll(card, "xcs-camera-grid", "xcs-camera-tile")[0]!, ".share");
    await whileMissing("xcs-share-dialog", async () => {
      share().click();
      await settle(card);
      expect(text(deep(card, ".part-failed"))).to.contain("Reload the page");
      expect(deepAll(card, "xcs-share-dialog")).to.have.length(0);
    });
    share().click();
    await settle(card);
    expect(deepAll(card, ".part-failed")).to.have.length(0);
    expect(deepAll(card, "xcs-share-dialog")).to.have.length(1);
  });
});
