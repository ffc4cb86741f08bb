// Tile actions the Home Assistant way: the card fires `hass-action` and Home Assistant's own
// action handling (more-info, navigate, perform-action…) does the rest, as for its own cards.
import type { ActionConfig, ActionParams, Gesture } from "./types.js";
import { fireEvent } from "./fire-event.js";

/** The actions the editor offers for a tile. */
export const TILE_ACTIONS = ["more-info", "navigate", "perform-action", "none"] as const;
/** Every action Home Assistant's handling knows; the card accepts each of them in YAML. */
export const KNOWN_ACTIONS = new Set<string>([
  ...TILE_ACTIONS,
  "toggle",
  "url",
  "call-service",
  "assist",
  "fire-dom-event",
]);

export const DEFAULT_TAP: ActionConfig = { action: "more-info" };

export function hasAction(config: ActionConfig | undefined): config is ActionConfig {
  return config !== undefined && config.action !== "none";
}

/** more-info needs an entity; without one the action would only show an error toast. */
export function usableAction(config: ActionConfig | undefined, entity: string | undefined): boolean {
  return hasAction(config) && (config.action !== "more-info" || Boolean(config.entity ?? entity));
}

export function fireAction(node: EventTarget, params: ActionParams, gesture: Gesture): void {
  fireEvent(node, "hass-action", { config: params, action: gesture });
}
