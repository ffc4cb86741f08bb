// The card's fixtures are typed by src/data/state.ts; checking them against the JSON Schema
// keeps those types, field for field, on the schema the integration validates against.
import { expect } from "@esm-bundle/chai";
import type { Recipient, Sharee } from "../../src/data/state.js";
import { account, camera, historyEntry, invite, stateDocument } from "./fixtures.js";

interface SchemaObject {
  properties: Record<string, unknown>;
  required?: string[];
}

const fullSharee: Sharee = {
  user_id: "3000003",
  nickname: "Grandma",
  status: "accepted",
  permission: "view_only",
  since: "2030-01-01T00:00:00+00:00",
  expires_at: null,
  recipient_name: "Grandma",
};
const fullRecipient: Recipient = {
  name: "Grandma",
  user_id: "3000003",
  nickname: "Grandma",
  region: "cn",
  entry_id: null,
};

describe("state document types follow the JSON Schema", () => {
  let schema: SchemaObject & { $defs: Record<string, SchemaObject> };

  before(async () => {
    schema = await (await fetch("/schema/state-document.schema.json")).json();
  });

  const samples: [string, () => object][] = [
    ["account", () => account()],
    ["camera", () => camera(1)],
    ["capabilities", () => camera(1).capabilities],
    ["sharee", () => fullSharee],
    ["invite", () => invite()],
    ["recipient", () => fullRecipient],
    ["historyEntry", () => historyEntry(1)],
  ];
  for (const [name, sample] of samples) {
    it(`${name}: the same fields, the required ones present`, () => {
      const definition = schema.$defs[name]!;
      const keys = Object.keys(sample());
      expect([...keys].sort()).to.deep.equal(Object.keys(definition.properties).sort());
      for (const required of definition.required ?? []) expect(keys).to.include(required);
    });
  }

  it("document: the same top-level fields", () => {
    expect(Object.keys(stateDocument()).sort()).to.deep.equal(Object.keys(schema.properties).sort());
  });
});
