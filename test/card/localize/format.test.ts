import { expect } from "@esm-bundle/chai";
import { formatterFor, makeFormatter } from "../../../src/localize/format.js";
import { makeLocalize } from "../../../src/localize/localize.js";
import { FakeHass } from "../fake-hass.js";

const moment = new Date("2030-01-02T06:38:00Z");

describe("formatting", () => {
  it("shows times in the server's zone when the profile says server, else in the browser's", () => {
    const fake = new FakeHass({
      locale: { time_zone: "server", time_format: "24" },
      serverTimeZone: "Asia/Shanghai",
    });
    const server = formatterFor(fake.hass);
    expect(server.timeZone).to.equal("Asia/Shanghai");
    expect(server.dateTime(moment)).to.contain("14:38");
    const local = formatterFor(
      new FakeHass({ locale: { time_zone: "local" }, serverTimeZone: "Asia/Shanghai" }).hass,
    );
    expect(local.timeZone).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it("follows the profile's 12- or 24-hour clock", () => {
    expect(makeFormatter("en", undefined, "12", "UTC").dateTime(moment)).to.match(/6:38\sAM/);
    expect(makeFormatter("en", undefined, "24", "UTC").dateTime(moment)).to.contain("06:38");
  });

  it("writes numbers in the profile's number format", () => {
    expect(makeFormatter("en", "decimal_comma", undefined, "UTC").number(12345)).to.equal("12.345");
    expect(makeFormatter("en", "language", undefined, "UTC").number(12345)).to.equal("12,345");
    expect(makeFormatter("de", "none", undefined, "UTC").number(12345)).to.equal("12345");
    const localize = makeLocalize("en", makeFormatter("en", "space_comma", undefined, "UTC").number);
    expect(localize("tile.accepted", { count: 1200 })).to.equal("1\u202f200 with access");
  });

  it("reads a chosen wall time in the zone, across a daylight-saving change", () => {
    const berlin = makeFormatter("en", undefined, undefined, "Europe/Berlin");
    expect(berlin.fromWallTime("2030-01-02T18:00")?.toISOString()).to.equal("2030-01-02T17:00:00.000Z");
    expect(berlin.fromWallTime("2030-07-02T18:00")?.toISOString()).to.equal("2030-07-02T16:00:00.000Z");
    expect(berlin.fromWallTime("2030-03-31T03:30")?.toISOString()).to.equal("2030-03-31T01:30:00.000Z");
    expect(berlin.wallTime(new Date("2030-07-02T16:00:00Z"))).to.equal("2030-07-02T18:00");
    expect(berlin.fromWallTime("")).to.equal(undefined);
  });

  it("counts down in the user's language", () => {
    const hans = makeFormatter("zh-Hans", undefined, undefined, "UTC");
    expect(hans.relative(new Date(moment.getTime() + 3 * 3_600_000), moment)).to.equal("3小时后");
    expect(makeFormatter("en", undefined, undefined, "UTC").relative(moment, moment)).to.equal("this minute");
  });
});
