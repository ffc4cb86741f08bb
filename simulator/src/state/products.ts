// Which models may be shared, and whether the owner can choose view-only (brief §5.2).
// Xiaomi configures this per product and publishes no list. The project's guesses live
// in one file inside the integration; the simulator reads that file rather than keeping
// a table of its own, so the two always agree.
import { readFileSync } from "node:fs";
import { SHARE_MODES, isShareMode, type ShareMode } from "./model.ts";

export const MODELS_FILE = new URL(
  "../../../custom_components/xiaomi_camera_share/camera_models.json",
  import.meta.url,
);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const hasExactly = (value: Record<string, unknown>, keys: readonly string[]): boolean =>
  Object.keys(value).length === keys.length && keys.every((key) => key in value);

function shareMode(value: unknown, where: string): ShareMode {
  if (!isShareMode(value)) {
    throw new Error(`camera_models.json: ${where} must be one of ${SHARE_MODES.join(", ")}`);
  }
  return value;
}

/** The share mode per model and for unknown models; a malformed file throws. */
export function parseModelFile(doc: unknown): { modes: Record<string, ShareMode>; unknown: ShareMode } {
  if (!isObject(doc) || !hasExactly(doc, ["unknown_models", "models"]) || !isObject(doc["models"])) {
    throw new Error("camera_models.json: expected exactly 'unknown_models' and an object 'models'");
  }
  const modes: Record<string, ShareMode> = {};
  for (const [model, entry] of Object.entries(doc["models"])) {
    if (!isObject(entry) || !hasExactly(entry, ["name", "sharing"]) || typeof entry["name"] !== "string") {
      throw new Error(`camera_models.json: ${model} must have exactly a 'name' and a 'sharing'`);
    }
    modes[model] = shareMode(entry["sharing"], `${model}.sharing`);
  }
  return { modes, unknown: shareMode(doc["unknown_models"], "unknown_models") };
}

const table = parseModelFile(JSON.parse(readFileSync(MODELS_FILE, "utf8")));

export const PRODUCT_SHARE_MODES: Readonly<Record<string, ShareMode>> = table.modes;

/** What models the file does not name get. */
export const DEFAULT_SHARE_MODE: ShareMode = table.unknown;
