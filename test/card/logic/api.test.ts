// The data layer: every command and service call the card makes, as Home Assistant receives it.
import { expect } from "@esm-bundle/chai";
import {
  DOMAIN,
  SERVICE,
  ServiceCallError,
  WS,
  answerInvite,
  durationFields,
  fetchHistory,
  lookupRecipient,
  revokeShare,
  saveRecipient,
  setShareExpiry,
  shareCamera,
  shareData,
  subscribeState,
} from "../../../src/data/api.js";
import { REGIONS, isRegion } from "../../../src/data/state.js";
import { FakeHass } from "../fake-hass.js";
import { historyEntry, stateDocument } from "../fixtures.js";

const NOW = new Date("2030-01-01T00:00:00Z");

describe("data layer", () => {
  it("names the integration's commands and services", () => {
    expect(DOMAIN).to.equal("xiaomi_camera_share");
    expect(WS).to.deep.equal({
      subscribe: "xiaomi_camera_share/subscribe",
      history: "xiaomi_camera_share/history",
      saveRecipient: "xiaomi_camera_share/recipients/save",
      deleteRecipient: "xiaomi_camera_share/recipients/delete",
    });
    expect(SERVICE).to.deep.equal({
      share: "share",
      revoke: "revoke",
      setExpiry: "set_expiry",
      acceptInvite: "accept_invite",
      declineInvite: "decline_invite",
      lookupRecipient: "lookup_recipient",
      refresh: "refresh",
    });
  });

  it("counts a duration from now: hours as hours, an end time as whole seconds", () => {
    expect(durationFields({ kind: "permanent" }, NOW)).to.deep.equal({});
    expect(durationFields({ kind: "hours", hours: 24 }, NOW)).to.deep.equal({ duration: { hours: 24 } });
    const until = new Date(NOW.getTime() + 90_600);
    expect(durationFields({ kind: "until", until }, NOW)).to.deep.equal({ duration: { seconds: 91 } });
    expect(durationFields({ kind: "until", until: new Date(NOW.getTime() + 90_400) }, NOW)).to.deep.equal({
      duration: { seconds: 90 },
    });
    const later = durationFields({ kind: "until", until: new Date(Date.now() + 3_600_000) });
    expect((later.duration as { seconds: number }).seconds).to.be.within(3599, 3600);
  });

  it("shares with the ids, the person, the permission and the duration, auto-accept only when asked", async () => {
    const fake = new FakeHass();
    const answer = {
      results: [{ did: "did-1", camera: "Camera 1", status: "invited" }],
      invite_regions: ["cn"],
    };
    fake.mockService(DOMAIN, "share", () => answer);
    const request = {
      deviceIds: ["device-1", "device-2"],
      recipient: "3000003",
      permission: "view_only" as const,
      duration: { kind: "hours" as const, hours: 4 },
    };
    expect(await shareCamera(fake.hass, request)).to.deep.equal(answer);
    expect(fake.serviceCalls[0]).to.deep.equal({
      domain: DOMAIN,
      service: "share",
      data: {
        device_id: ["device-1", "device-2"],
        recipient: "3000003",
        permission: "view_only",
        duration: { hours: 4 },
      },
      notifyOnError: true,
      returnResponse: true,
    });
    expect(shareData({ ...request, autoAccept: true }, NOW).auto_accept).to.equal(true);
    expect(shareData({ ...request, autoAccept: false }, NOW)).to.not.have.property("auto_accept");
    const now = shareData({ ...request, duration: { kind: "until", until: new Date(Date.now() + 60_000) } });
    expect((now.duration as { seconds: number }).seconds).to.be.within(59, 60);
  });

  it("answers a share without a response as nothing shared", async () => {
    const fake = new FakeHass();
    const result = await shareCamera(fake.hass, {
      deviceIds: ["device-1"],
      recipient: "3000003",
      permission: "control",
      duration: { kind: "permanent" },
    });
    expect(result).to.deep.equal({ results: [], invite_regions: null });
  });

  it("revokes, sets an expiry and answers invites with the service data the integration takes", async () => {
    const fake = new FakeHass();
    await revokeShare(fake.hass, "device-1", "3000003");
    await setShareExpiry(fake.hass, "device-1", "3000003", { kind: "hours", hours: 1 });
    await setShareExpiry(fake.hass, "device-1", "3000003", { kind: "permanent" });
    await answerInvite(fake.hass, "entry-guest", 501, true);
    await answerInvite(fake.hass, "entry-guest", 502, false);
    expect(
      fake.serviceCalls.map(({ service, data, notifyOnError, returnResponse }) => ({
        service,
        data,
        notifyOnError,
        returnResponse,
      })),
    ).to.deep.equal([
      {
        service: "revoke",
        data: { device_id: ["device-1"], recipient: "3000003" },
        notifyOnError: true,
        returnResponse: false,
      },
      {
        service: "set_expiry",
        data: { device_id: ["device-1"], recipient: "3000003", duration: { hours: 1 } },
        notifyOnError: true,
        returnResponse: false,
      },
      {
        service: "set_expiry",
        data: { device_id: ["device-1"], recipient: "3000003" },
        notifyOnError: true,
        returnResponse: false,
      },
      {
        service: "accept_invite",
        data: { config_entry_id: "entry-guest", invite_id: 501 },
        notifyOnError: true,
        returnResponse: false,
      },
      {
        service: "decline_invite",
        data: { config_entry_id: "entry-guest", invite_id: 502 },
        notifyOnError: true,
        returnResponse: false,
      },
    ]);
    expect(fake.serviceCalls.every((call) => call.domain === DOMAIN)).to.equal(true);
  });

  it("looks a person up in the camera's region and answers what was found", async () => {
    const fake = new FakeHass();
    const found = { user_id: "3000003", nickname: "Grandma", entry_id: null, regions: null };
    fake.mockService(DOMAIN, "lookup_recipient", () => found);
    expect(await lookupRecipient(fake.hass, "entry-home", "+86 138", "de")).to.deep.equal(found);
    expect(fake.serviceCalls[0]).to.deep.include({
      service: "lookup_recipient",
      data: { config_entry_id: "entry-home", recipient: "+86 138", region: "de" },
      returnResponse: true,
    });
  });

  it("fails a look-up that answers nothing", async () => {
    const fake = new FakeHass();
    const err = await lookupRecipient(fake.hass, "entry-home", "1", "cn").catch((e: unknown) => e);
    expect(err).to.be.instanceOf(Error);
    expect((err as Error).message).to.equal("lookup_recipient returned no response");
  });

  it("rejects a failed call with the error Home Assistant sent, as a ServiceCallError", async () => {
    const fake = new FakeHass();
    fake.mockService(DOMAIN, "revoke", () => {
      throw {
        code: "service_validation_error",
        message: "Camera 1 is not shared with Grandma",
        translation_domain: DOMAIN,
        translation_key: "recipient_not_sharee",
        translation_placeholders: { camera: "Camera 1" },
      };
    });
    const err = await revokeShare(fake.hass, "device-1", "3000003").catch((e: unknown) => e);
    expect(err).to.be.instanceOf(ServiceCallError);
    expect(err).to.deep.include({
      name: "ServiceCallError",
      message: "Camera 1 is not shared with Grandma",
      code: "service_validation_error",
      translationDomain: DOMAIN,
      translationKey: "recipient_not_sharee",
    });
    expect((err as ServiceCallError).translationPlaceholders).to.deep.equal({ camera: "Camera 1" });
  });

  it("reads whatever a call rejected with; fields of the wrong type are left out", () => {
    const same = new ServiceCallError("kept");
    expect(ServiceCallError.from(same)).to.equal(same);
    const fromError = ServiceCallError.from(new TypeError("boom"));
    expect(fromError).to.be.instanceOf(ServiceCallError);
    expect(fromError.message).to.equal("boom");
    expect(fromError.translationPlaceholders).to.deep.equal({});
    // A JavaScript error is read by its message alone, whatever else it carries.
    const withFields = ServiceCallError.from(Object.assign(new Error("boom"), { code: "E_SOCKET" }));
    expect(withFields.code).to.equal(undefined);
    expect(ServiceCallError.from("plain text").message).to.equal("plain text");
    expect(ServiceCallError.from(null).message).to.equal("null");
    expect(ServiceCallError.from(undefined).message).to.equal("undefined");
    const odd = ServiceCallError.from({
      message: 42,
      code: 7,
      translation_domain: null,
      translation_key: ["x"],
      translation_placeholders: { camera: "Camera 1", count: 3 },
    });
    expect(odd.message).to.equal("[object Object]");
    expect(odd.code).to.equal(undefined);
    expect(odd.translationDomain).to.equal(undefined);
    expect(odd.translationKey).to.equal(undefined);
    expect(odd.translationPlaceholders).to.deep.equal({ camera: "Camera 1" });
    expect(
      ServiceCallError.from({ message: "m", translation_placeholders: "no" }).translationPlaceholders,
    ).to.deep.equal({});
    expect(
      ServiceCallError.from({ message: "m", translation_placeholders: null }).translationPlaceholders,
    ).to.deep.equal({});
  });

  it("pages the history with before_id, and knows a full page may have more", async () => {
    const fake = new FakeHass();
    const entries = [historyEntry(2), historyEntry(1)];
    fake.mockWS(WS.history, () => ({ entries }));
    expect(await fetchHistory(fake.hass, undefined, 2)).to.deep.equal({ entries, has_more: true });
    expect(await fetchHistory(fake.hass, 9, 3)).to.deep.equal({ entries, has_more: false });
    expect(fake.wsMessages).to.deep.equal([
      { type: "xiaomi_camera_share/history", limit: 2 },
      { type: "xiaomi_camera_share/history", limit: 3, before_id: 9 },
    ]);
    fake.mockWS(WS.history, () => ({ entries, has_more: false }));
    expect((await fetchHistory(fake.hass, undefined, 2)).has_more).to.equal(false);
    fake.mockWS(WS.history, () => ({ entries: [], has_more: true }));
    expect((await fetchHistory(fake.hass, undefined, 2)).has_more).to.equal(true);
  });

  it("saves a recipient in the address book", async () => {
    const fake = new FakeHass();
    fake.mockWS(WS.saveRecipient, () => null);
    await saveRecipient(fake.hass, { name: "Grandma", user_id: "3000003", nickname: "Oma", region: "cn" });
    expect(fake.wsMessages).to.deep.equal([
      {
        type: "xiaomi_camera_share/recipients/save",
        name: "Grandma",
        user_id: "3000003",
        nickname: "Oma",
        region: "cn",
      },
    ]);
  });

  it("subscribes to the state document", async () => {
    const fake = new FakeHass();
    const documents: unknown[] = [];
    const unsubscribe = await subscribeState(fake.hass, (doc) => documents.push(doc));
    expect(fake.wsMessages).to.deep.equal([{ type: "xiaomi_camera_share/subscribe" }]);
    const doc = stateDocument();
    fake.pushEvent(WS.subscribe, doc);
    expect(documents).to.deep.equal([doc]);
    await unsubscribe();
    expect(fake.activeSubscriptions(WS.subscribe)).to.equal(0);
  });

  it("knows the region codes", () => {
    expect(REGIONS).to.deep.equal(["cn", "de", "us", "ru", "sg", "i2"]);
    for (const region of REGIONS) expect(isRegion(region)).to.equal(true);
    expect(isRegion("eu")).to.equal(false);
    expect(isRegion("")).to.equal(false);
    expect(isRegion(1)).to.equal(false);
    expect(isRegion(undefined)).to.equal(false);
  });
});
