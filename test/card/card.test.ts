import { expect } from "@esm-bundle/chai";
import { sendKeys } from "@web/test-runner-commands";
import { WS } from "../../src/data/api.js";
import { expectAccessible } from "./axe.js";
import { FakeHass } from "./fake-hass.js";
import { account, camera, inHours, stateDocument } from "./fixtures.js";
import { cleanup, deep, deepAll, mountCard, settle, text } from "./helpers.js";
import type { StubImage, StubStream } from "./stubs.js";

function tiles(card: Element): HTMLElement[] {
  return deepAll(card, "xcs-camera-grid", "xcs-camera-tile");
}

function columnCount(card: Element): number {
  const grid = deep(card, "xcs-camera-grid");
  return getComputedStyle(grid).gridTemplateColumns.split(" ").length;
}

describe("card: grid and states", () => {
  afterEach(cleanup);

  it("shows every camera of every account in two columns by default", async () => {
    const doc = stateDocument({
      accounts: [account(), account({ entry_id: "entry-2", user_id: "1000009", nickname: "Second" })],
      cameras: [camera(1), camera(2), camera(3, { entry_id: "entry-2" })],
    });
    const { card } = await mountCard({}, { doc });
    expect(tiles(card).map((tile) => text(deep(tile, ".name")))).to.deep.equal([
      "Camera 1",
      "Camera 2",
      "Camera 3",
    ]);
    expect(columnCount(card)).to.equal(2);
    await expectAccessible(card);
  });

  it("fits fewer columns when the card is narrow, as on a phone", async () => {
    const { card } = await mountCard({ columns: 3 }, { width: 330 });
    expect(columnCount(card)).to.equal(2);
  });

  it("honours configured columns and the configured cameras, in their order", async () => {
    const { card } = await mountCard({
      columns: 3,
      cameras: ["did-3", "camera.cam_1", "device-2", "did-missing"],
    });
    expect(columnCount(card)).to.equal(3);
    expect(tiles(card).map((tile) => text(deep(tile, ".name")))).to.deep.equal([
      "Camera 3",
      "Camera 1",
      "Camera 2",
    ]);
  });

  it("says loading until the first document arrives", async () => {
    const { card } = await mountCard({}, { doc: null });
    expect(text(deep(card, ".loading"))).to.contain("Loading");
  });

  it("explains when no account is configured", async () => {
    const { card } = await mountCard({}, { doc: stateDocument({ accounts: [], cameras: [] }) });
    expect(text(deep(card, ".not-configured"))).to.contain("No Xiaomi account");
  });

  it("explains an account without cameras", async () => {
    const { card } = await mountCard({}, { doc: stateDocument({ cameras: [] }) });
    expect(text(deep(card, ".empty"))).to.contain("No cameras");
  });

  it("warns when the cloud is offline and still shows the last known cameras", async () => {
    const doc = stateDocument({ accounts: [account({ status: "offline" })] });
    const { card } = await mountCard({}, { doc });
    expect(text(deep(card, ".banner.offline"))).to.contain("cannot be reached for Home Owner");
    expect(tiles(card)).to.have.length(4);
  });

  it("asks for a new sign-in when authentication failed", async () => {
    const { card } = await mountCard(
      {},
      { doc: stateDocument({ accounts: [account({ status: "auth_failed" })] }) },
    );
    expect(text(deep(card, ".banner.auth-failed"))).to.contain("sign in again");
  });

  it("explains a refused subscription for non-admin users", async () => {
    const fake = new FakeHass();
    fake.refuseSubscription(WS.subscribe, "unauthorized");
    const { card } = await mountCard({}, { fake, doc: null });
    expect(text(deep(card, ".message.error"))).to.contain("administrators");
  });

  it("shows name, state and sharing for a camera without a camera entity", async () => {
    const doc = stateDocument({
      cameras: [camera(1, { camera_entity: null, online: false, sharees: [] })],
    });
    const { card } = await mountCard({}, { doc });
    const [tile] = tiles(card);
    expect(tile).to.not.equal(undefined);
    expect(text(deep(tile!, ".name"))).to.equal("Camera 1");
    expect(text(deep(tile!, ".state"))).to.equal("Offline");
    expect(text(deep(tile!, ".chips"))).to.equal("Not shared");
    expect(text(deep(tile!, ".media"))).to.equal("No camera entity linked");
    expect(deepAll(tile!, "hui-image")).to.have.length(0);
  });

  it("summarises access: accepted, pending and expiring soon", async () => {
    const doc = stateDocument({
      cameras: [
        camera(1, {
          sharees: [
            {
              user_id: "11",
              nickname: "A",
              status: "accepted",
              permission: "control",
              expires_at: inHours(2),
            },
            { user_id: "12", nickname: "B", status: "accepted", permission: "view_only", expires_at: null },
            {
              user_id: "13",
              nickname: "C",
              status: "pending",
              permission: "view_only",
              expires_at: inHours(72),
            },
          ],
        }),
      ],
    });
    const { card } = await mountCard({}, { doc });
    const chips = deep(tiles(card)[0]!, ".chips");
    expect(text(deep(chips, ".accepted"))).to.equal("2 with access");
    expect(text(deep(chips, ".pending"))).to.equal("1 pending");
    expect(text(deep(chips, ".expiring"))).to.equal("1 expiring soon");
  });
});

describe("card: images, live view and viewport", () => {
  afterEach(cleanup);

  it("shows still images, and streams a tile in place with its play button", async () => {
    const fake = new FakeHass();
    fake.setState("camera.cam_1", "idle");
    const { card } = await mountCard({}, { fake, doc: stateDocument({ cameras: [camera(1)] }) });
    const tile = tiles(card)[0]!;
    const image = deep<StubImage>(tile, "hui-image");
    expect(image.cameraImage).to.equal("camera.cam_1");
    expect(image.cameraView).to.equal("auto");
    const play = deep(tile, "ha-icon-button.live") as HTMLElement & { label: string };
    expect(play.label).to.equal("Play Camera 1 here");
    play.click();
    await settle(card);
    const stream = deep<StubStream>(tile, "ha-camera-stream");
    expect(stream.stateObj?.entity_id).to.equal("camera.cam_1");
    expect(deepAll(tile, "hui-image")).to.have.length(0);
    expect((deep(tile, "ha-icon-button.live") as HTMLElement & { label: string }).label).to.equal(
      "Stop the live view of Camera 1",
    );
  });

  it("streams at once when live is always", async () => {
    const fake = new FakeHass();
    fake.setState("camera.cam_1", "idle");
    const { card } = await mountCard(
      { live: "always" },
      { fake, doc: stateDocument({ cameras: [camera(1)] }) },
    );
    expect(deepAll(tiles(card)[0]!, "ha-camera-stream")).to.have.length(1);
    expect(deepAll(tiles(card)[0]!, "ha-icon-button.live")).to.have.length(0);
  });

  it("neither polls nor streams in tiles outside the viewport", async () => {
    const fake = new FakeHass();
    const cameras = Array.from({ length: 16 }, (_, index) => camera(index + 1));
    for (const each of cameras) fake.setState(each.camera_entity!, "idle");
    const { card } = await mountCard(
      { columns: 1, live: "always" },
      { fake, doc: stateDocument({ cameras }) },
    );
    const all = tiles(card);
    const withMedia = all.filter((tile) => deepAll(tile, "ha-camera-stream, hui-image").length > 0);
    expect(withMedia.length).to.be.greaterThan(0);
    expect(withMedia.length).to.be.lessThan(all.length);
    expect(deepAll(all[all.length - 1]!, ".offscreen")).to.have.length(1);
    all[all.length - 1]!.scrollIntoView();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await settle(card);
    expect(deepAll(all[all.length - 1]!, "ha-camera-stream")).to.have.length(1);
    expect(deepAll(all[0]!, "ha-camera-stream")).to.have.length(0);
    window.scrollTo(0, 0);
  });
});

describe("card: subscription and rendering economy", () => {
  afterEach(cleanup);

  it("subscribes once, shares the subscription, and unsubscribes when the last card leaves", async () => {
    const fake = new FakeHass();
    const first = await mountCard({}, { fake });
    const second = await mountCard({}, { fake, doc: null });
    expect(fake.activeSubscriptions(WS.subscribe)).to.equal(1);
    expect(tiles(second.card)).to.have.length(4);
    first.card.remove();
    await settle(second.card);
    expect(fake.activeSubscriptions(WS.subscribe)).to.equal(1);
    second.card.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.activeSubscriptions(WS.subscribe)).to.equal(0);
  });

  it("re-subscribes when put back on the page", async () => {
    const fake = new FakeHass();
    const { card } = await mountCard({}, { fake });
    card.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.activeSubscriptions(WS.subscribe)).to.equal(0);
    document.body.append(card);
    await settle(card);
    expect(fake.activeSubscriptions(WS.subscribe)).to.equal(1);
  });

  it("does not render when unrelated entities change, and does when a shown camera changes", async () => {
    const fake = new FakeHass();
    fake.setState("camera.cam_1", "idle");
    const { card } = await mountCard({}, { fake });
    let renders = 0;
    const render = card.render.bind(card);
    card.render = () => {
      renders += 1;
      return render();
    };
    for (let index = 0; index < 50; index += 1) {
      card.hass = fake.setState("sensor.outside_temperature", String(index));
      await card.updateComplete;
    }
    expect(renders).to.equal(0);
    card.hass = fake.setState("camera.cam_1", "recording");
    await card.updateComplete;
    expect(renders).to.equal(1);
  });

  it("moves between tabs with the arrow keys", async () => {
    const { card } = await mountCard();
    const first = deep(card, "#tab-cameras");
    first.focus();
    await sendKeys({ press: "ArrowRight" });
    await settle(card);
    expect(card.shadowRoot!.activeElement?.id).to.equal("tab-invites");
    expect(deep(card, "#tab-invites").getAttribute("aria-selected")).to.equal("true");
    expect(deepAll(card, "xcs-invites-view")).to.have.length(1);
    await sendKeys({ press: "ArrowLeft" });
    await sendKeys({ press: "ArrowLeft" });
    await settle(card);
    expect(card.shadowRoot!.activeElement?.id).to.equal("tab-history");
  });

  it("speaks Simplified and Traditional Chinese", async () => {
    const hans = await mountCard({}, { fake: new FakeHass({ language: "zh-Hans" }) });
    expect(text(deep(tiles(hans.card)[0]!, ".share"))).to.equal("共享");
    expect(text(deep(tiles(hans.card)[0]!, ".state"))).to.equal("在线");
    expect(text(deep(hans.card, "#tab-cameras"))).to.equal("摄像机");
    cleanup();
    const hant = await mountCard({}, { fake: new FakeHass({ language: "zh-Hant" }) });
    expect(text(deep(hant.card, "#tab-cameras"))).to.equal("攝影機");
    expect(text(deep(tiles(hant.card)[0]!, ".manage"))).to.equal("管理權限");
  });
});
