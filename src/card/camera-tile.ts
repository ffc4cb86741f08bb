// One camera: picture (still, or live when asked), name, online state, who has access, actions.
import { css, html, LitElement, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import type { HassEntity } from "home-assistant-js-websocket";
import type { HomeAssistant } from "../ha/types.js";
import type { Camera } from "../data/state.js";
import { VisibilityController } from "../controllers/visibility-controller.js";
import { makeLocalize, type Localize } from "../localize/localize.js";
import { shareBlock, summarizeAccess } from "./access.js";
import type { LiveMode } from "./config.js";
import { buttonStyles } from "./styles.js";
import { defineOnce } from "../ha/define.js";

export class CameraTile extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        border-radius: var(--ha-border-radius-md, 8px);
        overflow: hidden;
        background: var(--secondary-background-color, #f5f5f5);
        min-width: 0;
      }
      .media {
        position: relative;
        aspect-ratio: 16 / 9;
        background: #000;
        border: none;
        padding: 0;
        border-radius: 0;
        width: 100%;
        display: block;
      }
      .media > * {
        width: 100%;
        height: 100%;
        display: block;
      }
      .placeholder {
        display: flex;
        align-items: center;
        justify-content: center;
        color: var(--secondary-text-color, #9e9e9e);
        font-size: 0.9em;
      }
      .info {
        padding: 8px;
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      .name {
        font-weight: 500;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        color: var(--primary-text-color, #212121);
      }
      .state::before {
        content: "";
        display: inline-block;
        width: 8px;
        height: 8px;
        border-radius: 50%;
        margin-inline-end: 4px;
        background: var(--state-inactive-color, var(--disabled-color, #bdbdbd));
      }
      .state.online::before {
        background: var(--success-color, #43a047);
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        font-size: 0.85em;
      }
      .chip {
        border-radius: 10px;
        padding: 1px 8px;
        background: var(--card-background-color, #fff);
        color: var(--primary-text-color, #212121);
      }
      .chip.expiring {
        color: var(--warning-color, #ffa600);
      }
      .actions {
        display: flex;
        gap: 6px;
        flex-wrap: wrap;
      }
      .reason {
        font-size: 0.8em;
      }
    `,
  ];

  /** Not reactive: the card hands it over and re-renders tiles only when their entity changes. */
  hass?: HomeAssistant;
  @property({ attribute: false }) camera!: Camera;
  @property({ attribute: false }) stateObj?: HassEntity;
  @property({ attribute: false }) localize: Localize = makeLocalize("en");
  @property() live: LiveMode = "tap";
  @state() private tappedLive = false;

  private readonly visibility = new VisibilityController(this);

  private get streaming(): boolean {
    return this.live === "always" || (this.live === "tap" && this.tappedLive);
  }

  private fire(type: "xcs-share" | "xcs-manage"): void {
    this.dispatchEvent(
      new CustomEvent(type, { detail: { did: this.camera.did }, bubbles: true, composed: true }),
    );
  }

  override render(): TemplateResult {
    const camera = this.camera;
    const block = shareBlock(camera);
    return html`
      ${this.renderMedia()}
      <div class="info">
        <div class="name" title=${camera.name}>${camera.name}</div>
        <div class="state ${camera.online ? "online" : "offline"}">
          ${this.localize(camera.online ? "tile.online" : "tile.offline")}
          ${camera.owner ? html` · ${this.localize("tile.shared_by", { name: camera.owner.nickname })}` : nothing}
        </div>
        ${this.renderAccess()}
        <div class="actions">
          <button
            class="share"
            ?disabled=${block !== undefined}
            aria-describedby=${block ? "reason" : nothing}
            @click=${() => this.fire("xcs-share")}
          >
            ${this.localize("tile.share")}
          </button>
          <button class="manage" ?disabled=${camera.owner != null} @click=${() => this.fire("xcs-manage")}>
            ${this.localize("tile.manage")}
          </button>
        </div>
        ${block ? html`<div id="reason" class="reason muted">${this.localize(`reason.${block}`)}</div>` : nothing}
      </div>
    `;
  }

  private renderAccess(): TemplateResult {
    const summary = summarizeAccess(this.camera, new Date());
    if (!summary.accepted && !summary.pending) {
      return html`<div class="chips"><span class="chip none">${this.localize("tile.no_access")}</span></div>`;
    }
    return html`<div class="chips">
      ${summary.accepted ? html`<span class="chip accepted">${this.localize("tile.accepted", { count: summary.accepted })}</span>` : nothing}
      ${summary.pending ? html`<span class="chip pending">${this.localize("tile.pending", { count: summary.pending })}</span>` : nothing}
      ${
        summary.expiringSoon
          ? html`<span class="chip expiring"
              >${this.localize("tile.expiring", { count: summary.expiringSoon })}</span
            >`
          : nothing
      }
    </div>`;
  }

  private renderMedia(): TemplateResult {
    const entity = this.camera.camera_entity;
    if (!entity || !this.stateObj) {
      return html`<div class="media placeholder">${this.localize("tile.no_entity")}</div>`;
    }
    // Offscreen tiles render nothing that polls or streams.
    if (!this.visibility.visible) return html`<div class="media placeholder offscreen"></div>`;
    if (this.streaming) {
      return html`<div class="media">
        <ha-camera-stream .hass=${this.hass} .stateObj=${this.stateObj} muted></ha-camera-stream>
      </div>`;
    }
    const image = html`<hui-image
      .hass=${this.hass}
      .cameraImage=${entity}
      .cameraView=${"auto"}
      fit-mode="cover"
    ></hui-image>`;
    if (this.live !== "tap") return html`<div class="media">${image}</div>`;
    return html`<button
      class="media"
      aria-label=${this.localize("tile.live", { name: this.camera.name })}
      @click=${() => (this.tappedLive = true)}
    >
      ${image}
    </button>`;
  }
}

defineOnce("xcs-camera-tile", CameraTile);

declare global {
  interface HTMLElementTagNameMap {
    "xcs-camera-tile": CameraTile;
  }
}
