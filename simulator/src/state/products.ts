// Which models may be shared, and whether the owner can choose view-only (brief §5.2).
// Xiaomi configures this per product; no public list exists, so this table is the
// simulator's own choice among real model ids.
import type { ShareMode } from "./model.ts";

export const PRODUCT_SHARE_MODES: Readonly<Record<string, ShareMode>> = {
  "chuangmi.camera.029a02": "choice",
  "chuangmi.camera.021a04": "choice",
  "chuangmi.camera.046c04": "choice",
  "chuangmi.camera.72ac1": "choice",
  "xiaomi.camera.082ac1": "choice",
  "isa.camera.hlc7": "choice",
  "isa.camera.cw501d": "choice",
  "mxiang.camera.c500ch": "choice",
  "chuangmi.camera.ipc019": "fixed",
  "chuangmi.camera.ipc009": "fixed",
  "chuangmi.camera.xiaobai": "fixed",
  "isa.camera.hlc6": "fixed",
  "yunyi.camera.v1": "fixed",
  "mijia.camera.v3": "fixed",
  "lumi.camera.gwagl01": "none",
  "lumi.camera.aq1": "none",
  "isa.camera.virtual": "none",
};

/** Models the table does not name can be shared without a choice. */
export const DEFAULT_SHARE_MODE: ShareMode = "fixed";
