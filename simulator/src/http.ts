// Small helpers over node's http module: bodies, cookies, answers.
import type { IncomingMessage, ServerResponse } from "node:http";

/** One request as the handlers see it: the host segment split off the path. */
export interface SimRequest {
  method: string;
  /** The Xiaomi host the client meant (first path segment), or "" for local pages. */
  host: string;
  /** The path below the host, e.g. "/pass/serviceLogin". */
  path: string;
  query: URLSearchParams;
  cookies: Map<string, string>;
  body: Buffer;
  raw: IncomingMessage;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
  }
  return cookies;
}

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error("request body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Form fields from a url-encoded body. */
export const formOf = (req: SimRequest): URLSearchParams => new URLSearchParams(req.body.toString("utf8"));

/** The JSON body of a control call; {} when empty. Throws on bad JSON. */
export function jsonOf(req: SimRequest): Record<string, unknown> {
  const text = req.body.toString("utf8").trim();
  if (!text) return {};
  const value: unknown = JSON.parse(text);
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error("expected a JSON object");
  return value as Record<string, unknown>;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string | Buffer;
}

export const reply = (
  status: number,
  body: string | Buffer,
  contentType = "text/plain; charset=utf-8",
  headers: Record<string, string | string[]> = {},
): Reply => ({ status, body, headers: { "content-type": contentType, ...headers } });

export const jsonReply = (
  value: unknown,
  status = 200,
  headers: Record<string, string | string[]> = {},
): Reply => reply(status, JSON.stringify(value), "application/json; charset=utf-8", headers);

export const notFound = (): Reply => reply(404, "not found");

export const setCookie = (name: string, value: string): string => `${name}=${value}; Path=/; HttpOnly`;

export function send(res: ServerResponse, answer: Reply): void {
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}
