// Share a camera: the recipient picker finds the person; then permission, duration, send.
import { html, nothing, type TemplateResult } from "lit";
import { property, query, state } from "lit/decorators.js";
import { ServiceCallError, shareCamera, type ShareDuration, type ShareResult } from "../data/api.js";
import type { Account, Camera, Permission, Recipient } from "../data/state.js";
import { shareBlock } from "../card/access.js";
import type { Formatter } from "../localize/format.js";
import { regionList } from "../localize/regions.js";
import { serviceErrorText } from "../localize/service-error.js";
import { ModalDialog } from "./modal-dialog.js";
// Also defines <xcs-recipient-picker>.
import { FIRST_KIND, type RecipientChange, type RecipientPicker } from "./recipient-picker.js";
import { defineOnce } from "../ha/define.js";

export type DurationChoice = "permanent" | "1h" | "4h" | "1d" | "1w" | "until";
const DURATION_HOURS: Record<Exclude<DurationChoice, "permanent" | "until">, number> = {
  "1h": 1,
  "4h": 4,
  "1d": 24,
  "1w": 168,
};
const DURATIONS: DurationChoice[] = ["permanent", "1h", "4h", "1d", "1w", "until"];

type Sending =
  | { phase: "idle" }
  | { phase: "sending" }
  | { phase: "done"; result: ShareResult }
  | { phase: "failed"; error: ServiceCallError };

/** The chosen end time is a wall time in the user's zone (the browser's or the server's). */
function toDuration(choice: DurationChoice, until: string, format: Formatter): ShareDuration | undefined {
  if (choice === "permanent") return { kind: "permanent" };
  if (choice === "until") {
    const moment = format.fromWallTime(until);
    return !moment || moment.getTime() <= Date.now() ? undefined : { kind: "until", until: moment };
  }
  return { kind: "hours", hours: DURATION_HOURS[choice] };
}

export class ShareDialog extends ModalDialog {
  @property({ attribute: false }) camera!: Camera;
  @property({ attribute: false }) accounts: Account[] = [];
  @property({ attribute: false }) recipients: Recipient[] = [];

  @state() private picked: RecipientChange = { kind: FIRST_KIND, recipient: null };
  @state() private permission?: Permission;
  @state() private duration: DurationChoice = "permanent";
  @state() private until = "";
  @state() private autoAccept = true;
  @state() private sending: Sending = { phase: "idle" };
  @query("xcs-recipient-picker") private picker?: RecipientPicker;

  protected heading(): string {
    return this.localize("share.title", { name: this.camera.name });
  }

  /** Done once the picker has rendered too: it holds the control that gets focus first. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.picker?.updateComplete;
    return done;
  }

  private get chosenPermission(): Permission {
    return this.permission ?? (this.camera.capabilities.view_only ? "view_only" : "control");
  }

  /** Another person, or nobody yet: what was sent or failed belongs to the previous choice. */
  private onRecipientChange(event: CustomEvent<RecipientChange>): void {
    this.picked = event.detail;
    this.sending = { phase: "idle" };
  }

  private async onSend(): Promise<void> {
    const duration = toDuration(this.duration, this.until, this.format);
    const recipient = this.picked.recipient;
    if (!this.hass || !recipient || !duration || !this.camera.device_id) return;
    this.sending = { phase: "sending" };
    try {
      const result = await shareCamera(this.hass, {
        deviceIds: [this.camera.device_id],
        recipient: recipient.user_id,
        permission: this.chosenPermission,
        duration,
        autoAccept: this.picked.kind === "account" ? this.autoAccept : undefined,
      });
      this.sending = { phase: "done", result };
    } catch (err) {
      this.sending = { phase: "failed", error: ServiceCallError.from(err) };
    }
  }

  protected renderBody(): TemplateResult {
    const block = shareBlock(this.camera);
    if (block) {
      return html`<ha-alert class="blocked" alert-type="info" title=${this.localize("share.unavailable")}
        >${this.localize(`reason.${block}`)}</ha-alert
      >`;
    }
    return html`
      <xcs-recipient-picker
        autofocus
        .hass=${this.hass}
        .localize=${this.localize}
        .entryId=${this.camera.entry_id}
        .region=${this.camera.region}
        .accounts=${this.accounts}
        .recipients=${this.recipients}
        @xcs-recipient-change=${this.onRecipientChange}
      ></xcs-recipient-picker>
      ${this.renderPermission()} ${this.renderDuration()}
      ${
        this.picked.kind === "account"
          ? html`<ha-switch
              id="auto-accept"
              .checked=${this.autoAccept}
              @change=${(event: Event) => (this.autoAccept = (event.target as HTMLInputElement).checked)}
              >${this.localize("share.auto_accept")}</ha-switch
            >`
          : nothing
      }
      ${this.renderResult()}
    `;
  }

  private renderPermission(): TemplateResult {
    const viewOnly = this.camera.capabilities.view_only;
    return html`<ha-radio-group
      id="permission"
      .label=${this.localize("share.permission")}
      .hint=${viewOnly ? "" : this.localize("share.view_only_unavailable")}
      .value=${this.chosenPermission}
      @change=${(event: Event) => (this.permission = (event.target as HTMLInputElement).value as Permission)}
    >
      <ha-radio-option value="view_only" .disabled=${!viewOnly}
        >${this.localize("share.permission.view_only")}</ha-radio-option
      >
      <ha-radio-option value="control">${this.localize("share.permission.control")}</ha-radio-option>
    </ha-radio-group>`;
  }

  private renderDuration(): TemplateResult {
    const options = DURATIONS.map((value) => ({ value, label: this.localize(`share.duration.${value}`) }));
    return html`<ha-select
        id="duration"
        .label=${this.localize("share.duration")}
        .options=${options}
        .value=${this.duration}
        @selected=${(event: CustomEvent<{ value: DurationChoice }>) => (this.duration = event.detail.value)}
      ></ha-select>
      ${
        this.duration === "until"
          ? html`<ha-input
              id="until"
              type="datetime-local"
              .label=${this.localize("share.until")}
              .hint=${this.format.timeZone}
              .min=${this.format.wallTime(new Date())}
              .value=${this.until}
              @input=${(event: Event) => (this.until = (event.target as HTMLInputElement).value)}
            ></ha-input>`
          : nothing
      }`;
  }

  private renderResult(): TemplateResult | typeof nothing {
    const sending = this.sending;
    if (sending.phase === "failed")
      return html`<ha-alert class="result error" alert-type="error">
        ${this.localize("share.result.error", { error: serviceErrorText(sending.error, this.localize) })}
      </ha-alert>`;
    if (sending.phase !== "done" || !this.picked.recipient) return nothing;
    const nickname = sending.result.recipient?.nickname ?? this.picked.recipient.nickname;
    const outcome = sending.result.results.find((each) => each.did === this.camera.did);
    const key = outcome?.status === "accepted" ? "share.result.shared" : "share.result.invited";
    // No regions: the recipient is an account configured here, known to use the camera's region.
    const regions = sending.result.invite_regions;
    return html`<ha-alert class="result" alert-type="success">${this.localize(key, { nickname })}</ha-alert>
      ${
        regions?.length
          ? html`<ha-alert class="region-note" alert-type="warning">
              ${this.localize("share.result.invite_regions", { regions: regionList(this.localize, regions) })}
            </ha-alert>`
          : nothing
      }`;
  }

  protected override renderFooter(): TemplateResult {
    const done = this.sending.phase === "done";
    const ready =
      !shareBlock(this.camera) &&
      this.picked.recipient !== null &&
      this.sending.phase !== "sending" &&
      !done &&
      toDuration(this.duration, this.until, this.format) !== undefined;
    return html`<ha-dialog-footer slot="footer">
      <ha-button id="cancel" slot="secondaryAction" appearance="plain" @click=${this.close}>
        ${this.localize(done ? "dialog.close" : "dialog.cancel")}
      </ha-button>
      ${
        done
          ? nothing
          : html`<ha-button
              id="send"
              slot="primaryAction"
              .disabled=${!ready}
              .loading=${this.sending.phase === "sending"}
              @click=${() => ready && this.onSend()}
              >${this.localize("share.send")}</ha-button
            >`
      }
    </ha-dialog-footer>`;
  }
}

defineOnce("xcs-share-dialog", ShareDialog);

declare global {
  interface HTMLElementTagNameMap {
    "xcs-share-dialog": ShareDialog;
  }
}
