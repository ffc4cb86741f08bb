// Stand-ins for HA's own elements, which do not exist outside Home Assistant.
// They remember what the card handed them so tests can check it.
class StubImage extends HTMLElement {
  cameraImage?: string;
  cameraView?: string;
  hass?: unknown;

  connectedCallback(): void {
    // Something that reads as a camera picture in screenshots.
    this.style.background = "linear-gradient(160deg, #4b6f8a 0%, #9bb5c4 55%, #5d7a4f 56%, #3f5a35 100%)";
  }
}

class StubStream extends HTMLElement {
  stateObj?: { entity_id: string };
  hass?: unknown;
}

class StubCard extends HTMLElement {}

if (!customElements.get("hui-image")) customElements.define("hui-image", StubImage);
if (!customElements.get("ha-camera-stream")) customElements.define("ha-camera-stream", StubStream);
if (!customElements.get("ha-card")) customElements.define("ha-card", StubCard);

export type { StubImage, StubStream };
