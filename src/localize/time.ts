// Dates and countdowns in the user's language, with the platform's Intl formatters.
import { stringsFor } from "./localize.js";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

export function formatRelative(target: Date, now: Date, language: string): string {
  const format = new Intl.RelativeTimeFormat(stringsFor(language).tag, { numeric: "auto" });
  const delta = target.getTime() - now.getTime();
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size || unit === "minute") return format.format(Math.round(delta / size), unit);
  }
  return format.format(0, "minute");
}

export function formatDateTime(value: Date, language: string): string {
  return new Intl.DateTimeFormat(stringsFor(language).tag, {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(value);
}
