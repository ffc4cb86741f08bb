// The real Home Assistant frontend in Chromium: the card picker, the share dialog,
// the inbox, Manage access, the guest-mode automation, permissions and regions.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Locator, Page } from "playwright-core";
import { runConfigFlow } from "../../tools/lib/config-flow.ts";
import { cardType, demoAccounts, guestCameraDid, guestUserId } from "../../tools/lib/demo-setup.ts";
import { integrationDomain, login } from "../../tools/lib/ha-server.ts";
import { connectToHomeAssistant } from "../../tools/lib/ha-websocket.ts";
import { browserTimeZone, launchBrowser, logIn, snapshot, type Browser } from "./browser.ts";
import { accessibilityResults, expectAccessible } from "./accessibility.ts";
import { admin, ShareStatus, simulatedShares, type Stack } from "./harness.ts";
import { callIntegrationService, cameraDeviceId, createNonAdminUser, eventually } from "./home-assistant.ts";

const livingRoom = "501000001";
const europe = { userId: "1100000003", username: "europe@example.com", password: "europe-demo-password" };
const viewer = { name: "E2E Viewer", username: "e2e-viewer", password: "e2e-viewer-password" };

/** Figures measured in the run, printed at its end. */
export const measured: Record<string, number> = {};

/** The owner's tile of a camera (a camera shared to the family account has a tile of its own). */
const tile = (page: Page, name: string): Locator =>
  page
    .locator("xcs-camera-tile")
    .filter({ has: page.locator(".name", { hasText: new RegExp(`^${name}$`) }) })
    .filter({ has: page.locator("ha-button.manage:not([disabled])") });

/** Chooses an option of an HA select (ha-select) by its text. */
async function choose(select: Locator, option: string): Promise<void> {
  await select.click();
  await select.locator("ha-dropdown-item").filter({ hasText: option }).click();
}

/** Types a recipient in the share dialog and looks the person up. */
async function lookUp(dialog: Locator, recipient: string): Promise<void> {
  await dialog.locator("xcs-recipient-picker #recipient input").fill(recipient);
  await dialog.locator("xcs-recipient-picker #lookup").click();
}

async function pendingShare(stack: Stack, did: string, userId: string, status: number) {
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

const pickerDashboard = "e2e-picker";

/**
 * A dashboard of its own with the cards given, created on first use, so that each test
 * starts from the state it needs whatever an earlier one left.
 */
async function showOnPickerDashboard(stack: Stack, cards: Record<string, unknown>[]): Promise<void> {
  const dashboards = await stack.connection.sendMessagePromise<{ url_path: string }[]>({
    type: "lovelace/dashboards/list",
  });
  if (!dashboards.some((dashboard) => dashboard.url_path === pickerDashboard))
    await stack.connection.sendMessagePromise({
      type: "lovelace/dashboards/create",
      url_path: pickerDashboard,
      title: "Picker",
      mode: "storage",
      show_in_sidebar: true,
      require_admin: false,
    });
  await stack.connection.sendMessagePromise({
    type: "lovelace/config/save",
    url_path: pickerDashboard,
    config: { views: [{ title: "Picker", path: "home", cards }] },
  });
}

export function frontendSuite(stack: () => Stack): void {
  describe("the card in the real Home Assistant frontend", () => {
    let browser: Browser;
    let page: Page;

    before(async () => {
      browser = await launchBrowser();
      page = await browser.context.newPage();
      page.setDefaultTimeout(15_000);
      await logIn(page, stack().baseUrl, admin, "/camera-share/cameras");
      await snapshot(page, "01-logged-in");
    });
    after(async () => {
      await browser.close();
      for (const [subject, counts] of Object.entries(accessibilityResults))
        console.log(`axe, ${subject}: ${JSON.stringify(counts)}`);
    });

    it("adds the card through the card picker and the visual editor, and shows four tiles with images", async () => {
      const connection = stack().connection;
      await showOnPickerDashboard(stack(), []);
      await page.goto(`${stack().baseUrl}/${pickerDashboard}/home`);
      await page.getByRole("button", { name: /edit dashboard/i }).click();
      await page.getByRole("button", { name: "Add card" }).click();
      await page.getByRole("tab", { name: "By card" }).click();
      await page.getByPlaceholder(/search/i).fill("Xiaomi Camera Share");
      await snapshot(page, "02-card-picker");
      // The picker lays a click-catching overlay over each card preview.
      await page.getByText("Xiaomi Camera Share", { exact: true }).click({ force: true });
      // Home Assistant's own form: a text field, the device picker, the action editors.
      const editor = page.locator("xiaomi-camera-share-card-editor");
      const title = editor.locator("ha-selector-text ha-input input");
      await title.fill("Front of house");
      await title.press("Tab");
      await editor.locator("ha-selector-device ha-picker-field").click();
      const devices = page.locator("ha-combo-box-item");
      await devices.filter({ hasText: "Front door" }).first().waitFor();
      // The picker offers this integration's devices: the four cameras among them. Its list
      // may fill in over more than one frame.
      await eventually("the four cameras in the device picker", async () => {
        const offered = (await devices.allInnerTexts()).join("\n");
        return ["Front door", "Hallway hub", "Living room", "Nursery"].every((name) => offered.includes(name))
          ? true
          : undefined;
      });
      await devices.filter({ hasText: "Front door" }).first().click();
      await editor.locator("hui-action-editor").first().waitFor();
      // The editor at rest: the picker's list closes after the choice, in its own time.
      await page.locator("#combo-box ha-input-search").waitFor({ state: "hidden" });
      await expectAccessible(editor, "editor");
      await snapshot(page, "03-visual-editor");
      await page.getByRole("button", { name: "Save" }).click();
      await page.getByRole("button", { name: "Done" }).click();

      const saved = await connection.sendMessagePromise<{ views: { cards: Record<string, unknown>[] }[] }>({
        type: "lovelace/config",
        url_path: pickerDashboard,
      });
      const frontDoorDevice = await cameraDeviceId(connection, guestCameraDid);
      assert.deepEqual(saved.views[0]?.cards, [
        { type: "custom:xiaomi-camera-share-card", title: "Front of house", cameras: [frontDoorDevice] },
      ]);
      // Then every camera again, for the rest of the test.
      await showOnPickerDashboard(stack(), [{ type: cardType, title: "Front of house" }]);
      await page.reload();

      const card = page.locator("xiaomi-camera-share-card");
      await card.getByText("Front of house").waitFor();
      const images = card.locator("xcs-camera-tile hui-image img");
      await eventually("four loaded camera images", async () => {
        const widths = await images.evaluateAll((nodes) =>
          nodes.map((img) => (img as HTMLImageElement).naturalWidth),
        );
        return widths.length === 4 && widths.every((width) => width > 0) ? widths : undefined;
      });
      assert.deepEqual((await card.locator("xcs-camera-tile .name").allInnerTexts()).sort(), [
        "Front door",
        "Hallway hub",
        "Living room",
        "Nursery",
      ]);
      await snapshot(page, "04-four-tiles");
    });

    it("brings Home Assistant's own dialog elements itself, on a dashboard that loaded none of them", async () => {
      await showOnPickerDashboard(stack(), [{ type: cardType }]);
      await page.goto(`${stack().baseUrl}/${pickerDashboard}/home`);
      // Home Assistant loads its radio group only with the editors that use it.
      await tile(page, "Living room").locator("ha-button.share").click();
      const dialog = page.locator("xcs-share-dialog");
      await dialog.locator("ha-radio-option[value=control]").waitFor();
      const upgraded = await dialog.evaluate((element) =>
        ["ha-dialog", "ha-select", "ha-input", "ha-radio-group", "ha-radio-option", "ha-button"].filter(
          (tag) =>
            ![element, element.shadowRoot?.querySelector("xcs-recipient-picker")].some(
              (host) => host?.shadowRoot?.querySelector(tag)?.shadowRoot,
            ),
        ),
      );
      assert.deepEqual(upgraded, []);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
    });

    it("opens a camera's more-info on a tap, and runs the configured hold action", async () => {
      await showOnPickerDashboard(stack(), [{ type: cardType }]);
      await page.goto(`${stack().baseUrl}/${pickerDashboard}/home`);
      const picture = tile(page, "Living room").locator(".media[role=button]");
      await picture.locator("hui-image img").waitFor();
      await picture.click();
      const moreInfo = page.locator("ha-more-info-dialog");
      await moreInfo.getByText("Living room").first().waitFor();
      await snapshot(page, "04b-more-info");
      await page.keyboard.press("Escape");
      await page.waitForTimeout(500);

      await showOnPickerDashboard(stack(), [
        {
          type: cardType,
          tap_action: { action: "none" },
          hold_action: { action: "navigate", navigation_path: "/camera-share/cameras" },
        },
      ]);
      await page.reload();
      const held = tile(page, "Living room").locator(".media[role=button]");
      await held.hover();
      await page.mouse.down();
      await page.waitForTimeout(800);
      await page.mouse.up();
      await page.waitForURL((url) => url.pathname === "/camera-share/cameras");
    });

    it("shares view-only for an hour through the dialog, and the family account accepts it from the inbox", async () => {
      await page.goto(`${stack().baseUrl}/camera-share/cameras`);
      const living = tile(page, "Living room");
      await living.locator("ha-button.share").click();
      const dialog = page.locator("xcs-share-dialog");
      await lookUp(dialog, demoAccounts.family.userId);
      await dialog.locator(".found").getByText("Demo Family").waitFor();
      await dialog.locator("ha-radio-option[value=view_only]").click();
      await choose(dialog.locator("#duration"), "1 hour");
      await expectAccessible(dialog, "share dialog");
      await snapshot(page, "05-share-dialog");

      const clicked = performance.now();
      await dialog.locator("#send").click();
      await living.locator(".chip.pending").waitFor();
      measured["share click → pending invite in the card (ms)"] = Math.round(performance.now() - clicked);
      const invite = await pendingShare(stack(), livingRoom, demoAccounts.family.userId, ShareStatus.pending);
      assert.equal(invite.readOnly, true);
      await dialog.locator(".result").waitFor();
      await snapshot(page, "06-invite-sent");
      await dialog.locator("#cancel").click();
      await dialog.waitFor({ state: "detached" });

      await page.locator("xiaomi-camera-share-card #tab-invites").click();
      const inboxEntry = page
        .locator("xcs-invites-view ha-list-item-base")
        .filter({ hasText: "Living room" });
      await inboxEntry.getByText("Demo Owner").waitFor();
      await expectAccessible(page.locator("xiaomi-camera-share-card").first(), "inbox");
      await snapshot(page, "07-inbox");
      await inboxEntry.locator("ha-button.accept").click();
      await pendingShare(stack(), livingRoom, demoAccounts.family.userId, ShareStatus.accepted);

      await page.locator("xiaomi-camera-share-card #tab-cameras").click();
      await living.locator(".chip.accepted").waitFor();
      await living.locator("ha-button.manage").click();
      const sharee = page.locator(
        `xcs-manage-dialog ha-list-item-base[data-user="${demoAccounts.family.userId}"]`,
      );
      await sharee.getByText("Demo Family").waitFor();
      await expectAccessible(page.locator("xcs-manage-dialog"), "manage access dialog");
      assert.match(await sharee.locator(".status").innerText(), /has access · view only/i);
      assert.match(await sharee.locator(".expiry").innerText(), /in (59|60) minutes|in 1 hour/i);
      await snapshot(page, "08-accepted-with-expiry");
    });

    it("revokes from Manage access, and the share is gone in the simulator", async () => {
      const sharee = page.locator(
        `xcs-manage-dialog ha-list-item-base[data-user="${demoAccounts.family.userId}"]`,
      );
      await sharee.locator("ha-button.revoke").click();
      await noShare(stack(), livingRoom, demoAccounts.family.userId);
      await sharee.waitFor({ state: "detached" });
      await snapshot(page, "09-revoked");
      await page.keyboard.press("Escape");
      await page.locator("xcs-manage-dialog").waitFor({ state: "detached" });
    });

    it("shows an invite accepted on the other phone while the card is open, without a refresh", async () => {
      // The living room: free again after the revoke above (the run's timed share holds the nursery).
      const camera = { did: livingRoom, name: "Living room" };
      const connection = stack().connection;
      await callIntegrationService(connection, "share", {
        device_id: await cameraDeviceId(connection, camera.did),
        recipient: guestUserId,
      });
      await page.goto(`${stack().baseUrl}/camera-share/cameras`);
      const tileOfCamera = tile(page, camera.name);
      await tileOfCamera.locator(".chip.pending").waitFor();

      // The guest's Mi Home app is the simulator's page: no account of theirs is configured here.
      const phone = await browser.context.newPage();
      await phone.goto(`${stack().simulator.url}/?userId=${guestUserId}`);
      const accepted = performance.now();
      await phone
        .locator("div.card")
        .filter({ hasText: camera.name })
        .getByRole("button", { name: "Accept" })
        .click();
      await pendingShare(stack(), camera.did, guestUserId, ShareStatus.accepted);
      await tileOfCamera.locator(".chip.accepted").waitFor({ timeout: 45_000 });
      measured["Accept on the other phone → the card shows access (ms)"] = Math.round(
        performance.now() - accepted,
      );
      await phone.close();
      await callIntegrationService(connection, "revoke", {
        device_id: await cameraDeviceId(connection, camera.did),
        recipient: guestUserId,
      });
    });

    it("turns guest mode on and off, and the automations share and revoke", async () => {
      const toggle = page
        .locator("hui-toggle-entity-row")
        .filter({ hasText: "Guest mode" })
        .locator("ha-switch");
      await toggle.click();
      const share = await pendingShare(stack(), guestCameraDid, guestUserId, ShareStatus.pending);
      assert.equal(share.readOnly, true);
      await tile(page, "Front door").locator(".chip.pending").waitFor();
      await snapshot(page, "10-guest-mode-on");
      await toggle.click();
      await noShare(stack(), guestCameraDid, guestUserId);
      await tile(page, "Front door").locator(".chip.none").waitFor();
    });

    it("shows a non-admin user no share actions and refuses their direct service call", async () => {
      await createNonAdminUser(stack().connection, viewer);
      // A browser of its own: Home Assistant keeps its login in the profile.
      const viewerBrowser = await launchBrowser();
      try {
        const other = await viewerBrowser.context.newPage();
        await logIn(other, stack().baseUrl, viewer, "/camera-share/cameras");
        await other.locator("xiaomi-camera-share-card .message").waitFor();
        assert.equal(await other.locator("xiaomi-camera-share-card ha-button.share").count(), 0);
        await snapshot(other, "11-non-admin");
      } finally {
        await viewerBrowser.close();
      }

      const token = await login(stack().baseUrl, viewer.username, viewer.password);
      const connection = await connectToHomeAssistant(stack().baseUrl, token);
      try {
        await assert.rejects(
          callIntegrationService(connection, "share", {
            device_id: [await cameraDeviceId(stack().connection, livingRoom)],
            recipient: guestUserId,
          }),
          (error: unknown) => {
            assert.match(JSON.stringify(error), /unauthorized/i);
            return true;
          },
        );
      } finally {
        connection.close();
      }
      assert.deepEqual(await simulatedShares(stack().simulator, livingRoom, guestUserId), []);
    });

    it("shows the region error in the dialog for a recipient in another region", async () => {
      const added = await runConfigFlow(stack().baseUrl, stack().token, integrationDomain, {
        user: { next_step_id: "password" },
        password: { username: europe.username, password: europe.password },
        regions: { regions: ["de"] },
      });
      assert.equal(added.type, "create_entry");
      try {
        await page.reload();
        await tile(page, "Living room").locator("ha-button.share").click();
        const dialog = page.locator("xcs-share-dialog");
        await lookUp(dialog, europe.userId);
        await dialog.locator(".region-warning").waitFor();
        await dialog.locator("#send").click();
        const error = dialog.locator("ha-alert.result.error");
        await error.waitFor();
        assert.match(await error.innerText(), /does not use the region Mainland China/);
        await snapshot(page, "12-region-error");
        assert.deepEqual(await simulatedShares(stack().simulator, livingRoom, europe.userId), []);
      } finally {
        if (added.result) {
          await fetch(`${stack().baseUrl}/api/config/config_entries/entry/${added.result.entry_id}`, {
            method: "DELETE",
            headers: { Authorization: `Bearer ${stack().token}` },
          });
        }
      }
    });

    it("stamps the history in the zone and clock of the user's profile, and it is accessible", async () => {
      // The browser runs in New York; the profile asks for the server's zone and a 24-hour clock.
      await stack().connection.sendMessagePromise({
        type: "frontend/set_user_data",
        key: "language",
        value: {
          language: "en",
          number_format: "language",
          time_format: "24",
          date_format: "language",
          time_zone: "server",
          first_weekday: "language",
        },
      });
      await page.goto(`${stack().baseUrl}/camera-share/cameras`);
      await page.locator("xiaomi-camera-share-card #tab-history").click();
      const stamp = page.locator("xcs-history-view time").first();
      await stamp.waitFor();
      const when = new Date((await stamp.getAttribute("datetime")) ?? "");
      const server = new Intl.DateTimeFormat("en", {
        dateStyle: "medium",
        timeStyle: "short",
        hourCycle: "h23",
        timeZone: "Europe/Berlin",
      });
      assert.equal(await stamp.innerText(), server.format(when));
      assert.notEqual(
        server.format(when),
        new Intl.DateTimeFormat("en", {
          dateStyle: "medium",
          timeStyle: "short",
          timeZone: browserTimeZone,
        }).format(when),
      );
      await expectAccessible(page.locator("xiaomi-camera-share-card").first(), "history");
      await snapshot(page, "13-history-server-time");
    });

    it("looks right on a phone and on a desktop, in the light and the dark theme", async () => {
      await page.locator("xiaomi-camera-share-card #tab-cameras").click();
      for (const [device, viewport] of [
        ["phone", { width: 390, height: 844 }],
        ["desktop", { width: 1280, height: 900 }],
      ] as const) {
        await page.setViewportSize(viewport);
        for (const theme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme: theme });
          await page.locator("xiaomi-camera-share-card #tab-cameras").click();
          const images = page.locator("xiaomi-camera-share-card hui-image img");
          await images.first().waitFor();
          await page.waitForTimeout(500);
          await expectAccessible(
            page.locator("xiaomi-camera-share-card").first(),
            `grid (${device}, ${theme})`,
          );
          await snapshot(page, `gallery-${device}-${theme}-grid`);
          await tile(page, "Front door").locator("ha-button.share").click();
          const dialog = page.locator("xcs-share-dialog");
          await choose(dialog.locator("xcs-recipient-picker #kind"), "Phone number");
          await lookUp(dialog, "+86 100 0000 0042");
          await dialog.locator(".found, .lookup-failed").first().waitFor();
          await page.waitForTimeout(300);
          await snapshot(page, `gallery-${device}-${theme}-share`);
          await page.keyboard.press("Escape");
          await dialog.waitFor({ state: "detached" });
        }
      }
      await page.emulateMedia({ colorScheme: "light" });
    });
  });
}
