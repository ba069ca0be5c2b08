import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../cli/run-cli.js";
import { runCliAsync } from "./run-cli-async.js";

function gitRepo(root: string): void {
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", root, ...args], {
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "t",
        GIT_AUTHOR_EMAIL: "t@example.com",
        GIT_COMMITTER_NAME: "t",
        GIT_COMMITTER_EMAIL: "t@example.com",
      },
    });
  mkdirSync(path.join(root, "docs"), { recursive: true });
  git("init", "-q", "-b", "main");
  writeFileSync(
    path.join(root, "docs/rollback.md"),
    "# Rolling back\n\nRun `runway rollback billing --to previous`; it takes three minutes.\n",
  );
  git("add", ".");
  git("commit", "-q", "-m", "docs");
  git("remote", "add", "origin", "git@github.com:acme/handbook.git");
}

function slackExport(root: string): void {
  mkdirSync(path.join(root, "incidents"), { recursive: true });
  writeFileSync(
    path.join(root, "users.json"),
    JSON.stringify([{ id: "U1", name: "ann", real_name: "Ann Lee" }]),
  );
  writeFileSync(path.join(root, "channels.json"), JSON.stringify([{ id: "C9", name: "incidents" }]));
  writeFileSync(
    path.join(root, "incidents/2025-03-03.json"),
    JSON.stringify([
      {
        type: "message",
        user: "U1",
        text: "Postmortem for the queue outage is due Friday",
        ts: "1741000000.000100",
        thread_ts: "1741000000.000100",
        reply_count: 1,
      },
      {
        type: "message",
        user: "U1",
        text: "Draft is in Ledger",
        ts: "1741000100.000200",
        thread_ts: "1741000000.000100",
      },
    ]),
  );
}

describe("uplift kb with git and Slack sources (end to end)", () => {
  it("syncs a Git repository and a Slack export and links results to their pages", () => {
    const work = tempDir("uplift-kb-sources-");
    const dataDir = path.join(work, "data");
    const uplift = (...args: string[]) => runCli(["--data-dir", dataDir, ...args], { cwd: work });
    mkdirSync(path.join(work, "handbook"));
    gitRepo(path.join(work, "handbook"));
    slackExport(path.join(work, "slack"));
    expect(uplift("kb", "source", "add", "handbook", "--type", "git", "--path", "handbook").status).toBe(0);
    const added = uplift(
      "kb",
      "source",
      "add",
      "chat",
      "--type",
      "slack-export",
      "--path",
      "slack",
      "--url-base",
      "https://acme.slack.com",
    );
    expect(added.status, added.stderr).toBe(0);
    const sync = uplift("kb", "sync", "--json");
    expect(sync.status, sync.stderr).toBe(0);
    expect(
      JSON.parse(sync.stdout).sources.map((s: { source: string; documents_added: number }) => [
        s.source,
        s.documents_added,
      ]),
    ).toEqual([
      ["chat", 1],
      ["handbook", 1],
    ]);
    const rollback = JSON.parse(uplift("kb", "search", "rollback to previous", "--json").stdout).results[0];
    expect(rollback).toMatchObject({
      doc_id: "docs/rollback.md",
      url: "https://github.com/acme/handbook/blob/main/docs/rollback.md",
    });
    const thread = JSON.parse(uplift("kb", "search", "postmortem queue outage draft", "--json").stdout)
      .results[0];
    expect(thread).toMatchObject({
      doc_id: "incidents/1741000000.000100",
      url: "https://acme.slack.com/archives/C9/p1741000000000100",
    });
    expect(thread.text).toContain("**Ann Lee**");
    expect(thread.text).toContain("Draft is in Ledger");
  });

  it("syncs GitHub issues through the API (a local server speaking GitHub's REST routes)", async () => {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      const body =
        url.pathname === "/repos/acme/handbook/issues"
          ? [
              {
                number: 7,
                title: "Canary too noisy",
                body: "It pages on every deploy.",
                state: "open",
                html_url: "https://github.com/acme/handbook/issues/7",
                updated_at: "2025-03-01T10:00:00Z",
              },
            ]
          : url.pathname === "/repos/acme/handbook/issues/comments"
            ? []
            : undefined;
      res.writeHead(body ? 200 : 404, { "content-type": "application/json" });
      res.end(JSON.stringify(body ?? { message: "Not Found" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const work = tempDir("uplift-kb-github-");
      const env = {
        GITHUB_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        GITHUB_TOKEN: "ghp_test",
      };
      const uplift = (...args: string[]) =>
        runCliAsync(["--data-dir", path.join(work, "data"), ...args], { cwd: work, env });
      expect(
        (await uplift("kb", "source", "add", "gh", "--type", "github-issues", "--path", "acme/handbook"))
          .status,
      ).toBe(0);
      const sync = await uplift("kb", "sync", "--json");
      expect(sync.status, sync.stderr).toBe(0);
      const hit = JSON.parse((await uplift("kb", "search", "noisy canary pages", "--json")).stdout)
        .results[0];
      expect(hit).toMatchObject({
        doc_id: "acme/handbook#7",
        url: "https://github.com/acme/handbook/issues/7",
        title: "#7 Canary too noisy",
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
