// The card's words: the language chosen, placeholders filled, regions named, errors worded.
import { expect } from "@esm-bundle/chai";
import { DOMAIN, ServiceCallError } from "../../../src/data/api.js";
import { en } from "../../../src/localize/en.js";
import {
  languageOf,
  loadStrings,
  makeLocalize,
  stringsFor,
  stringsLoaded,
} from "../../../src/localize/localize.js";
import { regionList, regionName } from "../../../src/localize/regions.js";
import { serviceErrorText } from "../../../src/localize/service-error.js";
import { zhHans } from "../../../src/localize/zh-Hans.js";
import { zhHant } from "../../../src/localize/zh-Hant.js";
import type { HomeAssistant } from "../../../src/ha/types.js";
import { FakeHass } from "../fake-hass.js";

describe("localize", () => {
  it("speaks English until a Chinese table has loaded, which it loads once, on first use", async () => {
    expect(stringsLoaded("en")).to.equal(true);
    expect(stringsLoaded("de")).to.equal(true);
    expect(stringsLoaded("zh-CN")).to.equal(false);
    expect(stringsFor("zh-CN")).to.deep.equal({ strings: en, tag: "en" });
    expect(makeLocalize("zh-CN")("tab.history")).to.equal(en["tab.history"]);
    const first = loadStrings("zh-CN");
    expect(loadStrings("zh-Hans")).to.equal(first);
    await first;
    expect(stringsLoaded("zh-Hans")).to.equal(true);
    expect(stringsLoaded("zh-TW")).to.equal(false);
    expect(makeLocalize("zh-CN")("tab.history")).to.equal(zhHans["tab.history"]);
    await loadStrings("zh-TW");
    expect(makeLocalize("zh-HK")("tab.history")).to.equal(zhHant["tab.history"]);
  });

  it("picks traditional Chinese for Taiwan, Hong Kong and Macau, simplified for other Chinese, else English", () => {
    for (const tag of ["zh-Hant", "zh-TW", "zh-hk", "ZH-MO"]) {
      expect(stringsFor(tag)).to.deep.equal({ strings: zhHant, tag: "zh-Hant" });
    }
    for (const tag of ["zh-Hans", "zh-CN", "zh"]) {
      expect(stringsFor(tag)).to.deep.equal({ strings: zhHans, tag: "zh-Hans" });
    }
    expect(stringsFor("de")).to.deep.equal({ strings: en, tag: "de" });
    expect(stringsFor(undefined)).to.deep.equal({ strings: en, tag: "en" });
  });

  it("takes the language of the user's profile, else Home Assistant's, else English", () => {
    expect(languageOf(new FakeHass({ language: "fr" }).hass)).to.equal("fr");
    const fake = new FakeHass({ language: "fr" });
    const noProfile = { ...fake.hass, locale: undefined } as unknown as HomeAssistant;
    expect(languageOf(noProfile)).to.equal("fr");
    expect(languageOf({ ...noProfile, language: undefined } as unknown as HomeAssistant)).to.equal("en");
    expect(languageOf(undefined)).to.equal("en");
  });

  it("fills placeholders, numbers as the profile writes them, and leaves unknown ones", () => {
    const localize = makeLocalize("en", (value) => `#${value}`);
    expect(localize("share.title", { name: "Door" })).to.equal("Share Door");
    expect(localize("tile.accepted", { count: 3 })).to.equal("#3 with access");
    expect(localize("share.found", { nickname: "Grandma" })).to.equal("Found Grandma ({user_id})");
    expect(localize("share.title")).to.equal("Share {name}");
    expect(makeLocalize("en")("tile.accepted", { count: 1200 })).to.equal("1200 with access");
    expect(makeLocalize("zh-Hans")("tab.history")).to.equal(zhHans["tab.history"]);
  });

  it("falls back to English for a string a language lacks", () => {
    const missing = { ...zhHans } as Record<string, string>;
    delete missing["tab.history"];
    // The tables are complete; a missing key still reads in English.
    expect(makeLocalize("zh-Hans")("tab.history")).to.not.equal("");
    expect(Object.keys(zhHans).sort()).to.deep.equal(Object.keys(en).sort());
  });

  it("names regions in the card's language, and a code it does not know as it is", () => {
    const localize = makeLocalize("en");
    expect(regionName(localize, "de")).to.equal("Europe");
    expect(regionName(localize, "xx")).to.equal("xx");
    expect(regionList(localize, ["cn", "de", "xx"])).to.equal("Mainland China, Europe, xx");
    expect(regionList(localize, [])).to.equal("");
  });

  it("words a region mismatch with the region in the user's language", () => {
    const localize = makeLocalize("en");
    const mismatch = (
      placeholders: Record<string, string>,
      domain = DOMAIN,
      key = "recipient_region_mismatch",
    ) =>
      new ServiceCallError("the server's words", {
        translationDomain: domain,
        translationKey: key,
        translationPlaceholders: placeholders,
      });
    const full = { camera: "Door", person: "Grandma", account: "Home", region: "de" };
    expect(serviceErrorText(mismatch(full), localize)).to.equal(
      localize("service_error.recipient_region_mismatch", { ...full, region: "Europe" }),
    );
    expect(serviceErrorText(mismatch(full), localize)).to.contain("Europe");
    expect(serviceErrorText(mismatch(full), localize)).to.not.equal("the server's words");
    // Anything else, or a placeholder missing or not a region: the server's message.
    expect(serviceErrorText(mismatch(full, "other_domain"), localize)).to.equal("the server's words");
    expect(serviceErrorText(mismatch(full, DOMAIN, "other_key"), localize)).to.equal("the server's words");
    expect(serviceErrorText(mismatch(full, DOMAIN, ""), localize)).to.equal("the server's words");
    for (const name of ["camera", "person", "account", "region"]) {
      const partial: Record<string, string> = { ...full };
      delete partial[name];
      expect(serviceErrorText(mismatch(partial), localize)).to.equal("the server's words");
    }
    expect(serviceErrorText(mismatch({ ...full, region: "eu" }), localize)).to.equal("the server's words");
    expect(serviceErrorText(new ServiceCallError("plain"), localize)).to.equal("plain");
  });
});
