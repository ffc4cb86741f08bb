// The visual editor: Home Assistant's own form (`ha-form`) with the card's schema. A config the
// form cannot show is refused in setConfig, so HA shows its error and offers the YAML editor.
import { html, LitElement, nothing, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";
import type { HaFormSchema, HomeAssistant, LovelaceCardConfig, LovelaceCardEditor } from "../ha/types.js";
import { StateController } from "../controllers/state-controller.js";
import { CARD_TYPE, ConfigError, DEFAULT_COLUMNS, parseConfig, SECTIONS } from "../card/config.js";
import { languageOf, loadStrings, makeLocalize, stringsLoaded } from "../localize/localize.js";
import { selectCameras } from "../card/access.js";
import type { Camera } from "../data/state.js";
import { fireEvent } from "../ha/fire-event.js";
import { defineOnce } from "../ha/define.js";
import { sideLoadFormElements } from "../ha/side-load.js";
import { editorSchema, labelFor } from "./schema.js";

/** What the form shows for an option the config leaves out. */
const DEFAULTS: Record<string, unknown> = { columns: DEFAULT_COLUMNS, live: "tap", sections: [...SECTIONS] };

/** The cameras as HA device ids, for the device picker; entries that name no known camera stay. */
export function cameraDevices(wanted: string[], cameras: Camera[]): string[] {
  return wanted.map((key) => selectCameras(cameras, [key])[0]?.device_id ?? key);
}

/** The config to save: options equal to their default, and empty ones, are left out. */
export function editedConfig(value: Record<string, unknown>): LovelaceCardConfig {
  const config: Record<string, unknown> = {};
  for (const [key, each] of Object.entries(value)) {
    if (each === undefined || each === "" || (Array.isArray(each) && !each.length)) continue;
    if (JSON.stringify(each) === JSON.stringify(DEFAULTS[key])) continue;
    config[key] = each;
  }
  return config as LovelaceCardConfig;
}

export class CardEditor extends LitElement implements LovelaceCardEditor {
  @state() private config: LovelaceCardConfig = { type: `custom:${CARD_TYPE}` };
  @state() private language = "en";
  private currentHass?: HomeAssistant;
  private readonly stateController = new StateController(this);
  private schema?: { language: string; fields: HaFormSchema[] };
  /** The user's string table while it loads; `language` changes to it once it is here. */
  private strings?: Promise<void>;

  get hass(): HomeAssistant | undefined {
    return this.currentHass;
  }

  set hass(hass: HomeAssistant) {
    const first = !this.currentHass;
    this.currentHass = hass;
    this.stateController.setHass(hass);
    this.useLanguage(languageOf(hass));
    if (first) void sideLoadFormElements().then(() => this.requestUpdate());
    else this.requestUpdate();
  }

  private useLanguage(language: string): void {
    if (language === this.language) return;
    if (stringsLoaded(language)) {
      this.language = language;
      return;
    }
    this.strings = loadStrings(language).then(() => {
      if (languageOf(this.currentHass) === language) this.language = language;
    });
  }

  /** Also waits for the user's string table, so a test or HA sees the words it will show. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.strings;
    return super.getUpdateComplete();
  }

  setConfig(config: LovelaceCardConfig): void {
    try {
      parseConfig(config);
    } catch (err) {
      if (err instanceof ConfigError)
        throw new Error(makeLocalize(this.language)("error.config", { detail: err.message }));
      throw err;
    }
    this.config = config;
  }

  private computeLabel = (field: HaFormSchema): string =>
    labelFor(field.name, makeLocalize(this.language), this.currentHass?.localize?.bind(this.currentHass));

  private computeHelper = (field: HaFormSchema): string | undefined =>
    field.name === "cameras" ? makeLocalize(this.language)("editor.cameras_helper") : undefined;

  private fields(): HaFormSchema[] {
    if (this.schema?.language !== this.language)
      this.schema = { language: this.language, fields: editorSchema(makeLocalize(this.language)) };
    return this.schema.fields;
  }

  private onValueChanged(event: CustomEvent<{ value: Record<string, unknown> }>): void {
    event.stopPropagation();
    const config = { ...editedConfig(event.detail.value), type: this.config.type };
    this.config = config;
    fireEvent(this, "config-changed", { config });
  }

  override render(): TemplateResult {
    if (!this.currentHass) return html``;
    const cameras = this.stateController.document?.cameras ?? [];
    const wanted = (this.config.cameras as string[] | undefined) ?? [];
    const data = { ...DEFAULTS, ...this.config, cameras: cameraDevices(wanted, cameras) };
    // Known only once the state document is here: ids that name no camera of any account.
    const missing = cameras.length ? wanted.filter((key) => !selectCameras(cameras, [key]).length) : [];
    return html`<ha-form
        .hass=${this.currentHass}
        .data=${data}
        .schema=${this.fields()}
        .computeLabel=${this.computeLabel}
        .computeHelper=${this.computeHelper}
        @value-changed=${this.onValueChanged}
      ></ha-form>
      ${
        missing.length
          ? html`<ha-alert alert-type="warning"
              >${makeLocalize(this.language)("editor.not_found", { ids: missing.join(", ") })}</ha-alert
            >`
          : nothing
      }`;
  }
}

defineOnce(`${CARD_TYPE}-editor`, CardEditor);
