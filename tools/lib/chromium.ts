// How the project's browser tests launch Debian's Chromium (see tools/chromium.json).
import settings from "../chromium.json" with { type: "json" };

export const chromiumPath: string = process.env["CHROMIUM_PATH"] ?? settings.executablePath;
export const chromiumArgs: readonly string[] = settings.args;
