import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scanAll } from "../test/scan.js";
import { slackSource } from "./slack.js";

/** A Slack export as "Export data" writes it (trimmed to the fields that matter). */
function exportDir(): string {
  const root = mkdtempSync(path.join(tmpdir(), "kb-slack-"));
  const write = (file: string, value: unknown) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), typeof value === "string" ? value : JSON.stringify(value));
  };
  write("users.json", [
    {
      id: "U01ANN",
      name: "ann",
      real_name: "Ann Lee",
      profile: { real_name: "Ann Lee", display_name: "ann" },
    },
    { id: "U02BOB", name: "bob", profile: { display_name: "bob" } },
  ]);
  write("channels.json", [{ id: "C01DEPLOY", name: "deploys", created: 1709251200, members: ["U01ANN"] }]);
  write("deploys/2024-03-03.json", [
    {
      type: "message",
      subtype: "channel_join",
      user: "U02BOB",
      text: "<@U02BOB> has joined the channel",
      ts: "1709460000.000100",
    },
    {
      type: "message",
      user: "U01ANN",
      text: "How long do we watch the canary? cc <@U02BOB>",
      ts: "1709460100.000200",
      thread_ts: "1709460100.000200",
      reply_count: 2,
    },
    {
      type: "message",
      user: "U02BOB",
      text: "Fifteen minutes, see <https://wiki.example/deploy|the deploy page> &amp; <#C01DEPLOY|deploys>",
      ts: "1709460200.000300",
      thread_ts: "1709460100.000200",
    },
    { type: "message", user: "U02BOB", text: "Lunch at noon?", ts: "1709463000.000400" },
  ]);
  write("deploys/2024-03-04.json", [
    {
      type: "message",
      user: "U01ANN",
      text: "Thanks!",
      ts: "1709546500.000500",
      thread_ts: "1709460100.000200",
    },
  ]);
  write("deploys/2024-03-05.json", "{ not json");
  return root;
}

describe("slack-export source", () => {
  it("makes each thread one document across days, resolves users, and groups other messages per day", async () => {
    const root = exportDir();
    const { docs, skipped } = await scanAll(slackSource, {
      name: "slack",
      type: "slack-export",
      path: root,
      acl: [],
      urlBase: "https://acme.slack.com",
    });
    expect(docs).toEqual([
      {
        id: "deploys/1709460100.000200",
        title: "#deploys: How long do we watch the canary? cc @bob",
        text: [
          "**Ann Lee** (2024-03-03 10:01): How long do we watch the canary? cc @bob",
          "**bob** (2024-03-03 10:03): Fifteen minutes, see the deploy page & #deploys",
          "**Ann Lee** (2024-03-04 10:01): Thanks!",
        ].join("\n\n"),
        url: "https://acme.slack.com/archives/C01DEPLOY/p1709460100000200",
        updated_at: "2024-03-04T10:01:40.001Z",
        source: "slack",
        format: "markdown",
      },
      {
        id: "deploys/2024-03-03",
        title: "#deploys on 2024-03-03",
        text: "**bob** (2024-03-03 10:50): Lunch at noon?",
        url: "https://acme.slack.com/archives/C01DEPLOY/p1709463000000400",
        updated_at: "2024-03-03T10:50:00.000Z",
        source: "slack",
        format: "markdown",
      },
    ]);
    expect(skipped).toEqual([
      {
        where: path.join(root, "deploys/2024-03-05.json"),
        reason: expect.stringContaining("not a day of Slack messages"),
        keepIdsStartingWith: "deploys/",
      },
    ]);
  });

  it("refuses a folder without channels.json", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "kb-slack-"));
    await expect(slackSource.check({ name: "s", type: "slack-export", path: root, acl: [] })).rejects.toThrow(
      "no channels.json",
    );
  });
});
