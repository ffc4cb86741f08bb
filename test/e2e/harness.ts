// One real stack for the end-to-end suites: the simulator, a fresh Home Assistant
// set up through its own APIs exactly as `npm start` does, and clients for both.
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { startDemoStack, type DemoStack } from "../../tools/lib/demo-stack.ts";
import { projectRoot } from "../../tools/lib/python-env.ts";
import type { RunningSimulator } from "../../tools/lib/simulator-process.ts";

export const admin = { name: "E2E Admin", username: "e2e-admin", password: "e2e-admin-password" };

export type Stack = DemoStack;

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

/** A fresh stack on free ports, set up exactly as `npm start` sets up the demo. */
export async function startStack(): Promise<Stack> {
  const configDir = join(projectRoot, ".cache", "e2e-home-assistant");
  rmSync(configDir, { recursive: true, force: true });
  return startDemoStack({ configDir, haPort: await freePort(), simulatorPort: 0, user: admin });
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
