import { describe, expect, it } from "vitest";
import { prBody, prTitle } from "./pr-body.js";
import type { Campaign, RepoPlan } from "./types.js";

const campaign: Campaign = {
  id: "c1",
  name: "q3-fixes",
  kind: "vulnerability",
  source: {},
  createdAt: new Date("2026-11-26T10:00:00Z"),
};
const target = {
  ecosystem: "npm" as const,
  package: "marked",
  from: "3.0.8",
  to: "4.0.10",
  direct: true,
  advisories: [
    {
      id: "GHSA-5v2h-r2cx-5xgj",
      aliases: ["CVE-2022-21681"],
      severity: "high" as const,
      summary: "Inefficient Regular Expression Complexity in marked",
    },
  ],
};
const plan: RepoPlan = {
  repo: "docs-render",
  ecosystem: "npm",
  edits: [{ file: "package.json", package: "marked", from: "3.0.8", to: "4.0.10", before: "", after: "" }],
  lockfile: {
    tool: "npm",
    status: "will_regenerate",
    note: "npm install --package-lock-only --ignore-scripts",
  },
  install: { command: ["npm", "ci"], note: "npm ci --ignore-scripts" },
  test: { command: ["npm", "test"], source: "package.json scripts.test", note: "npm test" },
  api: [],
  callSites: [],
  callSitesSource: "grep",
  notes: [],
};

describe("pull request text", () => {
  it("lists the advisory, the bump, the tests and every line the model wrote", () => {
    expect(prTitle(campaign, [target])).toBe("fix(deps): bump marked to 4.0.10 [uplift c1]");
    const body = prBody({
      campaign,
      targets: [target],
      plan,
      baseline: "passed (npm test)",
      finalTest: "passed (npm test)",
      modelAttempts: 1,
      modelId: "upkeep-coder",
      modelLines: [{ path: "render.js", line: 1, text: 'const { marked } = require("marked");' }],
      modelChangedLines: 2,
      totalLines: 4,
    });
    expect(body).toMatchInlineSnapshot(`
      "Campaign **q3-fixes** (\`c1\`, vulnerability) opened this change with \`uplift upkeep campaign apply\`.

      ### Advisories

      | advisory | aliases | severity | package | summary |
      |---|---|---|---|---|
      | GHSA-5v2h-r2cx-5xgj | CVE-2022-21681 | high | marked | Inefficient Regular Expression Complexity in marked |

      ### Bump

      - \`marked\` 3.0.8 → 4.0.10 in \`package.json\`
      - lock file: npm install --package-lock-only --ignore-scripts

      ### Tests

      - before the change: passed (npm test)
      - after the change: passed (npm test)

      ### Lines written by the model

      \`upkeep-coder\` wrote 2 of the 4 changed line(s) outside lock files (1 attempt(s)); the lines it added:

      \`\`\`
      render.js:1: const { marked } = require("marked");
      \`\`\`

      <sub>Tagged for metrics: label \`uplift-campaign-c1\`, branch \`uplift/campaign-c1\`.</sub>"
    `);
  });
});
