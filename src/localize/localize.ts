// Picks the card's language from Home Assistant's and fills `{name}` placeholders.
import type { HomeAssistant } from "../ha/types.js";
import { en, type StringKey, type Strings } from "./en.js";
import { zhHans } from "./zh-Hans.js";
import { zhHant } from "./zh-Hant.js";

export type Localize = (key: StringKey, values?: Record<string, string | number>) => string;

/** Maps an HA language tag to our string table; Chinese tags name script or region. */
export function stringsFor(language: string | undefined): { strings: Strings; tag: string } {
  const tag = (language ?? "en").toLowerCase();
  if (tag === "zh-hant" || tag === "zh-tw" || tag === "zh-hk" || tag === "zh-mo") {
    return { strings: zhHant, tag: "zh-Hant" };
  }
  if (tag.startsWith("zh")) return { strings: zhHans, tag: "zh-Hans" };
  return { strings: en, tag: language ?? "en" };
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
