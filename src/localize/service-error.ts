// The card words the integration's errors that name a region itself, so the region appears in
// the user's language; the server sends its code. Any other error shows the server's message.
import { DOMAIN, type ServiceCallError } from "../data/api.js";
import { isRegion } from "../data/state.js";
import type { StringKey } from "./en.js";
import type { Localize } from "./localize.js";
import { regionName } from "./regions.js";

interface KnownError {
  key: StringKey;
  /** Every placeholder the card's message needs. */
  placeholders: readonly string[];
  /** Those of them that carry a region code. */
  regions: readonly string[];
}

const KNOWN = new Map<string, KnownError>([
  [
    "recipient_region_mismatch",
    {
      key: "service_error.recipient_region_mismatch",
      placeholders: ["camera", "person", "account", "region"],
      regions: ["region"],
    },
  ],
]);

export function serviceErrorText(error: ServiceCallError, localize: Localize): string {
  const known =
    error.translationDomain === DOMAIN && error.translationKey ? KNOWN.get(error.translationKey) : undefined;
  const given = error.translationPlaceholders;
  if (
    !known ||
    !known.placeholders.every((name) => Object.hasOwn(given, name)) ||
    !known.regions.every((name) => isRegion(given[name]))
  )
    return error.message;
  const values: Record<string, string> = { ...given };
  for (const name of known.regions) values[name] = regionName(localize, given[name] ?? "");
  return localize(known.key, values);
}
