// The editor's form, in Home Assistant's `ha-form` schema: selectors HA renders with its own
// pickers (cameras through the device picker, limited to this integration's devices).
import { DOMAIN } from "../data/api.js";
import { TILE_ACTIONS } from "../ha/actions.js";
import type { HaFormSchema } from "../ha/types.js";
import { LIVE_MODES, MAX_COLUMNS, SECTIONS } from "../card/config.js";
import type { Localize } from "../localize/localize.js";

const action = (name: string, fallback: string): HaFormSchema => ({
  name,
  selector: { ui_action: { actions: [...TILE_ACTIONS], default_action: fallback } },
});

export function editorSchema(localize: Localize): HaFormSchema[] {
  return [
    { name: "title", selector: { text: {} } },
    {
      name: "cameras",
      selector: { device: { multiple: true, filter: { integration: DOMAIN } } },
    },
    {
      name: "",
      type: "grid",
      schema: [
        // A box, not a slider: HA's slider has no accessible name of its own.
        { name: "columns", required: true, selector: { number: { min: 1, max: MAX_COLUMNS, mode: "box" } } },
        {
          name: "live",
          required: true,
          selector: {
            select: {
              mode: "dropdown",
              options: LIVE_MODES.map((value) => ({ value, label: localize(`editor.live.${value}`) })),
            },
          },
        },
      ],
    },
    {
      name: "sections",
      selector: {
        select: {
          multiple: true,
          reorder: true,
          options: SECTIONS.map((value) => ({ value, label: localize(`tab.${value}`) })),
        },
      },
    },
    // Not in an expandable panel: HA's panel header carries an invalid aria attribute.
    action("tap_action", "more-info"),
    action("hold_action", "none"),
    action("double_tap_action", "none"),
  ];
}

/** Our labels; the generic ones (title, tap behaviour…) in Home Assistant's own words. */
const LABELS = {
  cameras: "editor.cameras",
  columns: "editor.columns",
  live: "editor.live",
  sections: "editor.sections",
} as const;

export function labelFor(name: string, localize: Localize, haLocalize?: (key: string) => string): string {
  if (name in LABELS) return localize(LABELS[name as keyof typeof LABELS]);
  const ha = haLocalize?.(`ui.panel.lovelace.editor.card.generic.${name}`);
  if (ha) return ha;
  return name === "title" ? localize("editor.title") : name;
}
