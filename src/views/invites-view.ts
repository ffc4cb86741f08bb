// Invites waiting for the accounts configured here: accept or decline, and where each one waits.
import { css, html, LitElement, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { answerInvite } from "../data/api.js";
import type { Account, Invite } from "../data/state.js";
import type { HomeAssistant } from "../ha/types.js";
import { languageOf, makeLocalize, type Localize } from "../localize/localize.js";
import { formatRelative } from "../localize/time.js";
import { buttonStyles, entryListStyles } from "../card/styles.js";
import { defineOnce } from "../ha/define.js";

export class InvitesView extends LitElement {
  static override styles = [
    buttonStyles,
    entryListStyles,
    css`
      li {
        color: var(--primary-text-color, #212121);
      }
      .camera {
        font-weight: 500;
      }
      .actions {
        display: flex;
        gap: 6px;
        margin-top: 6px;
      }
    `,
  ];

  hass?: HomeAssistant;
  @property({ attribute: false }) invites: Invite[] = [];
  @property({ attribute: false }) accounts: Account[] = [];
  @property({ attribute: false }) localize: Localize = makeLocalize("en");
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
    return html`<ul>
      ${this.invites.map((invite) => this.renderInvite(invite))}
    </ul>`;
  }

  private renderInvite(invite: Invite): TemplateResult {
    const localize = this.localize;
    const region = localize(`region.${invite.region}`);
    const receiver = this.accounts.find((account) => account.entry_id === invite.entry_id);
    const names = { camera: invite.device_name, name: invite.sender_name };
    const pending = invite.status === "pending";
    const busy = this.busy.has(invite.invite_id);
    return html`<li data-invite=${invite.invite_id}>
      <div class="camera">${invite.device_name} <span class="muted">${invite.model}</span></div>
      <div>
        ${localize("invites.from", { name: invite.sender_name })} ·
        ${localize(`permission.${invite.permission}`)} ${receiver ? html` · → ${receiver.nickname}` : nothing}
      </div>
      <div class="muted">
        ${localize("invites.waits_in", { region })}
        ${
          pending && invite.expires_at
            ? html` ·
              ${localize("invites.expires", {
                relative: formatRelative(new Date(invite.expires_at), new Date(), languageOf(this.hass)),
              })}`
            : nothing
        }
        ${pending ? nothing : html` · ${localize("invites.expired")}`}
      </div>
      ${
        invite.region_in_use === false
          ? html`<div class="warning region-note">${localize("invites.region_not_used", { region })}</div>`
          : nothing
      }
      ${
        pending
          ? html`<div class="actions">
              <button
                class="accept primary"
                ?disabled=${busy}
                aria-label=${localize("invites.accept_label", names)}
                @click=${() => this.answer(invite, true)}
              >
                ${localize("invites.accept")}
              </button>
              <button
                class="decline"
                ?disabled=${busy}
                aria-label=${localize("invites.decline_label", names)}
                @click=${() => this.answer(invite, false)}
              >
                ${localize("invites.decline")}
              </button>
            </div>`
          : nothing
      }
    </li>`;
  }
}

defineOnce("xcs-invites-view", InvitesView);

declare global {
  interface HTMLElementTagNameMap {
    "xcs-invites-view": InvitesView;
  }
}
