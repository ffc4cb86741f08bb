// hui-image and ha-camera-stream are loaded lazily by HA itself. Creating a built-in card
// that uses them (as HA's own picture cards do) makes HA load their definitions.
let loading: Promise<void> | undefined;

export function sideLoadCameraElements(): Promise<void> {
  if (customElements.get("hui-image")) return Promise.resolve();
  loading ??= (async () => {
    const helpers = await window.loadCardHelpers?.();
    if (!helpers) return;
    helpers.createCardElement({ type: "picture-glance", entities: [], camera_image: "camera.side_load" });
    await customElements.whenDefined("hui-image");
  })().catch(() => undefined);
  return loading;
}
