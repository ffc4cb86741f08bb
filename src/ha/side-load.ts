// Home Assistant loads its own elements lazily, with the panels, cards and editors that use
// them. The card asks built-in parts that use the elements it needs to load, and waits for
// the definitions; outside Home Assistant (or when a part never loads) it gives up after a while.
const WAIT_MS = 5_000;

/** The form, dialog and list elements the card's dialogs, views and tiles are made of. */
export const FORM_ELEMENTS = [
  "ha-alert",
  "ha-button",
  "ha-dialog",
  "ha-dialog-footer",
  "ha-form",
  "ha-icon-button",
  "ha-input",
  "ha-list-base",
  "ha-list-item-base",
  "ha-radio-group",
  "ha-radio-option",
  "ha-select",
  "ha-switch",
] as const;

const defined = (tag: string): boolean => customElements.get(tag) !== undefined;

function whenDefined(tag: string): Promise<unknown> {
  return Promise.race([
    customElements.whenDefined(tag),
    new Promise((resolve) => setTimeout(resolve, WAIT_MS)),
  ]);
}

function once(load: () => Promise<void>): () => Promise<void> {
  let loading: Promise<void> | undefined;
  return () => (loading ??= load().catch(() => undefined));
}

/** hui-image and ha-camera-stream come with HA's picture cards. */
const loadCamera = once(async () => {
  const helpers = await window.loadCardHelpers?.();
  if (!helpers) return;
  helpers.createCardElement({ type: "picture-glance", entities: [], camera_image: "camera.side_load" });
  await whenDefined("hui-image");
});

export function sideLoadCameraElements(): Promise<void> {
  return defined("hui-image") ? Promise.resolve() : loadCamera();
}

const loadForm = once(async () => {
  const helpers = await window.loadCardHelpers?.();
  if (!helpers) return;
  if (!defined("ha-selector")) {
    // A built-in card's editor brings ha-form with ha-selector, ha-input, ha-button, ha-alert…
    helpers.createCardElement({ type: "entities", entities: [] });
    await whenDefined("hui-entities-card");
    const card = customElements.get("hui-entities-card") as { getConfigElement?(): Promise<unknown> };
    await card?.getConfigElement?.();
    await whenDefined("ha-selector");
  }
  if (!defined("ha-radio-group") || !defined("ha-select")) {
    // The select selector brings ha-select and the radio group; it loads once connected.
    const probe = Object.assign(document.createElement("ha-selector"), {
      selector: { select: { mode: "list", options: [] } },
      hidden: true,
    });
    document.body.append(probe);
    await whenDefined("ha-radio-group");
    probe.remove();
  }
  // The rest (dialogs, lists) come with the more-info dialog Home Assistant preloads.
  await Promise.all(FORM_ELEMENTS.map(whenDefined));
});

export function sideLoadFormElements(): Promise<void> {
  return FORM_ELEMENTS.every(defined) ? Promise.resolve() : loadForm();
}
