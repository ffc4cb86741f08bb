#!/usr/bin/env node
// `npx xiaomi-camera-share-probe` in a checkout: the cloud probe's launcher (tools/probe.ts),
// loaded through tsx like the project's other tools.
import { register } from "tsx/esm/api";

register();
await import("./probe.ts");
