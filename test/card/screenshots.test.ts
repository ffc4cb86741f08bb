// Pictures of the main states in HA's light and dark themes, written to test-results/screenshots/.
import { expect } from "@esm-bundle/chai";
import { executeServerCommand } from "@web/test-runner-commands";
import { DOMAIN } from "../../src/data/api.js";
import { FakeHass } from "./fake-hass.js";
import { account, camera, historyEntry, inHours, invite, stateDocument } from "./fixtures.js";
import { cleanup, deep, mountCard, settle } from "./helpers.js";

const THEMES = {
  light: {
    "--primary-background-color": "#fafafa",
    "--card-background-color": "#ffffff",
    "--secondary-background-color": "#f0f0f0",
    "--primary-text-color": "#212121",
    "--secondary-text-color": "#727272",
    "--divider-color": "rgba(0, 0, 0, 0.12)",
    "--primary-color": "#03a9f4",
  },
  dark: {
    "--primary-background-color": "#111111",
    "--card-background-color": "#1c1c1c",
    "--secondary-background-color": "#282828",
    "--primary-text-color": "#e1e1e1",
    "--secondary-text-color": "#9b9b9b",
    "--divider-color": "rgba(225, 225, 225, 0.12)",
    "--primary-color": "#03a9f4",
  },
} as const;

type Theme = keyof typeof THEMES;

function applyTheme(theme: Theme): void {
  for (const [name, value] of Object.entries(THEMES[theme]))
    document.documentElement.style.setProperty(name, value);
  document.body.style.background = "var(--primary-background-color)";
  document.body.style.fontFamily = "Roboto, Noto Sans, Noto Sans CJK SC, sans-serif";
  document.body.style.margin = "16px";
}

function demoDocument() {
  return stateDocument({
    accounts: [
      account(),
      account({ entry_id: "entry-guest", user_id: "4000004", nickname: "HA service", regions: ["cn", "de"] }),
    ],
    cameras: [
      camera(1, {
        name: "Front door",
        sharees: [
          {
            user_id: "11",
            nickname: "Grandma Li",
            recipient_name: "Grandma",
            status: "accepted",
            permission: "view_only",
            since: "2030-01-01T08:00:00+00:00",
            expires_at: null,
          },
          {
            user_id: "12",
            nickname: "Dog sitter",
            status: "accepted",
            permission: "view_only",
            since: "2030-01-01T08:00:00+00:00",
            expires_at: inHours(3),
          },
        ],
      }),
      camera(2, {
        name: "Living room",
        sharees: [
          { user_id: "13", nickname: "Cousin", status: "pending", permission: "control", expires_at: null },
        ],
      }),
      camera(3, { name: "Garage", online: false, camera_entity: null }),
      camera(4, {
        name: "Baby monitor",
        capabilities: { can_share: true, view_only: false, reason: null },
      }),
    ],
    invites: [
      invite({ region: "de", region_in_use: true }),
      invite({
        invite_id: 502,
        device_name: "Shop",
        sender_name: "Uncle",
        region: "sg",
        region_in_use: false,
      }),
    ],
    history: [
      historyEntry(2, { type: "share_accepted", nickname: "Grandma", camera_name: "Front door" }),
      historyEntry(1, { nickname: "Grandma", camera_name: "Front door" }),
    ],
  });
}

async function shoot(name: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  const done = await executeServerCommand("screenshot", { name });
  expect(done).to.equal(true);
}

for (const theme of ["light", "dark"] as const) {
  describe(`screenshots (${theme})`, () => {
    afterEach(cleanup);

    it("grid, share dialog, manage access and inbox", async () => {
      applyTheme(theme);
      const fake = new FakeHass({ darkMode: theme === "dark" });
      for (let index = 1; index <= 4; index += 1) fake.setState(`camera.cam_${index}`, "idle");
      fake.mockService(DOMAIN, "lookup_recipient", () => ({
        user_id: "3000003",
        nickname: "Aunt Wang",
        regions: ["de"],
        entry_id: "entry-x",
      }));
      const { card } = await mountCard({ title: "Cameras" }, { fake, doc: demoDocument(), width: 720 });
      await shoot(`grid-${theme}`);

      deep(card, "xcs-camera-grid", "xcs-camera-tile", "ha-button.share").click();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await settle(card);
      const share = deep(card, "xcs-share-dialog");
      const input = deep<HTMLInputElement>(share, "xcs-recipient-picker", "#recipient");
      input.value = "3000003";
      input.dispatchEvent(new Event("input"));
      await settle(share);
      deep(share, "xcs-recipient-picker", "#lookup").click();
      await settle(share);
      await shoot(`share-dialog-${theme}`);
      deep(share, "ha-dialog", "button[aria-label=Close]").click();
      await settle(card);

      deep(card, "xcs-camera-grid", "xcs-camera-tile", "ha-button.manage").click();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await settle(card);
      await shoot(`manage-access-${theme}`);
      deep(card, "xcs-manage-dialog", "ha-dialog", "button[aria-label=Close]").click();
      await settle(card);

      deep(card, "#tab-invites").click();
      await settle(card);
      await shoot(`invites-${theme}`);
    });
  });
}
