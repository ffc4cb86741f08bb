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
import { sharedStyles } from "../card/styles.js";
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
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: var(--ha-space-3, 12px);
      }
      .row {
        display: flex;
        align-items: center;
        gap: var(--ha-space-2, 8px);
      }
      .row > :first-child {
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
    if (!this.hass || !query || this.lookup.phase === "looking") return;
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
    const kinds = KINDS.map((value) => ({ value, label: this.localize(`share.kind.${value}`) }));
    return html`
      <ha-select
        id="kind"
        .label=${this.localize("share.recipient_kind")}
        .options=${kinds}
        .value=${this.kind}
        @selected=${(event: CustomEvent<{ value: RecipientKind }>) => {
          this.kind = event.detail.value;
          this.changed();
        }}
      ></ha-select>
      <div class="row">
        ${this.renderInput()}
        <ha-button
          id="lookup"
          appearance="filled"
          .disabled=${!this.query}
          .loading=${this.lookup.phase === "looking"}
          @click=${this.onLookup}
          >${this.localize("share.lookup")}</ha-button
        >
      </div>
      ${this.renderLookup()}
    `;
  }

  private renderInput(): TemplateResult {
    const label = this.localize("share.recipient");
    const choose = (
      options: { value: string; label: string }[],
      value: string,
      set: (value: string) => void,
    ) =>
      html`<ha-select
        id="recipient"
        .label=${label}
        .options=${options}
        .value=${value}
        @selected=${(event: CustomEvent<{ value: string }>) => {
          set(event.detail.value);
          this.changed();
        }}
      ></ha-select>`;
    if (this.kind === "saved") {
      if (!this.recipients.length) return html`<p class="muted">${this.localize("share.no_saved")}</p>`;
      const options = this.recipients.map((each) => ({
        value: each.name,
        label: each.nickname ? `${each.name} (${each.nickname})` : each.name,
      }));
      return choose(options, this.saved, (value) => (this.saved = value));
    }
    if (this.kind === "account") {
      if (!this.otherAccounts.length) return html`<p class="muted">${this.localize("share.no_accounts")}</p>`;
      const options = this.otherAccounts.map((each) => ({
        value: each.entry_id,
        label: `${each.nickname} (${each.user_id})`,
      }));
      return choose(options, this.account, (value) => (this.account = value));
    }
    return html`<ha-input
      id="recipient"
      .label=${this.localize(`share.kind.${this.kind}`)}
      .type=${this.kind === "phone" ? "tel" : "text"}
      .inputmode=${this.kind === "phone" ? "tel" : "numeric"}
      autocomplete="off"
      .value=${this.typed}
      @input=${(event: Event) => {
        this.typed = (event.target as HTMLInputElement).value ?? "";
        this.changed();
      }}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === "Enter") void this.onLookup();
      }}
    ></ha-input>`;
  }

  private renderLookup(): TemplateResult | typeof nothing {
    if (this.lookup.phase === "failed")
      return html`<ha-alert class="lookup-failed" alert-type="error"
        >${this.localize("share.lookup_failed")}</ha-alert
      >`;
    if (this.lookup.phase !== "found") return nothing;
    const found = this.lookup.result;
    const theirRegion = this.recipientRegion(found);
    return html`<p class="found" role="status">
        ${this.localize("share.found", { nickname: found.nickname, user_id: found.user_id })}
      </p>
      ${
        theirRegion && theirRegion !== this.region
          ? html`<ha-alert class="region-warning" alert-type="warning">
              ${this.localize("share.region_warning", {
                nickname: found.nickname,
                their_region: regionName(this.localize, theirRegion),
                camera_region: regionName(this.localize, this.region),
              })}
            </ha-alert>`
          : nothing
      }
      ${this.renderSave(found, theirRegion)}`;
  }

  /** Typed recipients can be kept in the address book under a name. */
  private renderSave(found: LookupResult, region: Region | undefined): TemplateResult | typeof nothing {
    if (this.kind !== "xiaomi_id" && this.kind !== "phone") return nothing;
    if (this.saving.phase === "saved") {
      return html`<ha-alert class="saved" alert-type="success"
        >${this.localize("share.saved", { name: this.saving.name })}</ha-alert
      >`;
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
    return html`<div class="row">
        <ha-input
          id="save-name"
          .label=${this.localize("share.save_name")}
          .value=${this.saveName}
          @input=${(event: Event) => (this.saveName = (event.target as HTMLInputElement).value ?? "")}
        ></ha-input>
        <ha-button id="save-recipient" appearance="plain" .disabled=${!this.saveName.trim()} @click=${save}
          >${this.localize("share.save")}</ha-button
        >
      </div>
      ${
        this.saving.phase === "failed"
          ? html`<ha-alert alert-type="error">${this.localize("share.save_failed")}</ha-alert>`
          : nothing
      }`;
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
