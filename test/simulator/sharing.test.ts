// The share / invite lifecycle and the app's error codes, over real HTTP.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SEED_DEVICES, SEED_USERS } from "../../simulator/src/state/seed.ts";
import type { ApiAnswer, Session, SimClient } from "./client.ts";
import { useSimulator } from "./harness.ts";

const h = useSimulator();
type Row = Record<string, unknown>;

const loginOwner = (): Promise<Session> => h.client.login("owner@example.com", "owner-demo-password");
const loginFamily = (): Promise<Session> => h.client.login("family@example.com", "family-demo-password");
const loginEurope = (): Promise<Session> => h.client.login("europe@example.com", "europe-demo-password");

function share(
  client: SimClient,
  owner: Session,
  did: string,
  userid: string,
  type = "",
): Promise<ApiAnswer> {
  return client.call(owner, "cn", "/share/share_request", { command: "share_request", did, userid, type });
}

async function invites(session: Session, region = "cn"): Promise<Row[]> {
  const answer = await h.client.call(session, region, "/share/receive_share_list", {
    userid: session.userId,
  });
  assert.equal(answer.code, 0);
  return answer.result as Row[];
}

async function devices(session: Session, region = "cn"): Promise<Row[]> {
  const answer = await h.client.call(session, region, "/home/device_list", { getVirtualModel: true });
  assert.equal(answer.code, 0);
  return (answer.result as { list: Row[] }).list;
}

async function respond(session: Session, invId: unknown, value: string, region = "cn"): Promise<ApiAnswer> {
  return h.client.call(session, region, "/share/share_response", { msg_id: "", inv_id: invId, value });
}

describe("owner's devices", () => {
  it("lists the owner's four cn cameras with permitLevel 16 and none on de", async () => {
    const owner = await loginOwner();
    const list = await devices(owner);
    assert.deepEqual(
      list.map((d) => d["did"]),
      [SEED_DEVICES.livingRoom, SEED_DEVICES.frontDoor, SEED_DEVICES.nursery, SEED_DEVICES.hub],
    );
    assert.ok(list.every((d) => d["permitLevel"] === 16 && d["owner"] === undefined));
    assert.deepEqual(await devices(owner, "de"), []);
  });

  it("pages device_list_page with an inclusive next_start_did", async () => {
    const owner = await loginOwner();
    const first = await h.client.call(owner, "cn", "/v2/home/device_list_page", { limit: 3 });
    const page1 = first.result as { list: Row[]; has_more: boolean; next_start_did: string };
    assert.equal(page1.list.length, 3);
    assert.equal(page1.has_more, true);
    assert.equal(page1.next_start_did, SEED_DEVICES.hub);
    const second = await h.client.call(owner, "cn", "/v2/home/device_list_page", {
      limit: 3,
      start_did: page1.next_start_did,
    });
    const page2 = second.result as { list: Row[]; has_more: boolean; next_start_did: string };
    assert.deepEqual(
      page2.list.map((d) => d["did"]),
      [SEED_DEVICES.hub],
    );
    assert.equal(page2.has_more, false);
  });
});

describe("invite, accept, revoke", () => {
  it("a view-only invite becomes a read-only shared device once accepted", async () => {
    const owner = await loginOwner();
    const family = await loginFamily();
    const sent = await share(h.client, owner, SEED_DEVICES.livingRoom, SEED_USERS.family, "readonly");
    assert.equal(sent.code, 0);

    const pending = await h.client.call(owner, "cn", "/share/device_share_list", {});
    const listed = (pending.result as { list: Record<string, Row[]> }).list[SEED_DEVICES.livingRoom];
    // By default the app's shape: who and since when, no status.
    assert.deepEqual(Object.keys(listed?.[0] ?? {}).sort(), ["icon", "mtime", "nickname", "userid"]);
    assert.equal(String(listed?.[0]?.["userid"]), SEED_USERS.family);
    const pendingUsers = await h.client.call(owner, "cn", "/share/get_share_user", {
      did: SEED_DEVICES.livingRoom,
      pid: 0,
    });
    const pendingUser = (pendingUsers.result as { list: Row[] }).list[0];
    assert.equal(pendingUser?.["status"], 0);
    assert.equal(pendingUser?.["isReadOnly"], true);

    const [invite] = await invites(family);
    assert.equal(invite?.["did"], SEED_DEVICES.livingRoom);
    assert.equal(String(invite?.["sender"]), SEED_USERS.owner);
    assert.equal(invite?.["sender_name"], "Demo Owner");
    assert.equal(invite?.["status"], 0);
    assert.equal(invite?.["isReadOnly"], true);
    assert.equal(Number(invite?.["expire_time"]) - Number(invite?.["ctime"]), 7 * 86_400);
    assert.deepEqual(await devices(family), []);

    assert.equal((await respond(family, invite?.["inv_id"], "accept")).code, 0);
    const [shared] = await devices(family);
    assert.equal(shared?.["did"], SEED_DEVICES.livingRoom);
    assert.equal(shared?.["permitLevel"], 36);
    assert.deepEqual(shared?.["owner"], {
      userid: Number(SEED_USERS.owner),
      nickname: "Demo Owner",
      icon: "",
    });
    assert.equal((await invites(family))[0]?.["status"], 1);

    const users = await h.client.call(owner, "cn", "/share/get_share_user", {
      did: SEED_DEVICES.livingRoom,
      pid: "0",
    });
    assert.equal(((users.result as { list: Row[] }).list[0] ?? {})["status"], 1);
  });

  it("a control share gives permitLevel 4", async () => {
    const owner = await loginOwner();
    const family = await loginFamily();
    await share(h.client, owner, SEED_DEVICES.nursery, SEED_USERS.family);
    const [invite] = await invites(family);
    await respond(family, invite?.["inv_id"], "accept");
    assert.equal((await devices(family))[0]?.["permitLevel"], 4);
  });

  it("a declined invite is not listed to the owner in device_share_list but is in get_share_user", async () => {
    const owner = await loginOwner();
    const family = await loginFamily();
    await share(h.client, owner, SEED_DEVICES.frontDoor, SEED_USERS.family);
    const [invite] = await invites(family);
    assert.equal((await respond(family, invite?.["inv_id"], "reject")).code, 0);
    assert.equal((await respond(family, invite?.["inv_id"], "accept")).code, -6, "already answered");
    const overview = await h.client.call(owner, "cn", "/share/device_share_list", {});
    assert.deepEqual((overview.result as { list: object }).list, {});
    const users = await h.client.call(owner, "cn", "/share/get_share_user", {
      did: SEED_DEVICES.frontDoor,
      pid: "0",
    });
    assert.equal(((users.result as { list: Row[] }).list[0] ?? {})["status"], 2);
    assert.deepEqual(await devices(family), []);
    assert.equal(
      (await share(h.client, owner, SEED_DEVICES.frontDoor, SEED_USERS.family)).code,
      0,
      "can invite again",
    );
  });

  it("delete_user withdraws a pending invite and revokes an accepted share", async () => {
    const owner = await loginOwner();
    const family = await loginFamily();
    await share(h.client, owner, SEED_DEVICES.livingRoom, SEED_USERS.family);
    await share(h.client, owner, SEED_DEVICES.frontDoor, SEED_USERS.family);
    const accepted = (await invites(family)).find((i) => i["did"] === SEED_DEVICES.livingRoom);
    await respond(family, accepted?.["inv_id"], "accept");

    const answer = await h.client.call(owner, "cn", "/share/delete_user", {
      list: [
        { did: SEED_DEVICES.livingRoom, pid: "0", userid: [SEED_USERS.family] },
        { did: SEED_DEVICES.frontDoor, pid: "0", userid: [Number(SEED_USERS.family)] },
      ],
    });
    assert.deepEqual(answer.result, {
      list: [
        { did: SEED_DEVICES.livingRoom, ret: 1 },
        { did: SEED_DEVICES.frontDoor, ret: 1 },
      ],
    });
    assert.deepEqual(await devices(family), []);
    assert.deepEqual(await invites(family), []);
    const overview = await h.client.call(owner, "cn", "/share/device_share_list", {});
    assert.deepEqual((overview.result as { list: object }).list, {});
  });

  it("delete_user answers ret 0 for a device the caller does not own", async () => {
    const family = await loginFamily();
    const answer = await h.client.call(family, "cn", "/share/delete_user", {
      list: [{ did: SEED_DEVICES.livingRoom, pid: "0", userid: [SEED_USERS.owner] }],
    });
    assert.deepEqual(answer.result, { list: [{ did: SEED_DEVICES.livingRoom, ret: 0 }] });
  });

  it("the sharee can give a device back with share/cancel", async () => {
    const owner = await loginOwner();
    const family = await loginFamily();
    await share(h.client, owner, SEED_DEVICES.livingRoom, SEED_USERS.family);
    await respond(family, (await invites(family))[0]?.["inv_id"], "accept");
    assert.equal(
      (await h.client.call(family, "cn", "/share/cancel", { did: SEED_DEVICES.livingRoom, pid: "0" })).code,
      0,
    );
    assert.deepEqual(await devices(family), []);
    assert.equal(
      (await h.client.call(family, "cn", "/share/cancel", { did: SEED_DEVICES.livingRoom, pid: "0" })).code,
      -1,
    );
  });
});

describe("share_request error codes", () => {
  it("−11 when already shared, −12 while an invite is pending", async () => {
    const owner = await loginOwner();
    const family = await loginFamily();
    assert.equal((await share(h.client, owner, SEED_DEVICES.livingRoom, SEED_USERS.family)).code, 0);
    const pending = await share(h.client, owner, SEED_DEVICES.livingRoom, SEED_USERS.family);
    assert.deepEqual([pending.code, pending.message], [-12, "frequent request"]);
    await respond(family, (await invites(family))[0]?.["inv_id"], "accept");
    assert.equal(
      (await share(h.client, owner, SEED_DEVICES.livingRoom, SEED_USERS.family, "readonly")).code,
      -11,
    );
  });

  it("−13 past the sharee limit", async () => {
    await h.client.control("config", { shareeLimit: 2 });
    const owner = await loginOwner();
    assert.equal((await share(h.client, owner, SEED_DEVICES.frontDoor, SEED_USERS.family)).code, 0);
    assert.equal((await share(h.client, owner, SEED_DEVICES.frontDoor, SEED_USERS.byPhone)).code, 0);
    assert.equal((await share(h.client, owner, SEED_DEVICES.frontDoor, SEED_USERS.europe)).code, -13);
  });

  it("−1 for a product that cannot be shared, view-only where not offered, or a device not owned", async () => {
    const owner = await loginOwner();
    const family = await loginFamily();
    assert.equal((await share(h.client, owner, SEED_DEVICES.hub, SEED_USERS.family)).code, -1);
    assert.equal(
      (await share(h.client, owner, SEED_DEVICES.nursery, SEED_USERS.family, "readonly")).code,
      -1,
    );
    assert.equal((await share(h.client, owner, SEED_DEVICES.nursery, SEED_USERS.family)).code, 0);
    assert.equal((await share(h.client, family, SEED_DEVICES.frontDoor, SEED_USERS.byPhone)).code, -1);
    assert.equal((await share(h.client, owner, "999999999", SEED_USERS.family)).code, -1);
  });

  it("−6 for an unknown user, oneself, or an unknown invite", async () => {
    const owner = await loginOwner();
    assert.equal((await share(h.client, owner, SEED_DEVICES.frontDoor, "1999999999")).code, -6);
    assert.equal((await share(h.client, owner, SEED_DEVICES.frontDoor, SEED_USERS.owner)).code, -6);
    assert.equal((await respond(owner, 424242, "accept")).code, -6);
  });

  it("−6 for an answer whose msg_id is not a text, and the invite still waits", async () => {
    const owner = await loginOwner();
    const family = await loginFamily();
    await share(h.client, owner, SEED_DEVICES.frontDoor, SEED_USERS.family);
    const [invite] = await invites(family);
    const answer = { msg_id: null, inv_id: invite?.["inv_id"], value: "accept" };
    assert.equal((await h.client.call(family, "cn", "/share/share_response", answer)).code, -6);
    assert.equal((await invites(family))[0]?.["status"], 0);
  });
});

describe("device_share_list shapes", () => {
  it("carries status, isReadOnly and sharetime when deviceShareListStatus is 1", async () => {
    const owner = await loginOwner();
    await share(h.client, owner, SEED_DEVICES.livingRoom, SEED_USERS.family, "readonly");
    await h.client.control("config", { deviceShareListStatus: 1 });
    const overview = await h.client.call(owner, "cn", "/share/device_share_list", {});
    const [listed] = (overview.result as { list: Record<string, Row[]> }).list[SEED_DEVICES.livingRoom] ?? [];
    assert.equal(listed?.["status"], 0);
    assert.equal(listed?.["isReadOnly"], true);
    assert.equal(typeof listed?.["sharetime"], "number");
    assert.equal(typeof listed?.["mtime"], "number");
  });
});

describe("home shares", () => {
  it("a device shared through a home is listed with permitLevel 68 and nowhere on the owner's side", async () => {
    const state = await h.client.control<{ now: number; data: Record<string, unknown> }>("state");
    const now = state.now;
    await h.client.control("seed", {
      ...state.data,
      shares: [
        {
          inviteId: 900,
          msgId: "900",
          did: SEED_DEVICES.frontDoor,
          region: "cn",
          ownerId: SEED_USERS.owner,
          shareeId: SEED_USERS.family,
          readOnly: false,
          status: 1,
          ctime: now,
          mtime: now,
          expireTime: now,
          viaHome: true,
        },
      ],
    });
    const owner = await loginOwner();
    const family = await loginFamily();
    const [home] = await devices(family);
    assert.equal(home?.["did"], SEED_DEVICES.frontDoor);
    assert.equal(home?.["permitLevel"], 68);
    assert.equal(home?.["owner"], undefined);
    assert.deepEqual(await invites(family), []);
    const overview = await h.client.call(owner, "cn", "/share/device_share_list", {});
    assert.deepEqual((overview.result as { list: object }).list, {});
    const leave = await h.client.call(family, "cn", "/share/cancel", { did: SEED_DEVICES.frontDoor, pid: 0 });
    assert.equal(leave.code, -1, "a home share is not given back per device");
    assert.equal(
      (await share(h.client, owner, SEED_DEVICES.frontDoor, SEED_USERS.family)).code,
      0,
      "a per-device invite is separate from the home share",
    );
    assert.equal((await devices(family)).length, 1);
  });
});

describe("share_request_batch", () => {
  it("invites every receiver to every device: 1 invited, 0 already shared or waiting", async () => {
    const owner = await loginOwner();
    await share(h.client, owner, SEED_DEVICES.livingRoom, SEED_USERS.family);
    const answer = await h.client.call(owner, "cn", "/share/share_request_batch", {
      didList: [SEED_DEVICES.livingRoom, SEED_DEVICES.frontDoor],
      receiver: [SEED_USERS.family, SEED_USERS.byPhone],
      type: "readonly",
    });
    assert.equal(answer.code, 0);
    assert.deepEqual(answer.result, {
      [SEED_USERS.family]: { [SEED_DEVICES.livingRoom]: 0, [SEED_DEVICES.frontDoor]: 1 },
      [SEED_USERS.byPhone]: { [SEED_DEVICES.livingRoom]: 1, [SEED_DEVICES.frontDoor]: 1 },
    });
    const grandma = await h.client.login("10000000042", "phone-demo-password");
    assert.equal((await invites(grandma)).length, 2);
  });

  it("creates nothing when one device cannot be shared", async () => {
    const owner = await loginOwner();
    const family = await loginFamily();
    const answer = await h.client.call(owner, "cn", "/share/share_request_batch", {
      didList: [SEED_DEVICES.frontDoor, SEED_DEVICES.hub],
      receiver: [SEED_USERS.family],
    });
    assert.equal(answer.code, -1);
    assert.deepEqual(await invites(family), []);
  });
});

describe("regions", () => {
  it("an invite lives in the owner's region and shows only on that region's host", async () => {
    const europe = await loginEurope();
    const family = await loginFamily();
    const sent = await h.client.call(europe, "de", "/share/share_request", {
      command: "share_request",
      did: SEED_DEVICES.berlinHall,
      userid: SEED_USERS.family,
    });
    assert.equal(sent.code, 0);
    assert.deepEqual(await invites(family, "cn"), []);
    const [invite] = await invites(family, "de");
    assert.equal(invite?.["did"], SEED_DEVICES.berlinHall);
    assert.equal((await respond(family, invite?.["inv_id"], "accept", "cn")).code, -6, "not on the cn host");
    assert.equal((await respond(family, invite?.["inv_id"], "accept", "de")).code, 0);
    assert.deepEqual(await devices(family, "cn"), []);
    assert.equal((await devices(family, "de"))[0]?.["did"], SEED_DEVICES.berlinHall);
  });

  it("the same device id is unknown on another region's host", async () => {
    const europe = await loginEurope();
    const answer = await h.client.call(europe, "cn", "/share/share_request", {
      command: "share_request",
      did: SEED_DEVICES.berlinHall,
      userid: SEED_USERS.family,
    });
    assert.equal(answer.code, -1);
  });
});

describe("profile lookup and probe", () => {
  it("finds users by id and by phone number, and answers −1 for no one", async () => {
    const owner = await loginOwner();
    const byId = await h.client.call(owner, "cn", "/home/profile", { id: SEED_USERS.family });
    assert.equal((byId.result as Row)["userid"], SEED_USERS.family);
    assert.equal((byId.result as Row)["nickname"], "Demo Family");
    for (const phone of ["10000000042", "+86 100 0000 0042"]) {
      const byPhone = await h.client.call(owner, "de", "/home/profile", { id: phone });
      assert.equal((byPhone.result as Row)["userid"], SEED_USERS.byPhone, phone);
    }
    const nobody = await h.client.call(owner, "cn", "/home/profile", { id: "10000000099" });
    assert.deepEqual([nobody.code, (nobody.result as Row)["userid"]], [0, "-1"]);
    const email = await h.client.call(owner, "cn", "/home/profile", { id: "family@example.com" });
    assert.equal((email.result as Row)["userid"], "-1");
  });

  it("check_new_msg counts fresh pending invites", async () => {
    const owner = await loginOwner();
    const family = await loginFamily();
    const before = await h.client.call(family, "cn", "/v2/message/v2/check_new_msg", { begin_at: 0 });
    assert.deepEqual(before.result, { new_msg: false, count: 0 });
    await share(h.client, owner, SEED_DEVICES.frontDoor, SEED_USERS.family);
    const after = await h.client.call(family, "cn", "/v2/message/v2/check_new_msg", { begin_at: 0 });
    assert.deepEqual(after.result, { new_msg: true, count: 1 });
  });
});
