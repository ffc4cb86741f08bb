// Picks the card's language from Home Assistant's and fills `{name}` placeholders.
// English is built in; the Chinese tables are chunks of their own, loaded on first use.
import type { HomeAssistant } from "../ha/types.js";
import { en, type StringKey, type Strings } from "./en.js";

export type Localize = (key: StringKey, values?: Record<string, string | number>) => string;

type ChineseTag = "zh-Hans" | "zh-Hant";

const load: Record<ChineseTag, () => Promise<Strings>> = {
  "zh-Hans": async () => (await import("./zh-Hans.js")).zhHans,
  "zh-Hant": async () => (await import("./zh-Hant.js")).zhHant,
};
const loaded: Partial<Record<ChineseTag, Strings>> = {};
const loading: Partial<Record<ChineseTag, Promise<void>>> = {};

/** The table an HA language tag needs; Chinese tags name script or region. */
function chineseTag(language: string | undefined): ChineseTag | undefined {
  const tag = (language ?? "en").toLowerCase();
  if (tag === "zh-hant" || tag === "zh-tw" || tag === "zh-hk" || tag === "zh-mo") return "zh-Hant";
  return tag.startsWith("zh") ? "zh-Hans" : undefined;
}

/** Whether `makeLocalize` has the language's table at hand (English always is). */
export function stringsLoaded(language: string | undefined): boolean {
  const tag = chineseTag(language);
  return !tag || loaded[tag] !== undefined;
}

/**
 * Loads the language's table once; settles when it is there (or could not be loaded: the
 * card then speaks English).
 */
export function loadStrings(language: string | undefined): Promise<void> {
  const tag = chineseTag(language);
  if (!tag || loaded[tag]) return Promise.resolve();
  return (loading[tag] ??= load[tag]().then(
    (strings) => {
      loaded[tag] = strings;
    },
    () => {
      delete loading[tag];
    },
  ));
}

/** Maps an HA language tag to our string table: English until a Chinese one has loaded. */
export function stringsFor(language: string | undefined): { strings: Strings; tag: string } {
  const tag = chineseTag(language);
  const strings = tag && loaded[tag];
  if (tag && strings) return { strings, tag };
  return { strings: en, tag: tag ? "en" : (language ?? "en") };
}

export function languageOf(hass: HomeAssistant | undefined): string {
  return hass?.locale?.language ?? hass?.language ?? "en";
}

/** Fills placeholders; numbers are written as `formatNumber` says (the user's number format). */
export function makeLocalize(
  language: string | undefined,
  formatNumber: (value: number) => string = String,
): Localize {
  const { strings } = stringsFor(language);
  return (key, values) => {
    const template = strings[key] ?? en[key];
    if (!values) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return typeof value === "number" ? formatNumber(value) : value;
    });
  };
}
