// The generated Home Assistant configuration points at this start's go2rtc and keeps
// WebRTC on this machine, in a new configuration folder and in one from before live view.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { prepareConfigDir } from "../../tools/lib/ha-server.ts";

const dirs: string[] = [];
const configDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "ha-config-"));
  dirs.push(dir);
  return dir;
};
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const prepare = (dir: string, go2rtcUrl: string): void =>
  prepareConfigDir({ configDir: dir, port: 8123, env: {}, go2rtcUrl });

describe("prepareConfigDir", () => {
  it("writes go2rtc's address into an include, rewritten at every start", () => {
    const dir = configDir();
    prepare(dir, "http://127.0.0.1:40001");
    const configuration = readFileSync(join(dir, "configuration.yaml"), "utf8");
    assert.match(configuration, /^go2rtc: !include go2rtc\.yaml$/m);
    assert.equal(readFileSync(join(dir, "go2rtc.yaml"), "utf8"), "url: http://127.0.0.1:40001\n");
    prepare(dir, "http://127.0.0.1:40002");
    assert.equal(readFileSync(join(dir, "go2rtc.yaml"), "utf8"), "url: http://127.0.0.1:40002\n");
    assert.equal(readFileSync(join(dir, "configuration.yaml"), "utf8"), configuration);
  });

  it("gives WebRTC a STUN address on 127.0.0.1 instead of Home Assistant's default on the internet", () => {
    const dir = configDir();
    prepare(dir, "http://127.0.0.1:40001");
    const configuration = readFileSync(join(dir, "configuration.yaml"), "utf8");
    assert.match(
      configuration,
      /^homeassistant:\n(?: {2}.*\n)* {2}webrtc:\n {4}ice_servers:\n {6}- url: "stun:127\.0\.0\.1:\d+"$/m,
    );
  });

  it("adds go2rtc and the local STUN address to a configuration from before live view, once", () => {
    const dir = configDir();
    const old = "homeassistant:\n  name: Demo\nhttp:\n  server_host: 127.0.0.1\nlogbook:\n";
    writeFileSync(join(dir, "configuration.yaml"), old);
    prepare(dir, "http://127.0.0.1:40001");
    prepare(dir, "http://127.0.0.1:40003");
    const configuration = readFileSync(join(dir, "configuration.yaml"), "utf8");
    assert.equal(configuration.match(/^go2rtc:/gm)?.length, 1);
    assert.equal(configuration.match(/^ {2}webrtc:/gm)?.length, 1);
    assert.ok(configuration.startsWith("homeassistant:\n  webrtc:\n"));
    assert.equal(readFileSync(join(dir, "go2rtc.yaml"), "utf8"), "url: http://127.0.0.1:40003\n");
  });
});
