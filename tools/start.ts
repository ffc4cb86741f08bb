// `npm start`: the whole product on this machine. Provisions what is missing, builds
// the card, starts the Xiaomi cloud simulator and a real Home Assistant wired to it,
// sets up the demo through Home Assistant's own APIs, and runs until Ctrl-C.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { dashboardPath } from "./lib/demo-setup.ts";
import { startDemoStack } from "./lib/demo-stack.ts";
import { projectRoot } from "./lib/python-env.ts";
import { run, step } from "./lib/shell.ts";

const configDir = join(projectRoot, ".cache", "home-assistant");
/** The demo's Home Assistant login (local only, made up). */
const demoUser = { name: "Demo", username: "demo", password: "demo-password" };

step("Building the card");
run("npm", ["run", "--silent", "build"], { cwd: projectRoot });

mkdirSync(configDir, { recursive: true });
const stack = await startDemoStack({
  configDir,
  haPort: Number(process.env.HA_PORT ?? 8123),
  simulatorPort: Number(process.env.SIMULATOR_PORT ?? 8790),
  simulatorStateFile: join(projectRoot, ".cache", "simulator-world.json"),
  user: demoUser,
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log("\nStopping Home Assistant and the simulator ...");
    await stack.stop();
  }
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
stack.hass.once("exit", (code) => {
  if (!stopping) {
    console.error(`Home Assistant exited (${code}); see ${join(configDir, "home-assistant.log")}`);
    void stop(1);
  }
});

console.log(`
Xiaomi Camera Share is running.

  Home Assistant   ${stack.baseUrl}/${dashboardPath}
  login            ${demoUser.username} / ${demoUser.password}
  Mi Home view     ${stack.simulator.url}/   (the simulator: play "the other phone")
  logs             ${join(configDir, "home-assistant.log")}

Press Ctrl-C to stop.`);
