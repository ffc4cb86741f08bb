// The grid of camera tiles; columns come from the config (2 by default, like the Xiaomi TV view),
// and fewer fit when the card is narrow, so a phone or a small section still shows usable tiles.
import { css, html, LitElement, type TemplateResult } from "lit";
import { property } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import type { HassEntity } from "home-assistant-js-websocket";
import type { Camera } from "../data/state.js";
import type { ActionParams, HomeAssistant } from "../ha/types.js";
import { makeLocalize, type Localize } from "../localize/localize.js";
import { DEFAULT_COLUMNS, type LiveMode } from "./config.js";
import "./camera-tile.js";
import { defineOnce } from "../ha/define.js";

export class CameraGrid extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      --xcs-gap: var(--ha-space-2, 8px);
      grid-template-columns: repeat(
        auto-fill,
        minmax(max(140px, (100% - (var(--xcs-columns) - 1) * var(--xcs-gap)) / var(--xcs-columns)), 1fr)
      );
      gap: var(--xcs-gap);
    }
  `;

  hass?: HomeAssistant;
  @property({ attribute: false }) cameras: Camera[] = [];
  /** The state objects of the tiles' camera entities, keyed by entity id. */
  @property({ attribute: false }) entityStates: Record<string, HassEntity | undefined> = {};
  @property({ type: Number }) columns = DEFAULT_COLUMNS;
  @property() live: LiveMode = "tap";
  @property({ attribute: false }) localize: Localize = makeLocalize("en");
  @property({ attribute: false }) actions: ActionParams = {};

  override render(): TemplateResult {
    this.style.setProperty("--xcs-columns", String(this.columns));
    return html`${repeat(
      this.cameras,
      (camera) => camera.did,
      (camera) =>
        html`<xcs-camera-tile
          role="listitem"
          .hass=${this.hass}
          .camera=${camera}
          .stateObj=${camera.camera_entity ? this.entityStates[camera.camera_entity] : undefined}
          .live=${this.live}
          .actions=${this.actions}
          .localize=${this.localize}
        ></xcs-camera-tile>`,
    )}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute("role", "list");
  }
}

defineOnce("xcs-camera-grid", CameraGrid);

declare global {
  interface HTMLElementTagNameMap {
    "xcs-camera-grid": CameraGrid;
  }
}
