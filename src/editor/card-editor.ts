// The visual editor: title, cameras, columns, live mode and which sections show.
import { css, html, LitElement, nothing, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";
import type { HomeAssistant, LovelaceCardConfig, LovelaceCardEditor } from "../ha/types.js";
import { StateController } from "../controllers/state-controller.js";
import {
  CARD_TYPE,
  DEFAULT_COLUMNS,
  LIVE_MODES,
  MAX_COLUMNS,
  SECTIONS,
  type LiveMode,
  type Section,
} from "../card/config.js";
import { languageOf, makeLocalize } from "../localize/localize.js";
import { buttonStyles, fieldStyles } from "../card/styles.js";
import { selectCameras } from "../card/access.js";
import type { Camera } from "../data/state.js";
import { fireEvent } from "../ha/fire-event.js";
import { defineOnce } from "../ha/define.js";

export class CardEditor extends LitElement implements LovelaceCardEditor {
  static override styles = [
    buttonStyles,
    fieldStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 16px;
        color: var(--primary-text-color, #212121);
      }
    `,
  ];

  @state() private config: LovelaceCardConfig = { type: `custom:${CARD_TYPE}` };
  @state() private language = "en";
  private currentHass?: HomeAssistant;
  private readonly stateController = new StateController(this);

  get hass(): HomeAssistant | undefined {
    return this.currentHass;
  }

  set hass(hass: HomeAssistant) {
    this.currentHass = hass;
    this.stateController.setHass(hass);
    this.language = languageOf(hass);
  }

  setConfig(config: LovelaceCardConfig): void {
    this.config = config;
  }

  /** Sends the changed config to HA's editor; an option equal to its default is left out. */
  private change(key: string, value: unknown): void {
    const next: LovelaceCardConfig = { ...this.config, [key]: value };
    if (value === undefined || (Array.isArray(value) && key === "cameras" && value.length === 0))
      delete next[key];
    this.config = next;
    fireEvent(this, "config-changed", { config: next });
  }

  /** Reads the current config (not the rendered one) so quick successive clicks all count. */
  private toggleCamera(cameras: Camera[], did: string, on: boolean): void {
    const current = this.config.cameras as string[] | undefined;
    const chosen = new Set(current ? selectCameras(cameras, current).map((each) => each.did) : []);
    if (on) chosen.add(did);
    else chosen.delete(did);
    this.change(
      "cameras",
      cameras.map((each) => each.did).filter((each) => chosen.has(each)),
    );
  }

  override render(): TemplateResult {
    const localize = makeLocalize(this.language);
    const config = this.config;
    const sections = (config.sections as Section[] | undefined) ?? [...SECTIONS];
    const cameras = this.stateController.document?.cameras ?? [];
    // The config may name a camera by Mi id, device id or entity; the editor writes Mi ids.
    const chosen = new Set(
      selectCameras(cameras, config.cameras as string[] | undefined).map((each) => each.did),
    );
    if (!config.cameras) chosen.clear();
    return html`
      <label class="field"
        >${localize("editor.title")}
        <input
          id="title"
          .value=${typeof config.title === "string" ? config.title : ""}
          @change=${(event: Event) => this.change("title", (event.target as HTMLInputElement).value || undefined)}
      /></label>
      <label class="field"
        >${localize("editor.columns")}
        <input
          id="columns"
          type="number"
          min="1"
          max=${MAX_COLUMNS}
          .value=${String(config.columns ?? DEFAULT_COLUMNS)}
          @change=${(event: Event) => {
            const columns = Number((event.target as HTMLInputElement).value);
            if (Number.isInteger(columns) && columns >= 1 && columns <= MAX_COLUMNS)
              this.change("columns", columns);
          }}
      /></label>
      <label class="field"
        >${localize("editor.live")}
        <select
          id="live"
          @change=${(event: Event) => this.change("live", (event.target as HTMLSelectElement).value as LiveMode)}
        >
          ${LIVE_MODES.map(
            (mode) =>
              html`<option value=${mode} ?selected=${mode === (config.live ?? "tap")}>
                ${localize(`editor.live.${mode}`)}
              </option>`,
          )}
        </select></label
      >
      <fieldset>
        <legend>${localize("editor.sections")}</legend>
        ${SECTIONS.map(
          (section) =>
            html`<label
              ><input
                type="checkbox"
                name="section"
                value=${section}
                .checked=${sections.includes(section)}
                ?disabled=${sections.length === 1 && sections.includes(section)}
                @change=${(event: Event) => {
                  const on = (event.target as HTMLInputElement).checked;
                  this.change(
                    "sections",
                    SECTIONS.filter((each) => (each === section ? on : sections.includes(each))),
                  );
                }}
              />
              ${localize(`tab.${section}`)}</label
            >`,
        )}
      </fieldset>
      <fieldset>
        <legend>${localize("editor.cameras")}</legend>
        ${
          cameras.length
            ? cameras.map(
                (camera) =>
                  html`<label
                    ><input
                      type="checkbox"
                      name="camera"
                      value=${camera.did}
                      .checked=${chosen.has(camera.did)}
                      @change=${(event: Event) => {
                        const on = (event.target as HTMLInputElement).checked;
                        this.toggleCamera(cameras, camera.did, on);
                      }}
                    />
                    ${camera.name}</label
                  >`,
              )
            : html`<span class="muted">${localize("editor.no_cameras")}</span>`
        }
      </fieldset>
      ${nothing}
    `;
  }
}

defineOnce(`${CARD_TYPE}-editor`, CardEditor);
