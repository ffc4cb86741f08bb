// Captcha challenges: the answer of each image, keyed by its ick cookie.
import { randomDigits, randomId } from "./crypto.ts";

const MAX_OPEN = 500;

export class CaptchaBook {
  private answers = new Map<string, string>();

  /** A new challenge: its ick cookie and the text in its picture. */
  create(): { ick: string; answer: string } {
    const ick = randomId(18);
    const answer = randomDigits(5);
    this.answers.set(ick, answer);
    if (this.answers.size > MAX_OPEN) this.answers.delete(this.answers.keys().next().value ?? "");
    return { ick, answer };
  }

  /** Check an answer; every challenge can be tried once. */
  solve(ick: string | undefined, text: string): boolean {
    if (!ick) return false;
    const answer = this.answers.get(ick);
    this.answers.delete(ick);
    return answer !== undefined && answer.toLowerCase() === text.trim().toLowerCase();
  }
}

/** A fresh relative captcha URL, as step 2 hands it out. */
export const captchaUrl = (): string => `/pass/getCode?icodeType=login&0.${randomDigits(16)}`;
