// The shipped blueprints in a real Home Assistant: each imported through its
// blueprint API from a URL (a server on 127.0.0.1 stands in for GitHub), an
// automation made from it, triggered, and the simulator's state checked.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Connection } from "home-assistant-js-websocket";
import { blueprintFiles, blueprintFolder, demoAccounts } from "../../tools/lib/demo-setup.ts";
import { integrationDomain } from "../../tools/lib/ha-server.ts";
import type { TimedShare } from "./expiry.suite.ts";
import { control, ShareStatus, simulatedShares, type Stack } from "./harness.ts";
import {
  automationEntity,
  callCoreService,
  callIntegrationService,
  cameraDeviceId,
  eventually,
  StateWatcher,
} from "./home-assistant.ts";

const livingRoom = "501000001";
const frontDoor = "501000002";
const nursery = "501000003";
/** Seed accounts no other suite shares with, so their checks never see these shares. */
const visitor = { userId: "1100000005", nickname: "Demo Captcha" };
const nanny = { userId: "1100000006", nickname: "Demo Verify" };
/** Where this suite imports the blueprints to (the demo keeps its own copies). */
const importFolder = `${integrationDomain}_e2e`;
const automationIds = {
  guest: "e2e_blueprint_guest_mode",
  schedule: "e2e_blueprint_schedule",
  trusted: "e2e_blueprint_trusted_senders",
  tellMe: "e2e_blueprint_tell_me",
};

interface Notification {
  service: string;
  title?: string;
  message: string;
}

/** Every notify action called since the suite began (Home Assistant's call_service events). */
const notifications: Notification[] = [];
let stopListening: (() => Promise<void>) | undefined;

async function rest(stack: Stack, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${stack.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${stack.token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

async function createAutomation(
  stack: Stack,
  id: string,
  file: string,
  input: Record<string, unknown>,
): Promise<string> {
  await rest(stack, "POST", `/api/config/automation/config/${id}`, {
    alias: `E2E ${file}`,
    use_blueprint: { path: `${importFolder}/${file}`, input },
  });
  return eventually(`the automation made from ${file}`, async () => {
    try {
      return await automationEntity(stack.connection, id);
    } catch {
      return undefined;
    }
  });
}

/** The entity a helper created through the websocket API has (by its unique id). */
async function helperEntity(connection: Connection, platform: string, uniqueId: string): Promise<string> {
  return eventually(`the ${platform} entity`, async () => {
    const entries = await connection.sendMessagePromise<
      { entity_id: string; platform: string; unique_id: string }[]
    >({ type: "config/entity_registry/list" });
    return entries.find((each) => each.platform === platform && each.unique_id === uniqueId)?.entity_id;
  });
}

async function shareWith(stack: Stack, did: string, userId: string, status: number) {
  return eventually(`the simulator to hold ${did} → ${userId} with status ${status}`, async () => {
    const [share] = await simulatedShares(stack.simulator, did, userId);
    return share?.status === status ? share : undefined;
  });
}

async function noShare(stack: Stack, did: string, userId: string): Promise<void> {
  await eventually(`the simulator to forget ${did} → ${userId}`, async () =>
    (await simulatedShares(stack.simulator, did, userId)).length === 0 ? true : undefined,
  );
}

function notified(what: RegExp, timeoutMs?: number): Promise<Notification> {
  return eventually(
    `a notification saying ${what}`,
    () => notifications.find((each) => what.test(each.message)),
    timeoutMs,
  );
}

/** When a camera's share with a person ends, as the integration's state document says. */
async function expiryOf(watcher: StateWatcher, did: string, userId: string): Promise<number> {
  const document = await watcher.until(`an expiry for ${did} → ${userId}`, (each) =>
    Boolean(
      each.cameras.find((camera) => camera.did === did)?.sharees.find((sharee) => sharee.user_id === userId)
        ?.expires_at,
    ),
  );
  const sharee = document.cameras
    .find((camera) => camera.did === did)
    ?.sharees.find((each) => each.user_id === userId);
  return Date.parse(sharee?.expires_at ?? "");
}

/** Home Assistant's wall clock in its own time zone: the weekday and the seconds since midnight. */
function localClock(timeZone: string): { weekday: string; seconds: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "long",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date())
      .map((part) => [part.type, part.value]),
  );
  return {
    weekday: (parts.weekday ?? "").toLowerCase(),
    seconds: Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second),
  };
}

const timeOfDay = (seconds: number): string =>
  seconds >= 86_400
    ? "24:00:00"
    : [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60]
        .map((part) => String(part).padStart(2, "0"))
        .join(":");

export function blueprintsSuite(stack: () => Stack): void {
  describe("the blueprints in a real Home Assistant", () => {
    let server: Server;
    let serverUrl: string;
    let watcher: StateWatcher;

    before(async () => {
      // Serves the blueprint files the way GitHub serves the raw files the README links to.
      server = createServer((request, response) => {
        const file = blueprintFiles().find((name) => request.url === `/${name}`);
        if (!file) {
          response.writeHead(404).end();
          return;
        }
        response.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
        response.end(readFileSync(join(blueprintFolder, file)));
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      stopListening = await stack().connection.subscribeEvents<{
        data: { domain: string; service: string; service_data: { title?: string; message: string } };
      }>((event) => {
        if (event.data.domain !== "notify") return;
        notifications.push({ service: event.data.service, ...event.data.service_data });
      }, "call_service");
      // The demo's own tell-me automation would send the same notifications as this suite's.
      const demoTellMe = await automationEntity(stack().connection, "xiaomi_camera_share_tell_me");
      await callCoreService(stack().connection, "automation", "turn_off", { entity_id: demoTellMe });
      watcher = await StateWatcher.start(stack().connection);
    });

    after(async () => {
      await watcher.stop();
      // Home Assistant's web session keeps its connection open; do not wait for it.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      // The tell-me automation stays: the last suite waits for its note about the timed share.
      for (const id of [automationIds.guest, automationIds.schedule, automationIds.trusted]) {
        await rest(stack(), "DELETE", `/api/config/automation/config/${id}`).catch(() => undefined);
      }
    });

    it("imports each blueprint from its URL through Home Assistant's blueprint API, which validates it", async () => {
      const connection = stack().connection;
      for (const file of blueprintFiles()) {
        const url = `${serverUrl}/${file}`;
        const imported = await connection.sendMessagePromise<{
          raw_data: string;
          blueprint: { metadata: { domain: string; name: string; source_url: string } };
          validation_errors: string[] | null;
        }>({ type: "blueprint/import", url });
        assert.equal(imported.raw_data, readFileSync(join(blueprintFolder, file), "utf8"));
        assert.equal(imported.validation_errors, null, file);
        assert.equal(imported.blueprint.metadata.domain, "automation");
        assert.equal(imported.blueprint.metadata.source_url, url);
        await connection.sendMessagePromise({
          type: "blueprint/save",
          domain: "automation",
          path: `${importFolder}/${file}`,
          yaml: imported.raw_data,
          source_url: url,
          allow_override: true,
        });
      }
      const listed = await connection.sendMessagePromise<Record<string, { metadata?: { name: string } }>>({
        type: "blueprint/list",
        domain: "automation",
      });
      for (const file of blueprintFiles()) {
        assert.ok(listed[`${importFolder}/${file}`]?.metadata?.name, `${file} is listed and loads`);
      }
      // Made now, so it is armed long before the run's timed share (the nursery's) ends.
      await createAutomation(stack(), automationIds.tellMe, "tell_me.yaml", {});
    });

    it("guest mode shares the cameras for the hours chosen while the switch is on, and revokes when it turns off", async () => {
      const connection = stack().connection;
      const helper = await connection.sendMessagePromise<{ id: string }>({
        type: "input_boolean/create",
        name: "E2E guest",
      });
      const guestSwitch = await helperEntity(connection, "input_boolean", helper.id);
      await createAutomation(stack(), automationIds.guest, "guest_mode.yaml", {
        switch: guestSwitch,
        cameras: [await cameraDeviceId(connection, livingRoom), await cameraDeviceId(connection, frontDoor)],
        recipient: visitor.userId,
        permission: "view_only",
        hours: 2,
      });

      const turnedOn = Date.now();
      await callCoreService(connection, "input_boolean", "turn_on", { entity_id: guestSwitch });
      for (const did of [livingRoom, frontDoor]) {
        const share = await shareWith(stack(), did, visitor.userId, ShareStatus.pending);
        assert.equal(share.readOnly, true);
        const ends = await expiryOf(watcher, did, visitor.userId);
        assert.ok(Math.abs(ends - (turnedOn + 2 * 3_600_000)) < 30_000, `${did} ends two hours on`);
      }

      await callCoreService(connection, "input_boolean", "turn_off", { entity_id: guestSwitch });
      await noShare(stack(), livingRoom, visitor.userId);
      await noShare(stack(), frontDoor, visitor.userId);
    });

    it("the schedule shares while it is on, timed to end when it does, and revokes when it turns off", async () => {
      const connection = stack().connection;
      const { time_zone: timeZone } = await connection.sendMessagePromise<{ time_zone: string }>({
        type: "get_config",
      });
      // A block cannot cross midnight: close to it, wait for the new day.
      const untilMidnight = 86_400 - localClock(timeZone).seconds;
      if (untilMidnight < 180)
        await new Promise((resolve) => setTimeout(resolve, (untilMidnight + 2) * 1000));

      const helper = await connection.sendMessagePromise<{ id: string }>({
        type: "schedule/create",
        name: "E2E nanny",
      });
      const schedule = await helperEntity(connection, "schedule", helper.id);
      await createAutomation(stack(), automationIds.schedule, "schedule.yaml", {
        schedule,
        cameras: [await cameraDeviceId(connection, nursery)],
        recipient: nanny.userId,
      });

      const now = localClock(timeZone);
      const to = Math.min(now.seconds + 600, 86_400);
      const endsAt = Date.now() + (to - now.seconds) * 1000;
      await connection.sendMessagePromise({
        type: "schedule/update",
        schedule_id: helper.id,
        name: "E2E nanny",
        [now.weekday]: [{ from: timeOfDay(Math.max(now.seconds - 60, 0)), to: timeOfDay(to) }],
      });
      const share = await shareWith(stack(), nursery, nanny.userId, ShareStatus.pending);
      assert.equal(share.readOnly, false);
      // Timed to the schedule's end: the integration ends it even if Home Assistant is down then.
      const ends = await expiryOf(watcher, nursery, nanny.userId);
      assert.ok(Math.abs(ends - endsAt) < 5_000, `the share ends with the schedule (${ends - endsAt} ms)`);

      await connection.sendMessagePromise({
        type: "schedule/update",
        schedule_id: helper.id,
        name: "E2E nanny",
      });
      await noShare(stack(), nursery, nanny.userId);
    });

    it("trusted senders accept the owner's invite to the family account and say so; tell-me reports the answer", async () => {
      const connection = stack().connection;
      await createAutomation(stack(), automationIds.trusted, "trusted_senders.yaml", {
        account: stack().demo.familyEntryId,
        senders: [demoAccounts.owner.userId],
      });
      const livingRoomDevice = await cameraDeviceId(connection, livingRoom);
      await callIntegrationService(connection, "share", {
        device_id: [livingRoomDevice],
        recipient: demoAccounts.family.userId,
        permission: "view_only",
      });
      try {
        await shareWith(stack(), livingRoom, demoAccounts.family.userId, ShareStatus.accepted);
        const accepted = await notified(/^Accepted Living room from Demo Owner\.$/);
        assert.equal(accepted.service, "persistent_notification");
        assert.equal(accepted.title, "Camera sharing");
        await notified(/^Demo Family accepted Living room and can watch it now\.$/);
      } finally {
        await rest(stack(), "DELETE", `/api/config/automation/config/${automationIds.trusted}`);
        await callIntegrationService(connection, "revoke", {
          device_id: [livingRoomDevice],
          recipient: demoAccounts.family.userId,
        });
      }
      await noShare(stack(), livingRoom, demoAccounts.family.userId);
    });

    it("tell-me reports an invite declined in Mi Home", async () => {
      const connection = stack().connection;
      await callIntegrationService(connection, "share", {
        device_id: [await cameraDeviceId(connection, livingRoom)],
        recipient: visitor.userId,
        permission: "control",
      });
      const invite = await shareWith(stack(), livingRoom, visitor.userId, ShareStatus.pending);
      // The visitor declines on their phone; the owner's account reads the answer.
      await control(stack().simulator, "invites/respond", {
        userId: visitor.userId,
        region: "cn",
        inviteId: invite.inviteId,
        accept: false,
      });
      await shareWith(stack(), livingRoom, visitor.userId, ShareStatus.declined);
      await callIntegrationService(
        connection,
        "refresh",
        { config_entry_id: stack().demo.ownerEntryId },
        false,
      );
      const declined = await notified(/^Demo Captcha did not accept Living room/);
      assert.equal(declined.service, "persistent_notification");
    });
  });
}

/** Run last: the tell-me automation's note about the run's timed share, once it ended. */
export function blueprintsTimedShareSuite(stack: () => Stack, timed: () => TimedShare): void {
  describe("the tell-me blueprint, once the run's timed share ended", () => {
    after(async () => {
      await stopListening?.();
      await rest(stack(), "DELETE", `/api/config/automation/config/${automationIds.tellMe}`).catch(
        () => undefined,
      );
    });

    it("notified that the guest can no longer watch the nursery", async () => {
      const waitMs = Math.max(timed().expiresAt - Date.now(), 0) + 30_000;
      const note = await notified(
        /^Demo Grandma can no longer watch Nursery: the timed share ended\.$/,
        waitMs,
      );
      assert.equal(note.service, "persistent_notification");
    });
  });
}
