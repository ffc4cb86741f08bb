// Whom to share with: the kind of recipient, what the user types or picks, one look-up, the
// person found, and keeping a typed person in the address book. The share dialog hears of
// the resolved person through `xcs-recipient-change`.
import { css, html, LitElement, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { lookupRecipient, saveRecipient, type LookupResult } from "../data/api.js";
import type { Account, Recipient, Region } from "../data/state.js";
import type { HomeAssistant } from "../ha/types.js";
import { makeLocalize, type Localize } from "../localize/localize.js";
import { regionName } from "../localize/regions.js";
import { buttonStyles, fieldStyles } from "../card/styles.js";
import { defineOnce } from "../ha/define.js";

export type RecipientKind = "xiaomi_id" | "phone" | "saved" | "account";
const KINDS: RecipientKind[] = ["xiaomi_id", "phone", "saved", "account"];
/** The kind a new picker starts with. */
export const FIRST_KIND: RecipientKind = "xiaomi_id";

/** A person the look-up found; the share action gets `user_id`, so nobody is looked up twice. */
export interface ResolvedRecipient {
  user_id: string;
  nickname: string;
}

export interface RecipientChange {
  kind: RecipientKind;
  /** Set once a look-up succeeds; null while nobody is found for the current choice. */
  recipient: ResolvedRecipient | null;
}

export const RECIPIENT_CHANGE = "xcs-recipient-change";

type Lookup =
  { phase: "idle" } | { phase: "looking" } | { phase: "found"; result: LookupResult } | { phase: "failed" };
type Saving = { phase: "idle" } | { phase: "saved"; name: string } | { phase: "failed" };

export class RecipientPicker extends LitElement {
  // The dialog gives the picker `autofocus`; focus goes on to the first control inside.
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  static override styles = [
    buttonStyles,
    fieldStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .recipient-row {
        display: flex;
        gap: 8px;
      }
      .recipient-row > input,
      .recipient-row > select {
        flex: 1;
        min-width: 0;
      }
    `,
  ];

  /** Not reactive, like the dialog's: only calls go through it. */
  hass?: HomeAssistant;
  @property({ attribute: false }) localize: Localize = makeLocalize("en");
  /** The account that shares: it looks the person up, and is no choice as recipient. */
  @property({ attribute: false }) entryId = "";
  /** The camera's region: where the look-up asks and the invite will wait. */
  @property({ attribute: false }) region!: Region;
  @property({ attribute: false }) accounts: Account[] = [];
  @property({ attribute: false }) recipients: Recipient[] = [];

  @state() private kind: RecipientKind = FIRST_KIND;
  @state() private typed = "";
  @state() private saved = "";
  @state() private account = "";
  @state() private lookup: Lookup = { phase: "idle" };
  @state() private saveName = "";
  @state() private saving: Saving = { phase: "idle" };
  /** Counts look-ups, so an answer for an earlier choice is dropped. */
  private asked = 0;

  /** Accounts configured here that could receive the camera. */
  private get otherAccounts(): Account[] {
    return this.accounts.filter((account) => account.entry_id !== this.entryId);
  }

  /** What is looked up: the typed text, a saved recipient's name, or an account's user id. */
  private get query(): string {
    switch (this.kind) {
      case "xiaomi_id":
      case "phone":
        return this.typed.trim();
      case "saved":
        return this.saved;
      case "account":
        return this.otherAccounts.find((account) => account.entry_id === this.account)?.user_id ?? "";
    }
  }

  private setLookup(lookup: Lookup): void {
    this.lookup = lookup;
    const recipient =
      lookup.phase === "found" ? { user_id: lookup.result.user_id, nickname: lookup.result.nickname } : null;
    const detail: RecipientChange = { kind: this.kind, recipient };
    this.dispatchEvent(new CustomEvent<RecipientChange>(RECIPIENT_CHANGE, { detail }));
  }

  /** Any change of the choice forgets the person found for the previous one. */
  private changed(): void {
    this.asked += 1;
    this.saving = { phase: "idle" };
    this.setLookup({ phase: "idle" });
  }

  private async onLookup(): Promise<void> {
    const query = this.query;
    if (!this.hass || !query) return;
    const asked = ++this.asked;
    this.setLookup({ phase: "looking" });
    let lookup: Lookup;
    try {
      const result = await lookupRecipient(this.hass, this.entryId, query, this.region);
      lookup = { phase: "found", result };
    } catch {
      lookup = { phase: "failed" };
    }
    if (asked === this.asked) this.setLookup(lookup);
  }

  /** The region the person uses as far as we know: their account here, else the address book. */
  private recipientRegion(found: LookupResult): Region | undefined {
    const regions = found.regions ?? this.accounts.find((each) => each.user_id === found.user_id)?.regions;
    if (regions?.length) return regions.includes(this.region) ? this.region : regions[0];
    return this.recipients.find((each) => each.user_id === found.user_id)?.region ?? undefined;
  }

  override render(): TemplateResult {
    return html`
      <fieldset>
        <legend>${this.localize("share.recipient_kind")}</legend>
        <select
          id="kind"
          autofocus
          aria-label=${this.localize("share.recipient_kind")}
          .value=${this.kind}
          @change=${(event: Event) => {
            this.kind = (event.target as HTMLSelectElement).value as RecipientKind;
            this.changed();
          }}
        >
          ${KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === this.kind}>${this.localize(`share.kind.${kind}`)}</option>`)}
        </select>
      </fieldset>
      <div class="recipient-row">
        ${this.renderInput()}
        <button
          id="lookup"
          ?disabled=${!this.query || this.lookup.phase === "looking"}
          @click=${this.onLookup}
        >
          ${this.lookup.phase === "looking" ? this.localize("share.looking_up") : this.localize("share.lookup")}
        </button>
      </div>
      <div aria-live="polite">${this.renderLookup()}</div>
    `;
  }

  private renderInput(): TemplateResult {
    const label = this.localize("share.recipient");
    if (this.kind === "saved") {
      if (!this.recipients.length) return html`<span class="muted">${this.localize("share.no_saved")}</span>`;
      return html`<select
        id="recipient"
        aria-label=${label}
        @change=${(event: Event) => {
          this.saved = (event.target as HTMLSelectElement).value;
          this.changed();
        }}
      >
        <option value="" ?selected=${!this.saved}>—</option>
        ${this.recipients.map((each) => html`<option value=${each.name} ?selected=${each.name === this.saved}>${each.name}${each.nickname ? ` (${each.nickname})` : ""}</option>`)}
      </select>`;
    }
    if (this.kind === "account") {
      if (!this.otherAccounts.length)
        return html`<span class="muted">${this.localize("share.no_accounts")}</span>`;
      return html`<select
        id="recipient"
        aria-label=${label}
        @change=${(event: Event) => {
          this.account = (event.target as HTMLSelectElement).value;
          this.changed();
        }}
      >
        <option value="" ?selected=${!this.account}>—</option>
        ${this.otherAccounts.map((each) => html`<option value=${each.entry_id} ?selected=${each.entry_id === this.account}>${each.nickname} (${each.user_id})</option>`)}
      </select>`;
    }
    return html`<input
      id="recipient"
      aria-label=${label}
      placeholder=${this.localize(`share.kind.${this.kind}`)}
      inputmode=${this.kind === "phone" ? "tel" : "numeric"}
      autocomplete="off"
      .value=${this.typed}
      @input=${(event: Event) => {
        this.typed = (event.target as HTMLInputElement).value;
        this.changed();
      }}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === "Enter") void this.onLookup();
      }}
    />`;
  }

  private renderLookup(): TemplateResult | typeof nothing {
    if (this.lookup.phase === "failed")
      return html`<p class="error">${this.localize("share.lookup_failed")}</p>`;
    if (this.lookup.phase !== "found") return nothing;
    const found = this.lookup.result;
    const theirRegion = this.recipientRegion(found);
    return html`<p class="found">
        ${this.localize("share.found", { nickname: found.nickname, user_id: found.user_id })}
      </p>
      ${
        theirRegion && theirRegion !== this.region
          ? html`<p class="warning region-warning" role="note">
              ${this.localize("share.region_warning", {
                nickname: found.nickname,
                their_region: regionName(this.localize, theirRegion),
                camera_region: regionName(this.localize, this.region),
              })}
            </p>`
          : nothing
      }
      ${this.renderSave(found, theirRegion)}`;
  }

  /** Typed recipients can be kept in the address book under a name. */
  private renderSave(found: LookupResult, region: Region | undefined): TemplateResult | typeof nothing {
    if (this.kind !== "xiaomi_id" && this.kind !== "phone") return nothing;
    if (this.saving.phase === "saved") {
      return html`<p class="saved">${this.localize("share.saved", { name: this.saving.name })}</p>`;
    }
    const save = async (): Promise<void> => {
      const name = this.saveName.trim();
      if (!this.hass || !name) return;
      try {
        await saveRecipient(this.hass, {
          name,
          user_id: found.user_id,
          nickname: found.nickname,
          region: region ?? null,
        });
        this.saving = { phase: "saved", name };
      } catch {
        this.saving = { phase: "failed" };
      }
    };
    return html`<div class="recipient-row">
        <input
          id="save-name"
          aria-label=${this.localize("share.save_name")}
          placeholder=${this.localize("share.save_name")}
          .value=${this.saveName}
          @input=${(event: Event) => (this.saveName = (event.target as HTMLInputElement).value)}
        />
        <button id="save-recipient" ?disabled=${!this.saveName.trim()} @click=${save}>
          ${this.localize("share.save")}
        </button>
      </div>
      ${this.saving.phase === "failed" ? html`<p class="error">${this.localize("share.save_failed")}</p>` : nothing}`;
  }
}

defineOnce("xcs-recipient-picker", RecipientPicker);

declare global {
  interface HTMLElementTagNameMap {
    "xcs-recipient-picker": RecipientPicker;
  }
  interface HTMLElementEventMap {
    "xcs-recipient-change": CustomEvent<RecipientChange>;
  }
}
