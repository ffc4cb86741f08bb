// The card picker entry, with a suggestion whenever someone picks a camera entity.
import { CARD_TYPE } from "./config.js";
import { loadStrings, makeLocalize, stringsLoaded } from "../localize/localize.js";
import type { CustomCardEntry } from "../ha/types.js";

/** The entry in the browser's language; in English until that language's table is here. */
export function cardPickerEntry(): CustomCardEntry {
  const localize = makeLocalize(navigator.language);
  const entry: CustomCardEntry = {
    type: CARD_TYPE,
    name: localize("card.name"),
    description: localize("card.description"),
    preview: false,
    getEntitySuggestion: (_hass, entityId) =>
      entityId.startsWith("camera.")
        ? { config: { type: `custom:${CARD_TYPE}`, cameras: [entityId] } }
        : null,
  };
  if (!stringsLoaded(navigator.language))
    void loadStrings(navigator.language).then(() => {
      const loaded = makeLocalize(navigator.language);
      entry.name = loaded("card.name");
      entry.description = loaded("card.description");
    });
  return entry;
}

export function registerCustomCard(): void {
  window.customCards ??= [];
  if (window.customCards.some((entry) => entry.type === CARD_TYPE)) return;
  window.customCards.push(cardPickerEntry());
}
