import { expect } from "@esm-bundle/chai";
import "../stubs.js";
import { XiaomiCameraShareCard } from "../../../src/xiaomi-camera-share-card.js";
import { WS } from "../../../src/data/api.js";
import type { LovelaceCardConfig, LovelaceCardEditor } from "../../../src/ha/types.js";
import { FakeHass } from "../fake-hass.js";
import { stateDocument } from "../fixtures.js";
import { deep, deepAll, settle, text } from "../helpers.js";

const TYPE = "custom:xiaomi-camera-share-card";

async function mountEditor(
  config: LovelaceCardConfig,
  fake = new FakeHass(),
): Promise<{ editor: LovelaceCardEditor; changes: LovelaceCardConfig[] }> {
  const editor = (await XiaomiCameraShareCard.getConfigElement()) as LovelaceCardEditor;
  const changes: LovelaceCardConfig[] = [];
  editor.addEventListener("config-changed", (event) => changes.push((event as CustomEvent).detail.config));
  editor.setConfig(config);
  editor.hass = fake.hass;
  document.body.append(editor);
  fake.pushEvent(WS.subscribe, stateDocument());
  await settle(editor);
  return { editor, changes };
}

function change(element: HTMLInputElement | HTMLSelectElement, value: string | boolean): void {
  if (typeof value === "boolean") (element as HTMLInputElement).checked = value;
  else element.value = value;
  element.dispatchEvent(new Event("change", { bubbles: true }));
}

describe("card editor", () => {
  afterEach(() =>
    document.querySelectorAll("xiaomi-camera-share-card-editor").forEach((each) => each.remove()),
  );

  it("emits config-changed for columns, live mode and title", async () => {
    const { editor, changes } = await mountEditor({ type: TYPE });
    change(deep<HTMLInputElement>(editor, "#columns"), "3");
    change(deep<HTMLSelectElement>(editor, "#live"), "always");
    change(deep<HTMLInputElement>(editor, "#title"), "Family cameras");
    expect(changes.at(-1)).to.deep.equal({ type: TYPE, columns: 3, live: "always", title: "Family cameras" });
  });

  it("ignores a column count the card would reject", async () => {
    const { editor, changes } = await mountEditor({ type: TYPE });
    change(deep<HTMLInputElement>(editor, "#columns"), "12");
    expect(changes).to.have.length(0);
  });

  it("lists cameras from the state document and writes their ids", async () => {
    const { editor, changes } = await mountEditor({ type: TYPE, cameras: ["camera.cam_2"] });
    const boxes = deepAll<HTMLInputElement>(editor, "input[name=camera]");
    expect(boxes.map((box) => box.checked)).to.deep.equal([false, true, false, false]);
    change(boxes[3]!, true);
    expect(changes.at(-1)?.cameras).to.deep.equal(["did-2", "did-4"]);
    change(boxes[1]!, false);
    change(boxes[3]!, false);
    expect(changes.at(-1)).to.deep.equal({ type: TYPE });
  });

  it("switches sections on and off but keeps at least one", async () => {
    const { editor, changes } = await mountEditor({ type: TYPE, sections: ["cameras", "history"] });
    const boxes = deepAll<HTMLInputElement>(editor, "input[name=section]");
    change(boxes[2]!, false);
    expect(changes.at(-1)?.sections).to.deep.equal(["cameras"]);
    await settle(editor);
    expect(deepAll<HTMLInputElement>(editor, "input[name=section]")[0]!.disabled).to.equal(true);
  });

  it("is translated", async () => {
    const { editor } = await mountEditor({ type: TYPE }, new FakeHass({ language: "zh-Hans" }));
    expect(text(editor)).to.contain("列数");
  });
});
