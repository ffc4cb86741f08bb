// Keep the simulated world in a file between runs (`--state-file`), so a demo that
// is stopped and started again still knows its accounts' logins, shares and invites.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { SimContext } from "./context.ts";
import type { PassToken } from "./state/auth.ts";
import type { SimConfig, SimData } from "./state/model.ts";
import { parseSeed } from "./state/validate.ts";

interface Snapshot {
  version: 1;
  data: SimData;
  config: SimConfig;
  passTokens: [string, PassToken][];
  clockOffsetMs: number;
}

export function saveWorld(ctx: SimContext, path: string): void {
  const snapshot: Snapshot = {
    version: 1,
    data: ctx.store.data,
    config: ctx.store.config,
    passTokens: ctx.auth.exportPassTokens(),
    clockOffsetMs: ctx.clock.offset,
  };
  // Write then rename, so a crash mid-write never leaves half a file behind.
  writeFileSync(`${path}.tmp`, JSON.stringify(snapshot));
  renameSync(`${path}.tmp`, path);
}

/** Load a saved world into a fresh context; false when there is no file yet. */
export function loadWorld(ctx: SimContext, path: string): boolean {
  if (!existsSync(path)) return false;
  const snapshot = JSON.parse(readFileSync(path, "utf8")) as Snapshot;
  if (snapshot.version !== 1)
    throw new Error(`${path}: unknown snapshot version ${String(snapshot.version)}`);
  ctx.store.replace(parseSeed(snapshot.data));
  ctx.store.config = { ...ctx.store.config, ...snapshot.config };
  ctx.auth.importPassTokens(snapshot.passTokens);
  ctx.clock.offset = snapshot.clockOffsetMs;
  return true;
}

/** Save at most once per `delayMs` after changes, and once more on demand. */
export function debouncedSaver(save: () => void, delayMs = 200): { schedule(): void; flush(): void } {
  let timer: NodeJS.Timeout | undefined;
  return {
    schedule() {
      timer ??= setTimeout(() => {
        timer = undefined;
        save();
      }, delayMs);
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      save();
    },
  };
}
