// Everything one running simulator holds, handed to every handler.
import { CaptchaBook } from "./protocol/captcha.ts";
import { IdentityFlows } from "./protocol/identity.ts";
import { P2pLog } from "./protocol/p2p.ts";
import { QrLogins } from "./protocol/qr-login.ts";
import { Faults } from "./faults.ts";
import { AuthState } from "./state/auth.ts";
import { SimClock } from "./state/clock.ts";
import { Outbox } from "./state/outbox.ts";
import { Store } from "./state/store.ts";

export class SimContext {
  readonly clock = new SimClock();
  readonly store = new Store(this.clock);
  readonly faults = new Faults();
  auth = this.freshAuth();
  outbox = new Outbox();
  captchas = new CaptchaBook();
  identity = new IdentityFlows();
  qr = new QrLogins(this.clock, () => this.store.config);
  p2p = new P2pLog();

  private freshAuth(): AuthState {
    return new AuthState(this.clock, () => this.store.config);
  }

  /** Forget every login, message and fault; the data itself is replaced by the caller. */
  resetSessions(): void {
    this.qr.close();
    this.auth = this.freshAuth();
    this.outbox = new Outbox();
    this.captchas = new CaptchaBook();
    this.identity = new IdentityFlows();
    this.qr = new QrLogins(this.clock, () => this.store.config);
    this.faults.clear();
    this.p2p = new P2pLog();
  }
}
