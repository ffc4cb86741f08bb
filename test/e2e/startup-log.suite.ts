// A newcomer who opens Home Assistant's log after `npm start` finds no error there.
// The later suites break things on purpose, so the log is read right after the stack
// came up and the demo was set up, before any of them ran.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";

/** A record of Home Assistant's log: `2026-01-31 12:00:00.123 ERROR (MainThread) [logger] text`. */
const record =
  /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ (?<level>[A-Z]+) \([^)]*\) \[(?<logger>[^\]]+)\] (?<text>.*)$/;

export interface LogRecord {
  level: string;
  logger: string;
  text: string;
}

/** The records of a log at ERROR or above (a traceback's lines belong to the record above them). */
export function errorRecords(log: string): LogRecord[] {
  const found: LogRecord[] = [];
  for (const line of log.split("\n")) {
    const groups = record.exec(line)?.groups;
    if (groups && (groups.level === "ERROR" || groups.level === "CRITICAL")) {
      found.push({ level: groups.level, logger: groups.logger ?? "", text: groups.text ?? "" });
    }
  }
  return found;
}

/** Home Assistant's log as it is now. */
export const readHomeAssistantLog = (configDir: string): string =>
  readFileSync(join(configDir, "home-assistant.log"), "utf8");

export function startupLogSuite(startupLog: () => string): void {
  describe("Home Assistant's log after start and demo setup", () => {
    it("reads records at every level (the check can see an error)", () => {
      const sample = [
        "2026-01-31 12:00:00.123 WARNING (MainThread) [homeassistant.loader] a warning",
        "2026-01-31 12:00:00.124 ERROR (MainThread) [homeassistant.components.met] an error",
        "Traceback (most recent call last):",
        "2026-01-31 12:00:00.125 CRITICAL (SyncWorker_0) [homeassistant.setup] critical",
      ].join("\n");
      assert.deepEqual(errorRecords(sample), [
        { level: "ERROR", logger: "homeassistant.components.met", text: "an error" },
        { level: "CRITICAL", logger: "homeassistant.setup", text: "critical" },
      ]);
    });

    it("holds no error", () => {
      const log = startupLog();
      const records = log.split("\n").filter((line) => record.test(line));
      assert.ok(records.length > 0, "the log holds no record at all: is it the right file?");
      assert.deepEqual(errorRecords(log), []);
    });
  });
}
