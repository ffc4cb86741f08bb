// Talking to the running Home Assistant the way any outside client would:
// home-assistant-js-websocket for services and the integration's subscription.
import type { Connection } from "home-assistant-js-websocket";
import type { StateDocument } from "../../src/data/state.ts";
import { integrationDomain } from "../../tools/lib/ha-server.ts";

/** Poll `probe` until it returns something other than undefined, or fail after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Call one of the integration's services and return its response. */
export async function callIntegrationService<T = Record<string, unknown>>(
  connection: Connection,
  service: string,
  data: Record<string, unknown>,
  returnResponse = true,
): Promise<T> {
  const answer = await connection.sendMessagePromise<{ response?: T }>({
    type: "call_service",
    domain: integrationDomain,
    service,
    service_data: data,
    return_response: returnResponse,
  });
  return answer.response as T;
}

/** The integration's state document as pushed over `xiaomi_camera_share/subscribe`. */
export class StateWatcher {
  /** Every document received, oldest first. */
  readonly documents: StateDocument[] = [];
  private unsubscribe?: () => Promise<void>;

  static async start(connection: Connection): Promise<StateWatcher> {
    const watcher = new StateWatcher();
    watcher.unsubscribe = await connection.subscribeMessage<StateDocument>(
      (document) => watcher.documents.push(document),
      { type: `${integrationDomain}/subscribe` },
    );
    await eventually("the first state document", () => watcher.documents[0]);
    return watcher;
  }

  get latest(): StateDocument {
    const latest = this.documents.at(-1);
    if (!latest) throw new Error("no state document yet");
    return latest;
  }

  /** Wait for a pushed document that satisfies `matches`. */
  until(
    what: string,
    matches: (document: StateDocument) => boolean,
    timeoutMs?: number,
  ): Promise<StateDocument> {
    return eventually(what, () => (matches(this.latest) ? this.latest : undefined), timeoutMs);
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
  }
}

interface EntityRegistryEntry {
  entity_id: string;
  platform: string;
  unique_id: string;
}

/** The entity id of an automation, found by the id it was created with. */
export async function automationEntity(connection: Connection, automationId: string): Promise<string> {
  const entries = await connection.sendMessagePromise<EntityRegistryEntry[]>({
    type: "config/entity_registry/list",
  });
  const entry = entries.find((each) => each.platform === "automation" && each.unique_id === automationId);
  if (!entry) throw new Error(`no automation with id ${automationId}`);
  return entry.entity_id;
}

export async function callCoreService(
  connection: Connection,
  domain: string,
  service: string,
  data: Record<string, unknown>,
): Promise<void> {
  await connection.sendMessagePromise({ type: "call_service", domain, service, service_data: data });
}

/** The Home Assistant device of a Mi camera (by its did). */
export async function cameraDeviceId(connection: Connection, did: string): Promise<string> {
  const devices = await connection.sendMessagePromise<{ id: string; identifiers: [string, string][] }[]>({
    type: "config/device_registry/list",
  });
  const device = devices.find((each) =>
    each.identifiers.some(([domain, id]) => domain === integrationDomain && id === did),
  );
  if (!device) throw new Error(`no device for Mi camera ${did}`);
  return device.id;
}

/** Create a Home Assistant user that can log in with a password but is not an administrator. */
export async function createNonAdminUser(
  connection: Connection,
  user: { name: string; username: string; password: string },
): Promise<void> {
  const created = await connection.sendMessagePromise<{ user: { id: string } }>({
    type: "config/auth/create",
    name: user.name,
    group_ids: ["system-users"],
    local_only: true,
  });
  await connection.sendMessagePromise({
    type: "config/auth_provider/homeassistant/create",
    user_id: created.user.id,
    username: user.username,
    password: user.password,
  });
}
