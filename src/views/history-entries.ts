// What the history view lists, apart from how it is shown: the recent entries and the older
// pages merged, whether older ones may exist, and the words an entry fills in.
import type { HistoryEntry } from "../data/state.js";
import type { Localize } from "../localize/localize.js";

export const HISTORY_PAGE_SIZE = 20;

/** Recent and older entries, each once, newest first. */
export function mergeEntries(
  recent: readonly HistoryEntry[],
  older: readonly HistoryEntry[],
): HistoryEntry[] {
  const byId = new Map<number, HistoryEntry>();
  for (const entry of [...recent, ...older]) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => b.id - a.id);
}

/** Fewer recent entries than a page means there is nothing older to fetch. */
export function mayHaveOlder(recentCount: number): boolean {
  return recentCount >= HISTORY_PAGE_SIZE;
}

/** The placeholders of an entry's sentence; a missing person or camera is named generically. */
export function entryValues(entry: HistoryEntry, localize: Localize): Record<string, string> {
  return {
    nickname: entry.nickname ?? entry.user_id ?? localize("history.someone"),
    camera: entry.camera_name ?? localize("history.a_camera"),
    message: entry.message ?? "",
  };
}
