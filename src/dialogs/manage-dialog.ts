// Who has access to a camera: status, permission, since, countdown; revoke, extend, make permanent.
import { css, html, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { revokeShare, setShareExpiry, type ShareDuration } from "../data/api.js";
import type { Camera, Sharee } from "../data/state.js";
import { listStyles } from "../card/styles.js";
import { ModalDialog } from "./modal-dialog.js";
import { defineOnce } from "../ha/define.js";

const COUNTDOWN_TICK_MS = 30_000;
const EXTENSIONS: { key: "manage.extend.1h" | "manage.extend.1d" | "manage.extend.1w"; hours: number }[] = [
  { key: "manage.extend.1h", hours: 1 },
  { key: "manage.extend.1d", hours: 24 },
  { key: "manage.extend.1w", hours: 168 },
];

/** A new end time: the given hours added to the current expiry, or to now if that has passed. */
export function extendedUntil(expiresAt: string, hours: number, now: Date): Date {
  const base = Math.max(new Date(expiresAt).getTime(), now.getTime());
  return new Date(base + hours * 3_600_000);
}

export class ManageDialog extends ModalDialog {
  static override styles = [
    ...ModalDialog.styles,
    listStyles,
    css`
      .name {
        font-weight: 500;
      }
    `,
  ];

  @property({ attribute: false }) camera!: Camera;
  @state() private now = new Date();
  @state() private busy = new Set<string>();
  private timer?: number;

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = window.setInterval(() => (this.now = new Date()), COUNTDOWN_TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearInterval(this.timer);
  }

  protected heading(): string {
    return this.localize("manage.title", { name: this.camera.name });
  }

  private async run(userId: string, action: () => Promise<void>): Promise<void> {
    this.busy = new Set(this.busy).add(userId);
    try {
      await action();
    } catch {
      // HA has already shown the translated error as a toast.
    } finally {
      const next = new Set(this.busy);
      next.delete(userId);
      this.busy = next;
    }
  }

  private revoke(sharee: Sharee): void {
    const hass = this.hass;
    const deviceId = this.camera.device_id;
    if (!hass || !deviceId) return;
    void this.run(sharee.user_id, () => revokeShare(hass, deviceId, sharee.user_id));
  }

  private extend(sharee: Sharee, duration: ShareDuration): void {
    const hass = this.hass;
    const deviceId = this.camera.device_id;
    if (!hass || !deviceId) return;
    void this.run(sharee.user_id, () => setShareExpiry(hass, deviceId, sharee.user_id, duration));
  }

  protected renderBody(): TemplateResult {
    if (!this.camera.sharees.length) return html`<p class="muted">${this.localize("manage.empty")}</p>`;
    return html`<ha-list-base aria-label=${this.heading()}>
      ${this.camera.sharees.map((sharee) => this.renderSharee(sharee))}
    </ha-list-base>`;
  }

  private renderSharee(sharee: Sharee): TemplateResult {
    const name = sharee.recipient_name ?? sharee.nickname;
    const busy = this.busy.has(sharee.user_id);
    const canAct = Boolean(this.camera.device_id) && !busy;
    const expiresAt = sharee.expires_at;
    const format = this.format;
    const button = (kind: string, label: string, act: () => void, aria?: string, hours?: number) =>
      html`<ha-button
        class=${kind}
        data-hours=${hours ?? nothing}
        size="s"
        appearance=${kind === "revoke" ? "filled" : "plain"}
        variant=${kind === "revoke" ? "danger" : "brand"}
        aria-label=${aria ?? nothing}
        .disabled=${!canAct}
        @click=${() => canAct && act()}
        >${label}</ha-button
      >`;
    return html`<ha-list-item-base data-user=${sharee.user_id}>
      <span slot="headline" class="name"
        >${name}${sharee.recipient_name ? html` <span class="muted">(${sharee.nickname})</span>` : nothing}</span
      >
      <div slot="supporting-text">
        <div class="status">
          ${this.localize(`manage.status.${sharee.status}`)} ·
          ${this.localize(`permission.${sharee.permission}`)}
          ${
            sharee.since
              ? html` · ${this.localize("manage.since", { time: format.dateTime(new Date(sharee.since)) })}`
              : nothing
          }
        </div>
        <div class="expiry">
          ${
            expiresAt
              ? `${this.localize("manage.expires", {
                  relative: format.relative(new Date(expiresAt), this.now),
                })} · ${format.dateTime(new Date(expiresAt))}`
              : this.localize("manage.permanent")
          }
        </div>
        <div class="row-actions" role="group" aria-label=${this.localize("manage.extend_label", { name })}>
          ${
            expiresAt
              ? html`${EXTENSIONS.map(({ key, hours }) =>
                  button(
                    "extend",
                    this.localize(key),
                    () =>
                      this.extend(sharee, {
                        kind: "until",
                        until: extendedUntil(expiresAt, hours, new Date()),
                      }),
                    undefined,
                    hours,
                  ),
                )}
                ${button("permanent", this.localize("manage.extend.permanent"), () =>
                  this.extend(sharee, { kind: "permanent" }),
                )}`
              : nothing
          }
          ${button(
            "revoke",
            this.localize("manage.revoke"),
            () => this.revoke(sharee),
            this.localize("manage.revoke_label", { name }),
          )}
        </div>
      </div>
    </ha-list-item-base>`;
  }
}

defineOnce("xcs-manage-dialog", ManageDialog);

declare global {
  interface HTMLElementTagNameMap {
    "xcs-manage-dialog": ManageDialog;
  }
}
