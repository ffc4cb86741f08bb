// The card element: wires config, the state document, and the grid, inbox, history and dialogs.
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";
import type { HassEntity } from "home-assistant-js-websocket";
import type {
  ActionParams,
  HomeAssistant,
  LovelaceCard,
  LovelaceCardConfig,
  LovelaceGridOptions,
} from "./ha/types.js";
import type { Camera, StateDocument } from "./data/state.js";
import { StateController } from "./controllers/state-controller.js";
import { CARD_TYPE, ConfigError, parseConfig, type CardConfig, type Section } from "./card/config.js";
import { selectCameras } from "./card/access.js";
import { sharedStyles } from "./card/styles.js";
import { languageOf, loadStrings, makeLocalize, stringsLoaded, type Localize } from "./localize/localize.js";
import { formatterFor, type Formatter } from "./localize/format.js";
import { sideLoadCameraElements, sideLoadFormElements } from "./ha/side-load.js";
import { DEFAULT_TAP } from "./ha/actions.js";
import { defineOnce } from "./ha/define.js";
import { registerCustomCard } from "./card/register.js";
import "./card/camera-grid.js";

export const EDITOR_TAG = `${CARD_TYPE}-editor`;

type OpenDialog = { kind: "share" | "manage"; did: string };

/** Parts a dashboard does not need at first: chunks of their own, loaded when first shown. */
type Part = "xcs-invites-view" | "xcs-history-view" | "xcs-share-dialog" | "xcs-manage-dialog";
export const CARD_PARTS: Record<Part, () => Promise<unknown>> = {
  "xcs-invites-view": () => import("./views/invites-view.js"),
  "xcs-history-view": () => import("./views/history-view.js"),
  "xcs-share-dialog": () => import("./dialogs/share-dialog.js"),
  "xcs-manage-dialog": () => import("./dialogs/manage-dialog.js"),
};

const SECTION_PARTS: Partial<Record<Section, Part>> = {
  invites: "xcs-invites-view",
  history: "xcs-history-view",
};
const DIALOG_PARTS: Record<OpenDialog["kind"], Part> = {
  share: "xcs-share-dialog",
  manage: "xcs-manage-dialog",
};

const partsLoading = new Map<Part, Promise<unknown>>();

/** Loads a part once (again after a failure); settles when its element is defined. */
function loadPart(part: Part): Promise<unknown> {
  let loading = partsLoading.get(part);
  if (!loading) {
    loading = CARD_PARTS[part]().catch((err: unknown) => {
      partsLoading.delete(part);
      throw err;
    });
    partsLoading.set(part, loading);
  }
  return loading;
}

const defined = (part: Part): boolean => customElements.get(part) !== undefined;

export class XiaomiCameraShareCard extends LitElement implements LovelaceCard {
  static override styles = [
    sharedStyles,
    css`
      ha-card {
        display: block;
        padding: var(--ha-space-4, 16px);
        color: var(--primary-text-color, #212121);
        background: var(--ha-card-background, var(--card-background-color, #fff));
        border-radius: var(--ha-card-border-radius, 12px);
      }
      h1 {
        margin: 0 0 8px;
        font-size: var(--ha-card-header-font-size, 1.3em);
        font-weight: 400;
        color: var(--ha-card-header-color, var(--primary-text-color, #212121));
      }
      [role="tablist"] {
        display: flex;
        gap: 4px;
        margin-bottom: 12px;
        border-bottom: 1px solid var(--divider-color, #e0e0e0);
      }
      [role="tab"] {
        font: inherit;
        font-weight: 500;
        cursor: pointer;
        background: none;
        padding: 8px 12px;
        min-height: 40px;
        border: none;
        border-bottom: 2px solid transparent;
        color: var(--secondary-text-color, #727272);
      }
      [role="tab"]:focus-visible {
        outline: 2px solid var(--primary-color, #03a9f4);
        outline-offset: -2px;
      }
      /* The line marks the tab; its text stays in the text colour, which keeps its contrast. */
      [role="tab"][aria-selected="true"] {
        color: var(--primary-text-color, #212121);
        border-bottom-color: var(--primary-color, #03a9f4);
      }
      .banner {
        padding: 8px 12px;
        margin-bottom: 8px;
        border-radius: var(--ha-border-radius-md, 8px);
        background: var(--secondary-background-color, #f5f5f5);
        border-inline-start: 4px solid var(--warning-color, #ffa600);
      }
      .banner.error {
        border-inline-start-color: var(--error-color, #db4437);
        color: var(--primary-text-color, #212121);
      }
      .message {
        color: var(--secondary-text-color, #727272);
      }
      .message.error {
        color: var(--error-color, #db4437);
      }
    `,
  ];

  static async getConfigElement(): Promise<HTMLElement> {
    await import("./editor/card-editor.js");
    return document.createElement(EDITOR_TAG);
  }

  static getStubConfig(): LovelaceCardConfig {
    return { type: `custom:${CARD_TYPE}` };
  }

  @state() private config?: CardConfig;
  @state() private tab: Section = "cameras";
  @state() private dialog?: OpenDialog;
  @state() private entityStates: Record<string, HassEntity | undefined> = {};
  @state() private localize: Localize = makeLocalize("en");
  @state() private format: Formatter = formatterFor(undefined);
  /** The user's string table is loading: the card shows no words until it is here. */
  @state() private loadingStrings = false;
  /** A tab's or dialog's chunk did not load (offline, or an old main file after an update). */
  @state() private partFailed = false;

  private currentHass?: HomeAssistant;
  private readonly stateController = new StateController(this);
  private seenDocument?: StateDocument;
  private tileActions?: { config: CardConfig; params: ActionParams };
  /** Loads under way (a string table, a chunk) that `updateComplete` waits for. */
  private readonly loads = new Set<Promise<unknown>>();

  get hass(): HomeAssistant | undefined {
    return this.currentHass;
  }

  /** HA sets this on every state change anywhere; only changes that matter here cause a render. */
  set hass(hass: HomeAssistant) {
    const previous = this.currentHass;
    this.currentHass = hass;
    this.stateController.setHass(hass);
    if (!previous) {
      void sideLoadCameraElements();
      void sideLoadFormElements();
      this.requestUpdate();
    }
    // The profile's language, number and time settings and the server's zone: HA hands over
    // new objects only when they change.
    if (
      !previous ||
      previous.locale !== hass.locale ||
      previous.config?.time_zone !== hass.config?.time_zone
    ) {
      this.format = formatterFor(hass);
      this.useLanguage(languageOf(hass));
    }
    this.refreshEntityStates();
  }

  /** Speaks the language at once when its table is here, else once it has loaded. */
  private useLanguage(language: string): void {
    this.localize = makeLocalize(language, this.format.number);
    this.loadingStrings = !stringsLoaded(language);
    if (!this.loadingStrings) return;
    this.waitFor(
      loadStrings(language).then(() => {
        if (languageOf(this.currentHass) !== language) return;
        this.localize = makeLocalize(language, this.format.number);
        this.loadingStrings = false;
      }),
    );
  }

  private waitFor(load: Promise<unknown>): void {
    const done = (): boolean => this.loads.delete(load);
    this.loads.add(load);
    load.then(done, done);
  }

  /** Also waits for what the card is loading, so a test or HA sees what it will show. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.loads.size) {
      await Promise.allSettled([...this.loads]);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  setConfig(config: LovelaceCardConfig): void {
    try {
      this.config = parseConfig(config);
    } catch (err) {
      if (err instanceof ConfigError)
        throw new Error(makeLocalize(languageOf(this.currentHass))("error.config", { detail: err.message }));
      throw err;
    }
    if (!this.config.sections.includes(this.tab)) this.tab = this.config.sections[0] ?? "cameras";
    this.refreshEntityStates();
  }

  getCardSize(): number {
    const count = this.shownCameras.length || 1;
    return 1 + Math.ceil(count / (this.config?.columns ?? 2)) * 4;
  }

  /** Full section width (a grid of tiles needs it), at least half; as tall as its content. */
  getGridOptions(): LovelaceGridOptions {
    return { columns: 12, min_columns: 6, rows: "auto", min_rows: 4 };
  }

  private get shownCameras(): Camera[] {
    return selectCameras(this.stateController.document?.cameras ?? [], this.config?.cameras);
  }

  /** Swaps in new entity states only when a shown camera's entity really changed. */
  private refreshEntityStates(): void {
    const states = this.currentHass?.states;
    if (!states) return;
    const next: Record<string, HassEntity | undefined> = {};
    let changed = false;
    for (const camera of this.shownCameras) {
      const entity = camera.camera_entity;
      if (!entity) continue;
      next[entity] = states[entity];
      if (this.entityStates[entity] !== next[entity]) changed = true;
    }
    if (changed || Object.keys(next).length !== Object.keys(this.entityStates).length)
      this.entityStates = next;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.stateController.document !== this.seenDocument) {
      this.seenDocument = this.stateController.document;
      this.refreshEntityStates();
    }
    // Each visit to a tab tries its part again; a failure is not retried on every update.
    if (changed.has("tab")) this.partFailed = false;
    const part = SECTION_PARTS[this.tab];
    if (part && !defined(part) && !this.partFailed)
      this.waitFor(
        loadPart(part).then(
          () => this.requestUpdate(),
          () => {
            this.partFailed = true;
          },
        ),
      );
  }

  override render(): TemplateResult {
    const config = this.config;
    if (!config) return html``;
    return html`<ha-card>
      ${config.title ? html`<h1>${config.title}</h1>` : nothing}
      ${this.loadingStrings ? nothing : this.renderContent(config)}
    </ha-card>`;
  }

  private renderContent(config: CardConfig): TemplateResult {
    const localize = this.localize;
    const error = this.stateController.error;
    if (error) {
      const text =
        error === "unauthorized" ? localize("card.not_admin") : localize("card.unavailable", { error });
      return html`<p class="message error" role="alert">${text}</p>`;
    }
    const doc = this.stateController.document;
    if (!doc) return html`<p class="message loading" role="status">${localize("card.loading")}</p>`;
    if (!doc.accounts.length)
      return html`<p class="message not-configured">${localize("card.not_configured")}</p>`;
    return html`${this.renderBanners(doc)}
      ${
        this.partFailed
          ? html`<div class="banner error part-failed" role="alert">${localize("card.part_failed")}</div>`
          : nothing
      }
      ${this.renderTabs(config, doc)}
      <div role="tabpanel" aria-labelledby="tab-${this.tab}">${this.renderSection(config, doc)}</div>
      ${this.renderDialog(doc)}`;
  }

  private renderBanners(doc: StateDocument): TemplateResult {
    return html`${doc.accounts
      .filter((account) => account.status !== "ok")
      .map((account) =>
        account.status === "offline"
          ? html`<div class="banner offline" role="status">
              ${this.localize("card.offline", { account: account.nickname })}
            </div>`
          : html`<div class="banner error auth-failed" role="alert">
              ${this.localize("card.auth_failed", { account: account.nickname })}
            </div>`,
      )}`;
  }

  private renderTabs(config: CardConfig, doc: StateDocument): TemplateResult | typeof nothing {
    if (config.sections.length < 2) return nothing;
    const pending = doc.invites.filter((invite) => invite.status === "pending").length;
    return html`<div
      role="tablist"
      @keydown=${(event: KeyboardEvent) => this.onTabKey(event, config.sections)}
    >
      ${config.sections.map(
        (section) =>
          html`<button
            role="tab"
            id="tab-${section}"
            aria-selected=${section === this.tab ? "true" : "false"}
            tabindex=${section === this.tab ? 0 : -1}
            @click=${() => (this.tab = section)}
          >
            ${this.localize(`tab.${section}`)}${section === "invites" && pending ? ` (${this.format.number(pending)})` : ""}
          </button>`,
      )}
    </div>`;
  }

  /** Arrow keys move between tabs, as in the WAI-ARIA tabs pattern. */
  private async onTabKey(event: KeyboardEvent, sections: Section[]): Promise<void> {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const index = sections.indexOf(this.tab);
    this.tab = sections[(index + step + sections.length) % sections.length] ?? this.tab;
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus();
  }

  private renderSection(config: CardConfig, doc: StateDocument): TemplateResult {
    const part = SECTION_PARTS[this.tab];
    if (part && !defined(part)) return html``;
    switch (this.tab) {
      case "invites":
        return html`<xcs-invites-view
          .hass=${this.currentHass}
          .invites=${doc.invites}
          .accounts=${doc.accounts}
          .localize=${this.localize}
          .format=${this.format}
        ></xcs-invites-view>`;
      case "history":
        return html`<xcs-history-view
          .hass=${this.currentHass}
          .recent=${doc.history}
          .localize=${this.localize}
          .format=${this.format}
        ></xcs-history-view>`;
      case "cameras": {
        const cameras = this.shownCameras;
        if (!cameras.length) return html`<p class="message empty">${this.localize("card.empty")}</p>`;
        return html`<xcs-camera-grid
          .hass=${this.currentHass}
          .cameras=${cameras}
          .entityStates=${this.entityStates}
          .columns=${config.columns}
          .live=${config.live}
          .actions=${this.actions(config)}
          .localize=${this.localize}
          @xcs-share=${(event: CustomEvent<{ did: string }>) => this.openDialog("share", event.detail.did)}
          @xcs-manage=${(event: CustomEvent<{ did: string }>) => this.openDialog("manage", event.detail.did)}
        ></xcs-camera-grid>`;
      }
    }
  }

  /** The tiles' actions; a tap opens the camera's more-info (its live view) unless configured. */
  private actions(config: CardConfig): ActionParams {
    if (this.tileActions?.config !== config) {
      const { tap_action = DEFAULT_TAP, hold_action, double_tap_action } = config;
      const params: ActionParams = { tap_action };
      if (hold_action) params.hold_action = hold_action;
      if (double_tap_action) params.double_tap_action = double_tap_action;
      this.tileActions = { config, params };
    }
    return this.tileActions.params;
  }

  /** Opens once Home Assistant's dialog and form elements and the dialog's own are defined. */
  private async openDialog(kind: OpenDialog["kind"], did: string): Promise<void> {
    const ready = Promise.all([sideLoadFormElements(), loadPart(DIALOG_PARTS[kind])]);
    this.waitFor(ready);
    try {
      await ready;
    } catch {
      this.partFailed = true;
      return;
    }
    this.partFailed = false;
    this.dialog = { kind, did };
  }

  private renderDialog(doc: StateDocument): TemplateResult | typeof nothing {
    const open = this.dialog;
    const camera = open && doc.cameras.find((each) => each.did === open.did);
    if (!open || !camera) return nothing;
    const closed = (): void => {
      this.dialog = undefined;
    };
    if (open.kind === "share") {
      return html`<xcs-share-dialog
        .hass=${this.currentHass}
        .camera=${camera}
        .accounts=${doc.accounts}
        .recipients=${doc.recipients}
        .localize=${this.localize}
        .format=${this.format}
        @closed=${closed}
      ></xcs-share-dialog>`;
    }
    return html`<xcs-manage-dialog
      .hass=${this.currentHass}
      .camera=${camera}
      .localize=${this.localize}
      .format=${this.format}
      @closed=${closed}
    ></xcs-manage-dialog>`;
  }
}

defineOnce(CARD_TYPE, XiaomiCameraShareCard);
registerCustomCard();

declare global {
  interface HTMLElementTagNameMap {
    "xiaomi-camera-share-card": XiaomiCameraShareCard;
  }
}
