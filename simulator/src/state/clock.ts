// The simulated clock: real time plus an offset that tests move forward or set.

export class SimClock {
  private offsetMs = 0;

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Unix seconds, as the cloud reports times. */
  now(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  /** How far the simulated clock runs ahead of real time, in milliseconds. */
  get offset(): number {
    return this.offsetMs;
  }

  set offset(ms: number) {
    this.offsetMs = ms;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  set(unixSeconds: number): void {
    this.offsetMs = unixSeconds * 1000 - Date.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
