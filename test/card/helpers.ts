// Mounting the card against a fake hass, and reaching into shadow roots.
import "./stubs.js";
import "../../src/xiaomi-camera-share-card.js";
import type { XiaomiCameraShareCard } from "../../src/xiaomi-camera-share-card.js";
import type { StateDocument } from "../../src/data/state.js";
import { WS } from "../../src/data/api.js";
import { FakeHass } from "./fake-hass.js";
import { stateDocument } from "./fixtures.js";

export interface Mounted {
  card: XiaomiCameraShareCard;
  fake: FakeHass;
  push(doc: StateDocument): Promise<void>;
}

/** Waits for Lit to finish rendering an element and the elements inside it. */
export async function settle(element: Element): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    await (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
    const nested = [...(element.shadowRoot?.querySelectorAll("*") ?? [])];
    await Promise.all(
      nested.map((each) => (each as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete),
    );
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

export async function mountCard(
  config: Record<string, unknown> = {},
  options: { doc?: StateDocument | null; fake?: FakeHass; width?: number } = {},
): Promise<Mounted> {
  const fake = options.fake ?? new FakeHass();
  const card = document.createElement("xiaomi-camera-share-card");
  card.style.display = "block";
  card.style.width = `${options.width ?? 640}px`;
  card.setConfig({ type: "custom:xiaomi-camera-share-card", ...config });
  card.hass = fake.hass;
  document.body.append(card);
  const push = async (doc: StateDocument): Promise<void> => {
    fake.pushEvent(WS.subscribe, doc);
    await settle(card);
  };
  await settle(card);
  const doc = options.doc === undefined ? stateDocument() : options.doc;
  if (doc) await push(doc);
  return { card, fake, push };
}

/** Finds an element through a chain of shadow roots: each selector names the next host. */
export function deep<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T {
  let current: Element | ShadowRoot = root;
  for (const selector of selectors) {
    // Our elements render into their shadow root; HA's elements (stubbed) hold ours as children.
    const found: Element | null | undefined =
      (current instanceof Element ? current.shadowRoot?.querySelector(selector) : undefined) ??
      current.querySelector(selector);
    if (!found) throw new Error(`nothing matches ${selectors.join(" → ")} at ${selector}`);
    current = found;
  }
  return current as T;
}

export function deepAll<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T[] {
  const last = selectors[selectors.length - 1] ?? "*";
  const host = selectors.length > 1 ? deep(root, ...selectors.slice(0, -1)) : root;
  return [...(host.shadowRoot?.querySelectorAll<T>(last) ?? []), ...host.querySelectorAll<T>(last)];
}

/** What an element says: its own content, or what its shadow root renders when it has none. */
export function text(element: Element): string {
  const own = element.textContent?.trim();
  return (own || element.shadowRoot?.textContent || "").replace(/\s+/g, " ").trim();
}

export function cleanup(): void {
  for (const card of document.querySelectorAll("xiaomi-camera-share-card")) card.remove();
}
