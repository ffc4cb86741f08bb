// The page behind a QR code's loginUrl: plays the Mi Home app that scans it.
// The ticket is read from the page's own URL, so nothing is inserted into the HTML.
import { reply, type Reply } from "./http.ts";

const PAGE = String.raw`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Confirm login</title>
<style>body { font: 15px/1.4 system-ui, sans-serif; max-width: 480px; margin: 40px auto; }</style></head>
<body>
<h1>Log in with this account?</h1>
<p><label>Account <select id="account"></select></label> <button id="confirm">Confirm</button></p>
<p id="result" role="status"></p>
<script>
const ticket = new URLSearchParams(location.search).get("ticket") || "";
const select = document.getElementById("account");
const result = document.getElementById("result");
fetch("/_control/accounts").then((res) => res.json()).then((accounts) => {
  for (const a of accounts) {
    const option = document.createElement("option");
    option.value = a.userId;
    option.textContent = a.nickname + " · " + a.userId;
    select.append(option);
  }
});
document.getElementById("confirm").addEventListener("click", async () => {
  const res = await fetch("/_control/qr/scan", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId: select.value, ticket }) });
  const json = await res.json();
  result.textContent = res.ok ? "Confirmed. You can close this page." : "Failed: " + json.error;
});
</script>
</body>
</html>
`;

export const qrConfirmPage = (): Reply => reply(200, PAGE, "text/html; charset=utf-8");
