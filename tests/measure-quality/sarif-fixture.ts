import { writeFileSync } from "node:fs";
import path from "node:path";

export interface FixtureResult {
  ruleId: string;
  level?: "error" | "warning" | "note";
  uri: string;
  line: number;
  fingerprint?: string;
}

/** A SARIF 2.1.0 log of one run of `tool` (rules with CodeQL-style security-severity where given). */
export function sarifLog(
  tool: string,
  results: FixtureResult[],
  severities: Record<string, string> = {},
): Record<string, unknown> {
  const ruleIds = [...new Set(results.map((r) => r.ruleId))];
  return {
    version: "2.1.0",
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    runs: [
      {
        tool: {
          driver: {
            name: tool,
            rules: ruleIds.map((id) => ({
              id,
              ...(severities[id] ? { properties: { "security-severity": severities[id] } } : {}),
            })),
          },
        },
        results: results.map((r) => ({
          ruleId: r.ruleId,
          ...(r.level ? { level: r.level } : {}),
          message: { text: `${r.ruleId} at ${r.uri}:${r.line}` },
          locations: [
            { physicalLocation: { artifactLocation: { uri: r.uri }, region: { startLine: r.line } } },
          ],
          ...(r.fingerprint ? { partialFingerprints: { primaryLocationLineHash: r.fingerprint } } : {}),
        })),
      },
    ],
  };
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}
