import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scanAll } from "../test/scan.js";
import { jiraSource } from "./jira.js";

const dir = mkdtempSync(path.join(tmpdir(), "kb-jira-"));
const file = (name: string, content: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};
const config = (p: string, urlBase?: string) => ({
  name: "jira",
  type: "jira-export",
  path: p,
  acl: [],
  ...(urlBase ? { urlBase } : {}),
});

/** A REST search result as `GET /rest/api/3/search` returns it (trimmed): ADF descriptions and comments. */
const restSearch = {
  startAt: 0,
  maxResults: 50,
  total: 2,
  issues: [
    {
      id: "10001",
      key: "OPS-7",
      self: "https://acme.atlassian.net/rest/api/3/issue/10001",
      fields: {
        summary: "Canary alerts are too noisy",
        updated: "2025-03-01T10:00:00.000+0000",
        description: {
          type: "doc",
          version: 1,
          content: [
            { type: "paragraph", content: [{ type: "text", text: "The canary pages on every deploy." }] },
            { type: "codeBlock", content: [{ type: "text", text: "alert: CanaryErrors > 1%" }] },
          ],
        },
        comment: {
          comments: [
            {
              author: { displayName: "Ann Lee" },
              created: "2025-03-02T09:00:00.000+0000",
              body: {
                type: "doc",
                version: 1,
                content: [
                  { type: "paragraph", content: [{ type: "text", text: "Raise the threshold to 2%." }] },
                ],
              },
            },
          ],
        },
      },
    },
    { id: "10002", key: "OPS-8", fields: { summary: "No description", description: null } },
  ],
};

describe("jira-export source", () => {
  it("reads REST search JSON: one document per issue with its comments attached", async () => {
    const { docs } = await scanAll(jiraSource, config(file("search.json", JSON.stringify(restSearch))));
    expect(docs).toEqual([
      {
        id: "OPS-7",
        title: "OPS-7: Canary alerts are too noisy",
        text: "The canary pages on every deploy.\n\n```\nalert: CanaryErrors > 1%\n```\n\n## Comments\n\n### Ann Lee (2025-03-02T09:00:00.000+0000)\n\nRaise the threshold to 2%.",
        url: "https://acme.atlassian.net/browse/OPS-7",
        updated_at: "2025-03-01T10:00:00.000Z",
        source: "jira",
        format: "markdown",
      },
      { id: "OPS-8", title: "OPS-8: No description", text: "", source: "jira", format: "markdown" },
    ]);
  });

  it("reads Jira's CSV export with repeated Comment columns and wiki markup", async () => {
    const csv = [
      "Summary,Issue key,Issue id,Description,Comment,Comment,Updated",
      '"Rotate the vault token",SEC-3,20001,"h2. Steps\nUse {code}vault token rotate{code}.","01/Mar/25 10:00 AM;ann;Done for prod.","02/Mar/25 11:00 AM;bob;Staging too; all good.",01/Mar/25 10:00 AM',
    ].join("\n");
    const { docs } = await scanAll(jiraSource, config(file("export.csv", csv), "https://jira.example.com/"));
    expect(docs).toEqual([
      {
        id: "SEC-3",
        title: "SEC-3: Rotate the vault token",
        text: "## Steps\nUse ```vault token rotate```.\n\n## Comments\n\n### ann (01/Mar/25 10:00 AM)\n\nDone for prod.\n\n### bob (02/Mar/25 11:00 AM)\n\nStaging too; all good.",
        url: "https://jira.example.com/browse/SEC-3",
        updated_at: "2025-03-01T10:00:00.000Z",
        source: "jira",
        format: "markdown",
      },
    ]);
  });

  it.each([
    ["bad.json", "{oops", "not valid JSON"],
    ["shape.json", '{"total": 0}', 'expected { "issues": [...] }'],
    ["field.json", JSON.stringify({ issues: [{ key: "OPS-1", fields: {} }] }), "issues[0].fields.summary"],
    ["key.csv", "Issue key,Summary\nnot-a-key,x\n", ':2: column "Issue key"'],
    ["header.csv", "Key,Title\nOPS-1,x\n", ':1: the header needs "Issue key"'],
  ])("rejects %s with an InputError naming the place", async (name, content, message) => {
    await expect(scanAll(jiraSource, config(file(name, content)))).rejects.toThrow(message);
  });
});
