// A typed event helper in the manner of HA's src/common/dom/fire_event.ts.
import "./types.js";

export function fireEvent<K extends keyof HASSDomEvents>(
  node: EventTarget,
  type: K,
  detail: HASSDomEvents[K],
): void {
  node.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
