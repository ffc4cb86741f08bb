// Times and numbers as the user's profile says, down to the edges a countdown and a chosen end
// time meet.
import { expect } from "@esm-bundle/chai";
import { formatterFor, makeFormatter } from "../../../src/localize/format.js";
import type { HomeAssistant } from "../../../src/ha/types.js";
import { FakeHass } from "../fake-hass.js";

const moment = new Date("2030-01-02T06:38:00Z");
const later = (ms: number): Date => new Date(moment.getTime() + ms);
const en = makeFormatter("en", undefined, undefined, "UTC");

describe("formatting, the edges", () => {
  it("counts down in days from a whole day, in hours from an hour, else in minutes", () => {
    expect(en.relative(later(86_400_000), moment)).to.equal("tomorrow");
    expect(en.relative(later(86_399_999), moment)).to.equal("in 24 hours");
    expect(en.relative(later(3_600_000), moment)).to.equal("in 1 hour");
    expect(en.relative(later(-3_600_000), moment)).to.equal("1 hour ago");
    expect(en.relative(later(60_000), moment)).to.equal("in 1 minute");
    expect(en.relative(later(50_000), moment)).to.equal("in 1 minute");
    expect(en.relative(later(20_000), moment)).to.equal("this minute");
  });

  it("reads only a whole datetime-local value, and a wall time just before a daylight-saving change", () => {
    const berlin = makeFormatter("en", undefined, undefined, "Europe/Berlin");
    expect(berlin.fromWallTime("x2030-01-02T18:00")).to.equal(undefined);
    expect(berlin.fromWallTime("2030-01-02 18:00")).to.equal(undefined);
    expect(berlin.fromWallTime("2030-03-31T01:30")?.toISOString()).to.equal("2030-03-31T00:30:00.000Z");
    expect(berlin.wallTime(new Date("2030-03-31T00:30:00Z"))).to.equal("2030-03-31T01:30");
  });

  it("writes numbers by each of Home Assistant's number formats, or by the language", () => {
    expect(makeFormatter("de", "comma_decimal", undefined, "UTC").number(12345.5)).to.equal("12,345.5");
    expect(makeFormatter("en", "decimal_comma", undefined, "UTC").number(12345.5)).to.equal("12.345,5");
    expect(makeFormatter("en", "space_comma", undefined, "UTC").number(12345.5)).to.equal("12\u202f345,5");
    expect(makeFormatter("de", "quote_decimal", undefined, "UTC").number(12345.5)).to.match(
      /^12[^,.\d]345\.5$/,
    );
    expect(makeFormatter("de", "language", undefined, "UTC").number(12345.5)).to.equal("12.345,5");
    expect(makeFormatter("de", undefined, undefined, "UTC").number(12345.5)).to.equal("12.345,5");
    expect(makeFormatter("de", "none", undefined, "UTC").number(12345.5)).to.equal("12345.5");
  });

  it("follows a 12-hour clock in any language, the language's own without a choice, the system's when asked", () => {
    expect(makeFormatter("de", undefined, "12", "UTC").dateTime(moment)).to.match(/6:38\sAM/);
    expect(makeFormatter("de", undefined, undefined, "UTC").dateTime(moment)).to.not.match(/AM/);
    expect(makeFormatter("en", undefined, "24", "UTC").dateTime(moment)).to.not.match(/AM/);
    const system = new Intl.DateTimeFormat(undefined, { hour: "numeric" }).resolvedOptions().hourCycle;
    const twelve = system === "h11" || system === "h12";
    expect(/AM/.test(makeFormatter("de", undefined, "system", "UTC").dateTime(moment))).to.equal(twelve);
  });

  it("takes the profile's language, else Home Assistant's, else English", () => {
    const inThreeHours = later(3 * 3_600_000);
    const fr = new FakeHass({ language: "fr", locale: { time_zone: "local" } }).hass;
    expect(formatterFor(fr).relative(inThreeHours, moment)).to.equal("dans 3 heures");
    const languageOnly = { ...fr, locale: undefined } as unknown as HomeAssistant;
    expect(formatterFor(languageOnly).relative(inThreeHours, moment)).to.equal("dans 3 heures");
    const none = { ...fr, locale: undefined, language: undefined } as unknown as HomeAssistant;
    expect(formatterFor(none).relative(inThreeHours, moment)).to.equal("in 3 hours");
    expect(formatterFor(undefined).relative(inThreeHours, moment)).to.equal("in 3 hours");
    expect(formatterFor(undefined).timeZone).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it("works from a hass without a profile or a server configuration", () => {
    // A language never asked for before, so no cached formatter answers in its place.
    const language = `en-x-${Math.random().toString(36).slice(2, 10)}`;
    const bare = { language, locale: undefined } as unknown as HomeAssistant;
    expect(formatterFor(bare).number(12345)).to.equal("12,345");
    const noConfig = { language, locale: { language, time_zone: "server" } } as unknown as HomeAssistant;
    expect(formatterFor(noConfig).timeZone).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it("makes one formatter per profile, and never hands one profile's to another", () => {
    const hass = new FakeHass({ language: "de", locale: { number_format: "none", time_format: "12" } }).hass;
    expect(formatterFor(hass)).to.equal(formatterFor(hass));
    expect(formatterFor(hass).number(12345)).to.equal("12345");
    expect(formatterFor(hass).dateTime(moment)).to.match(/AM/);
    // Profiles whose parts would run together without a separator.
    const joined = new FakeHass({ language: "denone", locale: { time_format: "12" } }).hass;
    expect(formatterFor(joined)).to.not.equal(formatterFor(hass));
    expect(formatterFor(joined).number(12345)).to.not.equal("12345");
    const noTwelve = new FakeHass({ language: "de", locale: { number_format: "none" } }).hass;
    expect(formatterFor(noTwelve).dateTime(moment)).to.not.match(/AM/);
  });
});
