// One subscription per connection, shared by every card on the page.
import { expect } from "@esm-bundle/chai";
import { WS } from "../../../src/data/api.js";
import { listenToState, type StateListener } from "../../../src/data/state-store.js";
import { FakeHass } from "../fake-hass.js";
import { stateDocument } from "../fixtures.js";

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function recorder(): { listener: StateListener; heard: Parameters<StateListener>[0][] } {
  const heard: Parameters<StateListener>[0][] = [];
  return { heard, listener: (update) => void heard.push(update) };
}

describe("state store", () => {
  it("subscribes once for every listener, hands each the latest document, and unsubscribes after the last", async () => {
    const fake = new FakeHass();
    const first = recorder();
    const second = recorder();
    const stopFirst = listenToState(fake.hass, first.listener);
    const stopSecond = listenToState(fake.hass, second.listener);
    await tick();
    expect(fake.activeSubscriptions(WS.subscribe)).to.equal(1);
    const doc = stateDocument();
    fake.pushEvent(WS.subscribe, doc);
    expect(first.heard).to.deep.equal([{ document: doc }]);
    expect(second.heard).to.deep.equal([{ document: doc }]);

    // A listener that comes later hears the latest document at once.
    const late = recorder();
    const stopLate = listenToState(fake.hass, late.listener);
    expect(late.heard).to.deep.equal([{ document: doc }]);
    expect(fake.wsMessages.length).to.equal(1);

    stopFirst();
    stopFirst();
    stopLate();
    await tick();
    expect(fake.activeSubscriptions(WS.subscribe)).to.equal(1);
    const next = stateDocument({ cameras: [] });
    fake.pushEvent(WS.subscribe, next);
    expect(first.heard.length).to.equal(1);
    expect(second.heard.at(-1)).to.deep.equal({ document: next });

    stopSecond();
    await tick();
    expect(fake.activeSubscriptions(WS.subscribe)).to.equal(0);

    // A new listener after that subscribes afresh.
    const again = recorder();
    const stopAgain = listenToState(fake.hass, again.listener);
    await tick();
    expect(fake.activeSubscriptions(WS.subscribe)).to.equal(1);
    expect(again.heard).to.deep.equal([]);
    stopAgain();
    await tick();
  });

  it("tells every listener the error code of a refused subscription, and tries again for the next", async () => {
    const fake = new FakeHass();
    fake.refuseSubscription(WS.subscribe, "unauthorized");
    const first = recorder();
    const stop = listenToState(fake.hass, first.listener);
    await tick();
    expect(first.heard).to.deep.equal([{ error: "unauthorized" }]);
    const later = recorder();
    listenToState(fake.hass, later.listener);
    await tick();
    expect(later.heard).to.deep.equal([{ error: "unauthorized" }]);
    expect(fake.wsMessages.length).to.equal(2);
    stop();
  });

  it("reads an error without a code by its message, or as text", async () => {
    for (const [thrown, code] of [
      [new Error("socket closed"), "socket closed"],
      ["plain", "plain"],
      [{ code: 3 }, "3"],
      [{ message: "no code" }, "[object Object]"],
    ] as const) {
      const fake = new FakeHass();
      const hass = {
        ...fake.hass,
        connection: {
          subscribeMessage: () => Promise.reject(thrown),
        } as unknown as typeof fake.hass.connection,
      };
      const heard = recorder();
      listenToState(hass, heard.listener);
      await tick();
      expect(heard.heard).to.deep.equal([{ error: code }]);
    }
  });

  it("keeps an error for a listener that comes while the refused subscription is still known", async () => {
    let reject: (err: unknown) => void = () => undefined;
    const fake = new FakeHass();
    const hass = {
      ...fake.hass,
      connection: {
        subscribeMessage: () =>
          new Promise((_resolve, rejectWith) => {
            reject = rejectWith;
          }),
      } as unknown as typeof fake.hass.connection,
    };
    const first = recorder();
    listenToState(hass, first.listener);
    const second = recorder();
    listenToState(hass, second.listener);
    expect(second.heard).to.deep.equal([]);
    reject({ code: "not_found" });
    await tick();
    expect(first.heard).to.deep.equal([{ error: "not_found" }]);
    expect(second.heard).to.deep.equal([{ error: "not_found" }]);
  });
});

describe("state store, after a refused subscription", () => {
  it("lets a listener of the refused one leave without ending the next subscription", async () => {
    let refuse = true;
    const subscribed: string[] = [];
    const fake = new FakeHass();
    const hass = {
      ...fake.hass,
      connection: {
        subscribeMessage: async () => {
          subscribed.push(refuse ? "refused" : "live");
          if (refuse) throw { code: "not_ready" };
          return async () => undefined;
        },
      } as unknown as typeof fake.hass.connection,
    };
    const stopRefused = listenToState(hass, recorder().listener);
    await tick();
    refuse = false;
    const stopLive = listenToState(hass, recorder().listener);
    await tick();
    stopRefused();
    listenToState(hass, recorder().listener);
    await tick();
    expect(subscribed).to.deep.equal(["refused", "live"]);
    stopLive();
  });
});
