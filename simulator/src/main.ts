// Start the simulator: `npm run simulator -- --port 8790` (or PORT=8790; 0 = any free port).
import { parseArgs } from "node:util";
import { startSimulator } from "./server.ts";

const { values } = parseArgs({ options: { port: { type: "string" } } });
const port = Number(values.port ?? process.env["PORT"] ?? 8790);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid port: ${values.port ?? process.env["PORT"]}`);
  process.exit(2);
}

const running = await startSimulator(port);
console.log(`simulator listening on ${running.url}`);

const stop = (): void => {
  void running.close().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
