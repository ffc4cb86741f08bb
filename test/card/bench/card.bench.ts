// Figures for the shipped bundle (printed, never asserted): first render of a 16-camera grid,
// and how many renders 1,000 unrelated state changes cause, next to 1,000 relevant ones.
import "../stubs.js";
import "../../../custom_components/xiaomi_camera_share/frontend/xiaomi-camera-share-card.js";
import { FakeHass } from "../fake-hass.js";
import { camera, stateDocument } from "../fixtures.js";

const SUBSCRIBE = "xiaomi_camera_share/subscribe";
const CAMERAS = 16;
const CHANGES = 1000;

type CardElement = HTMLElement & {
  setConfig(config: object): void;
  hass: unknown;
  updateComplete: Promise<unknown>;
  render(): unknown;
};

type Updatable = Element & { updateComplete?: Promise<unknown> };

async function settled(card: CardElement): Promise<void> {
  await card.updateComplete;
  const inner: Updatable[] = [...(card.shadowRoot?.querySelectorAll("*") ?? [])];
  await Promise.all(inner.map((each) => each.updateComplete));
  const grid = card.shadowRoot?.querySelector("xcs-camera-grid");
  const tiles: Updatable[] = [...(grid?.shadowRoot?.querySelectorAll("*") ?? [])];
  await Promise.all(tiles.map((each) => each.updateComplete));
}

async function firstRender(fake: FakeHass): Promise<{ ms: number; card: CardElement }> {
  const doc = stateDocument({ cameras: Array.from({ length: CAMERAS }, (_, index) => camera(index + 1)) });
  const start = performance.now();
  const card = document.createElement("xiaomi-camera-share-card") as CardElement;
  card.setConfig({ type: "custom:xiaomi-camera-share-card", columns: 4 });
  card.hass = fake.hass;
  document.body.append(card);
  fake.pushEvent(SUBSCRIBE, doc);
  await settled(card);
  return { ms: performance.now() - start, card };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function countRenders(
  card: CardElement,
  change: (index: number) => unknown,
): Promise<{ renders: number; ms: number }> {
  let renders = 0;
  const original = card.render.bind(card);
  card.render = () => {
    renders += 1;
    return original();
  };
  const start = performance.now();
  for (let index = 0; index < CHANGES; index += 1) {
    card.hass = change(index);
    await card.updateComplete;
  }
  const ms = performance.now() - start;
  card.render = original;
  return { renders, ms };
}

describe("card benchmark", () => {
  it("prints figures", async function () {
    this.timeout(60_000);
    const times: number[] = [];
    let last: { card: CardElement; fake: FakeHass } | undefined;
    for (let run = 0; run < 7; run += 1) {
      last?.card.remove();
      const fake = new FakeHass();
      for (let index = 1; index <= CAMERAS; index += 1) fake.setState(`camera.cam_${index}`, "idle");
      const { ms, card } = await firstRender(fake);
      times.push(ms);
      last = { card, fake };
    }
    const { card, fake } = last!;
    const unrelated = await countRenders(card, (index) => fake.setState("sensor.unrelated", String(index)));
    const relevant = await countRenders(card, (index) =>
      fake.setState("camera.cam_1", index % 2 ? "idle" : "recording"),
    );
    console.log(
      [
        `first render of a ${CAMERAS}-camera grid: first ${times[0]!.toFixed(1)} ms, median of ${times.length} ${median(times).toFixed(1)} ms`,
        `${CHANGES} unrelated state changes: ${unrelated.renders} card renders in ${unrelated.ms.toFixed(1)} ms`,
        `${CHANGES} changes of a shown camera: ${relevant.renders} card renders in ${relevant.ms.toFixed(1)} ms`,
        `ratio of time, unrelated to relevant: ${(unrelated.ms / relevant.ms).toFixed(2)}`,
      ].join("\n"),
    );
    card.remove();
  });
});
