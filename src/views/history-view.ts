// The audit log: the recent entries from the state document, older pages on demand.
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { fetchHistory } from "../data/api.js";
import type { HistoryEntry } from "../data/state.js";
import type { HomeAssistant } from "../ha/types.js";
import { languageOf, makeLocalize, type Localize } from "../localize/localize.js";
import { formatDateTime } from "../localize/time.js";
import { buttonStyles } from "../card/styles.js";
import { defineOnce } from "../ha/define.js";

export const HISTORY_PAGE_SIZE = 20;

export class HistoryView extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      ol {
        list-style: none;
        margin: 0 0 8px;
        padding: 0;
      }
      li {
        padding: 6px 0;
        border-bottom: 1px solid var(--divider-color, #e0e0e0);
        color: var(--primary-text-color, #212121);
      }
      time {
        display: block;
        font-size: 0.8em;
      }
    `,
  ];

  hass?: HomeAssistant;
  /** The newest entries, as the state document carries them. */
  @property({ attribute: false }) recent: HistoryEntry[] = [];
  @property({ attribute: false }) localize: Localize = makeLocalize("en");
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
    const language = languageOf(this.hass);
    return html`<ol aria-busy=${this.loading ? "true" : "false"}>
        ${entries.map(
          (entry) =>
            html`<li data-id=${entry.id} class=${entry.type}>
              ${this.describe(entry)}
              <time class="muted" datetime=${entry.time}
                >${formatDateTime(new Date(entry.time), language)}</time
              >
            </li>`,
        )}
      </ol>
      ${
        this.hasMore
          ? html`<button class="more" ?disabled=${this.loading} @click=${this.loadMore}>
              ${this.localize(this.loading ? "history.loading" : "history.more")}
            </button>`
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
