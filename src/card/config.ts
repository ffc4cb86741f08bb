// The card's configuration and its validation; setConfig throws these errors so HA shows an error card.
import type { ActionConfig, LovelaceCardConfig } from "../ha/types.js";
import { KNOWN_ACTIONS } from "../ha/actions.js";

export const CARD_TYPE = "xiaomi-camera-share-card";
export const LIVE_MODES = ["tap", "always", "never"] as const;
export type LiveMode = (typeof LIVE_MODES)[number];
export const SECTIONS = ["cameras", "invites", "history"] as const;
export type Section = (typeof SECTIONS)[number];

export interface CardConfig extends LovelaceCardConfig {
  title?: string;
  /** Mi device ids, HA device ids or camera entity ids; absent means every camera. */
  cameras?: string[];
  columns: number;
  live: LiveMode;
  sections: Section[];
  /** What tapping, holding and double-tapping a tile's picture does (HA's action config). */
  tap_action?: ActionConfig;
  hold_action?: ActionConfig;
  double_tap_action?: ActionConfig;
}

export const ACTION_KEYS = ["tap_action", "hold_action", "double_tap_action"] as const;

export const DEFAULT_COLUMNS = 2;
export const MAX_COLUMNS = 6;

export class ConfigError extends Error {}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string" && item.length > 0);
}

/** Checks a raw config and fills defaults; throws ConfigError naming the bad field. */
export function parseConfig(raw: unknown): CardConfig {
  if (!raw || typeof raw !== "object" || Array.isArray(raw))
    throw new ConfigError("the configuration must be a mapping");
  const config = raw as Record<string, unknown>;
  const known = new Set([
    "type",
    "title",
    "cameras",
    "columns",
    "live",
    "sections",
    ...ACTION_KEYS,
    "view_layout",
    "grid_options",
    "visibility",
  ]);
  const unknown = Object.keys(config).filter((key) => !known.has(key));
  if (unknown.length) throw new ConfigError(`unknown option ${unknown.map((key) => `"${key}"`).join(", ")}`);
  if (typeof config.type !== "string") throw new ConfigError('"type" is required');
  if (config.title !== undefined && typeof config.title !== "string")
    throw new ConfigError('"title" must be text');
  if (config.cameras !== undefined && !isStringArray(config.cameras)) {
    throw new ConfigError('"cameras" must be a list of camera ids or camera entities');
  }
  const columns = config.columns ?? DEFAULT_COLUMNS;
  if (typeof columns !== "number" || !Number.isInteger(columns) || columns < 1 || columns > MAX_COLUMNS) {
    throw new ConfigError(`"columns" must be a whole number from 1 to ${MAX_COLUMNS}`);
  }
  const live = config.live ?? "tap";
  if (!LIVE_MODES.includes(live as LiveMode))
    throw new ConfigError(`"live" must be one of ${LIVE_MODES.join(", ")}`);
  const sections = config.sections ?? [...SECTIONS];
  if (!Array.isArray(sections) || !sections.every((section) => SECTIONS.includes(section as Section))) {
    throw new ConfigError(`"sections" may list ${SECTIONS.join(", ")}`);
  }
  if (sections.length === 0) throw new ConfigError('"sections" must list at least one section');
  for (const key of ACTION_KEYS) {
    const action = config[key] as { action?: unknown } | undefined;
    if (action === undefined) continue;
    if (!action || typeof action !== "object" || !KNOWN_ACTIONS.has(action.action as string))
      throw new ConfigError(`"${key}" must be an action such as {action: more-info}`);
  }
  return {
    ...config,
    type: config.type,
    columns,
    live: live as LiveMode,
    sections: sections as Section[],
    ...(config.cameras ? { cameras: config.cameras as string[] } : {}),
  } as CardConfig;
}
