import { insertRows } from "@uplift/core";
import { measureMigrations, pullRequestSchema, upsertRecords } from "@uplift/measure";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, type Org, serveOrg } from "../server-e2e/org-server.js";
import { buildWeb } from "./build-web.js";
import { type ChromiumSession, launchChromium, signIn } from "./chromium.js";

/**
 * Three GitHub PRs: q1 reviewed and approved without a comment, q2 a hotfix merged without review
 * and reverted, q3 a reviewed bug fix with 3 comments; rework analysed for q1 (5 of 10 lines) and q3 (0 of 20).
 */
const PRS = [
  {
    id: "github:acme/shop#1",
    number: 1,
    author: "ada",
    title: "Add basket",
    merge_sha: "a1",
    review: true,
    comments: 0,
  },
  {
    id: "github:acme/shop#2",
    number: 2,
    author: "bob",
    title: "hotfix: checkout",
    merge_sha: "b2",
    review: false,
    comments: 0,
  },
  {
    id: "github:acme/shop#3",
    number: 3,
    author: "ada",
    title: "Totals",
    merge_sha: "c3",
    review: true,
    comments: 3,
    labels: ["bug"],
  },
].map((pr, i) =>
  pullRequestSchema.parse({
    id: pr.id,
    source: "github",
    repo: "acme/shop",
    number: pr.number,
    author: pr.author,
    title: pr.title,
    created_at: `2026-01-0${5 + i}T08:00:00Z`,
    merged_at: `2026-01-0${5 + i}T12:00:00Z`,
    ...(pr.review
      ? { first_review_at: `2026-01-0${5 + i}T09:00:00Z`, approved_at: `2026-01-0${5 + i}T10:00:00Z` }
      : {}),
    review_comments: pr.comments,
    additions: 50,
    deletions: 10,
    merge_sha: pr.merge_sha,
    attributes: { labels: pr.labels ?? [] },
  }),
);

describe("Metrics page: Quality view in Chromium", () => {
  let org: Org;
  let server: Awaited<ReturnType<typeof serveOrg>>;
  let browser: ChromiumSession;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const webRoot = await buildWeb();
    org = await buildOrg();
    await org.store.migrate(measureMigrations);
    await org.store.transaction(async (tx) => {
      await upsertRecords(tx, "prs", PRS);
      await insertRows(
        tx,
        "quality_landings",
        ["repo", "sha", "landed_at", "author", "lines_added", "lines_reworked", "window_closed"],
        [
          ["acme/shop", "a1", "2026-01-05T12:00:00Z", "ada", 10, 5, true],
          ["acme/shop", "c3", "2026-01-07T12:00:00Z", "ada", 20, 0, true],
        ],
      );
      await insertRows(
        tx,
        "quality_reverts",
        ["repo", "revert_sha", "reverted_sha", "revert_landing", "reverted_landing", "reverted_at"],
        [["acme/shop", "d4", "b2", "d4", "b2", "2026-01-08T12:00:00Z"]],
      );
    });
    server = await serveOrg(org, {}, { webRoot });
    browser = await launchChromium();
    page = await signIn(browser, server.url, org.tokens.ada, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await org?.close();
  });

  it("shows the guardrails with value, n, direction, margin and exclusions", async () => {
    await page.getByTestId("nav-metrics").click();
    await page.getByTestId("quality-view").waitFor();
    const cells = async (name: string) =>
      page.getByTestId(`quality-${name}`).first().locator("th, td").allTextContents();
    expect(await cells("revert_rate")).toEqual(["revert_rate", "all", "33.3 %", "3", "lower", "25 %", ""]);
    expect(await cells("rework_rate")).toEqual([
      "rework_rate",
      "all",
      "16.7 %",
      "2",
      "lower",
      "10 %",
      "no_rework_analysis 1",
    ]);
    expect(await cells("unreviewed_merge_rate")).toEqual([
      "unreviewed_merge_rate",
      "all",
      "33.3 %",
      "3",
      "lower",
      "10 %",
      "",
    ]);
    expect(await cells("approval_without_comments_rate")).toEqual([
      "approval_without_comments_rate",
      "all",
      "50.0 %",
      "2",
      "lower",
      "15 %",
      "not_approved 1",
    ]);
    expect((await cells("review_comments_per_100_lines")).slice(2, 6)).toEqual(["1.667", "3", "—", "—"]);
    await page.screenshot({ path: "/tmp/uplift-dashboard-quality.png", fullPage: true });

    await page.getByTestId("metrics-group-by").selectOption("author");
    await page.getByTestId("metrics-apply").click();
    await page.getByTestId("metrics-window").filter({ hasText: "grouped by author" }).waitFor();
    const groups = await page.getByTestId("quality-hotfix_rate").locator("td").allTextContents();
    expect(groups.slice(0, 2)).toEqual(["ada", "0.0 %"]);
    expect(pageErrors).toEqual([]);
  });
});
