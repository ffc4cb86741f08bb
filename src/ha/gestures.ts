// Tells a tap from a hold and a double tap on one element, with Home Assistant's timings.
// A hold or double tap is only waited for when one is configured, so a plain tap acts at once.
// Taps come from `click`, so a screen reader's activation counts as a tap too.
import type { Gesture } from "./types.js";

export const HOLD_MS = 500;
export const DOUBLE_TAP_MS = 250;

export interface GestureOptions {
  hold: boolean;
  doubleTap: boolean;
}

export class Gestures {
  private holdTimer?: number;
  private tapTimer?: number;
  private held = false;

  constructor(
    private readonly act: (gesture: Gesture) => void,
    private readonly options: () => GestureOptions,
  ) {}

  down = (event: PointerEvent): void => {
    this.held = false;
    if (event.button !== 0 || !this.options().hold) return;
    this.holdTimer = window.setTimeout(() => {
      this.held = true;
      this.act("hold");
    }, HOLD_MS);
  };

  /** The pointer went up or left, or the browser took it over to scroll. */
  up = (): void => {
    window.clearTimeout(this.holdTimer);
  };

  click = (): void => {
    if (this.held) {
      // The click that ends a hold is no tap.
      this.held = false;
      return;
    }
    if (!this.options().doubleTap) return this.act("tap");
    if (this.tapTimer !== undefined) {
      window.clearTimeout(this.tapTimer);
      this.tapTimer = undefined;
      return this.act("double_tap");
    }
    this.tapTimer = window.setTimeout(() => {
      this.tapTimer = undefined;
      this.act("tap");
    }, DOUBLE_TAP_MS);
  };

  /** Enter and Space act as a tap, as on a button. */
  key = (event: KeyboardEvent): void => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    this.act("tap");
  };

  /** A long press would otherwise open the browser's context menu. */
  contextMenu = (event: Event): void => {
    if (this.options().hold) event.preventDefault();
  };
}
