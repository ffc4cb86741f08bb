// The web page at / and /ui: one account's Mi Home view, to play "the other phone".
// Plain HTML; the script builds every element with textContent, so no text is parsed as HTML.
import type { SimContext } from "./context.ts";
import { reply, type Reply, type SimRequest } from "./http.ts";

const PAGE = String.raw`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Xiaomi cloud simulator</title>
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 0 auto; max-width: 760px; padding: 16px; color: #222; }
  h1 { font-size: 20px; } h2 { font-size: 17px; margin-top: 24px; border-bottom: 1px solid #ddd; }
  .card { border: 1px solid #ddd; border-radius: 8px; padding: 10px 12px; margin: 8px 0; }
  .muted { color: #666; font-size: 13px; } .tag { font-size: 12px; padding: 1px 6px; border-radius: 8px; background: #eee; margin-left: 6px; }
  ul { margin: 4px 0; padding-left: 20px; } button { margin-right: 6px; }
</style>
</head>
<body>
<h1>Mi Home, as the simulated cloud sees it</h1>
<label>Account <select id="account"></select></label>
<div id="view" aria-live="polite"></div>
<script>
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = String(text); if (cls) e.className = cls; return e; };
const api = async (path, body) => {
  const res = await fetch("/_control/" + path, body ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {});
  const json = await res.json();
  if (!res.ok) throw new Error(json.error || res.statusText);
  return json;
};
const select = document.getElementById("account");
const view = document.getElementById("view");
async function show() {
  const data = await api("view?userId=" + encodeURIComponent(select.value));
  view.replaceChildren();
  for (const region of data.regions) {
    view.append(el("h2", "Region " + region.region + (region.region === data.appRegion ? " (app region)" : "")));
    if (region.devices.length === 0) view.append(el("p", "No devices.", "muted"));
    for (const d of region.devices) {
      const card = el("div", undefined, "card");
      const title = el("strong", d.name); card.append(title, el("span", d.role === "owner" ? "owner" : "shared by " + d.owner, "tag"));
      card.append(el("div", d.model + " · did " + d.did, "muted"));
      if (d.role === "owner") {
        card.append(el("div", d.shareMode === "none" ? "cannot be shared" : d.shareMode === "choice" ? "view-only share offered" : "shares always allow control", "muted"));
        const list = el("ul");
        for (const s of d.sharees) list.append(el("li", s.nickname + " (" + s.userId + "): " + s.status + ", " + s.permission));
        if (d.sharees.length === 0) list.append(el("li", "not shared", "muted"));
        card.append(list);
      } else {
        card.append(el("div", "permission: " + d.permission, "muted"));
      }
      view.append(card);
    }
    view.append(el("h3", "Invites"));
    if (region.invites.length === 0) view.append(el("p", "No invites.", "muted"));
    for (const inv of region.invites) {
      const card = el("div", undefined, "card");
      card.append(el("div", inv.senderName + " shares " + inv.deviceName + " (" + inv.permission + ")"));
      card.append(el("div", "status: " + inv.status + " · expires " + new Date(inv.expireTime * 1000).toISOString(), "muted"));
      if (inv.status === "pending") {
        for (const [label, accept] of [["Accept", true], ["Decline", false]]) {
          const button = el("button", label);
          button.dataset.invite = String(inv.inviteId);
          button.addEventListener("click", async () => {
            try { await api("invites/respond", { userId: data.userId, region: region.region, inviteId: inv.inviteId, accept }); }
            catch (error) { alert(error.message); }
            await show();
          });
          card.append(button);
        }
      }
      view.append(card);
    }
  }
}
async function start() {
  for (const a of await api("accounts")) {
    const option = el("option", a.nickname + " · " + a.userId + " · " + a.appRegion);
    option.value = a.userId;
    select.append(option);
  }
  const wanted = new URLSearchParams(location.search).get("userId");
  if (wanted) select.value = wanted;
  select.addEventListener("change", show);
  await show();
}
start().catch((error) => view.replaceChildren(el("p", "Error: " + error.message)));
</script>
</body>
</html>
`;

export function handleUi(_ctx: SimContext, req: SimRequest): Reply | undefined {
  const isPage = (req.host === "" || req.host === "ui") && req.path === "/";
  if (!isPage || req.method !== "GET") return undefined;
  return reply(200, PAGE, "text/html; charset=utf-8", {
    "content-security-policy": "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
  });
}
