// Share a camera: choose the recipient, look them up, pick permission and duration, send.
import { html, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import {
  lookupRecipient,
  saveRecipient,
  shareCamera,
  type LookupResult,
  type ShareDuration,
  type ShareResult,
} from "../data/api.js";
import type { Account, Camera, Permission, Recipient, Region } from "../data/state.js";
import { shareBlock } from "../card/access.js";
import { ModalDialog } from "./modal-dialog.js";
import { defineOnce } from "../ha/define.js";

export type RecipientKind = "xiaomi_id" | "phone" | "saved" | "account";
const KINDS: RecipientKind[] = ["xiaomi_id", "phone", "saved", "account"];

export type DurationChoice = "permanent" | "1h" | "4h" | "1d" | "1w" | "until";
const DURATION_HOURS: Record<Exclude<DurationChoice, "permanent" | "until">, number> = {
  "1h": 1,
  "4h": 4,
  "1d": 24,
  "1w": 168,
};
const DURATIONS: DurationChoice[] = ["permanent", "1h", "4h", "1d", "1w", "until"];

type Lookup =
  { phase: "idle" } | { phase: "looking" } | { phase: "found"; result: LookupResult } | { phase: "failed" };
type Sending =
  | { phase: "idle" }
  | { phase: "sending" }
  | { phase: "done"; result: ShareResult }
  | { phase: "failed"; message: string };

function toDuration(choice: DurationChoice, until: string): ShareDuration | undefined {
  if (choice === "permanent") return { kind: "permanent" };
  if (choice === "until") {
    const moment = new Date(until);
    return Number.isNaN(moment.getTime()) || moment.getTime() <= Date.now()
      ? undefined
      : { kind: "until", until: moment };
  }
  return { kind: "hours", hours: DURATION_HOURS[choice] };
}

/** hass.callService rejects with the websocket's plain `{code, message}` object, not an Error. */
function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === "object" && err !== null && "message" in err && typeof err.message === "string")
    return err.message;
  return String(err);
}

export class ShareDialog extends ModalDialog {
  @property({ attribute: false }) camera!: Camera;
  @property({ attribute: false }) accounts: Account[] = [];
  @property({ attribute: false }) recipients: Recipient[] = [];

  @state() private kind: RecipientKind = "xiaomi_id";
  @state() private typed = "";
  @state() private saved = "";
  @state() private account = "";
  @state() private lookup: Lookup = { phase: "idle" };
  @state() private permission?: Permission;
  @state() private duration: DurationChoice = "permanent";
  @state() private until = "";
  @state() private autoAccept = true;
  @state() private sending: Sending = { phase: "idle" };
  @state() private saveName = "";
  @state() private saving: { phase: "idle" } | { phase: "saved"; name: string } | { phase: "failed" } = {
    phase: "idle",
  };

  protected heading(): string {
    return this.localize("share.title", { name: this.camera.name });
  }

  /** Accounts configured here that could receive this camera. */
  private get otherAccounts(): Account[] {
    return this.accounts.filter((account) => account.entry_id !== this.camera.entry_id);
  }

  /** The text the `share` service gets as recipient. */
  private get recipient(): string {
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

  private get chosenPermission(): Permission {
    return this.permission ?? (this.camera.capabilities.view_only ? "view_only" : "control");
  }

  private resetLookup(): void {
    this.lookup = { phase: "idle" };
    this.sending = { phase: "idle" };
    this.saving = { phase: "idle" };
  }

  private async onLookup(): Promise<void> {
    if (!this.hass || !this.recipient) return;
    this.lookup = { phase: "looking" };
    try {
      const result = await lookupRecipient(
        this.hass,
        this.camera.entry_id,
        this.recipient,
        this.camera.region,
      );
      this.lookup = { phase: "found", result };
    } catch {
      this.lookup = { phase: "failed" };
    }
  }

  private async onSend(): Promise<void> {
    const duration = toDuration(this.duration, this.until);
    if (!this.hass || this.lookup.phase !== "found" || !duration || !this.camera.device_id) return;
    this.sending = { phase: "sending" };
    try {
      const result = await shareCamera(this.hass, {
        deviceIds: [this.camera.device_id],
        recipient: this.recipient,
        permission: this.chosenPermission,
        duration,
        autoAccept: this.kind === "account" ? this.autoAccept : undefined,
      });
      this.sending = { phase: "done", result };
    } catch (err) {
      this.sending = { phase: "failed", message: errorMessage(err) };
    }
  }

  private regionName(region: Region): string {
    return this.localize(`region.${region}`);
  }

  /** The region the recipient uses as far as we know: their account here, else the address book. */
  private recipientRegion(found: LookupResult): Region | undefined {
    const regions = found.regions ?? this.accounts.find((each) => each.user_id === found.user_id)?.regions;
    if (regions?.length) return regions.includes(this.camera.region) ? this.camera.region : regions[0];
    return this.recipients.find((each) => each.user_id === found.user_id)?.region ?? undefined;
  }

  protected renderBody(): TemplateResult {
    const block = shareBlock(this.camera);
    if (block) {
      return html`<p role="alert" class="blocked">
        <strong>${this.localize("share.unavailable")}</strong><br />${this.localize(`reason.${block}`)}
      </p>`;
    }
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
            this.resetLookup();
          }}
        >
          ${KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === this.kind}>${this.localize(`share.kind.${kind}`)}</option>`)}
        </select>
      </fieldset>
      <div class="recipient-row">
        ${this.renderRecipientInput()}
        <button
          id="lookup"
          ?disabled=${!this.recipient || this.lookup.phase === "looking"}
          @click=${this.onLookup}
        >
          ${this.lookup.phase === "looking" ? this.localize("share.looking_up") : this.localize("share.lookup")}
        </button>
      </div>
      <div aria-live="polite">${this.renderLookup()}</div>
      ${this.renderPermission()} ${this.renderDuration()}
      ${
        this.kind === "account"
          ? html`<label
              ><input
                type="checkbox"
                id="auto-accept"
                .checked=${this.autoAccept}
                @change=${(event: Event) => (this.autoAccept = (event.target as HTMLInputElement).checked)}
              />
              ${this.localize("share.auto_accept")}</label
            >`
          : nothing
      }
      <div aria-live="polite">${this.renderResult()}</div>
    `;
  }

  private renderRecipientInput(): TemplateResult {
    const label = this.localize("share.recipient");
    if (this.kind === "saved") {
      if (!this.recipients.length) return html`<span class="muted">${this.localize("share.no_saved")}</span>`;
      return html`<select
        id="recipient"
        aria-label=${label}
        @change=${(event: Event) => {
          this.saved = (event.target as HTMLSelectElement).value;
          this.resetLookup();
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
          this.resetLookup();
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
        this.resetLookup();
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
        theirRegion && theirRegion !== this.camera.region
          ? html`<p class="warning region-warning" role="note">
              ${this.localize("share.region_warning", {
                nickname: found.nickname,
                their_region: this.regionName(theirRegion),
                camera_region: this.regionName(this.camera.region),
              })}
            </p>`
          : nothing
      }
      ${this.renderSaveRecipient(found, theirRegion)}`;
  }

  /** Typed recipients can be kept in the address book under a name. */
  private renderSaveRecipient(
    found: LookupResult,
    region: Region | undefined,
  ): TemplateResult | typeof nothing {
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

  private renderPermission(): TemplateResult {
    const viewOnly = this.camera.capabilities.view_only;
    const choose = (permission: Permission) => () => (this.permission = permission);
    return html`<fieldset>
      <legend>${this.localize("share.permission")}</legend>
      <label
        ><input
          type="radio"
          name="permission"
          value="view_only"
          ?disabled=${!viewOnly}
          aria-describedby=${viewOnly ? nothing : "view-only-note"}
          .checked=${this.chosenPermission === "view_only"}
          @change=${choose("view_only")}
        />
        ${this.localize("share.permission.view_only")}</label
      >
      <label
        ><input
          type="radio"
          name="permission"
          value="control"
          .checked=${this.chosenPermission === "control"}
          @change=${choose("control")}
        />
        ${this.localize("share.permission.control")}</label
      >
      ${viewOnly ? nothing : html`<p id="view-only-note" class="muted">${this.localize("share.view_only_unavailable")}</p>`}
    </fieldset>`;
  }

  private renderDuration(): TemplateResult {
    return html`<fieldset>
      <legend>${this.localize("share.duration")}</legend>
      <select
        id="duration"
        aria-label=${this.localize("share.duration")}
        @change=${(event: Event) => (this.duration = (event.target as HTMLSelectElement).value as DurationChoice)}
      >
        ${DURATIONS.map((choice) => html`<option value=${choice} ?selected=${choice === this.duration}>${this.localize(`share.duration.${choice}`)}</option>`)}
      </select>
      ${
        this.duration === "until"
          ? html`<input
              id="until"
              type="datetime-local"
              aria-label=${this.localize("share.until")}
              .value=${this.until}
              @input=${(event: Event) => (this.until = (event.target as HTMLInputElement).value)}
            />`
          : nothing
      }
    </fieldset>`;
  }

  private renderResult(): TemplateResult | typeof nothing {
    const sending = this.sending;
    if (sending.phase === "sending")
      return html`<p class="progress" role="status">${this.localize("share.sending")}</p>`;
    if (sending.phase === "failed")
      return html`<p class="error result">
        ${this.localize("share.result.error", { error: sending.message })}
      </p>`;
    if (sending.phase !== "done" || this.lookup.phase !== "found") return nothing;
    const nickname = sending.result.recipient?.nickname ?? this.lookup.result.nickname;
    const outcome = sending.result.results.find((each) => each.did === this.camera.did);
    const key = outcome?.status === "accepted" ? "share.result.shared" : "share.result.invited";
    const note = sending.result.region_note;
    return html`<p class="result">${this.localize(key, { nickname })}</p>
      ${note ? html`<p class="warning region-note">${note}</p>` : nothing}`;
  }

  protected override renderFooter(): TemplateResult {
    const done = this.sending.phase === "done";
    const ready =
      !shareBlock(this.camera) &&
      this.lookup.phase === "found" &&
      this.sending.phase !== "sending" &&
      !done &&
      toDuration(this.duration, this.until) !== undefined;
    return html`<footer>
      <button id="cancel" @click=${this.close}>
        ${this.localize(done ? "dialog.close" : "dialog.cancel")}
      </button>
      ${done ? nothing : html`<button id="send" class="primary" ?disabled=${!ready} @click=${this.onSend}>${this.localize("share.send")}</button>`}
    </footer>`;
  }
}

defineOnce("xcs-share-dialog", ShareDialog);

declare global {
  interface HTMLElementTagNameMap {
    "xcs-share-dialog": ShareDialog;
  }
}
