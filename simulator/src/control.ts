// /_control/...: JSON calls for tests and demos (reset, seed, state, faults, clock, QR, outbox,
// devices, key exchanges).
import { isIP } from "node:net";
import type { SimContext } from "./context.ts";
import { controlRefusal } from "./control-guard.ts";
import { FAULT_KINDS, type FaultKind } from "./faults.ts";
import { jsonOf, jsonReply, type Reply, type SimRequest } from "./http.ts";
import { DEFAULT_CONFIG, isSetting, settingProblem, type SimConfig } from "./state/model.ts";
import { seedData } from "./state/seed.ts";
import { parseSeed } from "./state/validate.ts";
import { accountView, respondFromUi } from "./view.ts";

type Body = Record<string, unknown>;
type Handler = (ctx: SimContext, body: Body, req: SimRequest) => unknown;

const bad = (message: string): Error => Object.assign(new Error(message), { status: 400 });

function optionalNumber(body: Body, key: string): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) throw bad(`${key}: expected a number`);
  return value;
}

function requiredString(body: Body, key: string): string {
  const value = body[key];
  if (typeof value !== "string" || value === "") throw bad(`${key}: expected a string`);
  return value;
}

function reset(ctx: SimContext): unknown {
  ctx.resetSessions();
  ctx.store.replace(seedData());
  ctx.store.config = { ...DEFAULT_CONFIG };
  ctx.clock.reset();
  return { ok: true };
}

function addFault(ctx: SimContext, body: Body): unknown {
  const kind = body["kind"];
  if (!FAULT_KINDS.includes(kind as FaultKind)) throw bad(`kind: one of ${FAULT_KINDS.join(", ")}`);
  const path = body["path"];
  if (path !== undefined && typeof path !== "string") throw bad("path: expected a string");
  const count = optionalNumber(body, "count");
  if (count !== undefined && count < 1) throw bad("count: at least 1");
  const ms = optionalNumber(body, "ms");
  const status = optionalNumber(body, "status");
  return ctx.faults.add({
    kind: kind as FaultKind,
    ...(path !== undefined ? { path } : {}),
    ...(count !== undefined ? { count } : {}),
    ...(ms !== undefined ? { ms } : {}),
    ...(status !== undefined ? { status } : {}),
  });
}

function setConfig(ctx: SimContext, body: Body): unknown {
  const next: Record<string, unknown> = { ...ctx.store.config };
  for (const key of Object.keys(body)) {
    if (!isSetting(key)) throw bad(`unknown setting: ${key}`);
    const problem = settingProblem(key, body[key]);
    if (problem !== undefined) throw bad(`${key}: ${problem}`);
    next[key] = body[key];
  }
  ctx.store.config = next as unknown as SimConfig;
  return next;
}

function scanQr(ctx: SimContext, body: Body): unknown {
  const userId = requiredString(body, "userId");
  if (!ctx.store.account(userId)) throw bad("userId: unknown account");
  const ticket = typeof body["ticket"] === "string" ? body["ticket"] : ctx.qr.pending()[0];
  if (ticket === undefined) throw bad("no QR code is waiting for a scan");
  if (!ctx.qr.confirm(ticket, () => ctx.auth.grant(userId)))
    throw bad("that QR code is unknown, expired or used");
  return { ok: true, ticket };
}

/** Change a device's address or online state under running clients (a camera moved or went off). */
function updateDevice(ctx: SimContext, body: Body): unknown {
  const did = requiredString(body, "did");
  const device = ctx.store.data.devices.find((d) => d.did === did);
  if (!device) throw bad("did: unknown device");
  const { localip, isOnline } = body;
  if (localip !== undefined && (typeof localip !== "string" || isIP(localip) === 0)) {
    throw bad("localip: expected an IP address");
  }
  if (isOnline !== undefined && typeof isOnline !== "boolean") throw bad("isOnline: expected a boolean");
  if (localip !== undefined) device.localip = localip;
  if (isOnline !== undefined) device.isOnline = isOnline;
  return device;
}

const ROUTES: Record<string, Handler> = {
  "POST /reset": reset,
  "POST /seed": (ctx, body, req) => {
    let data;
    try {
      data = parseSeed(body);
    } catch (error) {
      throw bad(error instanceof Error ? error.message : String(error));
    }
    // keepLogins changes the world under clients that stay logged in (a camera bought or sold).
    if (req.query.get("keepLogins") !== "true") ctx.resetSessions();
    ctx.store.replace(data);
    return { ok: true };
  },
  "GET /state": (ctx) => ({ now: ctx.clock.now(), config: ctx.store.config, data: ctx.store.data }),
  "GET /config": (ctx) => ctx.store.config,
  "POST /config": setConfig,
  "GET /faults": (ctx) => ctx.faults.list(),
  "POST /faults": addFault,
  "DELETE /faults": (ctx) => {
    ctx.faults.clear();
    return { ok: true };
  },
  "POST /tokens/expire": (ctx) => ({ expired: ctx.auth.expireAllServiceTokens() }),
  "POST /passtoken/revoke": (ctx, body) => {
    const userId = typeof body["userId"] === "string" ? body["userId"] : undefined;
    const passToken = typeof body["passToken"] === "string" ? body["passToken"] : undefined;
    if (userId === undefined && passToken === undefined) throw bad("give userId or passToken");
    return { revoked: ctx.auth.revokePassTokens({ userId, passToken }) };
  },
  "POST /captcha/next": (ctx, body) => {
    const userId = typeof body["userId"] === "string" ? body["userId"] : "*";
    ctx.auth.captchaNext.add(userId);
    return { ok: true, userId };
  },
  "GET /clock": (ctx) => ({ now: ctx.clock.now() }),
  "POST /clock/advance": (ctx, body) => {
    const seconds = optionalNumber(body, "seconds");
    if (seconds === undefined) throw bad("seconds: expected a number");
    ctx.clock.advance(seconds);
    return { now: ctx.clock.now() };
  },
  "POST /clock/set": (ctx, body) => {
    const now = optionalNumber(body, "now");
    if (now === undefined) throw bad("now: expected Unix seconds");
    ctx.clock.set(now);
    return { now: ctx.clock.now() };
  },
  "GET /qr": (ctx) => ({ pending: ctx.qr.pending() }),
  "POST /qr/scan": scanQr,
  "GET /outbox": (ctx, _body, req) => {
    const kind = req.query.get("kind");
    const userId = req.query.get("userId");
    return ctx.outbox.entries.filter(
      (e) => (kind === null || e.kind === kind) && (userId === null || e.userId === userId),
    );
  },
  "DELETE /outbox": (ctx) => {
    ctx.outbox.entries = [];
    return { ok: true };
  },
  "GET /accounts": (ctx) =>
    ctx.store.data.accounts.map((a) => ({ userId: a.userId, nickname: a.nickname, appRegion: a.appRegion })),
  "GET /view": (ctx, _body, req) => {
    const view = accountView(ctx.store, req.query.get("userId") ?? "");
    if (!view) throw bad("unknown account");
    return view;
  },
  "POST /invites/respond": respondFromUi,
  "POST /devices/update": updateDevice,
  "GET /p2p": (ctx, _body, req) => {
    const did = req.query.get("did");
    const userId = req.query.get("userId");
    return ctx.p2p.entries.filter(
      (e) => (did === null || e.did === did) && (userId === null || e.userId === userId),
    );
  },
};

export async function handleControl(ctx: SimContext, req: SimRequest): Promise<Reply> {
  const refusal = controlRefusal(req);
  if (refusal !== undefined) return jsonReply({ error: refusal }, 403);
  const handler = ROUTES[`${req.method} ${req.path}`];
  if (!handler) return jsonReply({ error: `no control call ${req.method} ${req.path}` }, 404);
  try {
    const body = req.method === "GET" ? {} : jsonOf(req);
    return jsonReply(await handler(ctx, body, req));
  } catch (error) {
    const status = (error as { status?: number }).status ?? 400;
    return jsonReply({ error: error instanceof Error ? error.message : String(error) }, status);
  }
}
