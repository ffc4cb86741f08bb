// The HTTP server: splits the Xiaomi host off the path, applies faults, and routes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { SimContext } from "./context.ts";
import { handleControl } from "./control.ts";
import type { Fault } from "./faults.ts";
import { hostKind, type HostKind } from "./hosts.ts";
import { notFound, parseCookies, readBody, reply, send, type Reply, type SimRequest } from "./http.ts";
import { handleAppApi } from "./protocol/app-api.ts";
import { misplacedCookie } from "./protocol/cookie-scope.ts";
import { PASSPORT_PREFIX } from "./protocol/passport-reply.ts";
import { handlePassport } from "./protocol/passport.ts";
import { handleSts } from "./protocol/sts.ts";
import { handleUi } from "./ui.ts";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function toRequest(raw: IncomingMessage): Promise<SimRequest> {
  const url = new URL(raw.url ?? "/", "http://127.0.0.1");
  const [, host = "", ...rest] = url.pathname.split("/");
  return {
    method: raw.method ?? "GET",
    host: decodeURIComponent(host),
    path: `/${rest.join("/")}`,
    query: url.searchParams,
    cookies: parseCookies(raw.headers.cookie),
    body: await readBody(raw),
    raw,
  };
}

/** An answer of the right outward form whose content is broken. */
function malformed(kind: HostKind): Reply {
  if (kind.kind === "passport") return reply(200, `${PASSPORT_PREFIX}{"code":0,"ssecu`, "application/json");
  if (kind.kind === "app") return reply(200, randomBytes(48).toString("base64"));
  return reply(200, "<html>gateway error</html>", "text/html");
}

async function routeCloud(ctx: SimContext, req: SimRequest, kind: HostKind): Promise<Reply | undefined> {
  const misplaced = misplacedCookie(ctx.store.config, kind, req);
  if (misplaced) return misplaced;
  if (kind.kind === "passport") return handlePassport(ctx, req);
  if (kind.kind === "sts") return handleSts(ctx, req);
  return handleAppApi(ctx, req, kind.region);
}

export interface RunningServer {
  server: Server;
  ctx: SimContext;
  url: string;
  close(): Promise<void>;
}

export interface SimulatorOptions {
  /** Called after every request that may have changed the world (anything but GET). */
  afterChange?: () => void;
}

export function createSimulator(ctx = new SimContext(), options: SimulatorOptions = {}): Server {
  const handle = async (raw: IncomingMessage, res: ServerResponse): Promise<void> => {
    const req = await toRequest(raw);
    if (req.host === "_control") return send(res, await handleControl(ctx, req));
    const kind = hostKind(req.host);
    if (!kind) return send(res, handleUi(ctx, req) ?? notFound());

    const faults = ctx.faults.take(`/${req.host}${req.path}`);
    const fault = (k: Fault["kind"]): Fault | undefined => faults.find((f) => f.kind === k);
    const latency = fault("latency");
    if (latency) await sleep(latency.ms ?? 1000);
    // A timeout fault never answers; the socket stays open until the client gives up.
    if (fault("timeout")) return;
    const status = fault("status");
    if (status) return send(res, reply(status.status ?? 500, "simulated server error"));
    if (fault("malformed")) return send(res, malformed(kind));
    const answer = (await routeCloud(ctx, req, kind)) ?? notFound();
    // reply_lost: the request has taken effect, but its answer never leaves; the socket stays
    // open until the client gives up (or the simulator closes every connection on stop).
    if (fault("reply_lost")) return;
    send(res, answer);
  };
  return createServer((raw, res) => {
    handle(raw, res)
      .catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) send(res, reply(500, "internal error"));
      })
      .finally(() => {
        if (raw.method !== "GET") options.afterChange?.();
      });
  });
}

/** Start on 127.0.0.1; port 0 picks a free one. */
export async function startSimulator(
  port = 0,
  ctx = new SimContext(),
  options: SimulatorOptions = {},
): Promise<RunningServer> {
  const server = createSimulator(ctx, options);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    ctx,
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        ctx.qr.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
