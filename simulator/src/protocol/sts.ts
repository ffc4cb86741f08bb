// sts.api.io.mi.com/sts: turns the ticket in a login's `location` into a serviceToken.
import { reply, setCookie, type Reply, type SimRequest } from "../http.ts";
import type { SimContext } from "../context.ts";
import { cUserIdOf } from "../state/auth.ts";

export function handleSts(ctx: SimContext, req: SimRequest): Reply | undefined {
  if (req.path !== "/sts") return undefined;
  const redeemed = ctx.auth.redeem(req.query.get("auth") ?? "");
  if (!redeemed) return reply(403, "forbidden");
  const { serviceToken, ticket } = redeemed;
  return reply(200, "ok", "text/plain; charset=utf-8", {
    "set-cookie": [
      setCookie("serviceToken", serviceToken),
      setCookie("userId", ticket.userId),
      setCookie("cUserId", cUserIdOf(ticket.userId)),
    ],
    // Clients that came through the verification step read ssecurity from here.
    "extension-pragma": JSON.stringify({
      nonce: Number(ticket.nonce),
      ssecurity: ticket.ssecurity,
      psecurity: "",
    }),
  });
}
