// Keeps a host element subscribed to the state document while it is connected.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { HomeAssistant } from "../ha/types.js";
import type { StateDocument } from "../data/state.js";
import { listenToState } from "../data/state-store.js";

export class StateController implements ReactiveController {
  document?: StateDocument;
  /** The websocket error code when the subscription was refused (not admin, not loaded). */
  error?: string;

  private hass?: HomeAssistant;
  private stop?: () => void;
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Hands over the latest hass; subscribes once a connection is known. */
  setHass(hass: HomeAssistant): void {
    const connectionChanged = this.hass?.connection !== hass.connection;
    this.hass = hass;
    if (connectionChanged && this.connected) this.start();
  }

  hostConnected(): void {
    this.connected = true;
    this.start();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop?.();
    this.stop = undefined;
  }

  private start(): void {
    this.stop?.();
    this.stop = undefined;
    if (!this.hass) return;
    this.stop = listenToState(this.hass, ({ document, error }) => {
      this.document = document ?? this.document;
      this.error = error;
      this.host.requestUpdate();
    });
  }
}
