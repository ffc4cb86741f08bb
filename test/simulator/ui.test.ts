// The web page: served plain, shows an account's view, and Accept acts on the shared state.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chromium } from "playwright-core";
import { chromiumArgs, chromiumPath } from "../../tools/lib/chromium.ts";
import { SEED_DEVICES, SEED_USERS } from "../../simulator/src/state/seed.ts";
import { useSimulator } from "./harness.ts";

const h = useSimulator();
type Row = Record<string, unknown>;

const HOSTILE = '<img src=x onerror="window.pwned=1">';

const hostileWorld = {
  accounts: [
    { userId: "3300000001", nickname: HOSTILE, password: "p1", appRegion: "cn" },
    { userId: "3300000002", nickname: "Guest & <b>friends</b>", password: "p2", appRegion: "cn" },
  ],
  devices: [
    {
      did: "800000001",
      name: "<script>x()</script> cam",
      model: "chuangmi.camera.029a02",
      region: "cn",
      ownerId: "3300000001",
    },
  ],
  shares: [],
};

async function inviteGuest(): Promise<void> {
  await h.client.control("seed", hostileWorld);
  const owner = await h.client.login("3300000001", "p1");
  const sent = await h.client.call(owner, "cn", "/share/share_request", {
    did: "800000001",
    userid: "3300000002",
    type: "readonly",
  });
  assert.equal(sent.code, 0);
}

describe("web page", () => {
  it("is served at / and /ui as static HTML with a strict content policy", async () => {
    for (const path of ["/", "/ui"]) {
      const res = await fetch(`${h.client.base}${path}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get("content-type") ?? "", /text\/html/);
      assert.match(res.headers.get("content-security-policy") ?? "", /default-src 'self'/);
      const html = await res.text();
      assert.match(html, /Mi Home, as the simulated cloud sees it/);
      assert.doesNotMatch(html, /Demo Owner/, "no data is written into the page");
    }
  });

  it("shows an account's devices, sharees and invites per region", async () => {
    const owner = await h.client.login("owner@example.com", "owner-demo-password");
    await h.client.call(owner, "cn", "/share/share_request", {
      did: SEED_DEVICES.frontDoor,
      userid: SEED_USERS.family,
      type: "readonly",
    });
    const ownerView = await h.client.control<{ regions: { region: string; devices: Row[] }[] }>(
      `view?userId=${SEED_USERS.owner}`,
    );
    const garden = ownerView.regions[0]?.devices.find((d) => d["did"] === SEED_DEVICES.frontDoor);
    assert.deepEqual(garden?.["sharees"], [
      { userId: SEED_USERS.family, nickname: "Demo Family", status: "pending", permission: "view only" },
    ]);
    const familyView = await h.client.control<{ regions: { invites: Row[] }[] }>(
      `view?userId=${SEED_USERS.family}`,
    );
    assert.equal(familyView.regions[0]?.invites[0]?.["status"], "pending");
    await assert.rejects(h.client.control("view?userId=404"), /unknown account/);
  });

  it("accepting from the page's action makes the device appear in the app API", async () => {
    await inviteGuest();
    const guest = await h.client.login("3300000002", "p2");
    const [invite] = (await h.client.call(guest, "cn", "/share/receive_share_list", { userid: guest.userId }))
      .result as Row[];
    const done = await h.client.control("invites/respond", {
      userId: "3300000002",
      region: "cn",
      inviteId: invite?.["inv_id"],
      accept: true,
    });
    assert.deepEqual(done, { ok: true, status: "accepted" });
    const list = (await h.client.call(guest, "cn", "/home/device_list", {})).result as { list: Row[] };
    assert.equal(list.list[0]?.["permitLevel"], 36);
    await assert.rejects(
      h.client.control("invites/respond", {
        userId: "3300000002",
        region: "cn",
        inviteId: invite?.["inv_id"],
        accept: false,
      }),
      /already answered/,
    );
  });

  it("renders hostile names as text and accepts an invite in a real browser", async () => {
    await inviteGuest();
    const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
    try {
      const page = await browser.newPage();
      await page.goto(`${h.client.base}/?userId=3300000002`);
      const accept = page.getByRole("button", { name: "Accept" });
      await accept.waitFor();
      const text = await page.locator("#view").innerText();
      assert.ok(text.includes(`${HOSTILE} shares <script>x()</script> cam (view only)`), text);
      assert.equal(await page.locator("#view img, #view b, #view script").count(), 0);
      assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);

      await accept.click();
      await page.getByText("status: accepted").waitFor();
      assert.match(await page.locator("#view").innerText(), /shared by <img/);
    } finally {
      await browser.close();
    }
    const guest = await h.client.login("3300000002", "p2");
    const list = (await h.client.call(guest, "cn", "/home/device_list", {})).result as { list: Row[] };
    assert.equal(list.list[0]?.["did"], "800000001");
  });
});
