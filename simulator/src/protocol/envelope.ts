// The RC4 envelope of the app API: check the caller's session and signature,
// decrypt the request, encrypt the answer.
import { formOf, jsonReply, reply, type Reply, type SimRequest } from "../http.ts";
import type { SimContext } from "../context.ts";
import { decryptText, encryptText, sha1Sign, signedNonce } from "./crypto.ts";

export const authError = (): Reply => jsonReply({ code: 2, message: "auth err" }, 401);
export const signatureError = (): Reply => jsonReply({ code: 3, message: "invalid signature" }, 401);

export interface OpenedCall {
  userId: string;
  data: unknown;
  /** Encrypt an answer with this call's key. */
  seal(answer: { code: number; message: string; result?: unknown }): Reply;
}

/** Verify and decrypt one call; a Reply when it must be refused. */
export function openCall(ctx: SimContext, req: SimRequest, path: string): OpenedCall | Reply {
  const session = ctx.auth.session(req.cookies.get("serviceToken") ?? "");
  const cookieUser = req.cookies.get("userId");
  if (!session || (cookieUser !== undefined && cookieUser !== session.userId)) return authError();

  const form = formOf(req);
  const encData = form.get("data");
  const encHash = form.get("rc4_hash__");
  const signature = form.get("signature");
  const nonce = form.get("_nonce");
  if (encData === null || encHash === null || signature === null || nonce === null) return signatureError();

  const key = signedNonce(session.ssecurity, nonce);
  const expected = sha1Sign(
    "POST",
    path,
    [
      ["data", encData],
      ["rc4_hash__", encHash],
    ],
    key,
  );
  if (expected !== signature) return signatureError();
  const plain = decryptText(key, encData);
  if (decryptText(key, encHash) !== sha1Sign("POST", path, [["data", plain]], key)) return signatureError();

  let data: unknown;
  try {
    data = JSON.parse(plain);
  } catch {
    data = undefined;
  }
  return {
    userId: session.userId,
    data,
    seal: (answer) => reply(200, encryptText(key, JSON.stringify(answer)), "text/plain; charset=utf-8"),
  };
}
