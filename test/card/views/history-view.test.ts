import { expect } from "@esm-bundle/chai";
import { WS } from "../../../src/data/api.js";
import { HISTORY_PAGE_SIZE } from "../../../src/views/history-view.js";
import type { HistoryEntry } from "../../../src/data/state.js";
import { FakeHass } from "../fake-hass.js";
import { historyEntry, stateDocument } from "../fixtures.js";
import { expectAccessible } from "../axe.js";
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
    const ids = (): number[] => deepAll(view, "ha-list-item-base").map((li) => Number(li.dataset.id));
    expect(ids()).to.deep.equal(range(50, 31));
    deep(view, "ha-button.more").click();
    await settle(view);
    expect(fake.wsMessages.at(-1)).to.deep.equal({
      type: WS.history,
      limit: HISTORY_PAGE_SIZE,
      before_id: 31,
    });
    expect(ids()).to.deep.equal(range(50, 11));
    deep(view, "ha-button.more").click();
    await settle(view);
    expect(ids()).to.deep.equal(range(50, 1));
    expect(deepAll(view, "ha-button.more")).to.have.length(0);
  });

  it("describes each kind of entry", async () => {
    const entries: HistoryEntry[] = [
      historyEntry(3, { type: "share_expired", nickname: "Grandma", camera_name: "Hall" }),
      historyEntry(2, { type: "action_failed", camera_name: "Hall", message: "cloud_unreachable" }),
      historyEntry(1, { type: "invite_received", nickname: null, user_id: null, camera_name: null }),
    ];
    const { card } = await mountCard({ sections: ["history"] }, { doc: stateDocument({ history: entries }) });
    const lines = deepAll(card, "xcs-history-view", "ha-list-item-base").map((li) => text(li));
    expect(lines[0]).to.match(/^Share of Hall with Grandma expired /);
    expect(lines[1]).to.match(/^An action on Hall failed: cloud_unreachable /);
    expect(lines[2]).to.match(/^someone invited you to a camera /);
    await expectAccessible(deep(card, "xcs-history-view"));
  });

  it("stamps entries in the zone and clock the user's profile asks for", async () => {
    const entries = [historyEntry(1, { time: "2030-01-02T06:38:00Z" })];
    const fake = new FakeHass({
      locale: { time_zone: "server", time_format: "24" },
      serverTimeZone: "Asia/Shanghai",
    });
    const { card } = await mountCard(
      { sections: ["history"] },
      { fake, doc: stateDocument({ history: entries }) },
    );
    expect(text(deep(card, "xcs-history-view", "time"))).to.equal("Jan 2, 2030, 14:38");
    card.hass = fake.setLocale({ time_zone: "server", time_format: "12" });
    await settle(card);
    expect(text(deep(card, "xcs-history-view", "time"))).to.equal("Jan 2, 2030, 2:38 PM");
  });

  it("says so when the log is empty", async () => {
    const { card } = await mountCard({ sections: ["history"] });
    expect(text(deep(card, "xcs-history-view", ".empty"))).to.equal("Nothing has happened yet.");
  });
});
