// `npm start`: the whole product on this machine. Provisions what is missing, builds
// the card, starts the Xiaomi cloud simulator and a real Home Assistant wired to it,
// sets up the demo through Home Assistant's own APIs, and runs until Ctrl-C.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { setUpDemo, dashboardPath } from "./lib/demo-setup.ts";
import { onboardOrLogin, startHomeAssistant, waitForHomeAssistant } from "./lib/ha-server.ts";
import { connectToHomeAssistant } from "./lib/ha-websocket.ts";
import { ensurePythonEnv, projectRoot } from "./lib/python-env.ts";
import { run, step } from "./lib/shell.ts";
import { startSimulator } from "./lib/simulator-process.ts";

const haPort = Number(process.env.HA_PORT ?? 8123);
const simulatorPort = Number(process.env.SIMULATOR_PORT ?? 8790);
const baseUrl = `http://127.0.0.1:${haPort}`;
const configDir = join(projectRoot, ".cache", "home-assistant");
/** The demo's Home Assistant login (local only, made up). */
const demoUser = { name: "Demo", username: "demo", password: "demo-password" };

const python = ensurePythonEnv();
if (existsSync(join(projectRoot, "rollup.config.mjs"))) {
  step("Building the card");
  run("npm", ["run", "--silent", "build"], { cwd: projectRoot });
}

step("Starting the Xiaomi cloud simulator");
mkdirSync(configDir, { recursive: true });
const simulator = await startSimulator(simulatorPort, join(projectRoot, ".cache", "simulator-world.json"));
console.log(`simulator: ${simulator.url}`);

step("Starting Home Assistant");
const hass = startHomeAssistant(python, {
  configDir,
  port: haPort,
  env: { XIAOMI_CAMERA_SHARE_CLOUD_URL: simulator.url },
  extraIntegrations: {
    xiaomi_camera_share_demo: join(projectRoot, "demo", "custom_components", "xiaomi_camera_share_demo"),
  },
});
hass.stdout?.resume();
hass.stderr?.resume();

let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log("\nStopping Home Assistant and the simulator ...");
    await new Promise<void>((resolve) => {
      if (hass.exitCode !== null || hass.signalCode !== null) return resolve();
      hass.once("exit", () => resolve());
      hass.kill("SIGTERM");
    });
    await simulator.stop();
  }
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
hass.once("exit", (code) => {
  if (!stopping) {
    console.error(`Home Assistant exited (${code}); see ${join(configDir, "home-assistant.log")}`);
    void stop(1);
  }
});

try {
  await waitForHomeAssistant(baseUrl);
  step("Setting up the demo (onboarding, accounts, cameras, automations, dashboard)");
  const token = await onboardOrLogin(baseUrl, demoUser);
  const connection = await connectToHomeAssistant(baseUrl, token);
  await setUpDemo(baseUrl, token, connection);
  connection.close();
} catch (error) {
  console.error(error);
  await stop(1);
}

console.log(`
Xiaomi Camera Share is running.

  Home Assistant   ${baseUrl}/${dashboardPath}
  login            ${demoUser.username} / ${demoUser.password}
  Mi Home view     ${simulator.url}/   (the simulator: play "the other phone")
  logs             ${join(configDir, "home-assistant.log")}

Press Ctrl-C to stop.`);
