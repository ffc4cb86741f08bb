import { expect } from "@esm-bundle/chai";
import { DOMAIN } from "../../../src/data/api.js";
import type { Account, Recipient } from "../../../src/data/state.js";
import "../../../src/dialogs/recipient-picker.js";
import type { RecipientChange, RecipientPicker } from "../../../src/dialogs/recipient-picker.js";
import { loadStrings, makeLocalize } from "../../../src/localize/localize.js";
import { FakeHass } from "../fake-hass.js";
import { account } from "../fixtures.js";
import { deep, deepAll, settle, text } from "../helpers.js";
import type { StubButton, StubInput, StubSelect } from "../stubs.js";

const LOOKUP = { user_id: "3000003", nickname: "Grandma", entry_id: null, regions: null };
const GUEST = account({
  entry_id: "entry-guest",
  user_id: "4000004",
  nickname: "HA service",
  regions: ["cn"],
});

interface Mounted {
  fake: FakeHass;
  picker: RecipientPicker;
  /** Every change the picker reported, oldest first. */
  changes: RecipientChange[];
}

async function mountPicker(
  options: { accounts?: Account[]; recipients?: Recipient[]; language?: string } = {},
): Promise<Mounted> {
  const fake = new FakeHass({ language: options.language });
  fake.mockService(DOMAIN, "lookup_recipient", () => LOOKUP);
  const picker = document.createElement("xcs-recipient-picker");
  picker.hass = fake.hass;
  await loadStrings(options.language);
  picker.localize = makeLocalize(options.language ?? "en");
  picker.entryId = "entry-home";
  picker.region = "cn";
  picker.accounts = options.accounts ?? [account()];
  picker.recipients = options.recipients ?? [];
  const changes: RecipientChange[] = [];
  picker.addEventListener("xcs-recipient-change", (event) => changes.push(event.detail));
  document.body.append(picker);
  await settle(picker);
  return { fake, picker, changes };
}

async function type(picker: HTMLElement, value: string): Promise<void> {
  const input = deep<HTMLInputElement>(picker, "#recipient");
  input.value = value;
  input.dispatchEvent(new Event("input"));
  await settle(picker);
}

/** Chooses in an ha-select as HA's fires it: `selected` with the value. */
async function choose(picker: HTMLElement, selector: string, value: string): Promise<void> {
  deep(picker, selector).dispatchEvent(new CustomEvent("selected", { detail: { value } }));
  await settle(picker);
}

async function click(picker: HTMLElement, selector: string): Promise<void> {
  deep(picker, selector).click();
  await settle(picker);
}

describe("recipient picker", () => {
  afterEach(() => {
    for (const picker of document.querySelectorAll("xcs-recipient-picker")) picker.remove();
  });

  it("looks a typed Xiaomi ID up through the sharing account and reports the person found", async () => {
    const { fake, picker, changes } = await mountPicker();
    expect(deep<StubButton>(picker, "#lookup").disabled).to.equal(true);
    await type(picker, " 3000003 ");
    await click(picker, "#lookup");
    expect(fake.serviceCalls).to.deep.equal([
      {
        domain: DOMAIN,
        service: "lookup_recipient",
        data: { config_entry_id: "entry-home", recipient: "3000003", region: "cn" },
        notifyOnError: true,
        returnResponse: true,
      },
    ]);
    expect(text(deep(picker, ".found"))).to.equal("Found Grandma (3000003)");
    expect(changes.at(-1)).to.deep.equal({
      kind: "xiaomi_id",
      recipient: { user_id: "3000003", nickname: "Grandma" },
    });
  });

  it("forgets the person found as soon as the choice changes", async () => {
    const { picker, changes } = await mountPicker();
    await type(picker, "3000003");
    await click(picker, "#lookup");
    await type(picker, "30000034");
    expect(changes.at(-1)).to.deep.equal({ kind: "xiaomi_id", recipient: null });
    expect(deepAll(picker, ".found")).to.have.length(0);
    await choose(picker, "#kind", "phone");
    expect(changes.at(-1)).to.deep.equal({ kind: "phone", recipient: null });
    expect(deep<StubInput & { inputMode: string }>(picker, "#recipient").type).to.equal("tel");
    expect(deep<StubInput>(picker, "#recipient").label).to.equal("Phone number");
  });

  it("looks a saved recipient up by name and reports their user id", async () => {
    const grandma: Recipient = {
      name: "Grandma",
      user_id: "3000003",
      nickname: "Grandma",
      region: "cn",
      entry_id: null,
    };
    const { fake, picker, changes } = await mountPicker({ recipients: [grandma] });
    await choose(picker, "#kind", "saved");
    await choose(picker, "#recipient", "Grandma");
    await click(picker, "#lookup");
    expect(fake.serviceCalls[0]?.data.recipient).to.equal("Grandma");
    expect(changes.at(-1)).to.deep.equal({
      kind: "saved",
      recipient: { user_id: "3000003", nickname: "Grandma" },
    });
    expect(deepAll(picker, "#save-name")).to.have.length(0);
  });

  it("offers the other accounts configured here, not the sharing one", async () => {
    const { fake, picker, changes } = await mountPicker({ accounts: [account(), GUEST] });
    fake.mockService(DOMAIN, "lookup_recipient", () => ({
      user_id: "4000004",
      nickname: "HA service",
      entry_id: "entry-guest",
      regions: ["cn"],
    }));
    await choose(picker, "#kind", "account");
    const options = deep<StubSelect>(picker, "#recipient").options.map((each) => each.value);
    expect(options).to.deep.equal(["entry-guest"]);
    await choose(picker, "#recipient", "entry-guest");
    await click(picker, "#lookup");
    expect(fake.serviceCalls[0]?.data.recipient).to.equal("4000004");
    expect(changes.at(-1)).to.deep.equal({
      kind: "account",
      recipient: { user_id: "4000004", nickname: "HA service" },
    });
  });

  it("says when there is nobody to choose", async () => {
    const { picker } = await mountPicker();
    await choose(picker, "#kind", "saved");
    expect(text(deep(picker, ".muted"))).to.equal("No saved recipients yet.");
    await choose(picker, "#kind", "account");
    expect(text(deep(picker, ".muted"))).to.equal("No other account is configured here.");
  });

  it("says when nobody is found, and reports no person", async () => {
    const { fake, picker, changes } = await mountPicker();
    fake.mockService(DOMAIN, "lookup_recipient", () => {
      throw { code: "service_validation_error", message: "Validation error: not found" };
    });
    await type(picker, "3000009");
    await click(picker, "#lookup");
    expect(text(deep(picker, ".lookup-failed"))).to.equal("Nobody was found for this recipient.");
    expect(changes.at(-1)).to.deep.equal({ kind: "xiaomi_id", recipient: null });
  });

  it("drops the answer to an earlier look-up once the text changed", async () => {
    const { fake, picker, changes } = await mountPicker();
    let answer!: (value: unknown) => void;
    fake.mockService(DOMAIN, "lookup_recipient", () => new Promise((resolve) => (answer = resolve)));
    await type(picker, "3000003");
    await click(picker, "#lookup");
    await type(picker, "3000004");
    answer(LOOKUP);
    await settle(picker);
    expect(changes.at(-1)).to.deep.equal({ kind: "xiaomi_id", recipient: null });
    expect(deepAll(picker, ".found")).to.have.length(0);
  });

  it("warns plainly when the recipient uses another region", async () => {
    const { fake, picker } = await mountPicker();
    fake.mockService(DOMAIN, "lookup_recipient", () => ({
      ...LOOKUP,
      entry_id: "entry-eu",
      regions: ["de"],
    }));
    await type(picker, "3000003");
    await click(picker, "#lookup");
    expect(text(deep(picker, ".region-warning"))).to.equal(
      "Grandma uses Europe, but this camera is in Mainland China. The invite waits in Mainland China: they must switch Mi Home to Mainland China to see it.",
    );
  });

  it("names the regions of the warning in the user's language", async () => {
    const { fake, picker } = await mountPicker({ language: "zh-Hant" });
    fake.mockService(DOMAIN, "lookup_recipient", () => ({ ...LOOKUP, regions: ["de"] }));
    await type(picker, "3000003");
    await click(picker, "#lookup");
    const warning = text(deep(picker, ".region-warning"));
    expect(warning).to.contain("歐洲");
    expect(warning).to.contain("中國大陸");
  });

  it("shows no region warning when the regions match", async () => {
    const { fake, picker } = await mountPicker();
    fake.mockService(DOMAIN, "lookup_recipient", () => ({ ...LOOKUP, regions: ["de", "cn"] }));
    await type(picker, "3000003");
    await click(picker, "#lookup");
    expect(deepAll(picker, ".region-warning")).to.have.length(0);
  });

  it("saves a looked-up person to the address book under a name", async () => {
    const { fake, picker } = await mountPicker();
    fake.mockWS("xiaomi_camera_share/recipients/save", () => null);
    fake.mockService(DOMAIN, "lookup_recipient", () => ({ ...LOOKUP, regions: ["de"] }));
    await type(picker, "3000003");
    await click(picker, "#lookup");
    expect(deep<StubButton>(picker, "#save-recipient").disabled).to.equal(true);
    const name = deep<HTMLInputElement>(picker, "#save-name");
    name.value = "Grandma";
    name.dispatchEvent(new Event("input"));
    await settle(picker);
    await click(picker, "#save-recipient");
    expect(fake.wsMessages.at(-1)).to.deep.equal({
      type: "xiaomi_camera_share/recipients/save",
      name: "Grandma",
      user_id: "3000003",
      nickname: "Grandma",
      region: "de",
    });
    expect(text(deep(picker, ".saved"))).to.equal("Saved as “Grandma”.");
  });
});
