// Drive a config flow through Home Assistant's REST API, as the frontend's dialog does.
export interface FlowResult {
  type: "form" | "menu" | "create_entry" | "abort" | "external" | "progress" | "progress_done";
  flow_id: string;
  step_id?: string;
  reason?: string;
  errors?: Record<string, string> | null;
  result?: { entry_id: string };
}

/** What to send for a step: form fields, or the menu option to take. */
export type FlowAnswers = Record<string, Record<string, unknown> | { next_step_id: string }>;

export async function runConfigFlow(
  baseUrl: string,
  token: string,
  handler: string,
  answers: FlowAnswers,
  maxSteps = 12,
): Promise<FlowResult> {
  const post = async (path: string, body: unknown): Promise<FlowResult> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as FlowResult;
  };
  let result = await post("/api/config/config_entries/flow", { handler, show_advanced_options: false });
  for (let i = 0; i < maxSteps; i += 1) {
    if (result.type === "create_entry" || result.type === "abort") return result;
    const answer = result.step_id ? answers[result.step_id] : undefined;
    if (!answer || (result.errors && Object.keys(result.errors).length > 0)) {
      throw new Error(`${handler} flow stopped at ${result.step_id}: ${JSON.stringify(result.errors ?? {})}`);
    }
    result = await post(`/api/config/config_entries/flow/${result.flow_id}`, answer);
  }
  throw new Error(`${handler} flow did not finish in ${maxSteps} steps`);
}
