// The audit log: the recent entries from the state document, older pages on demand.
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { fetchHistory } from "../data/api.js";
import type { HistoryEntry } from "../data/state.js";
import type { HomeAssistant } from "../ha/types.js";
import { makeLocalize, type Localize } from "../localize/localize.js";
import { formatterFor, type Formatter } from "../localize/format.js";
import { listStyles, sharedStyles } from "../card/styles.js";
import { defineOnce } from "../ha/define.js";

export const HISTORY_PAGE_SIZE = 20;

export class HistoryView extends LitElement {
  static override styles = [
    sharedStyles,
    listStyles,
    css`
      ha-list-item-base {
        --ha-row-item-min-height: 0;
        --ha-row-item-padding-block: var(--ha-space-2, 8px);
      }
    `,
  ];

  hass?: HomeAssistant;
  /** The newest entries, as the state document carries them. */
  @property({ attribute: false }) recent: HistoryEntry[] = [];
  @property({ attribute: false }) localize: Localize = makeLocalize("en");
  @property({ attribute: false }) format: Formatter = formatterFor(undefined);
  @state() private older: HistoryEntry[] = [];
  @state() private hasMore = true;
  @state() private loading = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Fewer recent entries than a page means there is nothing older to fetch.
    if (changed.has("recent") && !this.older.length) this.hasMore = this.recent.length >= HISTORY_PAGE_SIZE;
  }

  private get entries(): HistoryEntry[] {
    const byId = new Map<number, HistoryEntry>();
    for (const entry of [...this.recent, ...this.older]) byId.set(entry.id, entry);
    return [...byId.values()].sort((a, b) => b.id - a.id);
  }

  private async loadMore(): Promise<void> {
    if (!this.hass) return;
    const last = this.entries[this.entries.length - 1];
    this.loading = true;
    try {
      const page = await fetchHistory(this.hass, last?.id, HISTORY_PAGE_SIZE);
      this.older = [...this.older, ...page.entries];
      this.hasMore = page.has_more;
    } finally {
      this.loading = false;
    }
  }

  private describe(entry: HistoryEntry): string {
    return this.localize(`history.${entry.type}`, {
      nickname: entry.nickname ?? entry.user_id ?? this.localize("history.someone"),
      camera: entry.camera_name ?? this.localize("history.a_camera"),
      message: entry.message ?? "",
    });
  }

  override render(): TemplateResult {
    const entries = this.entries;
    if (!entries.length && !this.hasMore)
      return html`<p class="muted empty">${this.localize("history.empty")}</p>`;
    return html`<ha-list-base
        aria-label=${this.localize("tab.history")}
        aria-busy=${this.loading ? "true" : "false"}
      >
        ${entries.map(
          (entry) =>
            html`<ha-list-item-base data-id=${entry.id} class=${entry.type}>
              <span slot="headline">${this.describe(entry)}</span>
              <time slot="supporting-text" datetime=${entry.time}
                >${this.format.dateTime(new Date(entry.time))}</time
              >
            </ha-list-item-base>`,
        )}
      </ha-list-base>
      ${
        this.hasMore
          ? html`<ha-button
              class="more"
              appearance="plain"
              .loading=${this.loading}
              @click=${() => !this.loading && this.loadMore()}
              >${this.localize("history.more")}</ha-button
            >`
          : nothing
      }`;
  }
}

defineOnce("xcs-history-view", HistoryView);

declare global {
  interface HTMLElementTagNameMap {
    "xcs-history-view": HistoryView;
  }
}
