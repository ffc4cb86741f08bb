// Live view through Home Assistant's own go2rtc: a WebRTC offer for a camera shared to
// the family account makes go2rtc dial the camera's address with the keys the cloud
// issued to that account; after the owner revokes on the phone, the next start is
// refused by the cloud and the answer says why. A UDP socket on 127.0.0.1 stands in
// for the camera; no camera answers, so no picture ever flows.
import assert from "node:assert/strict";
import { createSocket, type Socket } from "node:dgram";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Connection } from "home-assistant-js-websocket";
import { demoAccounts } from "../../tools/lib/demo-setup.ts";
import { integrationDomain } from "../../tools/lib/ha-server.ts";
import { SimClient } from "../simulator/client.ts";
import { control, ShareStatus, simulatedShares, type Stack } from "./harness.ts";
import { callIntegrationService, cameraDeviceId, eventually } from "./home-assistant.ts";

const livingRoom = "501000001"; // a CS2 camera in the simulator, at 127.0.0.1
/** Where go2rtc's CS2 client sends its LAN search when the URL names no port. */
const cs2Port = 32108;
/** The CS2 LAN search: magic 0xF1, message 0x30, no payload. */
const cs2LanSearch = Buffer.from([0xf1, 0x30, 0x00, 0x00]);

interface Packet {
  at: number;
  data: Buffer;
}

/** A stand-in for the camera: records what arrives at its address, answers nothing. */
async function cameraAddress(port: number): Promise<{ socket: Socket; packets: Packet[] }> {
  const socket = createSocket("udp4");
  const packets: Packet[] = [];
  socket.on("message", (data) => packets.push({ at: Date.now(), data }));
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(port, "127.0.0.1", () => resolve());
  });
  return { socket, packets };
}

/** A browser's offer to receive video (H.264), enough for go2rtc to start its producers. */
const offerSdp = [
  "v=0",
  "o=- 4215775240449105457 2 IN IP4 127.0.0.1",
  "s=-",
  "t=0 0",
  "a=group:BUNDLE 0",
  "a=msid-semantic: WMS",
  "m=video 9 UDP/TLS/RTP/SAVPF 96",
  "c=IN IP4 0.0.0.0",
  "a=rtcp:9 IN IP4 0.0.0.0",
  "a=ice-ufrag:e2eL",
  "a=ice-pwd:e2eLiveViewIcePassword0001",
  "a=ice-options:trickle",
  "a=fingerprint:sha-256 " +
    Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).padStart(2, "0").toUpperCase()).join(":"),
  "a=setup:actpass",
  "a=mid:0",
  "a=recvonly",
  "a=rtcp-mux",
  "a=rtpmap:96 H264/90000",
  "a=fmtp:96 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
  "",
].join("\r\n");

interface OfferEvent {
  type: "session" | "answer" | "candidate" | "error";
  code?: string;
  message?: string;
}

/** Send a WebRTC offer as the frontend's player does; resolves with Home Assistant's answer or error. */
async function offer(connection: Connection, entityId: string, timeoutMs = 30_000): Promise<OfferEvent> {
  let settle: (event: OfferEvent) => void = () => undefined;
  const settled = new Promise<OfferEvent>((resolve) => (settle = resolve));
  const unsubscribe = await connection.subscribeMessage<OfferEvent>(
    (event) => {
      if (event.type === "answer" || event.type === "error") settle(event);
    },
    { type: "camera/webrtc/offer", entity_id: entityId, offer: offerSdp },
  );
  const timer = setTimeout(() => settle({ type: "error", message: "no answer in time" }), timeoutMs);
  try {
    return await settled;
  } finally {
    clearTimeout(timer);
    await unsubscribe().catch(() => undefined);
  }
}

interface EntityRegistryEntry {
  entity_id: string;
  platform: string;
  unique_id: string;
}

async function liveEntity(connection: Connection, did: string, userId: string): Promise<string | undefined> {
  const entries = await connection.sendMessagePromise<EntityRegistryEntry[]>({
    type: "config/entity_registry/list",
  });
  return entries.find(
    (each) => each.platform === integrationDomain && each.unique_id === `${did}_${userId}_live`,
  )?.entity_id;
}

async function state(stack: Stack, entityId: string): Promise<string | undefined> {
  const response = await fetch(`${stack.baseUrl}/api/states/${entityId}`, {
    headers: { Authorization: `Bearer ${stack.token}` },
  });
  return response.ok ? ((await response.json()) as { state: string }).state : undefined;
}

/** Change an account's options through the options flow, as its Configure dialog does. */
async function setOptions(stack: Stack, entryId: string, options: Record<string, unknown>): Promise<void> {
  const post = async (path: string, body: unknown): Promise<{ flow_id: string; type: string }> => {
    const response = await fetch(`${stack.baseUrl}/api/config/config_entries/options/flow${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${stack.token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`options flow answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { flow_id: string; type: string };
  };
  const form = await post("", { handler: entryId });
  const done = await post(`/${form.flow_id}`, options);
  assert.equal(done.type, "create_entry");
}

interface KeyExchange {
  at: number;
  call: string;
  userId: string;
  issued?: { vendor: string; appPublicKey: string; devicePublicKey: string; sign: string };
  refused?: { code: number; message: string };
}

/** The source go2rtc was given for a camera (Home Assistant names a stream by platform and unique id). */
async function go2rtcSource(stack: Stack, uniqueId: string): Promise<URL | undefined> {
  const streams = (await (await fetch(`${stack.go2rtc.url}/api/streams`)).json()) as Record<
    string,
    { producers?: { url?: string }[] } | null
  >;
  const url = streams[`${integrationDomain}_${uniqueId}`]?.producers?.find((producer) =>
    producer.url?.startsWith("xiaomi:"),
  )?.url;
  return url ? new URL(url) : undefined;
}

export function liveViewSuite(stack: () => Stack): void {
  describe("live view through Home Assistant's go2rtc", () => {
    let camera: Awaited<ReturnType<typeof cameraAddress>>;
    let entityId: string;

    before(async () => {
      camera = await cameraAddress(cs2Port);
      const { connection, demo } = stack();
      // The demo links every Mi camera to a picture camera by MAC; the family account
      // shows its own live view entities instead.
      await setOptions(stack(), demo.familyEntryId, {
        scan_interval: 5,
        auto_accept_from: [],
        skip_linked_cameras: false,
      });
      await callIntegrationService(connection, "share", {
        device_id: [await cameraDeviceId(connection, livingRoom)],
        recipient: demoAccounts.family.userId,
        permission: "view_only",
      });
      // The family account was just reloaded with its new options; it may read the
      // invite only at its next refresh.
      await eventually("the family account accepting the invite", async () => {
        try {
          await callIntegrationService(connection, "accept_invite", {
            config_entry_id: demo.familyEntryId,
            sender: demoAccounts.owner.userId,
          });
          return true;
        } catch {
          await callIntegrationService(connection, "refresh", { config_entry_id: demo.familyEntryId }, false);
          return undefined;
        }
      });
      const [share] = await simulatedShares(stack().simulator, livingRoom, demoAccounts.family.userId);
      assert.equal(share?.status, ShareStatus.accepted);
      entityId = await eventually("the family account's live view entity of the living room camera", () =>
        liveEntity(connection, livingRoom, demoAccounts.family.userId),
      );
      await eventually("the live view entity idle", async () =>
        (await state(stack(), entityId)) === "idle" ? true : undefined,
      );
    });
    after(() => new Promise<void>((resolve) => camera.socket.close(() => resolve())));

    it("runs go2rtc 1.9.14 as Home Assistant's WebRTC provider, bound to 127.0.0.1", async () => {
      const entries = await stack().connection.sendMessagePromise<{ state: string }[]>({
        type: "config_entries/get",
        domain: "go2rtc",
      });
      assert.deepEqual(
        entries.map((entry) => entry.state),
        ["loaded"],
      );
      const info = (await (await fetch(`${stack().go2rtc.url}/api`)).json()) as { version: string };
      assert.match(info.version, /^1\.9\.14\b/);
      const schemes = (await (await fetch(`${stack().go2rtc.url}/api/schemes`)).json()) as string[];
      assert.ok(schemes.includes("xiaomi"));
    });

    it("dials the camera's address with the vendor and keys the cloud issued to the family account", async () => {
      const before = Date.now();
      const answer = await offer(stack().connection, entityId);
      // Nothing answers at the address, so go2rtc gives up on the stream; the dial is what counts.
      assert.equal(answer.type, "error");
      const first = await eventually("a packet at the camera's address", () =>
        camera.packets.find((packet) => packet.at >= before),
      );
      assert.ok(first.data.equals(cs2LanSearch), "go2rtc's first packet is the CS2 LAN search");

      const source = await go2rtcSource(stack(), `${livingRoom}_${demoAccounts.family.userId}_live`);
      assert.ok(source, "go2rtc holds a xiaomi source for the entity");
      assert.equal(source.hostname, "127.0.0.1");
      assert.equal(source.username, "", "a resolved URL: go2rtc logs in nowhere itself");
      const exchanges = await control<KeyExchange[]>(
        stack().simulator,
        `p2p?did=${livingRoom}&userId=${demoAccounts.family.userId}`,
      );
      const issued = exchanges.at(-1)?.issued;
      assert.ok(issued, "the simulator issued keys to the family account");
      assert.equal(issued.vendor, "cs2");
      assert.equal(source.searchParams.get("vendor"), "cs2");
      // Compared, never printed: they are keys.
      assert.ok(
        source.searchParams.get("client_public") === issued.appPublicKey,
        "the app key the cloud signed",
      );
      assert.ok(source.searchParams.get("device_public") === issued.devicePublicKey, "the camera's key");
      assert.ok(source.searchParams.get("sign") === issued.sign, "the cloud's signature");
    });

    it("after the owner revokes on the phone, the next start is refused by the cloud and says why", async () => {
      const phone = new SimClient(stack().simulator.url);
      const owner = await phone.login(demoAccounts.owner.username, demoAccounts.owner.password);
      const revoked = await phone.call(owner, "cn", "/share/delete_user", {
        list: [{ did: livingRoom, pid: "0", userid: [demoAccounts.family.userId] }],
      });
      assert.equal(revoked.code, 0);
      const revokedAt = Date.now();

      const answer = await offer(stack().connection, entityId);
      assert.equal(answer.type, "error");
      assert.match(answer.message ?? "", /Living room was refused: the camera is no longer shared/);
      const exchanges = await control<KeyExchange[]>(
        stack().simulator,
        `p2p?did=${livingRoom}&userId=${demoAccounts.family.userId}`,
      );
      assert.deepEqual(exchanges.at(-1)?.refused, { code: -1, message: "permission denied" });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.equal(
        camera.packets.filter((packet) => packet.at >= revokedAt).length,
        0,
        "nothing dialled the camera after the revoke",
      );
      // The refusal marks the entity unavailable; the refresh it asks for finds the camera gone.
      await eventually("the family's live view entity unavailable or gone", async () => {
        const now = await state(stack(), entityId);
        return now === undefined || now === "unavailable" ? true : undefined;
      });
    });

    it("leaves no stream URL and no key in Home Assistant's or go2rtc's log", async () => {
      const exchanges = await control<KeyExchange[]>(stack().simulator, `p2p?did=${livingRoom}`);
      const secrets = exchanges.flatMap((e) => (e.issued ? [e.issued.appPublicKey, e.issued.sign] : []));
      assert.ok(secrets.length > 0);
      for (const log of ["home-assistant.log", join("go2rtc", "go2rtc.log")]) {
        const text = readFileSync(join(stack().configDir, log), "utf8");
        assert.ok(!text.includes("xiaomi://"), `${log} names no xiaomi:// URL`);
        assert.ok(
          secrets.every((secret) => !text.includes(secret)),
          `${log} holds none of the keys the cloud issued`,
        );
      }
    });
  });
}
