// One backend subscription per connection, shared by every card and editor on the page:
// the first listener subscribes, the last one to leave unsubscribes.
import type { Connection } from "home-assistant-js-websocket";
import type { HomeAssistant } from "../ha/types.js";
import { subscribeState } from "./api.js";
import type { StateDocument } from "./state.js";

export type StateListener = (update: { document?: StateDocument; error?: string }) => void;

interface SharedSubscription {
  listeners: Set<StateListener>;
  latest?: StateDocument;
  error?: string;
  unsubscribe: Promise<(() => Promise<void>) | undefined>;
}

const subscriptions = new WeakMap<Connection, SharedSubscription>();

function errorCode(err: unknown): string {
  if (err && typeof err === "object" && "code" in err) return String(err.code);
  return err instanceof Error ? err.message : String(err);
}

/** Listens to the state document; returns the function that stops listening. */
export function listenToState(hass: HomeAssistant, listener: StateListener): () => void {
  let shared = subscriptions.get(hass.connection);
  if (!shared) {
    const created: SharedSubscription = { listeners: new Set(), unsubscribe: Promise.resolve(undefined) };
    created.unsubscribe = subscribeState(hass, (document) => {
      created.latest = document;
      created.error = undefined;
      for (const each of created.listeners) each({ document });
    }).catch((err: unknown) => {
      created.error = errorCode(err);
      for (const each of created.listeners) each({ error: created.error });
      subscriptions.delete(hass.connection);
      return undefined;
    });
    subscriptions.set(hass.connection, created);
    shared = created;
  }
  const current = shared;
  current.listeners.add(listener);
  if (current.latest) listener({ document: current.latest });
  else if (current.error) listener({ error: current.error });

  return () => {
    if (!current.listeners.delete(listener) || current.listeners.size > 0) return;
    if (subscriptions.get(hass.connection) === current) subscriptions.delete(hass.connection);
    void current.unsubscribe.then((unsubscribe) => unsubscribe?.()).catch(() => undefined);
  };
}
