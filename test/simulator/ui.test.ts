// The web pages: the account view and the QR confirm page work in a real browser; a page of
// another origin cannot reach the control surface.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, it } from "node:test";
import { chromium, type Page } from "playwright-core";
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

async function withPage(use: (page: Page) => Promise<void>): Promise<void> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
  try {
    await use(await browser.newPage());
  } finally {
    await browser.close();
  }
}

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

  it("confirms a QR login from its confirm page in a real browser", async () => {
    const step1 = await h.client.passport("/pass/serviceLogin?sid=xiaomiio&_json=true");
    const query = new URL(String(step1.json["location"])).searchParams;
    const { json: qr } = await h.client.passport(`/longPolling/loginUrl?${query.toString()}`);
    await withPage(async (page) => {
      await page.goto(h.client.local(String(qr["loginUrl"])));
      await page.locator(`#account option[value="${SEED_USERS.family}"]`).waitFor({ state: "attached" });
      await page.selectOption("#account", SEED_USERS.family);
      await page.getByRole("button", { name: "Confirm" }).click();
      await page.getByText("Confirmed.").waitFor();
    });
    const poll = await h.client.http(String(qr["lp"]));
    const granted = JSON.parse(poll.text.slice("&&&START&&&".length)) as Row;
    assert.equal(String(granted["userId"]), SEED_USERS.family);
  });

  it("gives a page of another origin no way to change the world", async () => {
    await h.client.control("config", { shareeLimit: 4 });
    // A simple form POST and a no-cors fetch: what any page may send without asking.
    const hostile = `<!doctype html>
<form method="POST" enctype="text/plain" action="${h.client.base}/_control/clock/advance">
<input name='{"seconds": 31536000, "x": "' value='"}'></form>
<script>
fetch("${h.client.base}/_control/reset", { method: "POST", mode: "no-cors", body: "{}" })
  .finally(() => document.forms[0].submit());
</script>`;
    const server = createServer((_req, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end(hostile),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await withPage(async (page) => {
        await page.goto(`http://127.0.0.1:${port}/`);
        await page.waitForURL(/\/_control\/clock\/advance$/);
        assert.match(await page.locator("body").innerText(), /refused/);
      });
    } finally {
      server.close();
    }
    const { now } = await h.client.control<{ now: number }>("clock");
    assert.ok(Math.abs(now - Date.now() / 1000) < 60, "the form did not move the clock");
    const config = await h.client.control<Record<string, number>>("config");
    assert.equal(config["shareeLimit"], 4, "the fetch did not reset the world");
  });
});
