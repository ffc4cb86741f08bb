// home-assistant-js-websocket from Node: the same client library the frontend uses.
import { createConnection, createLongLivedTokenAuth, type Connection } from "home-assistant-js-websocket";
import WebSocket from "ws";

// The library opens sockets through the global WebSocket, which Node 20 lacks.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

export function connectToHomeAssistant(baseUrl: string, accessToken: string): Promise<Connection> {
  return createConnection({ auth: createLongLivedTokenAuth(baseUrl, accessToken) });
}
