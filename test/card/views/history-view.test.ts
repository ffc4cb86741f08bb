import { expect } from "@esm-bundle/chai";
import { WS } from "../../../src/data/api.js";
import { HISTORY_PAGE_SIZE } from "../../../src/views/history-view.js";
import type { HistoryEntry } from "../../../src/data/state.js";
import { FakeHass } from "../fake-hass.js";
import { historyEntry, stateDocument } from "../fixtures.js";
import { cleanup, deep, deepAll, mountCard, settle, text } from "../helpers.js";

const range = (from: number, to: number): number[] =>
  Array.from({ length: from - to + 1 }, (_, index) => from - index);

describe("history view", () => {
  afterEach(cleanup);

  it("shows the recent entries and pages through older ones until there are no more", async () => {
    const fake = new FakeHass();
    const all = range(50, 1).map((id) => historyEntry(id));
    fake.mockWS(WS.history, (msg) => {
      const { before_id: before, limit } = msg as unknown as { before_id: number; limit: number };
      return { entries: all.filter((entry) => entry.id < before).slice(0, limit) };
    });
    const doc = stateDocument({ history: all.slice(0, HISTORY_PAGE_SIZE) });
    const { card } = await mountCard({ sections: ["history"] }, { fake, doc });
    const view = deep(card, "xcs-history-view");
    const ids = (): number[] => deepAll(view, "li").map((li) => Number(li.dataset.id));
    expect(ids()).to.deep.equal(range(50, 31));
    deep(view, "button.more").click();
    await settle(view);
    expect(fake.wsMessages.at(-1)).to.deep.equal({
      type: WS.history,
      limit: HISTORY_PAGE_SIZE,
      before_id: 31,
    });
    expect(ids()).to.deep.equal(range(50, 11));
    deep(view, "button.more").click();
    await settle(view);
    expect(ids()).to.deep.equal(range(50, 1));
    expect(deepAll(view, "button.more")).to.have.length(0);
  });

  it("describes each kind of entry", async () => {
    const entries: HistoryEntry[] = [
      historyEntry(3, { type: "share_expired", nickname: "Grandma", camera_name: "Hall" }),
      historyEntry(2, { type: "action_failed", camera_name: "Hall", message: "cloud_unreachable" }),
      historyEntry(1, { type: "invite_received", nickname: null, user_id: null, camera_name: null }),
    ];
    const { card } = await mountCard({ sections: ["history"] }, { doc: stateDocument({ history: entries }) });
    const lines = deepAll(card, "xcs-history-view", "li").map((li) => text(li));
    expect(lines[0]).to.match(/^Share of Hall with Grandma expired /);
    expect(lines[1]).to.match(/^An action on Hall failed: cloud_unreachable /);
    expect(lines[2]).to.match(/^someone invited you to a camera /);
  });

  it("says so when the log is empty", async () => {
    const { card } = await mountCard({ sections: ["history"] });
    expect(text(deep(card, "xcs-history-view", ".empty"))).to.equal("Nothing has happened yet.");
  });
});
