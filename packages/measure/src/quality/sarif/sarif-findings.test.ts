import { describe, expect, it } from "vitest";
import { sarifFindings } from "./sarif-findings.js";
import { sarifValidator } from "./sarif-schema.js";

const log = {
  version: "2.1.0",
  runs: [
    {
      tool: {
        driver: {
          name: "CodeQL",
          rules: [
            {
              id: "js/sql-injection",
              defaultConfiguration: { level: "error" },
              properties: { "security-severity": "8.8" },
            },
            { id: "js/unused-local-variable", properties: {} },
          ],
        },
      },
      results: [
        {
          ruleId: "js/sql-injection",
          ruleIndex: 0,
          message: { text: "query built from user input" },
          locations: [
            { physicalLocation: { artifactLocation: { uri: "src/db.js" }, region: { startLine: 12 } } },
          ],
          partialFingerprints: { primaryLocationLineHash: "abc:1" },
        },
        {
          ruleId: "js/unused-local-variable",
          message: { text: "unused x" },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: "src/a.js" },
                region: { startLine: 3, snippet: { text: "let  x = 1;" } },
              },
            },
          ],
        },
        {
          ruleId: "js/unused-local-variable",
          message: { text: "unused x" },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: "src/a.js" },
                region: { startLine: 9, snippet: { text: "let x = 1;" } },
              },
            },
          ],
        },
        {
          ruleId: "js/unused-local-variable",
          message: { text: "kept" },
          suppressions: [{ kind: "inSource" }],
        },
        { ruleId: "js/unused-local-variable", message: { text: "fixed" }, baselineState: "absent" },
      ],
    },
  ],
};

describe("SARIF findings", () => {
  it("validates against the SARIF 2.1.0 schema and names the path of a problem", () => {
    const validate = sarifValidator();
    expect(validate(log)).toEqual([]);
    expect(validate({ ...log, version: "2.0.0" })).toEqual([
      { path: "/version", message: "must be equal to one of the allowed values (2.1.0)" },
    ]);
    expect(validate({ version: "2.1.0", runs: [{ tool: { driver: {} } }] })[0]?.path).toBe(
      "/runs/0/tool/driver",
    );
  });

  it("takes level from the rule, severity from rule properties, and the tool's fingerprint", () => {
    const [run] = sarifFindings(log);
    expect(run).toMatchObject({ tool: "CodeQL", suppressed: 1, absent: 1 });
    expect(run?.findings[0]).toMatchObject({
      fingerprint: "js/sql-injection:primaryLocationLineHash=abc:1",
      level: "error",
      securitySeverity: 8.8,
      path: "src/db.js",
      startLine: 12,
    });
  });

  it("identifies a finding without fingerprints by rule, file, text and ordinal, not by line", () => {
    const [run] = sarifFindings(log);
    const unused = run?.findings.filter((f) => f.ruleId === "js/unused-local-variable") ?? [];
    expect(unused.map((f) => f.fingerprint.replace(/loc=\w+/, "loc=H"))).toEqual([
      "js/unused-local-variable:loc=H#1",
      "js/unused-local-variable:loc=H#2",
    ]);
    expect(unused[0]).toMatchObject({ level: "warning", securitySeverity: null });
    // the same finding three lines further down (an edit above it) keeps its fingerprint
    const moved = structuredClone(log);
    const region = moved.runs[0]?.results[1]?.locations?.[0]?.physicalLocation.region as {
      startLine: number;
    };
    region.startLine += 3;
    expect(sarifFindings(moved)[0]?.findings[1]?.fingerprint).toBe(unused[0]?.fingerprint);
  });
});
