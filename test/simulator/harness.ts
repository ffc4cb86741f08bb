// Start a simulator in this process on a free port, fresh for each test file.
import { after, before, beforeEach } from "node:test";
import { startSimulator, type RunningServer } from "../../simulator/src/server.ts";
import { SimClient } from "./client.ts";

export interface Harness {
  client: SimClient;
  sim: RunningServer;
}

/** Registers hooks: one simulator per file, reset to the seed before each test. */
export function useSimulator(): Harness {
  const harness = {} as Harness;
  before(async () => {
    harness.sim = await startSimulator(0);
    harness.client = new SimClient(harness.sim.url);
  });
  beforeEach(async () => {
    await harness.client.control("reset", {});
  });
  after(async () => {
    await harness.sim.close();
  });
  return harness;
}
