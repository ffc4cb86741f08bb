// Tells a host whether it is inside the viewport, so offscreen tiles neither poll nor stream.
import type { ReactiveController, ReactiveControllerHost } from "lit";

export class VisibilityController implements ReactiveController {
  visible = false;
  private observer?: IntersectionObserver;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new IntersectionObserver((entries) => {
      const visible = entries.some((entry) => entry.isIntersecting);
      if (visible === this.visible) return;
      this.visible = visible;
      this.host.requestUpdate();
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.visible = false;
  }
}
