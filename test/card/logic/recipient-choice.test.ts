// The recipient picker's choices: what each kind looks up, and what is known of the person found.
import { expect } from "@esm-bundle/chai";
import {
  FIRST_KIND,
  KINDS,
  accountOptions,
  canSaveRecipient,
  inputMode,
  lookupQuery,
  otherAccounts,
  recipientRegion,
  regionMismatch,
  savedOptions,
} from "../../../src/dialogs/recipient-choice.js";
import type { Recipient } from "../../../src/data/state.js";
import { account } from "../fixtures.js";

const HOME = account();
const GUEST = account({
  entry_id: "entry-guest",
  user_id: "2000002",
  nickname: "Guest",
  regions: ["de", "cn"],
});
const KID = account({ entry_id: "entry-kid", user_id: "4000004", nickname: "Kid", regions: ["sg"] });
const INPUT = { typed: "  +86 138 0013 8000 ", saved: "Grandma", account: "entry-guest" };

describe("recipient choices", () => {
  it("offers Xiaomi ID, phone, saved recipient and account, starting with Xiaomi ID", () => {
    expect(KINDS).to.deep.equal(["xiaomi_id", "phone", "saved", "account"]);
    expect(FIRST_KIND).to.equal("xiaomi_id");
  });

  it("looks up the typed text trimmed, a saved recipient's name, or the chosen account's user id", () => {
    const candidates = otherAccounts([HOME, GUEST, KID], "entry-home");
    expect(lookupQuery("xiaomi_id", INPUT, candidates)).to.equal("+86 138 0013 8000");
    expect(lookupQuery("phone", INPUT, candidates)).to.equal("+86 138 0013 8000");
    expect(lookupQuery("saved", INPUT, candidates)).to.equal("Grandma");
    expect(lookupQuery("account", INPUT, candidates)).to.equal("2000002");
    expect(lookupQuery("account", { ...INPUT, account: "entry-kid" }, candidates)).to.equal("4000004");
    expect(lookupQuery("account", { ...INPUT, account: "entry-home" }, candidates)).to.equal("");
    expect(lookupQuery("account", { ...INPUT, account: "" }, candidates)).to.equal("");
  });

  it("never offers the sharing account itself as a recipient", () => {
    expect(otherAccounts([HOME, GUEST, KID], "entry-home")).to.deep.equal([GUEST, KID]);
    expect(otherAccounts([HOME, GUEST], "entry-guest")).to.deep.equal([HOME]);
  });

  it("keeps only typed people in the address book", () => {
    expect(canSaveRecipient("xiaomi_id")).to.equal(true);
    expect(canSaveRecipient("phone")).to.equal(true);
    expect(canSaveRecipient("saved")).to.equal(false);
    expect(canSaveRecipient("account")).to.equal(false);
  });

  it("gives a phone number a phone keyboard, and a Xiaomi ID a numeric one", () => {
    expect(inputMode("phone")).to.deep.equal({ type: "tel", inputmode: "tel" });
    expect(inputMode("xiaomi_id")).to.deep.equal({ type: "text", inputmode: "numeric" });
  });

  it("knows the person's region from the look-up, their account here, or the address book", () => {
    const saved: Recipient[] = [{ name: "Grandma", user_id: "3000003", region: "us" }];
    // The look-up says: the camera's region where it is one of theirs, else their first.
    expect(recipientRegion({ user_id: "9", regions: ["de", "cn"] }, "cn", [], [])).to.equal("cn");
    expect(recipientRegion({ user_id: "9", regions: ["de", "sg"] }, "cn", [], [])).to.equal("de");
    // An account configured here.
    expect(recipientRegion({ user_id: "2000002" }, "cn", [HOME, GUEST], saved)).to.equal("cn");
    expect(recipientRegion({ user_id: "4000004", regions: null }, "cn", [HOME, KID], saved)).to.equal("sg");
    // The address book, when the look-up and the accounts say nothing.
    expect(recipientRegion({ user_id: "3000003", regions: [] }, "cn", [HOME], saved)).to.equal("us");
    expect(recipientRegion({ user_id: "3000003" }, "cn", [HOME], saved)).to.equal("us");
    expect(recipientRegion({ user_id: "5000005" }, "cn", [HOME], saved)).to.equal(undefined);
    expect(
      recipientRegion(
        { user_id: "3000003" },
        "cn",
        [],
        [{ name: "Grandma", user_id: "3000003", region: null }],
      ),
    ).to.equal(undefined);
  });

  it("warns only when the person is known to use another region", () => {
    expect(regionMismatch("de", "cn")).to.equal(true);
    expect(regionMismatch("cn", "cn")).to.equal(false);
    expect(regionMismatch(undefined, "cn")).to.equal(false);
  });

  it("names saved recipients with their nickname, and accounts with their Xiaomi ID", () => {
    expect(
      savedOptions([
        { name: "Grandma", user_id: "3000003", nickname: "Oma" },
        { name: "Neighbour", user_id: "6000006", nickname: null },
      ]),
    ).to.deep.equal([
      { value: "Grandma", label: "Grandma (Oma)" },
      { value: "Neighbour", label: "Neighbour" },
    ]);
    expect(accountOptions([GUEST, KID])).to.deep.equal([
      { value: "entry-guest", label: "Guest (2000002)" },
      { value: "entry-kid", label: "Kid (4000004)" },
    ]);
  });
});
