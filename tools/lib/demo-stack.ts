// The demo as one stack: the simulator as the cloud, a real Home Assistant wired to
// it, and the demo set up through Home Assistant's APIs. `npm start` runs it for
// people; the end-to-end tests run a fresh one for themselves.
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import type { Connection } from "home-assistant-js-websocket";
import { setUpDemo, type DemoSetup } from "./demo-setup.ts";
import { startGo2rtc, type RunningGo2rtc } from "./go2rtc.ts";
import { onboardOrLogin, startHomeAssistant, waitForHomeAssistant, type Owner } from "./ha-server.ts";
import { connectToHomeAssistant } from "./ha-websocket.ts";
import { stopProcess } from "./processes.ts";
import { ensurePythonEnv, projectRoot } from "./python-env.ts";
import { step } from "./shell.ts";
import { startSimulator, type RunningSimulator } from "./simulator-process.ts";

export interface DemoStackOptions {
  configDir: string;
  haPort: number;
  /** The Home Assistant owner the demo is onboarded with (or logs in as). */
  user: Owner;
  simulatorPort?: number;
  /** Keep the simulator's world across runs in this file. */
  simulatorStateFile?: string;
}

export interface DemoStack {
  baseUrl: string;
  /** Home Assistant's configuration folder (its log, and go2rtc's in go2rtc/). */
  configDir: string;
  simulator: RunningSimulator;
  /** Home Assistant's go2rtc, which streams the cameras' live view. */
  go2rtc: RunningGo2rtc;
  hass: ChildProcess;
  token: string;
  connection: Connection;
  demo: DemoSetup;
  stop(): Promise<void>;
}

export async function startDemoStack(options: DemoStackOptions): Promise<DemoStack> {
  const python = ensurePythonEnv();
  step("Starting the Xiaomi cloud simulator");
  const simulator = await startSimulator(options.simulatorPort, options.simulatorStateFile);
  console.log(`simulator: ${simulator.url}`);

  step(`Starting go2rtc for Home Assistant's live view`);
  let go2rtc: RunningGo2rtc;
  try {
    go2rtc = await startGo2rtc(join(options.configDir, "go2rtc"));
  } catch (error) {
    await simulator.stop();
    throw error;
  }
  console.log(`go2rtc: ${go2rtc.url}`);

  step("Starting Home Assistant");
  const baseUrl = `http://127.0.0.1:${options.haPort}`;
  const hass = startHomeAssistant(python, {
    configDir: options.configDir,
    port: options.haPort,
    env: { XIAOMI_CAMERA_SHARE_CLOUD_URL: simulator.url },
    go2rtcUrl: go2rtc.url,
    extraIntegrations: {
      xiaomi_camera_share_demo: join(projectRoot, "demo", "custom_components", "xiaomi_camera_share_demo"),
    },
  });
  hass.stdout?.resume();
  hass.stderr?.resume();
  let connection: Connection | undefined;
  const stop = async (): Promise<void> => {
    connection?.close();
    await stopProcess(hass);
    await go2rtc.stop();
    await simulator.stop();
  };
  // A Home Assistant that dies while starting fails the start at once, not at a timeout.
  const exited = new Promise<never>((_, reject) =>
    hass.once("exit", (code) =>
      reject(
        new Error(`Home Assistant exited (${code}); see ${join(options.configDir, "home-assistant.log")}`),
      ),
    ),
  );
  try {
    await Promise.race([waitForHomeAssistant(baseUrl), exited]);
    step("Setting up the demo (onboarding, accounts, cameras, automations, dashboard)");
    const token = await onboardOrLogin(baseUrl, options.user);
    connection = await connectToHomeAssistant(baseUrl, token);
    const demo = await setUpDemo(baseUrl, token, connection);
    return { baseUrl, configDir: options.configDir, simulator, go2rtc, hass, token, connection, demo, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
