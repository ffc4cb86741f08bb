// axe-core in the real frontend. A check counts the violations in the card's own markup; the few
// that sit inside Home Assistant's own elements (its markup, not the card's use of it) are
// listed by name below and counted apart, so a new one anywhere still fails the check.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import type { Locator } from "playwright-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: unknown[] }[];
}

/**
 * Home Assistant 2026.10's own: its picker field (in ha-select and the device picker) puts an
 * option-role item in a button, gives its clear button no name, and labels the search field of
 * its open list by a title alone; its markdown drops the alt text of every picture
 * (`![QR code](...)` in a config flow step becomes a bare <img>).
 */
const inHomeAssistant = (violation: Violation, target: string): boolean =>
  (violation.id === "aria-required-parent" && target.includes("ha-combo-box-item")) ||
  (violation.id === "label-title-only" && target.includes('"#combo-box","ha-input-search"')) ||
  (violation.id === "button-name" && target.includes('"ha-picker-field",".clear"')) ||
  (violation.id === "image-alt" && target.includes('"ha-markdown","img"'));

/** Violations by impact per subject, printed at the end of the run. */
export const accessibilityResults: Record<string, Record<string, number>> = {};

export async function expectAccessible(subject: Locator, name: string): Promise<void> {
  const page = subject.page();
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axePath });
  const violations = await subject.evaluate((element) =>
    (window as unknown as { axe: { run(e: Element, o: object): Promise<{ violations: Violation[] }> } }).axe
      .run(element, { resultTypes: ["violations"] })
      .then((result) => result.violations),
  );
  const counts: Record<string, number> = {};
  const severe: string[] = [];
  for (const violation of violations) {
    for (const node of violation.nodes) {
      const target = JSON.stringify(node.target);
      const key = inHomeAssistant(violation, target) ? `HA's own ${violation.impact}` : `${violation.impact}`;
      counts[key] = (counts[key] ?? 0) + 1;
      if (key === "serious" || key === "critical")
        severe.push(`${violation.impact} ${violation.id} at ${target}`);
    }
  }
  accessibilityResults[name] = counts;
  assert.deepEqual(severe, [], `serious or critical accessibility violations in ${name}`);
}
