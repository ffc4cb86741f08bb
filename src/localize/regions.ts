// Region names in the card's language: the server only ever sends region codes.
import { isRegion } from "../data/state.js";
import type { Localize } from "./localize.js";

/** A region's name as the Mi Home app shows it; a code the card does not know is shown as it is. */
export function regionName(localize: Localize, code: string): string {
  return isRegion(code) ? localize(`region.${code}`) : code;
}

export function regionList(localize: Localize, codes: readonly string[]): string {
  return codes.map((code) => regionName(localize, code)).join(localize("list.separator"));
}
