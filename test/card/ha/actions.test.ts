import { expect } from "@esm-bundle/chai";
import { sendKeys } from "@web/test-runner-commands";
import type { ActionParams, Gesture } from "../../../src/ha/types.js";
import { DOUBLE_TAP_MS, Gestures, HOLD_MS } from "../../../src/ha/gestures.js";
import { FakeHass } from "../fake-hass.js";
import { camera, stateDocument } from "../fixtures.js";
import { cleanup, deep, deepAll, mountCard } from "../helpers.js";

type HassAction = CustomEvent<{ config: ActionParams; action: Gesture }>;

/** Collects the `hass-action` events that reach the document, as Home Assistant's root hears them. */
function listen(): HassAction[] {
  const heard: HassAction[] = [];
  const listener = (event: Event): void => void heard.push(event as HassAction);
  document.addEventListener("hass-action", listener);
  after(() => document.removeEventListener("hass-action", listener));
  return heard;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function media(config: Record<string, unknown> = {}, entity: string | null = "camera.cam_1") {
  const fake = new FakeHass();
  fake.setState("camera.cam_1", "idle");
  const { card } = await mountCard(config, {
    fake,
    doc: stateDocument({ cameras: [camera(1, { camera_entity: entity })] }),
  });
  return deep(card, "xcs-camera-grid", "xcs-camera-tile", ".media");
}

function press(target: HTMLElement, holdMs: number): Promise<void> {
  target.dispatchEvent(new PointerEvent("pointerdown", { button: 0, bubbles: true }));
  return wait(holdMs).then(() => {
    target.dispatchEvent(new PointerEvent("pointerup", { bubbles: true }));
    target.click();
  });
}

describe("tile actions", () => {
  afterEach(cleanup);

  it("opens the camera's more-info on a tap by default, through Home Assistant's hass-action", async () => {
    const heard = listen();
    const picture = await media();
    expect(picture.getAttribute("role")).to.equal("button");
    expect(picture.getAttribute("aria-label")).to.equal("Show live view of Camera 1");
    await press(picture, 0);
    expect(heard.map((event) => [event.detail.action, event.detail.config])).to.deep.equal([
      ["tap", { tap_action: { action: "more-info" }, entity: "camera.cam_1" }],
    ]);
    expect(heard[0]!.bubbles && heard[0]!.composed).to.equal(true);
  });

  it("hands Home Assistant the configured tap, hold and double-tap actions", async () => {
    const heard = listen();
    const actions = {
      tap_action: { action: "navigate", navigation_path: "/lovelace/cameras" },
      hold_action: { action: "perform-action", perform_action: "light.turn_on" },
      double_tap_action: { action: "more-info" },
    };
    const picture = await media(actions);
    expect(picture.getAttribute("aria-label")).to.equal("Open Camera 1");
    await press(picture, HOLD_MS + 50);
    await press(picture, 0);
    await wait(DOUBLE_TAP_MS + 50);
    await press(picture, 0);
    await press(picture, 0);
    expect(heard.map((event) => event.detail.action)).to.deep.equal(["hold", "tap", "double_tap"]);
    expect(heard[0]!.detail.config).to.deep.equal({ ...actions, entity: "camera.cam_1" });
  });

  it("acts on Enter from the keyboard", async () => {
    const heard = listen();
    const picture = await media();
    picture.focus();
    await sendKeys({ press: "Enter" });
    expect(heard.map((event) => event.detail.action)).to.deep.equal(["tap"]);
  });

  it("makes the picture no button when every action is none, or more-info has no entity", async () => {
    expect((await media({ tap_action: { action: "none" } })).getAttribute("role")).to.equal(null);
    cleanup();
    const placeholder = await media({}, null);
    expect(placeholder.getAttribute("role")).to.equal(null);
    expect(deepAll(placeholder.parentElement!, "ha-icon-button")).to.have.length(0);
  });
});

describe("gestures", () => {
  it("waits for a second tap only when a double tap is configured", async () => {
    const acted: Gesture[] = [];
    const gestures = new Gestures(
      (gesture) => acted.push(gesture),
      () => ({ hold: false, doubleTap: false }),
    );
    gestures.click();
    expect(acted).to.deep.equal(["tap"]);
  });

  it("takes the click that ends a hold for no tap", async () => {
    const acted: Gesture[] = [];
    const gestures = new Gestures(
      (gesture) => acted.push(gesture),
      () => ({ hold: true, doubleTap: false }),
    );
    gestures.down(new PointerEvent("pointerdown", { button: 0 }));
    await wait(HOLD_MS + 30);
    gestures.up();
    gestures.click();
    gestures.down(new PointerEvent("pointerdown", { button: 0 }));
    gestures.up();
    gestures.click();
    expect(acted).to.deep.equal(["hold", "tap"]);
  });
});
