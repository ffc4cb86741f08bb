// Start the simulator: `npm run simulator -- --port 8790` (or PORT=8790; 0 = any free port).
// `--state-file FILE` keeps the world (accounts' logins, shares, invites, clock) in FILE
// across restarts; without it every start begins from the seed.
import { parseArgs } from "node:util";
import { SimContext } from "./context.ts";
import { debouncedSaver, loadWorld, saveWorld } from "./persistence.ts";
import { startSimulator } from "./server.ts";

const { values } = parseArgs({ options: { port: { type: "string" }, "state-file": { type: "string" } } });
const port = Number(values.port ?? process.env["PORT"] ?? 8790);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid port: ${values.port ?? process.env["PORT"]}`);
  process.exit(2);
}

const ctx = new SimContext();
const stateFile = values["state-file"];
const saver = stateFile ? debouncedSaver(() => saveWorld(ctx, stateFile)) : undefined;
if (stateFile && loadWorld(ctx, stateFile)) console.log(`simulator state loaded from ${stateFile}`);

const running = await startSimulator(port, ctx, { afterChange: () => saver?.schedule() });
console.log(`simulator listening on ${running.url}`);

const stop = (): void => {
  saver?.flush();
  void running.close().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
