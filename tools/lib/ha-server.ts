// A real Home Assistant for the demo and the end-to-end tests: a generated config
// directory, the server process, and onboarding through Home Assistant's own APIs.
import type { ChildProcess } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { endWithParent } from "./processes.ts";
import { projectRoot, spawnInVenv, type PythonEnv } from "./python-env.ts";

export const integrationDomain = "xiaomi_camera_share";
/** The OAuth client id the HA frontend itself uses when served from this base URL. */
export const clientIdFor = (baseUrl: string): string => `${baseUrl}/`;

/** What the blueprints use: notifications, and schedule helpers. */
const blueprintIntegrations = ["notify", "schedule"];

export interface HomeAssistantOptions {
  configDir: string;
  port: number;
  /** Extra environment for the server (the cloud override points at the simulator). */
  env: NodeJS.ProcessEnv;
  /** Extra custom integrations to link into the config (name -> source folder). */
  extraIntegrations?: Record<string, string>;
  /** The API of the go2rtc server Home Assistant streams cameras through (`go2rtc: url:`). */
  go2rtcUrl: string;
}

export interface Owner {
  name: string;
  username: string;
  password: string;
}

/**
 * Browsers and Home Assistant ask STUN servers for their public address before a
 * WebRTC stream; Home Assistant's default is on the internet. The demo and the tests
 * stay on this machine: a STUN address on 127.0.0.1 where nothing answers.
 */
const localIceServers = ["  webrtc:", "    ice_servers:", '      - url: "stun:127.0.0.1:3478"'];
/** go2rtc's address changes with every start, so it lives in a file of its own. */
const go2rtcInclude = "go2rtc: !include go2rtc.yaml";

/** Point Home Assistant at this start's go2rtc; configurations from before live view get the rest. */
function ensureLiveViewConfig(configuration: string, go2rtcUrl: string): void {
  let text = readFileSync(configuration, "utf8");
  if (!/^ {2}webrtc:/m.test(text)) {
    text = text.replace(/^homeassistant:\n/m, `homeassistant:\n${localIceServers.join("\n")}\n`);
  }
  if (!/^go2rtc:/m.test(text)) text += `${go2rtcInclude}\n`;
  writeFileSync(configuration, text);
  writeFileSync(join(dirname(configuration), "go2rtc.yaml"), `url: ${go2rtcUrl}\n`);
}

function linkIntegration(customComponents: string, name: string, source: string): void {
  const target = join(customComponents, name);
  rmSync(target, { force: true, recursive: false });
  symlinkSync(source, target);
}

/**
 * Onboarding's core config step sets up Home Assistant's default integrations (Google
 * Translate, Met.no, Radio Browser, the shopping list), which reach for the internet as
 * they start; the demo runs on this machine alone. The step saves nothing else, since
 * configuration.yaml holds the location, zone and units: so a new instance starts with
 * it marked done in onboarding's own store, and the defaults are never created.
 */
function skipCoreConfigOnboarding(configDir: string): void {
  const store = join(configDir, ".storage", "onboarding");
  if (existsSync(store)) return;
  mkdirSync(dirname(store), { recursive: true });
  const data = { version: 4, minor_version: 1, key: "onboarding", data: { done: ["core_config"] } };
  writeFileSync(store, JSON.stringify(data, null, 2));
}

/** Write configuration.yaml and link the integration(s) into custom_components/. */
export function prepareConfigDir(options: HomeAssistantOptions): void {
  const customComponents = join(options.configDir, "custom_components");
  mkdirSync(customComponents, { recursive: true });
  linkIntegration(
    customComponents,
    integrationDomain,
    join(projectRoot, "custom_components", integrationDomain),
  );
  for (const [name, source] of Object.entries(options.extraIntegrations ?? {})) {
    linkIntegration(customComponents, name, source);
  }
  const configuration = join(options.configDir, "configuration.yaml");
  if (!existsSync(configuration)) {
    skipCoreConfigOnboarding(options.configDir);
    writeFileSync(
      configuration,
      [
        "# Generated for development; the project's start command owns this folder.",
        "homeassistant:",
        "  name: Xiaomi Camera Share demo",
        "  time_zone: Europe/Berlin",
        "  country: DE",
        "  unit_system: metric",
        ...localIceServers,
        "http:",
        "  server_host: 127.0.0.1",
        `  server_port: ${options.port}`,
        "frontend:",
        "config:",
        "automation: !include automations.yaml",
        "input_boolean: !include input_boolean.yaml",
        ...blueprintIntegrations.map((name) => `${name}:`),
        go2rtcInclude,
        "logbook:",
        "logger:",
        "  default: warning",
        "  logs:",
        `    custom_components.${integrationDomain}: info`,
        "",
      ].join("\n"),
    );
  }
  // A configuration generated before the blueprints shipped gets what they use, too.
  const text = readFileSync(configuration, "utf8");
  const missing = blueprintIntegrations.filter((name) => !new RegExp(`^${name}:`, "m").test(text));
  if (missing.length > 0) appendFileSync(configuration, missing.map((name) => `${name}:\n`).join(""));
  ensureLiveViewConfig(configuration, options.go2rtcUrl);
  const starters: Record<string, string> = {
    "automations.yaml": "[]\n",
    "input_boolean.yaml": "guest_mode:\n  name: Guest mode\n  icon: mdi:account-clock\n",
  };
  for (const [file, text] of Object.entries(starters)) {
    const path = join(options.configDir, file);
    if (!existsSync(path)) writeFileSync(path, text);
  }
}

export function startHomeAssistant(python: PythonEnv, options: HomeAssistantOptions): ChildProcess {
  prepareConfigDir(options);
  const child = spawnInVenv(python, "hass", ["-c", options.configDir, "--skip-pip"], {
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  endWithParent(child);
  return child;
}

/** Wait until the HTTP server answers (the API answers 401 without a token). */
export async function waitForHomeAssistant(baseUrl: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/`);
      if (response.status === 401 || response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`Home Assistant did not answer at ${baseUrl} in time`);
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) {
    throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

async function exchangeCode(baseUrl: string, code: string): Promise<string> {
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    code,
    client_id: clientIdFor(baseUrl),
  });
  const token = await json<{ access_token: string }>(
    await fetch(`${baseUrl}/auth/token`, { method: "POST", body }),
  );
  return token.access_token;
}

/** Log in with a user name and password through the login flow; returns an access token. */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const clientId = clientIdFor(baseUrl);
  const flow = await json<{ flow_id: string }>(
    await fetch(`${baseUrl}/auth/login_flow`, {
      method: "POST",
      body: JSON.stringify({ client_id: clientId, handler: ["homeassistant", null], redirect_uri: clientId }),
    }),
  );
  const result = await json<{ type: string; result?: string }>(
    await fetch(`${baseUrl}/auth/login_flow/${flow.flow_id}`, {
      method: "POST",
      body: JSON.stringify({ client_id: clientId, username, password }),
    }),
  );
  if (result.type !== "create_entry" || !result.result) throw new Error(`login as ${username} failed`);
  return exchangeCode(baseUrl, result.result);
}

/**
 * Onboard a new instance through the onboarding API (owner, analytics, integration
 * step; the core config step is done already, see `skipCoreConfigOnboarding`) or, when
 * it is onboarded already, log in. Returns a token.
 */
export async function onboardOrLogin(baseUrl: string, owner: Owner): Promise<string> {
  // Once onboarding is complete its API is gone (404): log in instead.
  const onboarding = await fetch(`${baseUrl}/api/onboarding`);
  const steps = onboarding.ok ? ((await onboarding.json()) as { step: string; done: boolean }[]) : [];
  const userStep = steps.find((s) => s.step === "user");
  if (userStep?.done !== false) return login(baseUrl, owner.username, owner.password);

  const clientId = clientIdFor(baseUrl);
  const created = await json<{ auth_code: string }>(
    await fetch(`${baseUrl}/api/onboarding/users`, {
      method: "POST",
      body: JSON.stringify({ client_id: clientId, language: "en", ...owner }),
    }),
  );
  const token = await exchangeCode(baseUrl, created.auth_code);
  const authorized = (body: unknown): RequestInit => ({
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  await json(await fetch(`${baseUrl}/api/onboarding/analytics`, authorized({})));
  await json(
    await fetch(
      `${baseUrl}/api/onboarding/integration`,
      authorized({ client_id: clientId, redirect_uri: clientId }),
    ),
  );
  return token;
}
