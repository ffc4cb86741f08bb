// The card picker entry, with a suggestion whenever someone picks a camera entity.
import { CARD_TYPE } from "./config.js";
import { makeLocalize } from "../localize/localize.js";
import type { CustomCardEntry } from "../ha/types.js";

export function cardPickerEntry(): CustomCardEntry {
  const localize = makeLocalize(navigator.language);
  return {
    type: CARD_TYPE,
    name: localize("card.name"),
    description: localize("card.description"),
    preview: false,
    getEntitySuggestion: (_hass, entityId) =>
      entityId.startsWith("camera.")
        ? { config: { type: `custom:${CARD_TYPE}`, cameras: [entityId] } }
        : null,
  };
}

export function registerCustomCard(): void {
  window.customCards ??= [];
  if (window.customCards.some((entry) => entry.type === CARD_TYPE)) return;
  window.customCards.push(cardPickerEntry());
}
