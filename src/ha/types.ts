// The small part of Home Assistant's frontend types this card relies on
// (after home-assistant/frontend src/types.ts and src/panels/lovelace/types.ts).
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

export interface HomeAssistant {
  connection: Connection;
  states: HassEntities;
  user?: HassUser;
  language: string;
  locale: { language: string; time_zone?: string };
  themes: { darkMode: boolean };
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
  }
}
