// [<region>.]api.io.mi.com/app/...: the signed app API endpoints.
import type { Reply, SimRequest } from "../http.ts";
import { notFound, reply } from "../http.ts";
import type { SimContext } from "../context.ts";
import { ApiCode, ApiError } from "../state/errors.ts";
import { ShareStatus, type Region } from "../state/model.ts";
import type { Store } from "../state/store.ts";
import { inviteJson, isListedForOwner, listedShareeJson, shareeJson, visibleDevices } from "./device-json.ts";
import { openCall } from "./envelope.ts";
import { keyExchangeEndpoint } from "./p2p.ts";

type Data = Record<string, unknown>;
type Endpoint = (store: Store, userId: string, region: Region, data: Data) => unknown;

/** A required string (numbers are accepted, as clients send ids either way). */
function text(data: Data, key: string): string {
  const value = data[key];
  if (typeof value === "string" || typeof value === "number") return String(value);
  throw new ApiError(ApiCode.invalidRequest);
}

function textList(data: Data, key: string): string[] {
  const value = data[key];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string" && typeof v !== "number")) {
    throw new ApiError(ApiCode.invalidRequest);
  }
  return value.map(String);
}

/** `type`: "" or absent = full control, "readonly" = view only. */
function readOnlyOf(data: Data): boolean {
  const type = data["type"] ?? "";
  if (type === "readonly") return true;
  if (type === "") return false;
  throw new ApiError(ApiCode.invalidRequest);
}

function devicePage(store: Store, userId: string, region: Region, data: Data): unknown {
  const limit = Math.max(1, Math.min(Number(data["limit"] ?? 200) || 200, 300));
  const dids = Array.isArray(data["dids"]) ? data["dids"].map(String) : [];
  const start = String(data["start_did"] ?? "");
  const all = visibleDevices(store, userId, region).filter(
    (d) => dids.length === 0 || dids.includes(String(d["did"])),
  );
  let startIndex = start === "" ? 0 : all.findIndex((d) => Number(d["did"]) >= Number(start));
  if (startIndex < 0) startIndex = all.length;
  const page = all.slice(startIndex, startIndex + limit);
  const next = all[startIndex + limit];
  return { list: page, has_more: next !== undefined, next_start_did: next ? String(next["did"]) : "" };
}

const ENDPOINTS: Record<string, Endpoint> = {
  "/home/device_list": (store, userId, region) => ({ list: visibleDevices(store, userId, region) }),
  "/v2/home/device_list_page": devicePage,
  "/share/device_share_list": (store, userId, region) => {
    const list: Record<string, unknown[]> = {};
    const withStatus = store.config.deviceShareListStatus !== 0;
    for (const device of store.ownedDevices(userId, region)) {
      const sharees = store.liveShares(region, device.did).filter(isListedForOwner);
      if (sharees.length > 0) list[device.did] = sharees.map((s) => listedShareeJson(store, s, withStatus));
    }
    return { list };
  },
  "/share/get_share_user": (store, userId, region, data) => {
    const device = store.requireOwnedDevice(userId, region, text(data, "did"));
    return { list: store.sharesOfDevice(region, device.did).map((s) => shareeJson(store, s)) };
  },
  "/share/share_request": (store, userId, region, data) => {
    const share = store.invite(userId, region, text(data, "did"), text(data, "userid"), readOnlyOf(data));
    return { inv_id: share.inviteId };
  },
  "/share/share_request_batch": (store, userId, region, data) =>
    store.inviteBatch(
      userId,
      region,
      textList(data, "didList"),
      textList(data, "receiver"),
      readOnlyOf(data),
    ),
  "/share/delete_user": (store, userId, region, data) => {
    const items = data["list"];
    if (!Array.isArray(items)) throw new ApiError(ApiCode.invalidRequest);
    const list = items.map((item: Data) => {
      const did = text(item, "did");
      return { did, ret: store.revoke(userId, region, did, textList(item, "userid")) ? 1 : 0 };
    });
    return { list };
  },
  "/share/receive_share_list": (store, userId, region) =>
    store.invitesFor(userId, region).map((share) => inviteJson(store, share)),
  "/share/share_response": (store, userId, region, data) => {
    const value = data["value"];
    if (value !== "accept" && value !== "reject") throw new ApiError(ApiCode.invalidRequest);
    // The app always sends a text: the message's id, or "" from the list of received shares.
    if (typeof data["msg_id"] !== "string") throw new ApiError(ApiCode.invalidRequest);
    const inviteId = Number(data["inv_id"]);
    if (!Number.isInteger(inviteId)) throw new ApiError(ApiCode.invalidRequest);
    const share = store.respond(userId, region, inviteId, value === "accept");
    return { inv_id: share.inviteId, status: share.status };
  },
  "/share/cancel": (store, userId, region, data) => {
    store.leave(userId, region, text(data, "did"));
    return "ok";
  },
  "/home/profile": (store, _userId, _region, data) => {
    const account = store.findProfile(text(data, "id"));
    if (!account) return { userid: "-1", nickname: "", userName: "", icon: "" };
    return {
      userid: account.userId,
      userId: account.userId,
      nickname: account.nickname,
      userName: account.nickname,
      icon: account.icon ?? "",
    };
  },
  "/v2/message/v2/check_new_msg": (store, userId, region, data) => {
    const since = Number(data["begin_at"] ?? 0);
    const fresh = store
      .invitesFor(userId, region)
      .filter((s) => s.status === ShareStatus.pending && s.ctime >= since && !store.isExpired(s));
    return { new_msg: fresh.length > 0, count: fresh.length };
  },
};

export function handleAppApi(ctx: SimContext, req: SimRequest, region: Region): Reply {
  if (!req.path.startsWith("/app/")) return notFound();
  const path = req.path.slice("/app".length);
  const endpoint = ENDPOINTS[path] ?? keyExchangeEndpoint(ctx.p2p, path);
  if (!endpoint) return notFound();
  if (req.method !== "POST") return reply(405, "method not allowed");
  const call = openCall(ctx, req, path);
  if (!("seal" in call)) return call;
  if (typeof call.data !== "object" || call.data === null || Array.isArray(call.data)) {
    return call.seal({ code: ApiCode.invalidRequest, message: "invalid request" });
  }
  try {
    const result = endpoint(ctx.store, call.userId, region, call.data as Data);
    return call.seal({ code: 0, message: "ok", result });
  } catch (error) {
    if (error instanceof ApiError) return call.seal({ code: error.code, message: error.message });
    throw error;
  }
}
