// What the simulated cloud "sent" to people: captcha answers and verification codes.
// Tests and the demo read them through /_control/outbox.

export interface OutboxEntry {
  /** Unix seconds, simulated clock. */
  at: number;
  kind: "captcha" | "verification";
  /** The captcha's ick cookie value, so a test can pick its own captcha's answer. */
  ick?: string;
  userId?: string;
  method?: "phone" | "email";
  to?: string;
  code: string;
}

export class Outbox {
  entries: OutboxEntry[] = [];

  add(entry: OutboxEntry): void {
    this.entries.push(entry);
    // Keep it bounded: a long demo should not grow it without limit.
    if (this.entries.length > 200) this.entries.shift();
  }
}
