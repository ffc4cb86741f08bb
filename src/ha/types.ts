// The small part of Home Assistant's frontend types this card relies on
// (after home-assistant/frontend src/types.ts, src/data/translation.ts,
// src/data/lovelace/config/action.ts and src/panels/lovelace/types.ts).
import type { Connection, HassEntities, HassServiceTarget, MessageBase } from "home-assistant-js-websocket";

export interface ServiceCallResponse<T = unknown> {
  context: { id: string; parent_id: string | null; user_id?: string | null };
  response?: T;
}

export interface HassUser {
  id: string;
  name: string;
  is_admin: boolean;
  is_owner: boolean;
}

/** The user's profile settings for language, numbers and times (HA's FrontendLocaleData). */
export interface FrontendLocale {
  language: string;
  /** language, system, comma_decimal, decimal_comma, quote_decimal, space_comma or none. */
  number_format?: string;
  /** language, system, 12 or 24. */
  time_format?: string;
  /** local (the browser's zone) or server (the zone Home Assistant is configured with). */
  time_zone?: string;
}

export interface HomeAssistant {
  connection: Connection;
  states: HassEntities;
  user?: HassUser;
  language: string;
  locale: FrontendLocale;
  config?: { time_zone: string };
  themes: { darkMode: boolean };
  /** Home Assistant's own strings; empty for a key it does not have. */
  localize?(key: string, values?: Record<string, string | number>): string;
  callService<T = unknown>(
    domain: string,
    service: string,
    serviceData?: Record<string, unknown>,
    target?: HassServiceTarget,
    notifyOnError?: boolean,
    returnResponse?: boolean,
  ): Promise<ServiceCallResponse<T>>;
  callWS<T>(msg: MessageBase): Promise<T>;
}

/** A tap, hold or double-tap action as Lovelace cards configure them. */
export interface ActionConfig {
  action: string;
  [key: string]: unknown;
}

/** What `hass-action` carries: the entity and the actions of the element acted on. */
export interface ActionParams {
  entity?: string;
  tap_action?: ActionConfig;
  hold_action?: ActionConfig;
  double_tap_action?: ActionConfig;
}

export type Gesture = "tap" | "hold" | "double_tap";

export interface LovelaceCardConfig {
  type: string;
  [key: string]: unknown;
}

export interface LovelaceGridOptions {
  columns?: number | "full";
  rows?: number | "auto";
  min_columns?: number;
  max_columns?: number;
  min_rows?: number;
  max_rows?: number;
}

export interface LovelaceCard extends HTMLElement {
  hass?: HomeAssistant;
  setConfig(config: LovelaceCardConfig): void;
  getCardSize(): number | Promise<number>;
  getGridOptions?(): LovelaceGridOptions;
}

export interface LovelaceCardEditor extends HTMLElement {
  hass?: HomeAssistant;
  setConfig(config: LovelaceCardConfig): void;
}

/** One entry of an `ha-form` schema. */
export interface HaFormSchema {
  name: string;
  type?: "grid" | "expandable";
  selector?: Record<string, unknown>;
  schema?: readonly HaFormSchema[];
  flatten?: boolean;
  required?: boolean;
}

export interface CustomCardEntry {
  type: string;
  name: string;
  description?: string;
  preview?: boolean;
  documentationURL?: string;
  getEntitySuggestion?: (
    hass: HomeAssistant,
    entityId: string,
  ) => { config: LovelaceCardConfig; label?: string } | null;
}

/** What `hass-notification` carries (HA's ShowToastParams). */
export interface ToastParams {
  message: string;
  duration?: number;
  dismissable?: boolean;
}

declare global {
  interface Window {
    customCards?: CustomCardEntry[];
    loadCardHelpers?: () => Promise<{
      createCardElement(config: LovelaceCardConfig): LovelaceCard;
    }>;
  }
  interface HASSDomEvents {
    "config-changed": { config: LovelaceCardConfig };
    "hass-notification": ToastParams;
    "hass-more-info": { entityId: string };
    "hass-action": { config: ActionParams; action: Gesture };
  }
}
