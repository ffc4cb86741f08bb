// The test runner's closing line adds up what each runner printed.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { countTests } from "../../tools/lib/test-output.ts";

describe("countTests", () => {
  it("reads node's test runner summary", () => {
    assert.deepEqual(countTests("ok 1\n# tests 82\n# pass 80\n# fail 2\n# skipped 0\n"), {
      passed: 80,
      failed: 2,
    });
  });

  it("reads pytest's closing line, counting errors as failures", () => {
    const output = "....F\n===== 1 failed, 244 passed, 2 errors in 15.41s =====\n";
    assert.deepEqual(countTests(output), { passed: 244, failed: 3 });
    assert.deepEqual(countTests("245 passed in 15.41s\n"), { passed: 245, failed: 0 });
  });

  it("reads the last progress line of @web/test-runner, colours and all", () => {
    const output =
      "Chrome: |███ | 0/10 test files | 0 passed, 0 failed\n" +
      "\x1b[2K\x1b[1AChrome: |██████| 10/10 test files | \x1b[32m71 passed\x1b[39m, 0 failed\n";
    assert.deepEqual(countTests(output), { passed: 71, failed: 0 });
  });

  it("counts nothing when a runner printed no summary", () => {
    assert.deepEqual(countTests("Segmentation fault\n"), { passed: 0, failed: 0 });
  });
});
