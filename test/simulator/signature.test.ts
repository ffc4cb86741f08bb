// The app API refuses every call whose session or RC4 signature is not exactly right.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createHash } from "node:crypto";
import { encryptText, makeNonce, signRequest, signedNonce } from "../../simulator/src/protocol/crypto.ts";
import type { Session } from "./client.ts";
import { useSimulator } from "./harness.ts";

const h = useSimulator();
const PATH = "/home/device_list";

async function refused(
  session: Session,
  tamper: (form: Record<string, string>) => void,
  path = PATH,
): Promise<unknown> {
  const answer = await h.client.rawCall(session, "cn", path, { getVirtualModel: true }, tamper);
  assert.equal(answer.status, 401);
  return JSON.parse(answer.text);
}

const invalidSignature = { code: 3, message: "invalid signature" };
const authErr = { code: 2, message: "auth err" };

describe("signature checks", () => {
  it("accepts the untouched call", async () => {
    const session = await h.client.login("owner@example.com", "owner-demo-password");
    const answer = await h.client.rawCall(session, "cn", PATH, {});
    assert.equal(answer.status, 200);
  });

  it("rejects a changed signature, data, hash or nonce", async () => {
    const session = await h.client.login("owner@example.com", "owner-demo-password");
    const flip = (text: string): string => (text.startsWith("A") ? `B${text.slice(1)}` : `A${text.slice(1)}`);
    for (const field of ["signature", "data", "rc4_hash__", "_nonce"]) {
      assert.deepEqual(
        await refused(session, (form) => {
          form[field] = flip(form[field] ?? "");
        }),
        invalidSignature,
        field,
      );
    }
  });

  it("rejects a call signed for another path", async () => {
    const session = await h.client.login("owner@example.com", "owner-demo-password");
    const form = {
      ...signRequest(session.ssecurity, makeNonce(Date.now()), "/share/device_share_list", "{}"),
    };
    const answer = await h.client.http(`${h.client.base}/api.io.mi.com/app${PATH}`, {
      form,
      cookies: { userId: session.userId, serviceToken: session.serviceToken },
    });
    assert.equal(answer.status, 401);
    assert.deepEqual(JSON.parse(answer.text), invalidSignature);
  });

  it("rejects a well-signed envelope whose inner rc4_hash__ does not match the data", async () => {
    const session = await h.client.login("owner@example.com", "owner-demo-password");
    const body = await refused(session, (form) => {
      const key = signedNonce(session.ssecurity, form["_nonce"] ?? "");
      // Replace the encrypted hash with an encrypted wrong hash, then sign the outer layer correctly.
      form["rc4_hash__"] = encryptText(key, "bm90IHRoZSBoYXNo");
      const parts = ["POST", PATH, `data=${form["data"]}`, `rc4_hash__=${form["rc4_hash__"]}`, key];
      form["signature"] = createHash("sha1").update(parts.join("&")).digest("base64");
    });
    assert.deepEqual(body, invalidSignature);
  });

  it("rejects missing fields", async () => {
    const session = await h.client.login("owner@example.com", "owner-demo-password");
    assert.deepEqual(
      await refused(session, (form) => {
        delete form["signature"];
      }),
      invalidSignature,
    );
  });

  it("answers auth err for an unknown serviceToken or a userId that is not its owner", async () => {
    const session = await h.client.login("owner@example.com", "owner-demo-password");
    assert.deepEqual(await refused({ ...session, serviceToken: "bm90LWEtdG9rZW4=" }, () => {}), authErr);
    assert.deepEqual(await refused({ ...session, userId: "1100000002" }, () => {}), authErr);
  });

  it("answers 404 for an unknown endpoint and 405 for GET", async () => {
    const session = await h.client.login("owner@example.com", "owner-demo-password");
    const unknown = await h.client.rawCall(session, "cn", "/no/such/endpoint", {});
    assert.equal(unknown.status, 404);
    const get = await h.client.http(`${h.client.base}/api.io.mi.com/app/home/device_list`);
    assert.equal(get.status, 405);
    const region = await h.client.http(`${h.client.base}/xx.api.io.mi.com/app/home/device_list`, {
      form: {},
    });
    assert.equal(region.status, 404);
  });
});
