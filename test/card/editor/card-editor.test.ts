import { expect } from "@esm-bundle/chai";
import "../stubs.js";
import { XiaomiCameraShareCard } from "../../../src/xiaomi-camera-share-card.js";
import { WS } from "../../../src/data/api.js";
import type { HaFormSchema, LovelaceCardConfig, LovelaceCardEditor } from "../../../src/ha/types.js";
import { FakeHass } from "../fake-hass.js";
import { camera, stateDocument } from "../fixtures.js";
import { deep, deepAll, settle, text } from "../helpers.js";
import type { StubForm } from "../stubs.js";

const TYPE = "custom:xiaomi-camera-share-card";

async function mountEditor(
  config: LovelaceCardConfig,
  fake = new FakeHass(),
): Promise<{ editor: LovelaceCardEditor; form: StubForm; changes: LovelaceCardConfig[] }> {
  const editor = (await XiaomiCameraShareCard.getConfigElement()) as LovelaceCardEditor;
  const changes: LovelaceCardConfig[] = [];
  editor.addEventListener("config-changed", (event) => changes.push((event as CustomEvent).detail.config));
  editor.setConfig(config);
  editor.hass = fake.hass;
  document.body.append(editor);
  fake.pushEvent(
    WS.subscribe,
    stateDocument({ cameras: [camera(1), camera(2), camera(3, { device_id: null })] }),
  );
  await settle(editor);
  return { editor, form: deep<StubForm>(editor, "ha-form"), changes };
}

/** What HA's form fires when the user changes a field: the whole data with the new value. */
async function edit(
  editor: LovelaceCardEditor,
  form: StubForm,
  value: Record<string, unknown>,
): Promise<void> {
  form.dispatchEvent(new CustomEvent("value-changed", { detail: { value: { ...form.data, ...value } } }));
  await settle(editor);
}

const flat = (schema: readonly HaFormSchema[]): HaFormSchema[] =>
  schema.flatMap((field) => (field.schema ? flat(field.schema) : [field]));

describe("card editor", () => {
  afterEach(() =>
    document.querySelectorAll("xiaomi-camera-share-card-editor").forEach((each) => each.remove()),
  );

  it("is Home Assistant's form with pickers: cameras from this integration's devices, tile actions", async () => {
    const { form } = await mountEditor({ type: TYPE });
    const fields = Object.fromEntries(
      flat(form.schema as HaFormSchema[]).map((field) => [field.name, field.selector]),
    );
    expect(Object.keys(fields)).to.deep.equal([
      "title",
      "cameras",
      "columns",
      "live",
      "sections",
      "tap_action",
      "hold_action",
      "double_tap_action",
    ]);
    expect(fields.cameras).to.deep.equal({
      device: { multiple: true, filter: { integration: "xiaomi_camera_share" } },
    });
    const actions = ["more-info", "navigate", "perform-action", "none"];
    expect(fields.tap_action).to.deep.equal({ ui_action: { actions, default_action: "more-info" } });
    expect(fields.hold_action).to.deep.equal({ ui_action: { actions, default_action: "none" } });
    expect(form.data).to.deep.include({
      columns: 2,
      live: "tap",
      sections: ["cameras", "invites", "history"],
    });
  });

  it("writes what the form changed, and leaves defaults and empty options out", async () => {
    const { editor, form, changes } = await mountEditor({ type: TYPE });
    await edit(editor, form, { columns: 3, live: "always", title: "Family cameras" });
    expect(changes.at(-1)).to.deep.equal({ type: TYPE, columns: 3, live: "always", title: "Family cameras" });
    await edit(editor, form, {
      columns: 2,
      title: "",
      tap_action: { action: "navigate", navigation_path: "/x" },
    });
    expect(changes.at(-1)).to.deep.equal({
      type: TYPE,
      live: "always",
      tap_action: { action: "navigate", navigation_path: "/x" },
    });
  });

  it("shows cameras named by Mi id or entity as their devices, and warns about unknown ones", async () => {
    const { editor, form, changes } = await mountEditor({
      type: TYPE,
      cameras: ["did-2", "camera.cam_1", "did-9"],
    });
    expect(form.data.cameras).to.deep.equal(["device-2", "device-1", "did-9"]);
    expect(text(deep(editor, "ha-alert"))).to.equal(
      "Not among the cameras of the configured accounts: did-9",
    );
    await edit(editor, form, { cameras: ["device-2"] });
    expect(changes.at(-1)).to.deep.equal({ type: TYPE, cameras: ["device-2"] });
    await settle(editor);
    expect(deepAll(editor, "ha-alert")).to.have.length(0);
  });

  it("refuses a config the form cannot show, so Home Assistant shows the error and its YAML editor", async () => {
    const editor = (await XiaomiCameraShareCard.getConfigElement()) as LovelaceCardEditor;
    expect(() => editor.setConfig({ type: TYPE, columns: 12 })).to.throw(/columns/);
    expect(() => editor.setConfig({ type: TYPE, tap_action: { action: "teleport" } })).to.throw(/tap_action/);
  });

  it("labels its fields in the user's language, the generic ones in Home Assistant's words", async () => {
    const fake = new FakeHass({
      language: "zh-Hans",
      haStrings: { "ui.panel.lovelace.editor.card.generic.tap_action": "点击行为" },
    });
    const { form } = await mountEditor({ type: TYPE }, fake);
    const label = (name: string) => form.computeLabel!({ name });
    expect([label("columns"), label("cameras"), label("tap_action"), label("title")]).to.deep.equal([
      "列数",
      "摄像机",
      "点击行为",
      "标题",
    ]);
    expect(form.computeHelper!({ name: "cameras" })).to.equal("不选则显示所有账号的全部摄像机。");
  });
});
