// Setting up an account as a person does it in the real frontend: Settings → Devices & services
// → Add integration → Xiaomi Camera Share. The QR code is read off the screen the way a phone
// reads it, with the browser offline and under a content policy that allows no image from
// elsewhere; the regions start from the home's country; the password path meets a captcha, a
// wrong password and a verification code; the integration's page changes the regions and, once
// Xiaomi stops taking the stored login, logs in again.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Locator, Page } from "playwright-core";
import { integrationDomain } from "../../tools/lib/ha-server.ts";
import { accessibilityResults, expectAccessible } from "./accessibility.ts";
import { artifactsDir, launchBrowser, logIn, snapshot, type Browser } from "./browser.ts";
import { admin, control, type Stack } from "./harness.ts";
import { cameraDeviceId, eventually } from "./home-assistant.ts";

const jsQrPath = createRequire(import.meta.url).resolve("jsqr/dist/jsQR.js");
/** Seed accounts of the simulator that the demo has not configured (docs/simulator.md). */
const europe = { userId: "1100000003", nickname: "Demo Europe", cameraDid: "502000001" };
const captcha = {
  userId: "1100000005",
  nickname: "Demo Captcha",
  username: "captcha@example.com",
  password: "captcha-demo-password",
};
const verify = {
  userId: "1100000006",
  nickname: "Demo Verify",
  username: "verify@example.com",
  password: "verify-demo-password",
};
/** What the page allows: images from Home Assistant itself and data: URIs, nothing from elsewhere. */
const imagePolicy = "img-src 'self' data:";
/** The picture the cloud itself offers for a QR login: what the step must not depend on. */
const cloudQrPicture = "https://account.xiaomi.com/longPolling/qr?ticket=probe";

interface ConfigEntry {
  entry_id: string;
  title: string;
}

/** Settings → Devices & services → Add integration → Xiaomi Camera Share, from the sidebar. */
async function addIntegration(page: Page, baseUrl: string): Promise<Locator> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: /Devices & services/ }).click();
  await page.getByRole("button", { name: /add integration/i }).click();
  await page.getByPlaceholder(/search for a brand/i).fill("Xiaomi Camera Share");
  await page.getByRole("button", { name: "Xiaomi Camera Share", exact: true }).click();
  return page.locator("dialog-data-entry-flow");
}

/** The page as it is, and the dialog alone (for the README), kept as test artifacts. */
async function dialogSnapshot(dialog: Locator, name: string): Promise<void> {
  await dialog.page().waitForTimeout(300); // the dialog's own transition
  await snapshot(dialog.page(), name);
  await dialog.locator("ha-dialog dialog").screenshot({ path: join(artifactsDir, `${name}-dialog.png`) });
}

/** The step's picture once the browser has decoded it: its natural width and its source. */
async function loadedPicture(picture: Locator): Promise<{ width: number; src: string }> {
  await picture.waitFor();
  return eventually("the picture to load", async () => {
    const loaded = await picture.evaluate((element) => {
      const image = element as HTMLImageElement;
      return image.complete ? { width: image.naturalWidth, src: image.src } : undefined;
    });
    return loaded && loaded.width > 0 ? loaded : undefined;
  });
}

/** Reads the QR code off the picture as it is on the page, the way a phone's camera would (jsQR). */
async function readQrCode(picture: Locator): Promise<string | undefined> {
  const page = picture.page();
  if (!(await page.evaluate(() => "jsQR" in window))) await page.addScriptTag({ path: jsQrPath });
  return picture.evaluate((element) => {
    const image = element as HTMLImageElement;
    const canvas = document.createElement("canvas");
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext("2d");
    if (!context) return undefined;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
    type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
    return (window as unknown as { jsQR: JsQr }).jsQR(pixels.data, pixels.width, pixels.height)?.data;
  });
}

/** The names of the regions ticked in the regions step. */
async function tickedRegions(dialog: Locator): Promise<string[]> {
  const boxes = dialog.getByRole("checkbox");
  await boxes.first().waitFor();
  const ticked: string[] = [];
  for (const name of [
    "Mainland China",
    "Europe",
    "United States",
    "Russia",
    "Singapore",
    "India",
    "Taiwan",
  ]) {
    if (await dialog.getByRole("checkbox", { name, exact: true }).isChecked()) ticked.push(name);
  }
  return ticked;
}

async function latestCaptchaAnswer(stack: Stack): Promise<string> {
  const sent = await control<{ code: string }[]>(stack.simulator, "outbox?kind=captcha");
  const latest = sent.at(-1);
  if (!latest) throw new Error("the simulator showed no captcha");
  return latest.code;
}

async function submit(dialog: Locator): Promise<void> {
  await dialog.getByRole("button", { name: "Submit" }).click();
}

export function setupFlowSuite(stack: () => Stack): void {
  describe("setting up an account in the real frontend", () => {
    let browser: Browser;
    let page: Page;
    const added: string[] = [];

    const entryTitled = async (title: string): Promise<ConfigEntry> =>
      eventually(`the config entry ${title}`, async () => {
        const entries = await stack().connection.sendMessagePromise<ConfigEntry[]>({
          type: "config_entries/get",
          domain: integrationDomain,
        });
        return entries.find((entry) => entry.title === title);
      });

    const setCountry = (country: string): Promise<unknown> =>
      stack().connection.sendMessagePromise({ type: "config/core/update", country });

    before(async () => {
      browser = await launchBrowser();
      // Offline: nothing but this machine answers.
      await browser.context.route(
        (url) => url.hostname !== "127.0.0.1",
        (route) => route.abort("internetdisconnected"),
      );
      page = await browser.context.newPage();
      page.setDefaultTimeout(15_000);
      await logIn(page, stack().baseUrl, admin, "/");
      // The frontend keeps its tokens once it has shown itself; a page load before that logs out.
      await page.getByRole("link", { name: "Settings" }).waitFor();
    });

    after(async () => {
      await browser.close();
      await setCountry("DE");
      for (const entryId of added) {
        await fetch(`${stack().baseUrl}/api/config/config_entries/entry/${entryId}`, {
          method: "DELETE",
          headers: { Authorization: `Bearer ${stack().token}` },
        });
      }
      for (const [subject, counts] of Object.entries(accessibilityResults)) {
        if (subject.startsWith("setup")) console.log(`axe, ${subject}: ${JSON.stringify(counts)}`);
      }
    });

    it("logs in with a QR code drawn in the dialog, read off the screen by the phone, with the regions of the home's country", async () => {
      const dialog = await addIntegration(page, stack().baseUrl);
      // A strict content policy from here on: no image from any other host loads.
      const violations = await page.evaluate(
        ({ policy, probe }) =>
          new Promise<string[]>((resolve) => {
            const blocked: string[] = [];
            (window as unknown as { blockedImages: string[] }).blockedImages = blocked;
            document.addEventListener("securitypolicyviolation", (event) => {
              blocked.push(event.blockedURI);
              if (event.blockedURI === probe) resolve([...blocked]);
            });
            const meta = document.createElement("meta");
            meta.httpEquiv = "Content-Security-Policy";
            meta.content = policy;
            document.head.append(meta);
            new Image().src = probe;
          }),
        { policy: imagePolicy, probe: cloudQrPicture },
      );
      assert.deepEqual(violations, [cloudQrPicture], "the policy refuses the cloud's own QR picture");

      await dialog.getByText("Scan a QR code with the Mi Home app").click();
      const picture = dialog.locator("ha-markdown img");
      const { width, src } = await loadedPicture(picture);
      assert.match(src, /^data:image\/png;base64,/);
      assert.ok(width >= 200, `a QR code a phone reads across a desk, not ${width} px`);
      assert.deepEqual(
        await page.evaluate(() => (window as unknown as { blockedImages: string[] }).blockedImages),
        [cloudQrPicture],
        "nothing else was refused",
      );

      const loginUrl = await readQrCode(picture);
      assert.ok(loginUrl, "the picture holds a QR code");
      const ticket = new URL(loginUrl).searchParams.get("ticket");
      assert.match(loginUrl, /^https:\/\/account\.xiaomi\.com\/longPolling\/login\?ticket=/);
      const { pending } = await control<{ pending: string[] }>(stack().simulator, "qr");
      assert.equal(pending[0], ticket, "the code is the login the cloud is waiting for");
      // The link stays beside the code, for whoever reads this on the phone itself.
      await dialog.locator("ha-markdown a", { hasText: loginUrl }).waitFor();
      await expectAccessible(dialog, "setup: QR code");
      await dialogSnapshot(dialog, "setup-qr");

      // The phone opens what it read: the simulator's page plays the Mi Home app's confirmation.
      const phone = await browser.context.newPage();
      await phone.goto(`${stack().simulator.url}/${loginUrl.replace(/^https:\/\//, "")}`);
      await phone.locator(`#account option[value="${europe.userId}"]`).waitFor({ state: "attached" });
      await phone.locator("#account").selectOption(europe.userId);
      await phone.getByRole("button", { name: "Confirm" }).click();
      await phone.getByText("Confirmed").waitFor();
      await phone.close();

      // The home is in Germany (its configuration says DE): Europe is ticked, nothing else.
      await dialog
        .getByText("Invites between two accounts only arrive when both use the same region.")
        .waitFor();
      assert.deepEqual(await tickedRegions(dialog), ["Europe"]);
      await expectAccessible(dialog, "setup: regions");
      await dialogSnapshot(dialog, "setup-regions");
      await submit(dialog);

      const entry = await entryTitled(`${europe.nickname} (${europe.userId})`);
      added.push(entry.entry_id);
      // Europe is where this account keeps its camera: it is there, ready to be named.
      await eventually("the account's camera in Europe", () =>
        cameraDeviceId(stack().connection, europe.cameraDid).catch(() => undefined),
      );
      await dialog.getByRole("button", { name: /finish/i }).waitFor();
      await dialogSnapshot(dialog, "setup-done");
      await dialog.getByRole("button", { name: /finish/i }).click();
      await dialog.locator("ha-dialog").waitFor({ state: "detached" });
    });

    it("logs in with a password through a captcha, says so when the captcha or the password is wrong, and starts from the United States for a home there", async () => {
      await setCountry("US");
      const dialog = await addIntegration(page, stack().baseUrl);
      await dialog.getByText("Account and password").click();
      const field = (name: string): Locator => dialog.locator(`input[name="${name}"]`);
      await field("username").fill(captcha.username);
      await field("password").fill("not-the-password");
      await submit(dialog);

      // This account needs a captcha before Xiaomi even looks at the password.
      const picture = dialog.locator("ha-markdown img");
      assert.match((await loadedPicture(picture)).src, /^data:image\/png;base64,/);
      await field("captcha").fill("00000x");
      await submit(dialog);
      await dialog.getByText("The characters did not match the picture. Try the new picture.").waitFor();
      await loadedPicture(picture);
      await dialogSnapshot(dialog, "setup-captcha-wrong");
      await field("captcha").fill(await latestCaptchaAnswer(stack()));
      await submit(dialog);

      // The captcha was right, the password was not: back to the password, told why.
      await dialog.getByText("Wrong account or password.").waitFor();
      assert.equal(await field("username").inputValue(), captcha.username);
      await expectAccessible(dialog, "setup: wrong password");
      await dialogSnapshot(dialog, "setup-wrong-password");
      await field("password").fill(captcha.password);
      await submit(dialog);
      await field("captcha").waitFor();
      await loadedPicture(picture);
      await field("captcha").fill(await latestCaptchaAnswer(stack()));
      await submit(dialog);

      await dialog
        .getByText("Invites between two accounts only arrive when both use the same region.")
        .waitFor();
      assert.deepEqual(await tickedRegions(dialog), ["United States"]);
      await dialogSnapshot(dialog, "setup-regions-us");
      await submit(dialog);
      const entry = await entryTitled(`${captcha.nickname} (${captcha.userId})`);
      added.push(entry.entry_id);
      await dialog.getByRole("button", { name: /finish/i }).click();
      await dialog.locator("ha-dialog").waitFor({ state: "detached" });
    });

    it("logs in with a password and a code sent by email, read from the simulator's outbox, and starts from Singapore for a home in Japan", async () => {
      await setCountry("JP");
      const dialog = await addIntegration(page, stack().baseUrl);
      await dialog.getByText("Account and password").click();
      await dialog.locator('input[name="username"]').fill(verify.username);
      await dialog.locator('input[name="password"]').fill(verify.password);
      await submit(dialog);
      await dialog.getByText("Where should the code be sent?").waitFor();
      await dialog.getByRole("radio", { name: "Email" }).check();
      await submit(dialog);

      const code = dialog.locator('input[name="code"]');
      await code.waitFor();
      await code.fill("000000");
      await submit(dialog);
      await dialog.getByText("That code was not accepted.").waitFor();
      const sent = await control<{ method: string; code: string }[]>(
        stack().simulator,
        `outbox?kind=verification&userId=${verify.userId}`,
      );
      assert.equal(sent.at(-1)?.method, "email");
      await code.fill(sent.at(-1)?.code ?? "");
      await dialogSnapshot(dialog, "setup-verification-code");
      await submit(dialog);

      await dialog
        .getByText("Invites between two accounts only arrive when both use the same region.")
        .waitFor();
      assert.deepEqual(await tickedRegions(dialog), ["Singapore"]);
      await submit(dialog);
      added.push((await entryTitled(`${verify.nickname} (${verify.userId})`)).entry_id);
      await dialog.getByRole("button", { name: /finish/i }).click();
      await dialog.locator("ha-dialog").waitFor({ state: "detached" });
    });

    it("changes the regions and logs in again from the integration's page", async () => {
      const title = `${europe.nickname} (${europe.userId})`;
      const entry = await entryTitled(title);
      await page.goto(`${stack().baseUrl}/config/integrations/integration/${integrationDomain}`);
      const row = page.locator("ha-config-entry-row").filter({ hasText: title });
      await row.getByRole("button", { name: "Menu", exact: true }).first().click();
      await page.getByRole("menuitem", { name: "Reconfigure" }).click();
      const dialog = page.locator("dialog-data-entry-flow");
      await dialog.getByText("Choose the regions where this account keeps cameras.").waitFor();
      assert.deepEqual(await tickedRegions(dialog), ["Europe"]);
      await dialog.getByText("Mainland China", { exact: true }).click();
      assert.deepEqual(await tickedRegions(dialog), ["Mainland China", "Europe"]);
      await submit(dialog);
      await dialog.getByText(/Reconfiguration was successful|Regions changed/).waitFor();
      await dialogSnapshot(dialog, "setup-reconfigure-done");
      await dialog.locator("ha-dialog-footer").getByRole("button", { name: "Close" }).click();
      await dialog.locator("ha-dialog").waitFor({ state: "detached" });

      // Xiaomi stops taking the stored login (a password change): Home Assistant asks to log in again.
      await control(stack().simulator, "passtoken/revoke", { userId: europe.userId });
      await fetch(`${stack().baseUrl}/api/config/config_entries/entry/${entry.entry_id}/reload`, {
        method: "POST",
        headers: { Authorization: `Bearer ${stack().token}` },
      });
      await page.goto(`${stack().baseUrl}/config/integrations/dashboard`);
      // The integration asks for attention, with Home Assistant's own button to log in again.
      const again = page.getByRole("button", { name: /reconfigure|re-?authenticate/i }).first();
      await again.waitFor();
      await snapshot(page, "setup-reauth-needed");
      await again.click();
      await dialog.getByText("The Xiaomi login of this account no longer works.").waitFor();
      await dialog.getByText("Scan a QR code with the Mi Home app").click();
      const picture = dialog.locator("ha-markdown img");
      await loadedPicture(picture);
      const loginUrl = await readQrCode(picture);
      assert.ok(loginUrl, "the picture holds a QR code");
      await control(stack().simulator, "qr/scan", {
        userId: europe.userId,
        ticket: new URL(loginUrl).searchParams.get("ticket"),
      });
      await dialog.getByText(/Re-?authentication was successful|Logged in again/).waitFor();
      await dialogSnapshot(dialog, "setup-reauth-done");
      await dialog.locator("ha-dialog-footer").getByRole("button", { name: "Close" }).click();
    });
  });
}
