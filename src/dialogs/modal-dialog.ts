// Base of the card's dialogs: a native modal <dialog> (the page behind it becomes inert),
// a heading that names it for screen readers, Escape to close and a focus trap.
import { html, LitElement, type TemplateResult, nothing } from "lit";
import { property, query } from "lit/decorators.js";
import type { HomeAssistant } from "../ha/types.js";
import { languageOf, makeLocalize, type Localize } from "../localize/localize.js";
import { buttonStyles, dialogStyles, fieldStyles } from "../card/styles.js";
import { trapTab } from "./focus-trap.js";

export abstract class ModalDialog extends LitElement {
  static override styles = [buttonStyles, dialogStyles, fieldStyles];

  /** Set by the card; not reactive, so unrelated entity changes do not re-render dialogs. */
  hass?: HomeAssistant;
  @property({ attribute: false }) localize: Localize = makeLocalize("en");

  @query("dialog") protected dialog?: HTMLDialogElement;

  protected abstract heading(): string;
  protected abstract renderBody(): TemplateResult;
  protected renderFooter(): TemplateResult | typeof nothing {
    return nothing;
  }

  protected get language(): string {
    return languageOf(this.hass);
  }

  /** Opens once the parts inside have rendered too, so the first control of a part can get focus. */
  override async firstUpdated(): Promise<void> {
    await this.updateComplete;
    this.dialog?.showModal();
  }

  close(): void {
    this.dialog?.close();
  }

  private onClose(): void {
    this.dispatchEvent(new CustomEvent("closed", { bubbles: true, composed: true }));
  }

  override render(): TemplateResult {
    return html`<dialog
      aria-labelledby="heading"
      @close=${this.onClose}
      @keydown=${(event: KeyboardEvent) => this.dialog && trapTab(event, this.dialog)}
    >
      <header>
        <h2 id="heading">${this.heading()}</h2>
        <button class="close" aria-label=${this.localize("dialog.close")} @click=${this.close}>✕</button>
      </header>
      <div class="body">${this.renderBody()}</div>
      ${this.renderFooter()}
    </dialog>`;
  }
}
