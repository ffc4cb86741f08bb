// The state document's JSON Schema, compiled once for the end-to-end checks.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { projectRoot } from "../../tools/lib/python-env.ts";

const schema = JSON.parse(
  readFileSync(join(projectRoot, "schema", "state-document.schema.json"), "utf8"),
) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

/** The schema's complaints about `document`, empty when it conforms. */
export function schemaErrors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`);
}
