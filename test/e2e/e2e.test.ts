// The end-to-end run: one simulator and one real Home Assistant for every suite
// (Home Assistant is slow to boot), the suites in a fixed order, timings printed.
import { after, before } from "node:test";
import { automationEntity, callCoreService } from "./home-assistant.ts";
import { startStack, type Stack } from "./harness.ts";
import { blueprintsSuite, blueprintsTimedShareSuite } from "./blueprints.suite.ts";
import { clientSuite } from "./client.suite.ts";
import { expirySuite, startTimedShare, type TimedShare } from "./expiry.suite.ts";
import { frontendSuite, measured } from "./frontend.suite.ts";
import { liveViewSuite } from "./live-view.suite.ts";
import { setupFlowSuite } from "./setup-flow.suite.ts";
import { readHomeAssistantLog, startupLogSuite } from "./startup-log.suite.ts";

const runStarted = performance.now();
let running: Stack | undefined;
let timedShare: TimedShare | undefined;
/** Home Assistant's log right after the stack started, before any suite broke something. */
let startupLog: string | undefined;
const stack = (): Stack => {
  if (!running) throw new Error("the stack did not start");
  return running;
};

before(
  async () => {
    running = await startStack();
    console.log(`stack ready in ${((performance.now() - runStarted) / 1000).toFixed(1)} s`);
    startupLog = readHomeAssistantLog(running.configDir);
    // The demo's auto-accept automation would answer every invite the tests want to see
    // pending; the test of that automation turns it on for itself.
    const autoAccept = await automationEntity(running.connection, "xiaomi_camera_share_accept_from_owner");
    await callCoreService(running.connection, "automation", "turn_off", { entity_id: autoAccept });
    timedShare = await startTimedShare(running);
  },
  { timeout: 240_000 },
);

// Ctrl-C or a CI timeout: stop Home Assistant and the simulator before leaving.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void (running?.stop() ?? Promise.resolve()).finally(() => process.exit(130)));
}

after(async () => {
  await running?.stop();
  for (const [figure, value] of Object.entries(measured)) console.log(`${figure}: ${value}`);
  console.log(`end-to-end run took ${((performance.now() - runStarted) / 1000).toFixed(1)} s`);
});

const timed = (): TimedShare => {
  if (!timedShare) throw new Error("the timed share did not start");
  return timedShare;
};

startupLogSuite(() => {
  if (startupLog === undefined) throw new Error("the stack did not start");
  return startupLog;
});
// The blueprints go first: their tell-me automation must be armed before the timed share ends.
blueprintsSuite(stack);
clientSuite(stack);
frontendSuite(stack);
expirySuite(stack, timed);
blueprintsTimedShareSuite(stack, timed);
// Near the end: it leaves the family account with live view entities and the living room revoked.
liveViewSuite(stack);
// Last: the accounts it adds would show in the other suites' cards until it removes them.
setupFlowSuite(stack);
