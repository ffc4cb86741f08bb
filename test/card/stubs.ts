// Stand-ins for HA's own elements, which do not exist outside Home Assistant. They keep the
// properties and events the card uses (as HA's elements have them) and render native controls
// with the same roles, so tests can drive them and the accessibility checker can read them.
import { html, LitElement, nothing, type PropertyValues } from "lit";

class StubImage extends HTMLElement {
  cameraImage?: string;
  cameraView?: string;
  hass?: unknown;

  connectedCallback(): void {
    // Something that reads as a camera picture in screenshots.
    this.style.background = "linear-gradient(160deg, #4b6f8a 0%, #9bb5c4 55%, #5d7a4f 56%, #3f5a35 100%)";
  }
}

class StubStream extends HTMLElement {
  stateObj?: { entity_id: string };
  hass?: unknown;
}

class StubCard extends HTMLElement {}

const fire = (node: EventTarget, type: string, detail?: unknown): void => {
  node.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
};

/** ha-dialog: open, header-title; fires `closed` once hidden. */
class StubDialog extends LitElement {
  static override properties = { open: { type: Boolean }, headerTitle: { attribute: "header-title" } };
  declare open: boolean;
  declare headerTitle: string;
  constructor() {
    super();
    this.open = false;
  }
  protected override updated(changed: PropertyValues): void {
    const dialog = this.renderRoot.querySelector("dialog")!;
    if (!changed.has("open")) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      (this.querySelector("[autofocus]") as HTMLElement | null)?.focus();
    } else if (!this.open && dialog.open) dialog.close();
  }
  override render() {
    return html`<dialog
      aria-labelledby="title"
      @close=${() => {
        this.open = false;
        fire(this, "closed");
      }}
    >
      <h2 id="title">${this.headerTitle}</h2>
      <button aria-label="Close" @click=${() => (this.open = false)}>×</button>
      <slot></slot><slot name="footer"></slot>
    </dialog>`;
  }
}

class StubFooter extends LitElement {
  override render() {
    return html`<slot name="secondaryAction"></slot><slot name="primaryAction"></slot>`;
  }
}

/** ha-button: a button whose label is its content; disabled and loading block clicks, as in HA. */
class StubButton extends LitElement {
  static override properties = { disabled: { type: Boolean }, loading: { type: Boolean } };
  declare disabled: boolean;
  declare loading: boolean;
  constructor() {
    super();
    this.disabled = false;
    this.loading = false;
    this.addEventListener("click", (event) => {
      if (this.disabled || this.loading) event.stopImmediatePropagation();
    });
  }
  override render() {
    return html`<button ?disabled=${this.disabled} aria-busy=${this.loading ? "true" : "false"}>
      <slot></slot>
    </button>`;
  }
}

class StubIconButton extends LitElement {
  static override properties = { label: {}, path: {} };
  declare label: string;
  declare path: string;
  override render() {
    return html`<button aria-label=${this.label}>
      <svg viewBox="0 0 24 24"><path d=${this.path}></path></svg>
    </button>`;
  }
}

/** ha-input: value, label, type; `input` bubbles from the host with the new value. */
class StubInput extends LitElement {
  static override properties = { value: {}, label: {}, type: {}, hint: {}, min: {} };
  declare value: string;
  declare label: string;
  declare type: string;
  declare hint: string;
  declare min: string;
  constructor() {
    super();
    this.value = "";
    this.type = "text";
  }
  override render() {
    return html`<label
      >${this.label}<input
        type=${this.type}
        .value=${this.value ?? ""}
        @input=${(event: Event) => {
          event.stopPropagation();
          this.value = (event.target as HTMLInputElement).value;
          fire(this, "input");
        }}
    /></label>`;
  }
}

interface Option {
  value: string;
  label: string;
}

/** ha-select: options, value, label; fires `selected` with the value chosen. */
class StubSelect extends LitElement {
  static override properties = { value: {}, label: {}, options: { attribute: false } };
  declare value: string;
  declare label: string;
  declare options: Option[];
  override render() {
    return html`<label
      >${this.label}<select
        @change=${(event: Event) => fire(this, "selected", { value: (event.target as HTMLSelectElement).value })}
      >
        <option value="" ?selected=${!this.value}>—</option>
        ${this.options?.map(
          (option) =>
            html`<option value=${option.value} ?selected=${option.value === this.value}>
              ${option.label}
            </option>`,
        )}
      </select></label
    >`;
  }
}

/** ha-radio-group with ha-radio-option children: value, label, hint; `change` on the group. */
class StubRadioGroup extends LitElement {
  static override properties = { value: {}, label: {}, hint: {} };
  declare value: string;
  declare label: string;
  declare hint: string;
  constructor() {
    super();
    this.addEventListener("click", (event) => {
      const option = (event.target as Element).closest?.("ha-radio-option") as StubRadioOption | null;
      if (!option || option.disabled) return;
      this.value = option.value;
      this.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }
  protected override updated(): void {
    for (const option of this.querySelectorAll<StubRadioOption>("ha-radio-option"))
      option.checked = option.value === this.value;
  }
  override render() {
    return html`<div role="radiogroup" aria-label=${this.label}><slot></slot></div>
      ${this.hint ? html`<p>${this.hint}</p>` : nothing}`;
  }
}

class StubRadioOption extends LitElement {
  static override properties = { value: {}, disabled: { type: Boolean }, checked: { type: Boolean } };
  declare value: string;
  declare disabled: boolean;
  declare checked: boolean;
  override render() {
    return html`<div
      role="radio"
      aria-checked=${this.checked ? "true" : "false"}
      aria-disabled=${this.disabled ? "true" : "false"}
      tabindex="0"
    >
      <slot></slot>
    </div>`;
  }
}

/** ha-switch: checked; its content is its label; `change` when toggled. */
class StubSwitch extends LitElement {
  static override properties = { checked: { type: Boolean } };
  declare checked: boolean;
  override render() {
    return html`<label
      ><input
        type="checkbox"
        role="switch"
        .checked=${this.checked}
        @change=${(event: Event) => {
          this.checked = (event.target as HTMLInputElement).checked;
          this.dispatchEvent(new Event("change", { bubbles: true }));
        }} /><slot></slot
    ></label>`;
  }
}

class StubAlert extends LitElement {
  static override properties = { title: {}, alertType: { attribute: "alert-type" } };
  declare title: string;
  declare alertType: string;
  override render() {
    return html`<div role="alert">${this.title ? html`<b>${this.title}</b>` : nothing}<slot></slot></div>`;
  }
}

class StubList extends LitElement {
  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute("role", "list");
  }
  override render() {
    return html`<slot></slot>`;
  }
}

class StubListItem extends LitElement {
  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute("role", "listitem");
  }
  override render() {
    return html`<div><slot name="headline"></slot></div>
      <div><slot name="supporting-text"></slot></div>`;
  }
}

/** ha-form: remembers what the editor hands it; tests fire `value-changed` as HA's form does. */
class StubForm extends LitElement {
  static override properties = { data: { attribute: false }, schema: { attribute: false } };
  declare data: Record<string, unknown>;
  declare schema: unknown[];
  hass?: unknown;
  computeLabel?: (schema: { name: string }) => string;
  computeHelper?: (schema: { name: string }) => string | undefined;
}

const STUBS: Record<string, CustomElementConstructor> = {
  "hui-image": StubImage,
  "ha-camera-stream": StubStream,
  "ha-card": StubCard,
  "ha-dialog": StubDialog,
  "ha-dialog-footer": StubFooter,
  "ha-button": StubButton,
  "ha-icon-button": StubIconButton,
  "ha-input": StubInput,
  "ha-select": StubSelect,
  "ha-radio-group": StubRadioGroup,
  "ha-radio-option": StubRadioOption,
  "ha-switch": StubSwitch,
  "ha-alert": StubAlert,
  "ha-list-base": StubList,
  "ha-list-item-base": StubListItem,
  "ha-form": StubForm,
};
for (const [tag, element] of Object.entries(STUBS))
  if (!customElements.get(tag)) customElements.define(tag, element);

export type {
  StubButton,
  StubDialog,
  StubForm,
  StubImage,
  StubInput,
  StubRadioGroup,
  StubSelect,
  StubStream,
  StubSwitch,
};
