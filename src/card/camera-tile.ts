// One camera: picture (still, or live when asked), name, online state, who has access, actions.
// Tapping, holding or double-tapping the picture runs the configured Lovelace action.
import { css, html, LitElement, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import type { HassEntity } from "home-assistant-js-websocket";
import type { ActionParams, Gesture, HomeAssistant } from "../ha/types.js";
import type { Camera } from "../data/state.js";
import { VisibilityController } from "../controllers/visibility-controller.js";
import { makeLocalize, type Localize } from "../localize/localize.js";
import { fireAction, hasAction, usableAction } from "../ha/actions.js";
import { Gestures } from "../ha/gestures.js";
import { shareBlock, summarizeAccess } from "./access.js";
import type { LiveMode } from "./config.js";
import { sharedStyles } from "./styles.js";
import { defineOnce } from "../ha/define.js";

// Material Design Icons "play" and "stop".
const PLAY = "M8,5.14V19.14L19,12.14L8,5.14Z";
const STOP = "M18,18H6V6H18V18Z";

export class CameraTile extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        border-radius: var(--ha-border-radius-lg, 12px);
        overflow: hidden;
        background: var(--secondary-background-color, #f5f5f5);
        min-width: 0;
      }
      .frame {
        position: relative;
      }
      .media {
        aspect-ratio: 16 / 9;
        background: #000;
        color: #e0e0e0;
        display: block;
        outline: none;
      }
      .media[role="button"] {
        cursor: pointer;
      }
      .media:focus-visible {
        outline: 2px solid var(--primary-color, #03a9f4);
        outline-offset: -2px;
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
        font-size: 0.9em;
      }
      .live {
        position: absolute;
        inset-inline-end: 4px;
        bottom: 4px;
        color: #fff;
        background: rgba(0, 0, 0, 0.55);
        border-radius: 50%;
      }
      .info {
        padding: var(--ha-space-2, 8px) var(--ha-space-3, 12px) var(--ha-space-3, 12px);
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      .name {
        font-weight: 500;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
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
      }
      .actions {
        display: flex;
        gap: 4px;
        flex-wrap: wrap;
        margin-top: 4px;
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
  /** The card's tap, hold and double-tap actions. */
  @property({ attribute: false }) actions: ActionParams = {};
  @state() private playing = false;

  private readonly visibility = new VisibilityController(this);
  private readonly gestures = new Gestures(
    (gesture) => this.act(gesture),
    () => ({
      hold: hasAction(this.actions.hold_action),
      doubleTap: hasAction(this.actions.double_tap_action),
    }),
  );

  private get streaming(): boolean {
    return this.live === "always" || (this.live === "tap" && this.playing);
  }

  /** The entity only counts once Home Assistant has its state; more-info needs one. */
  private get params(): ActionParams {
    const entity = this.stateObj ? (this.camera.camera_entity ?? undefined) : undefined;
    return entity ? { ...this.actions, entity } : this.actions;
  }

  private act(gesture: Gesture): void {
    const params = this.params;
    if (usableAction(params[`${gesture}_action`], params.entity)) fireAction(this, params, gesture);
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
      <div class="frame">${this.renderMedia()} ${this.renderPlay()}</div>
      <div class="info">
        <div class="name" title=${camera.name}>${camera.name}</div>
        <div class="state ${camera.online ? "online" : "offline"}">
          ${this.localize(camera.online ? "tile.online" : "tile.offline")}
          ${camera.owner ? html` · ${this.localize("tile.shared_by", { name: camera.owner.nickname })}` : nothing}
        </div>
        ${this.renderAccess()}
        <div class="actions">
          <ha-button
            class="share"
            size="s"
            .disabled=${block !== undefined}
            @click=${() => block === undefined && this.fire("xcs-share")}
            >${this.localize("tile.share")}</ha-button
          >
          <ha-button
            class="manage"
            size="s"
            appearance="plain"
            .disabled=${camera.owner != null}
            @click=${() => camera.owner == null && this.fire("xcs-manage")}
            >${this.localize("tile.manage")}</ha-button
          >
        </div>
        ${block ? html`<div class="reason muted">${this.localize(`reason.${block}`)}</div>` : nothing}
      </div>
    `;
  }

  private renderAccess(): TemplateResult {
    const summary = summarizeAccess(this.camera, new Date());
    const chip = (kind: string, text: string): TemplateResult =>
      html`<span class="chip ${kind}">${text}</span>`;
    if (!summary.accepted && !summary.pending) {
      return html`<div class="chips">${chip("none", this.localize("tile.no_access"))}</div>`;
    }
    const { accepted, pending, expiringSoon } = summary;
    return html`<div class="chips">
      ${accepted ? chip("accepted", this.localize("tile.accepted", { count: accepted })) : nothing}
      ${pending ? chip("pending", this.localize("tile.pending", { count: pending })) : nothing}
      ${expiringSoon ? chip("expiring", this.localize("tile.expiring", { count: expiringSoon })) : nothing}
    </div>`;
  }

  private renderMedia(): TemplateResult {
    const entity = this.camera.camera_entity;
    const params = this.params;
    const acts = (["tap", "hold", "double_tap"] as const).some((gesture) =>
      usableAction(params[`${gesture}_action`], params.entity),
    );
    const content = this.renderPicture();
    const placeholder = entity && this.stateObj ? "" : "placeholder";
    if (!acts) return html`<div class="media ${placeholder}">${content}</div>`;
    const label = this.localize(params.tap_action?.action === "more-info" ? "tile.live" : "tile.open", {
      name: this.camera.name,
    });
    return html`<div
      class="media ${placeholder}"
      role="button"
      tabindex="0"
      aria-label=${label}
      @pointerdown=${this.gestures.down}
      @pointerup=${this.gestures.up}
      @pointercancel=${this.gestures.up}
      @pointerleave=${this.gestures.up}
      @click=${this.gestures.click}
      @contextmenu=${this.gestures.contextMenu}
      @keydown=${this.gestures.key}
    >
      ${content}
    </div>`;
  }

  private renderPicture(): TemplateResult | string {
    const entity = this.camera.camera_entity;
    if (!entity || !this.stateObj) return this.localize("tile.no_entity");
    // Offscreen tiles render nothing that polls or streams.
    if (!this.visibility.visible) return html`<div class="offscreen"></div>`;
    if (this.streaming) {
      return html`<ha-camera-stream .hass=${this.hass} .stateObj=${this.stateObj} muted></ha-camera-stream>`;
    }
    return html`<hui-image
      .hass=${this.hass}
      .cameraImage=${entity}
      .cameraView=${"auto"}
      fit-mode="cover"
    ></hui-image>`;
  }

  /** In `tap` mode a button streams the tile in place, and stops it again. */
  private renderPlay(): TemplateResult | typeof nothing {
    if (this.live !== "tap" || !this.camera.camera_entity || !this.stateObj) return nothing;
    const name = this.camera.name;
    return html`<ha-icon-button
      class="live"
      .label=${this.localize(this.playing ? "tile.stop" : "tile.play", { name })}
      .path=${this.playing ? STOP : PLAY}
      @click=${() => (this.playing = !this.playing)}
    ></ha-icon-button>`;
  }
}

defineOnce("xcs-camera-tile", CameraTile);

declare global {
  interface HTMLElementTagNameMap {
    "xcs-camera-tile": CameraTile;
  }
}
