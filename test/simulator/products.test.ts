// The product table is the integration's model file: same models, same modes, same
// default for models it does not name; a seed's `products` still overrides it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { ShareMode } from "../../simulator/src/state/model.ts";
import {
  DEFAULT_SHARE_MODE,
  PRODUCT_SHARE_MODES,
  parseModelFile,
} from "../../simulator/src/state/products.ts";
import { useSimulator } from "./harness.ts";

const h = useSimulator();

interface ModelFile {
  unknown_models: ShareMode;
  models: Record<string, { name: string; sharing: ShareMode }>;
}

// Read here on its own, so the test fails if the simulator ever reads another file.
const file = JSON.parse(
  readFileSync(
    fileURLToPath(new URL("../../custom_components/xiaomi_camera_share/camera_models.json", import.meta.url)),
    "utf8",
  ),
) as ModelFile;

const OWNER = "2300000001";
const GUEST = "2300000002";
const UNKNOWN_MODEL = "vendor.camera.unknown";
const didOf = (index: number): string => String(800000001 + index);

/** One owned camera per model, and a guest to share them with. */
function world(models: string[], products?: Record<string, ShareMode>): Record<string, unknown> {
  return {
    accounts: [
      { userId: OWNER, nickname: "Owner", password: "owner-pass", appRegion: "cn" },
      { userId: GUEST, nickname: "Guest", password: "guest-pass", appRegion: "cn" },
    ],
    devices: models.map((model, i) => ({
      did: didOf(i),
      name: model,
      model,
      region: "cn",
      ownerId: OWNER,
    })),
    shares: [],
    ...(products ? { products } : {}),
  };
}

/** What the simulator does for a model: "none", "fixed" or "choice", found by sharing it. */
async function observedMode(did: string): Promise<ShareMode> {
  const owner = await h.client.login(OWNER, "owner-pass");
  const share = (type: string) =>
    h.client.call(owner, "cn", "/share/share_request", { did, userid: GUEST, type }).then((a) => a.code);
  if ((await share("readonly")) === 0) return "choice";
  return (await share("")) === 0 ? "fixed" : "none";
}

describe("product table", () => {
  it("is the integration's model file, model for model", () => {
    const expected = Object.fromEntries(
      Object.entries(file.models).map(([model, entry]) => [model, entry.sharing]),
    );
    assert.deepEqual(PRODUCT_SHARE_MODES, expected);
    assert.ok(Object.keys(expected).length > 0);
  });

  it("gives unknown models the file's default, which is control only", () => {
    assert.equal(DEFAULT_SHARE_MODE, file.unknown_models);
    assert.equal(DEFAULT_SHARE_MODE, "fixed");
  });

  it("answers share requests as the file says, unknown models included", async () => {
    const pick = (mode: ShareMode): string => {
      const found = Object.entries(file.models).find(([, entry]) => entry.sharing === mode);
      assert.ok(found, `the file names a ${mode} model`);
      return found[0];
    };
    const models = [pick("choice"), pick("fixed"), pick("none"), UNKNOWN_MODEL];
    await h.client.control("seed", world(models));
    const observed: ShareMode[] = [];
    for (const i of models.keys()) observed.push(await observedMode(didOf(i)));
    assert.deepEqual(observed, ["choice", "fixed", "none", file.unknown_models]);
  });

  it("lets a seed's products override the file", async () => {
    await h.client.control("seed", world([UNKNOWN_MODEL], { [UNKNOWN_MODEL]: "choice" }));
    assert.equal(await observedMode(didOf(0)), "choice");
  });

  it("refuses a malformed file", () => {
    for (const bad of [
      [],
      { models: {} },
      { unknown_models: "fixed", models: [] },
      { unknown_models: "readonly", models: {} },
      { unknown_models: "fixed", models: { "a.camera.b": { name: "B" } } },
      { unknown_models: "fixed", models: { "a.camera.b": { name: "B", sharing: "all" } } },
      { unknown_models: "fixed", models: {}, extra: 1 },
    ]) {
      assert.throws(() => parseModelFile(bad), /camera_models\.json/);
    }
  });
});
