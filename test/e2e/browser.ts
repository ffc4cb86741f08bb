// Debian's Chromium driven by playwright-core, and the steps every UI test shares.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { chromiumArgs, chromiumPath } from "../../tools/lib/chromium.ts";
import { projectRoot } from "../../tools/lib/python-env.ts";

export const artifactsDir = join(projectRoot, "test-results", "e2e");

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** The browser's own time zone, unlike the server's (Europe/Berlin), so the two can be told apart. */
export const browserTimeZone = "America/New_York";

/** A fresh profile each run, so no login or cache survives from an earlier one. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "xcs-e2e-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: [...chromiumArgs],
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
    timezoneId: browserTimeZone,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Keep a screenshot of the step as a test artifact; returns its path. */
export async function snapshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Log in through Home Assistant's own login page and land on `path`. */
export async function logIn(
  page: Page,
  baseUrl: string,
  user: { username: string; password: string },
  path = "/",
): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole("textbox", { name: "Username" }).fill(user.username);
  await page.getByRole("textbox", { name: "Password" }).fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/auth/"));
}
