// Who may use /_control/: local tools and the simulator's own pages, never another web page.
// Any page open in a browser can send a simple form POST to 127.0.0.1 without asking first;
// requiring JSON on every non-GET call makes a browser ask (a CORS preflight), which the
// simulator never grants, and a foreign Origin or a cross-site fetch is refused outright.
import type { SimRequest } from "./http.ts";

const ownOrigins = (port: number | undefined): string[] => [
  `http://127.0.0.1:${port}`,
  `http://localhost:${port}`,
];

const isJson = (contentType: string | undefined): boolean =>
  (contentType ?? "").split(";")[0]?.trim().toLowerCase() === "application/json";

/** Why this control request is refused, or undefined when it may go on. */
export function controlRefusal(req: SimRequest): string | undefined {
  const headers = req.raw.headers;
  const origin = headers.origin;
  if (origin !== undefined && !ownOrigins(req.raw.socket.localPort).includes(origin.toLowerCase()))
    return `control calls from origin ${origin} are refused`;
  if (headers["sec-fetch-site"] === "cross-site") return "cross-site control calls are refused";
  if (req.method !== "GET" && !isJson(headers["content-type"]))
    return "control calls other than GET must be sent with content-type application/json";
  return undefined;
}
