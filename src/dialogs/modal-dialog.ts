// Base of the card's dialogs: Home Assistant's own `ha-dialog` (modal, titled, closed by its
// close button, Escape or the scrim), with a footer of `ha-button`s when a dialog has one.
import { css, html, LitElement, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import type { HomeAssistant } from "../ha/types.js";
import { makeLocalize, type Localize } from "../localize/localize.js";
import { formatterFor, type Formatter } from "../localize/format.js";
import { sharedStyles } from "../card/styles.js";

export abstract class ModalDialog extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .body {
        display: flex;
        flex-direction: column;
        gap: var(--ha-space-4, 16px);
      }
    `,
  ];

  /** Set by the card; not reactive, so unrelated entity changes do not re-render dialogs. */
  hass?: HomeAssistant;
  @property({ attribute: false }) localize: Localize = makeLocalize("en");
  @property({ attribute: false }) format: Formatter = formatterFor(undefined);
  @state() protected open = false;

  protected abstract heading(): string;
  protected abstract renderBody(): TemplateResult;
  protected renderFooter(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** Opens once the parts inside have rendered, so `autofocus` finds its control. */
  override async firstUpdated(): Promise<void> {
    await this.updateComplete;
    this.open = true;
  }

  close(): void {
    this.open = false;
  }

  /** ha-dialog says `closed` once it is hidden; events of the same name from inside are not that. */
  private onClosed(event: Event): void {
    if (event.target !== event.currentTarget) return;
    event.stopPropagation();
    this.open = false;
    this.dispatchEvent(new Event("closed"));
  }

  override render(): TemplateResult {
    return html`<ha-dialog .open=${this.open} header-title=${this.heading()} @closed=${this.onClosed}>
      <div class="body">${this.renderBody()}</div>
      ${this.renderFooter()}
    </ha-dialog>`;
  }
}
