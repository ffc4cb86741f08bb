// A fake `hass` in the manner of HA frontend's src/fake_data/provide_hass.ts: websocket handlers
// by message type, recorded service calls, and subscription events that tests push by hand.
import type { Connection, HassEntities, HassEntity, MessageBase } from "home-assistant-js-websocket";
import type { FrontendLocale, HomeAssistant, ServiceCallResponse } from "../../src/ha/types.js";

export interface RecordedCall {
  domain: string;
  service: string;
  data: Record<string, unknown>;
  notifyOnError: boolean | undefined;
  returnResponse: boolean | undefined;
}

type WsHandler = (msg: MessageBase) => unknown;
type ServiceHandler = (data: Record<string, unknown>) => unknown;

interface Subscription {
  msg: MessageBase;
  callback: (event: unknown) => void;
  active: boolean;
}

export class FakeHass {
  readonly serviceCalls: RecordedCall[] = [];
  readonly wsMessages: MessageBase[] = [];
  readonly subscriptions: Subscription[] = [];
  private readonly wsHandlers = new Map<string, WsHandler>();
  private readonly serviceHandlers = new Map<string, ServiceHandler>();
  /** Subscriptions of these types are refused with this websocket error code. */
  private readonly refusals = new Map<string, string>();
  private current: HomeAssistant;

  constructor(
    options: {
      language?: string;
      darkMode?: boolean;
      states?: HassEntities;
      locale?: Partial<FrontendLocale>;
      serverTimeZone?: string;
      /** Home Assistant's own strings by key; any other key is missing, as HA answers "". */
      haStrings?: Record<string, string>;
    } = {},
  ) {
    const connection = {
      subscribeMessage: async (callback: (event: unknown) => void, msg: MessageBase) => {
        this.wsMessages.push(msg);
        const refusal = this.refusals.get(msg.type);
        if (refusal) throw { code: refusal, message: refusal };
        const subscription: Subscription = { msg, callback, active: true };
        this.subscriptions.push(subscription);
        return async () => {
          subscription.active = false;
        };
      },
      sendMessagePromise: (msg: MessageBase) => this.callWS(msg),
    } as unknown as Connection;
    const language = options.language ?? "en";
    this.current = {
      connection,
      states: options.states ?? {},
      user: { id: "user-1", name: "Test Admin", is_admin: true, is_owner: true },
      language,
      locale: { language, ...options.locale },
      config: { time_zone: options.serverTimeZone ?? "Europe/Berlin" },
      themes: { darkMode: options.darkMode ?? false },
      localize: (key: string) => options.haStrings?.[key] ?? "",
      callService: <T>(
        domain: string,
        service: string,
        data: Record<string, unknown> = {},
        _target?: unknown,
        notifyOnError?: boolean,
        returnResponse?: boolean,
      ) => this.callService<T>(domain, service, data, notifyOnError, returnResponse),
      callWS: <T>(msg: MessageBase) => this.callWS(msg) as Promise<T>,
    };
  }

  /** The hass object as HA hands it to cards now; a new object after every change, like HA's. */
  get hass(): HomeAssistant {
    return this.current;
  }

  mockWS(type: string, handler: WsHandler): void {
    this.wsHandlers.set(type, handler);
  }

  mockService(domain: string, service: string, handler: ServiceHandler): void {
    this.serviceHandlers.set(`${domain}.${service}`, handler);
  }

  refuseSubscription(type: string, code: string): void {
    this.refusals.set(type, code);
  }

  activeSubscriptions(type: string): number {
    return this.subscriptions.filter((each) => each.active && each.msg.type === type).length;
  }

  /** Pushes an event to every live subscription of this type. */
  pushEvent(type: string, event: unknown): void {
    for (const subscription of this.subscriptions) {
      if (subscription.active && subscription.msg.type === type) subscription.callback(event);
    }
  }

  setState(entityId: string, state: string, attributes: Record<string, unknown> = {}): HomeAssistant {
    const entity: HassEntity = {
      entity_id: entityId,
      state,
      attributes,
      last_changed: "2030-01-01T00:00:00+00:00",
      last_updated: "2030-01-01T00:00:00+00:00",
      context: { id: `ctx-${entityId}-${state}`, parent_id: null, user_id: null },
    };
    this.current = { ...this.current, states: { ...this.current.states, [entityId]: entity } };
    return this.current;
  }

  setLocale(locale: Partial<FrontendLocale>): HomeAssistant {
    this.current = { ...this.current, locale: { ...this.current.locale, ...locale } };
    return this.current;
  }

  setLanguage(language: string): HomeAssistant {
    this.current = { ...this.current, language, locale: { ...this.current.locale, language } };
    return this.current;
  }

  private async callWS(msg: MessageBase): Promise<unknown> {
    this.wsMessages.push(msg);
    const handler = this.wsHandlers.get(msg.type);
    if (!handler) throw { code: "command_not_mocked", message: `${msg.type} is not mocked` };
    return handler(msg);
  }

  private async callService<T>(
    domain: string,
    service: string,
    data: Record<string, unknown>,
    notifyOnError: boolean | undefined,
    returnResponse: boolean | undefined,
  ): Promise<ServiceCallResponse<T>> {
    this.serviceCalls.push({ domain, service, data, notifyOnError, returnResponse });
    const handler = this.serviceHandlers.get(`${domain}.${service}`);
    const response = handler ? ((await handler(data)) as T) : undefined;
    return { context: { id: `ctx-${this.serviceCalls.length}`, parent_id: null }, response };
  }
}
