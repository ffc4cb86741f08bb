// The axe-core accessibility checker in the test browser; a check fails on any serious or
// critical violation and names each one.
import { expect } from "@esm-bundle/chai";

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}
declare global {
  interface Window {
    axe?: { run(context: Element, options?: object): Promise<AxeResult> };
  }
}

let loading: Promise<void> | undefined;

function loadAxe(): Promise<void> {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/node_modules/axe-core/axe.min.js";
    script.onload = () => resolve();
    script.onerror = () => reject(new Error("axe-core did not load"));
    document.head.append(script);
  });
  return loading;
}

/** Runs axe on an element (its shadow trees included) and expects no serious or critical violation. */
export async function expectAccessible(element: Element): Promise<void> {
  await loadAxe();
  const result = await window.axe!.run(element, { resultTypes: ["violations"] });
  const severe = result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
    );
  expect(severe).to.deep.equal([]);
}
