// Invites waiting for the accounts configured here: accept or decline, and where each one waits.
import { css, html, LitElement, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { answerInvite } from "../data/api.js";
import type { Account, Invite } from "../data/state.js";
import type { HomeAssistant } from "../ha/types.js";
import { makeLocalize, type Localize } from "../localize/localize.js";
import { formatterFor, type Formatter } from "../localize/format.js";
import { listStyles, sharedStyles } from "../card/styles.js";
import { defineOnce } from "../ha/define.js";

export class InvitesView extends LitElement {
  static override styles = [
    sharedStyles,
    listStyles,
    css`
      .camera {
        font-weight: 500;
      }
    `,
  ];

  hass?: HomeAssistant;
  @property({ attribute: false }) invites: Invite[] = [];
  @property({ attribute: false }) accounts: Account[] = [];
  @property({ attribute: false }) localize: Localize = makeLocalize("en");
  @property({ attribute: false }) format: Formatter = formatterFor(undefined);
  @state() private busy = new Set<number>();

  private async answer(invite: Invite, accept: boolean): Promise<void> {
    if (!this.hass) return;
    this.busy = new Set(this.busy).add(invite.invite_id);
    try {
      await answerInvite(this.hass, invite.entry_id, invite.invite_id, accept);
    } catch {
      // HA has already shown the translated error as a toast.
    } finally {
      const next = new Set(this.busy);
      next.delete(invite.invite_id);
      this.busy = next;
    }
  }

  override render(): TemplateResult {
    if (!this.invites.length) return html`<p class="muted empty">${this.localize("invites.empty")}</p>`;
    return html`<ha-list-base aria-label=${this.localize("tab.invites")}>
      ${this.invites.map((invite) => this.renderInvite(invite))}
    </ha-list-base>`;
  }

  private renderInvite(invite: Invite): TemplateResult {
    const localize = this.localize;
    const region = localize(`region.${invite.region}`);
    const receiver = this.accounts.find((account) => account.entry_id === invite.entry_id);
    const names = { camera: invite.device_name, name: invite.sender_name };
    const pending = invite.status === "pending";
    const busy = this.busy.has(invite.invite_id);
    return html`<ha-list-item-base data-invite=${invite.invite_id}>
      <span slot="headline" class="camera"
        >${invite.device_name} <span class="muted">${invite.model}</span></span
      >
      <div slot="supporting-text">
        <div>
          ${localize("invites.from", { name: invite.sender_name })} ·
          ${localize(`permission.${invite.permission}`)}
          ${receiver ? html` · → ${receiver.nickname}` : nothing}
        </div>
        <div>
          ${localize("invites.waits_in", { region })}
          ${
            pending && invite.expires_at
              ? html` ·
                ${localize("invites.expires", {
                  relative: this.format.relative(new Date(invite.expires_at), new Date()),
                })}`
              : nothing
          }
          ${pending ? nothing : html` · ${localize("invites.expired")}`}
        </div>
        ${
          invite.region_in_use === false
            ? html`<ha-alert class="region-note" alert-type="warning"
                >${localize("invites.region_not_used", { region })}</ha-alert
              >`
            : nothing
        }
        ${
          pending
            ? html`<div class="row-actions">
                <ha-button
                  class="accept"
                  size="s"
                  .disabled=${busy}
                  aria-label=${localize("invites.accept_label", names)}
                  @click=${() => !busy && this.answer(invite, true)}
                  >${localize("invites.accept")}</ha-button
                >
                <ha-button
                  class="decline"
                  size="s"
                  appearance="plain"
                  .disabled=${busy}
                  aria-label=${localize("invites.decline_label", names)}
                  @click=${() => !busy && this.answer(invite, false)}
                  >${localize("invites.decline")}</ha-button
                >
              </div>`
            : nothing
        }
      </div>
    </ha-list-item-base>`;
  }
}

defineOnce("xcs-invites-view", InvitesView);

declare global {
  interface HTMLElementTagNameMap {
    "xcs-invites-view": InvitesView;
  }
}
