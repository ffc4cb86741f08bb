// Reading mutation results: mutmut's verdicts and changes, Stryker's report, the equivalents listed.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  cardArea,
  cardKey,
  codeSpans,
  formatScore,
  functionBlocks,
  markEquivalent,
  mutantChange,
  mutmutStatus,
  parseEquivalents,
  pythonModule,
  readStryker,
  scoreAreas,
  type Mutant,
} from "../../tools/lib/mutation-report.ts";

const MUTATED = `
class A:
    def xǁAǁf__mutmut_orig(self, x):
        if x > 1:
            return "big"
        return "small"

    def xǁAǁf__mutmut_1(self, x):
        if x >= 1:
            return "big"
        return "small"


def x_g__mutmut_orig(items):
    return sorted(
        items,
    )

def x_g__mutmut_2(items):
    return sorted(
        None,
    )
`;

describe("mutation report", () => {
  it("reads mutmut's exit codes as mutmut does", () => {
    assert.equal(mutmutStatus(1), "killed");
    assert.equal(mutmutStatus(3), "killed");
    assert.equal(mutmutStatus(0), "survived");
    assert.equal(mutmutStatus(33), "no tests");
    assert.equal(mutmutStatus(-24), "timeout");
    assert.equal(mutmutStatus(null), "not checked");
    assert.equal(mutmutStatus(37), "other");
  });

  it("names a mutant's module inside the package", () => {
    assert.equal(
      pythonModule("custom_components.xiaomi_camera_share.cloud.parsing.x__id__mutmut_3"),
      "cloud.parsing",
    );
    assert.equal(
      pythonModule("custom_components.xiaomi_camera_share.expiry.xǁExpirySchedulerǁfind__mutmut_1"),
      "expiry",
    );
  });

  it("shows the lines a mutant changed", () => {
    const blocks = functionBlocks(MUTATED);
    assert.equal(mutantChange(blocks, "pkg.mod.xǁAǁf__mutmut_1"), "- if x > 1:\n+ if x >= 1:");
    assert.equal(mutantChange(blocks, "pkg.mod.x_g__mutmut_2"), "- items,\n+ None,");
    assert.equal(mutantChange(blocks, "pkg.mod.x_gone__mutmut_1"), "");
  });

  it("reads Stryker's report, its places relative to the project", () => {
    const report = {
      files: {
        "/repo/src/a.ts": {
          source: "const a = 1;\nexport const b = a > 0;\n",
          mutants: [
            {
              mutatorName: "EqualityOperator",
              replacement: "a >= 0",
              status: "Survived",
              location: { start: { line: 2, column: 18 } },
            },
            {
              mutatorName: "BooleanLiteral",
              replacement: "false",
              status: "Killed",
              location: { start: { line: 2, column: 18 } },
            },
            {
              mutatorName: "StringLiteral",
              replacement: '""',
              status: "RuntimeError",
              location: { start: { line: 1, column: 11 } },
            },
          ],
        },
      },
    };
    const [survivor, killed, error] = readStryker(report, "/repo");
    assert.equal(survivor?.id, "src/a.ts:2:18 EqualityOperator");
    assert.equal(survivor?.status, "survived");
    assert.deepEqual(survivor?.place, {
      file: "src/a.ts",
      mutator: "EqualityOperator",
      replacement: "a >= 0",
      line: "export const b = a > 0;",
    });
    assert.equal(killed?.status, "killed");
    assert.equal(error?.status, "other");
    assert.equal(survivor?.area, "src/a.ts");
  });

  it("groups the card's files into its areas", () => {
    assert.equal(cardArea("src/data/api.ts"), "card: data layer");
    assert.equal(cardArea("src/card/access.ts"), "card: access");
    assert.equal(cardArea("src/card/card.ts"), "src/card/card.ts");
    assert.equal(cardArea("src/dialogs/share-form.ts"), "card: dialogs' logic");
    assert.equal(cardArea("src/views/invite-facts.ts"), "card: views' logic");
    assert.equal(cardArea("src/localize/format.ts"), "card: localize");
  });

  it("reads the equivalents a report lists, code spans with backticks too", () => {
    assert.deepEqual(codeSpans("a `x` b ``y`z`` c"), ["x", "y`z"]);
    const { python, card } = parseEquivalents(
      [
        "# Equivalent mutants",
        "- `expiry.xǁExpirySchedulerǁfind__mutmut_1`: the same record either way.",
        "- `custom_components.xiaomi_camera_share.cloud.parsing.x__id__mutmut_2`: why.",
        "- `src/data/state.ts` ConditionalExpression → `true` in `return a || b;`: why.",
        '- `src/x.ts` StringLiteral → `""` in ``const t = `x`;``: why.',
        "Some prose with `code`.",
      ].join("\n"),
    );
    assert.deepEqual(
      [...python],
      [
        "custom_components.xiaomi_camera_share.expiry.xǁExpirySchedulerǁfind__mutmut_1",
        "custom_components.xiaomi_camera_share.cloud.parsing.x__id__mutmut_2",
      ],
    );
    assert.ok(
      card.has(
        cardKey({
          file: "src/data/state.ts",
          mutator: "ConditionalExpression",
          replacement: "true",
          line: "return a || b;",
        }),
      ),
    );
    assert.ok(
      card.has(
        cardKey({ file: "src/x.ts", mutator: "StringLiteral", replacement: '""', line: "const t = `x`;" }),
      ),
    );
    assert.equal(card.size, 2);
  });

  it("never counts a killed mutant as equivalent", () => {
    const mutant = (status: Mutant["status"]): Mutant => ({ id: "m", area: "a", status, change: "" });
    assert.equal(markEquivalent(mutant("survived"), true).equivalent, true);
    assert.equal(markEquivalent(mutant("no tests"), true).equivalent, true);
    assert.equal(markEquivalent(mutant("killed"), true).equivalent, false);
    assert.equal(markEquivalent(mutant("survived"), false).equivalent, false);
  });

  it("scores each area without its equivalent mutants", () => {
    const mutant = (status: Mutant["status"], equivalent = false): Mutant => ({
      id: "m",
      area: "a",
      status,
      change: "",
      equivalent,
    });
    const [area] = scoreAreas([
      mutant("killed"),
      mutant("killed"),
      mutant("timeout"),
      mutant("survived"),
      mutant("survived", true),
      mutant("no tests"),
      mutant("not checked"),
      mutant("other"),
    ]);
    assert.deepEqual(area, {
      area: "a",
      total: 7,
      killed: 3,
      survived: 1,
      equivalent: 1,
      noTests: 1,
      notChecked: 1,
      score: 60,
    });
    assert.equal(
      formatScore(area!),
      " 60.0%  a (7 mutants: 3 killed, 1 survived, 1 equivalent, 1 without tests, 1 not checked)",
    );
  });
});
