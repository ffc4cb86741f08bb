// Times and numbers as the user's Home Assistant profile asks: language, number format,
// 12- or 24-hour clock, and the time zone (the browser's, or the server's).
import type { HomeAssistant } from "../ha/types.js";

export interface Formatter {
  /** The IANA zone times are shown and entered in. */
  readonly timeZone: string;
  number(value: number): string;
  dateTime(value: Date): string;
  relative(target: Date, now: Date): string;
  /** A `datetime-local` value ("2030-01-02T18:00") for a moment, in the zone. */
  wallTime(value: Date): string;
  /** The moment a `datetime-local` value means in the zone; undefined when it is no time. */
  fromWallTime(value: string): Date | undefined;
}

const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** HA's number formats name the conventions of a language; system is the browser's. */
const NUMBER_LOCALES: Record<string, string | undefined> = {
  comma_decimal: "en-US",
  decimal_comma: "de",
  space_comma: "fr",
  quote_decimal: "de-CH",
  system: undefined,
};

function hourCycle(timeFormat: string | undefined): "h12" | "h23" | undefined {
  if (timeFormat === "12") return "h12";
  if (timeFormat === "24") return "h23";
  if (timeFormat === "system") {
    const cycle = new Intl.DateTimeFormat(undefined, { hour: "numeric" }).resolvedOptions().hourCycle;
    return cycle === "h11" || cycle === "h12" ? "h12" : "h23";
  }
  return undefined;
}

const cache = new Map<string, Formatter>();

export function formatterFor(hass: HomeAssistant | undefined): Formatter {
  const locale = hass?.locale;
  const language = locale?.language ?? hass?.language ?? "en";
  const server = hass?.config?.time_zone;
  const timeZone = locale?.time_zone === "server" && server ? server : BROWSER_ZONE;
  const key = [language, locale?.number_format, locale?.time_format, timeZone].join("|");
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = makeFormatter(language, locale?.number_format, locale?.time_format, timeZone);
    cache.set(key, formatter);
  }
  return formatter;
}

export function makeFormatter(
  language: string,
  numberFormat: string | undefined,
  timeFormat: string | undefined,
  timeZone: string,
): Formatter {
  const numberLocale =
    numberFormat && numberFormat in NUMBER_LOCALES ? NUMBER_LOCALES[numberFormat] : language;
  const numbers = new Intl.NumberFormat(numberLocale);
  const dates = new Intl.DateTimeFormat(language, {
    dateStyle: "medium",
    timeStyle: "short",
    hourCycle: hourCycle(timeFormat),
    timeZone,
  });
  const relative = new Intl.RelativeTimeFormat(language, { numeric: "auto" });
  // Numeric parts of a moment in the zone, for datetime-local values and zone offsets.
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  const fields = (value: Date): Record<string, string> =>
    Object.fromEntries(parts.formatToParts(value).map((part) => [part.type, part.value]));
  /** The zone's wall clock at a moment, read as if it were UTC, minus the moment itself. */
  const offset = (value: Date): number => {
    const f = fields(value);
    return Date.UTC(+f.year!, +f.month! - 1, +f.day!, +f.hour!, +f.minute!, +f.second!) - value.getTime();
  };
  return {
    timeZone,
    number: (value) => (numberFormat === "none" ? String(value) : numbers.format(value)),
    dateTime: (value) => dates.format(value),
    relative(target, now) {
      const delta = target.getTime() - now.getTime();
      for (const [unit, size] of UNITS) {
        if (Math.abs(delta) >= size || unit === "minute")
          return relative.format(Math.round(delta / size), unit);
      }
      return relative.format(0, "minute");
    },
    wallTime(value) {
      const f = fields(value);
      return `${f.year}-${f.month}-${f.day}T${f.hour}:${f.minute}`;
    },
    fromWallTime(value) {
      const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
      if (!match) return undefined;
      const [, year, month, day, hour, minute] = match.map(Number);
      const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!);
      // Twice, so a wall time next to a daylight-saving change lands on the right side of it.
      const first = asUtc - offset(new Date(asUtc));
      return new Date(asUtc - offset(new Date(first)));
    },
  };
}
