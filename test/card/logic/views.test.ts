// The manage dialog's rows, the invites inbox and the history list, apart from their elements.
import { expect } from "@esm-bundle/chai";
import { EXTENSIONS, extendedUntil, shareeName } from "../../../src/dialogs/sharee-access.js";
import {
  HISTORY_PAGE_SIZE,
  entryValues,
  mayHaveOlder,
  mergeEntries,
} from "../../../src/views/history-entries.js";
import {
  isAnswerable,
  needsRegionNote,
  receiverOf,
  showsCountdown,
} from "../../../src/views/invite-facts.js";
import { makeLocalize } from "../../../src/localize/localize.js";
import { account, historyEntry, invite } from "../fixtures.js";

const localize = makeLocalize("en");

describe("manage dialog rows", () => {
  it("extends by an hour, a day or a week", () => {
    expect(EXTENSIONS).to.deep.equal([
      { key: "manage.extend.1h", hours: 1 },
      { key: "manage.extend.1d", hours: 24 },
      { key: "manage.extend.1w", hours: 168 },
    ]);
  });

  it("extends from the current end, or from now once that has passed", () => {
    const now = new Date("2030-01-02T00:00:00Z");
    expect(extendedUntil("2030-01-03T00:00:00Z", 24, now).toISOString()).to.equal("2030-01-04T00:00:00.000Z");
    expect(extendedUntil("2030-01-01T00:00:00Z", 1, now).toISOString()).to.equal("2030-01-02T01:00:00.000Z");
    expect(extendedUntil("2030-01-02T00:00:00Z", 168, now).toISOString()).to.equal(
      "2030-01-09T00:00:00.000Z",
    );
  });

  it("names a sharee by the address book, else by their nickname", () => {
    expect(shareeName({ recipient_name: "Grandma", nickname: "Oma" })).to.equal("Grandma");
    expect(shareeName({ recipient_name: null, nickname: "Oma" })).to.equal("Oma");
    expect(shareeName({ nickname: "Oma" })).to.equal("Oma");
  });
});

describe("invites inbox", () => {
  it("answers and counts down only pending invites", () => {
    expect(isAnswerable(invite())).to.equal(true);
    expect(isAnswerable(invite({ status: "expired" }))).to.equal(false);
    expect(showsCountdown(invite())).to.equal(true);
    expect(showsCountdown(invite({ expires_at: null }))).to.equal(false);
    expect(showsCountdown(invite({ status: "expired" }))).to.equal(false);
  });

  it("names the account here that receives the invite", () => {
    const guest = account({ entry_id: "entry-guest", nickname: "Guest" });
    expect(receiverOf(invite(), [account(), guest])).to.equal(guest);
    expect(receiverOf(invite({ entry_id: "entry-gone" }), [account(), guest])).to.equal(undefined);
  });

  it("notes a region only when the receiving account is known not to use it", () => {
    expect(needsRegionNote(invite({ region_in_use: false }))).to.equal(true);
    expect(needsRegionNote(invite({ region_in_use: true }))).to.equal(false);
    expect(needsRegionNote(invite({ region_in_use: undefined }))).to.equal(false);
  });
});

describe("history list", () => {
  it("lists recent and older entries once each, newest first", () => {
    const merged = mergeEntries(
      [historyEntry(5), historyEntry(7)],
      [historyEntry(3), historyEntry(5, { nickname: "later copy" }), historyEntry(4)],
    );
    expect(merged.map((entry) => entry.id)).to.deep.equal([7, 5, 4, 3]);
    expect(merged[1]?.nickname).to.equal("later copy");
    expect(mergeEntries([], [])).to.deep.equal([]);
  });

  it("expects older entries only when the recent ones fill a page", () => {
    expect(HISTORY_PAGE_SIZE).to.equal(20);
    expect(mayHaveOlder(20)).to.equal(true);
    expect(mayHaveOlder(21)).to.equal(true);
    expect(mayHaveOlder(19)).to.equal(false);
  });

  it("names the person, the camera and the message of an entry, or says someone and a camera", () => {
    expect(entryValues(historyEntry(1, { nickname: "Grandma", message: "timeout" }), localize)).to.deep.equal(
      {
        nickname: "Grandma",
        camera: "Camera 1",
        message: "timeout",
      },
    );
    expect(entryValues(historyEntry(1, { nickname: null }), localize).nickname).to.equal("3000003");
    expect(
      entryValues(historyEntry(1, { nickname: null, user_id: null, camera_name: null }), localize),
    ).to.deep.equal({ nickname: "someone", camera: "a camera", message: "" });
  });
});
