import path from "node:path";
import { silentLogger } from "@uplift/core";
import { docSourceFor, type KbDocument } from "@uplift/kb";
import { type FakeDiscussion, type FakeGitHubData, startFakeGitHub } from "@uplift/test-support";
import { describe, expect, it } from "vitest";
import { tempDir } from "../cli/run-cli.js";
import { runCliAsync } from "./run-cli-async.js";

const REPO = "acme/handbook";

function discussion(number: number, title: string, extra: Partial<FakeDiscussion> = {}): FakeDiscussion {
  return {
    number,
    title,
    body: `Question ${number}.`,
    author: "ann",
    category: "Q&A",
    createdAt: "2025-03-01T09:00:00Z",
    updatedAt: `2025-03-0${number}T10:00:00Z`,
    comments: [],
    ...extra,
  };
}

function handbook(): FakeGitHubData {
  return {
    repos: {},
    copilot: {},
    discussions: {
      [REPO]: [
        discussion(1, "How do I roll back billing?", {
          body: "The deploy broke checkout.",
          comments: [
            { author: "bob", body: "Did you try restarting?", createdAt: "2025-03-01T10:00:00Z" },
            {
              author: "carol",
              body: "Run `runway rollback billing --to previous`; it takes three minutes.",
              createdAt: "2025-03-01T11:00:00Z",
            },
          ],
          answer: 1,
        }),
        discussion(2, "Canary dashboard location", { category: "General" }),
        discussion(3, "Quarterly planning template", { category: "Ideas" }),
      ],
    },
  };
}

describe("kb github-discussions source", () => {
  it("makes one Markdown document per discussion: category, body, the answer once, then the other comments", async () => {
    const fake = await startFakeGitHub({ data: handbook(), token: "ghp_test" });
    const saved = { url: process.env.GITHUB_API_URL, token: process.env.GITHUB_TOKEN };
    process.env.GITHUB_API_URL = fake.url;
    process.env.GITHUB_TOKEN = "ghp_test";
    try {
      const docs: KbDocument[] = [];
      const config = { name: "talk", type: "github-discussions", path: REPO, acl: [] };
      for await (const doc of docSourceFor("github-discussions").scan(config, {
        logger: silentLogger(),
        skip: () => undefined,
      }))
        docs.push(doc);
      // newest update first, as listed
      expect(docs.map((d) => d.id)).toEqual([3, 2, 1].map((n) => `${REPO}/discussions/${n}`));
      expect(docs[2]).toEqual({
        id: `${REPO}/discussions/1`,
        title: "How do I roll back billing? (Q&A)",
        text: [
          "Category: Q&A · answered · started by ann",
          "The deploy broke checkout.",
          "## Answer\n\n### carol (2025-03-01T11:00:00Z)\n\nRun `runway rollback billing --to previous`; it takes three minutes.",
          "## Comments",
          "### bob (2025-03-01T10:00:00Z)\n\nDid you try restarting?",
        ].join("\n\n"),
        url: `https://github.com/${REPO}/discussions/1`,
        updated_at: "2025-03-01T10:00:00Z",
        source: "talk",
        format: "markdown",
      });
    } finally {
      process.env.GITHUB_API_URL = saved.url;
      process.env.GITHUB_TOKEN = saved.token;
      if (saved.url === undefined) delete process.env.GITHUB_API_URL;
      if (saved.token === undefined) delete process.env.GITHUB_TOKEN;
      await fake.close();
    }
  });

  it("indexes each discussion with its answer and comments over cursor pages and a rate limit, then fetches only what changed", async () => {
    const data = handbook();
    const fake = await startFakeGitHub({ data, token: "ghp_test", maxPerPage: 2 });
    try {
      const work = tempDir("uplift-kb-discussions-");
      const env = { GITHUB_API_URL: fake.url, GITHUB_TOKEN: "ghp_test" };
      const uplift = (...args: string[]) =>
        runCliAsync(["--data-dir", path.join(work, "data"), ...args], { cwd: work, env });
      const add = await uplift("kb", "source", "add", "talk", "--type", "github-discussions", "--path", REPO);
      expect(add.status, add.stderr).toBe(0);
      fake.script({ kind: "graphql-rate-limit", path: "/graphql" });
      const first = await uplift("kb", "sync", "--json");
      expect(first.status, first.stderr).toBe(0);
      expect(JSON.parse(first.stdout).sources[0]).toMatchObject({ documents_added: 3, documents_seen: 3 });
      const graphql = fake.requests.filter((r) => r.path === "/graphql");
      // rate limited once, two list pages (2 + 1), one fetch of the three
      expect(graphql.map((r) => r.status)).toEqual([200, 200, 200, 200]);

      const hit = JSON.parse((await uplift("kb", "search", "roll back billing runway", "--json")).stdout)
        .results[0];
      expect(hit).toMatchObject({
        doc_id: `${REPO}/discussions/1`,
        url: `https://github.com/${REPO}/discussions/1`,
        title: "How do I roll back billing? (Q&A)",
      });
      expect(hit.text).toContain("Category: Q&A · answered");
      expect(hit.text).toContain("runway rollback billing");

      // 2 is edited, 3 deleted: the next sync lists all and fetches only 2
      const list = data.discussions?.[REPO] ?? [];
      const two = list.find((d) => d.number === 2);
      if (two) Object.assign(two, { body: "It moved to grafana/canary.", updatedAt: "2025-03-09T10:00:00Z" });
      data.discussions = { [REPO]: list.filter((d) => d.number !== 3) };
      fake.requests.length = 0;
      const second = await uplift("kb", "sync", "--json");
      expect(second.status, second.stderr).toBe(0);
      expect(JSON.parse(second.stdout).sources[0]).toMatchObject({
        documents_seen: 2,
        documents_updated: 1,
        documents_unchanged: 1,
        documents_deleted: 1,
      });
      const fetched = fake.requests
        .map((r) => (r.body as { variables?: { ids?: string[] } }).variables?.ids)
        .filter((ids) => ids !== undefined);
      expect(fetched).toHaveLength(1);
      expect(fetched[0]).toHaveLength(1);
      const moved = JSON.parse((await uplift("kb", "search", "grafana canary", "--json")).stdout).results[0];
      expect(moved).toMatchObject({ doc_id: `${REPO}/discussions/2` });
    } finally {
      await fake.close();
    }
  });

  it("fails the sync with a clear message for an unknown repository", async () => {
    const fake = await startFakeGitHub({ data: handbook(), token: "ghp_test" });
    try {
      const work = tempDir("uplift-kb-discussions-");
      const env = { GITHUB_API_URL: fake.url, GITHUB_TOKEN: "ghp_test" };
      const uplift = (...args: string[]) =>
        runCliAsync(["--data-dir", path.join(work, "data"), ...args], { cwd: work, env });
      await uplift("kb", "source", "add", "nope", "--type", "github-discussions", "--path", "acme/nope");
      const sync = await uplift("kb", "sync", "--json");
      expect(sync.status).not.toBe(0);
      expect(`${sync.stdout}${sync.stderr}`).toContain("repository acme/nope not found");
    } finally {
      await fake.close();
    }
  });
});
