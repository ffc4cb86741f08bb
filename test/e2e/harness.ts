// One real stack for the end-to-end suites: the simulator, a fresh Home Assistant
// set up through its own APIs exactly as `npm start` does, and clients for both.
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import type { Connection } from "home-assistant-js-websocket";
import { setUpDemo, type DemoSetup } from "../../tools/lib/demo-setup.ts";
import { onboardOrLogin, startHomeAssistant, waitForHomeAssistant } from "../../tools/lib/ha-server.ts";
import { connectToHomeAssistant } from "../../tools/lib/ha-websocket.ts";
import { ensurePythonEnv, projectRoot } from "../../tools/lib/python-env.ts";
import { startSimulator, type RunningSimulator } from "../../tools/lib/simulator-process.ts";

export const admin = { name: "E2E Admin", username: "e2e-admin", password: "e2e-admin-password" };

export interface Stack {
  baseUrl: string;
  simulator: RunningSimulator;
  token: string;
  connection: Connection;
  demo: DemoSetup;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Simulator control surface: JSON in, JSON out. */
export async function control<T = unknown>(
  simulator: RunningSimulator,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${simulator.url}/_control/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

export async function startStack(): Promise<Stack> {
  const python = ensurePythonEnv();
  const configDir = join(projectRoot, ".cache", "e2e-home-assistant");
  rmSync(configDir, { recursive: true, force: true });
  const simulator = await startSimulator();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const hass = startHomeAssistant(python, {
    configDir,
    port,
    env: { XIAOMI_CAMERA_SHARE_CLOUD_URL: simulator.url },
    extraIntegrations: {
      xiaomi_camera_share_demo: join(projectRoot, "demo", "custom_components", "xiaomi_camera_share_demo"),
    },
  });
  hass.stdout?.resume();
  hass.stderr?.resume();
  const stop = async (): Promise<void> => {
    await stopProcess(hass);
    await simulator.stop();
  };
  try {
    await waitForHomeAssistant(baseUrl);
    const token = await onboardOrLogin(baseUrl, admin);
    const connection = await connectToHomeAssistant(baseUrl, token);
    const demo = await setUpDemo(baseUrl, token, connection);
    return {
      baseUrl,
      simulator,
      token,
      connection,
      demo,
      stop: async () => {
        connection.close();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A share or invite as the simulator keeps it (status 0 pending, 1 accepted, 2 declined). */
export interface SimulatedShare {
  inviteId: number;
  did: string;
  ownerId: string;
  shareeId: string;
  readOnly: boolean;
  status: 0 | 1 | 2;
}

export const ShareStatus = { pending: 0, accepted: 1, declined: 2 } as const;

/** The simulator's shares of one camera with one person (from the control surface's state dump). */
export async function simulatedShares(
  simulator: RunningSimulator,
  did: string,
  shareeId: string,
): Promise<SimulatedShare[]> {
  const state = await control<{ data: { shares: SimulatedShare[] } }>(simulator, "state");
  return state.data.shares.filter((share) => share.did === did && share.shareeId === shareeId);
}
