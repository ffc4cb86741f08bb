// A small client of the simulated Xiaomi cloud for the tests: passport login and
// RC4-signed app API calls, written from the protocol brief on its own.
import { createHash } from "node:crypto";
import { decryptText, makeNonce, signedNonce, signRequest } from "../../simulator/src/protocol/crypto.ts";

export const PASSPORT = "account.xiaomi.com";

export interface Session {
  userId: string;
  ssecurity: string;
  serviceToken: string;
  passToken: string;
}

export interface ApiAnswer {
  code: number;
  message: string;
  result?: unknown;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export const md5Upper = (text: string): string => createHash("md5").update(text).digest("hex").toUpperCase();

/** Cookies set by one answer, by name. */
export function cookiesOf(headers: Headers): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const line of headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const index = pair.indexOf("=");
    cookies[pair.slice(0, index)] = pair.slice(index + 1);
  }
  return cookies;
}

const cookieHeader = (cookies: Record<string, string>): string =>
  Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");

export class SimClient {
  constructor(readonly base: string) {}

  /** Map a real https:// URL the cloud handed out onto the simulator. */
  local(url: string): string {
    return url.startsWith("https://") ? `${this.base}/${url.slice("https://".length)}` : url;
  }

  async http(
    url: string,
    options: {
      method?: string;
      cookies?: Record<string, string>;
      form?: Record<string, string>;
      signal?: AbortSignal;
    } = {},
  ): Promise<HttpAnswer> {
    const headers: Record<string, string> = {};
    if (options.cookies) headers["cookie"] = cookieHeader(options.cookies);
    let body: string | undefined;
    if (options.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(options.form).toString();
    }
    const res = await fetch(this.local(url), {
      method: options.method ?? (body === undefined ? "GET" : "POST"),
      headers,
      body,
      redirect: "manual",
      signal: options.signal,
    });
    return { status: res.status, headers: res.headers, text: await res.text() };
  }

  /** A passport call: strips the &&&START&&& prefix and parses the JSON. */
  async passport(
    path: string,
    options: { method?: string; cookies?: Record<string, string>; form?: Record<string, string> } = {},
  ): Promise<{ json: Record<string, unknown>; headers: Headers }> {
    const answer = await this.http(`${this.base}/${PASSPORT}${path}`, options);
    if (!answer.text.startsWith("&&&START&&&")) throw new Error(`not a passport answer: ${answer.text}`);
    return {
      json: JSON.parse(answer.text.slice("&&&START&&&".length)) as Record<string, unknown>,
      headers: answer.headers,
    };
  }

  /** Step 3: GET the location and collect the serviceToken cookie. */
  async mint(location: string): Promise<{ serviceToken: string; headers: Headers; status: number }> {
    const answer = await this.http(location);
    return {
      serviceToken: cookiesOf(answer.headers)["serviceToken"] ?? "",
      headers: answer.headers,
      status: answer.status,
    };
  }

  /** Steps 1–3 for an account without captcha or verification. */
  async login(user: string, password: string): Promise<Session> {
    const step1 = await this.passport("/pass/serviceLogin?sid=xiaomiio&_json=true");
    const step2 = await this.passport("/pass/serviceLoginAuth2", {
      form: {
        user,
        hash: md5Upper(password),
        sid: "xiaomiio",
        callback: String(step1.json["callback"]),
        qs: String(step1.json["qs"]),
        _sign: String(step1.json["_sign"]),
        _json: "true",
      },
    });
    if (step2.json["code"] !== 0) throw new Error(`login failed: ${JSON.stringify(step2.json)}`);
    return this.sessionFrom(step2.json);
  }

  async sessionFrom(grant: Record<string, unknown>): Promise<Session> {
    const { serviceToken } = await this.mint(String(grant["location"]));
    return {
      userId: String(grant["userId"]),
      ssecurity: String(grant["ssecurity"]),
      passToken: String(grant["passToken"]),
      serviceToken,
    };
  }

  /** POST one RC4-signed call to a region's app API and decrypt the answer. */
  async call(session: Session, region: string, path: string, data: unknown): Promise<ApiAnswer> {
    const answer = await this.rawCall(session, region, path, data);
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${answer.text}`);
    const nonce = answer.nonce;
    return JSON.parse(decryptText(signedNonce(session.ssecurity, nonce), answer.text)) as ApiAnswer;
  }

  /** The undecrypted HTTP answer, with a way to tamper with the form first. */
  async rawCall(
    session: Session,
    region: string,
    path: string,
    data: unknown,
    tamper: (form: Record<string, string>) => void = () => {},
    signal?: AbortSignal,
  ): Promise<HttpAnswer & { nonce: string }> {
    const nonce = makeNonce(Date.now());
    const form: Record<string, string> = {
      ...signRequest(session.ssecurity, nonce, path, JSON.stringify(data)),
    };
    form["ssecurity"] = session.ssecurity;
    tamper(form);
    const host = region === "cn" ? "api.io.mi.com" : `${region}.api.io.mi.com`;
    const answer = await this.http(`${this.base}/${host}/app${path}`, {
      form,
      cookies: {
        userId: session.userId,
        serviceToken: session.serviceToken,
        yetAnotherServiceToken: session.serviceToken,
      },
      signal,
    });
    return { ...answer, nonce };
  }

  /** A /_control call. */
  async control<T = Record<string, unknown>>(
    path: string,
    body?: unknown,
    method = body === undefined ? "GET" : "POST",
  ): Promise<T> {
    const res = await fetch(`${this.base}/_control/${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await res.json();
    if (!res.ok)
      throw Object.assign(new Error(`control ${path}: ${JSON.stringify(json)}`), { status: res.status });
    return json as T;
  }
}
