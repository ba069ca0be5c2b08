import { writeFileSync } from "node:fs";
import path from "node:path";
import { silentLogger } from "@uplift/core";
import { addSource, syncKnowledgeBase } from "@uplift/kb";
import { measureMigrations, pullRequestSchema, upsertRecords } from "@uplift/measure";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, type Org, serveOrg } from "../server-e2e/org-server.js";
import { buildWeb } from "./build-web.js";
import { type ChromiumSession, launchChromium, signIn } from "./chromium.js";
import { storePilotExperiment } from "./experiment-fixture.js";

/** Three merged PRs over two ISO weeks: merge times 2 h and 6 h (2026-W02), 10 h (2026-W03). */
const PRS = [
  {
    id: "p1",
    repo: "shop",
    author: "ada",
    created_at: "2026-01-05T08:00:00Z",
    merged_at: "2026-01-05T10:00:00Z",
  },
  {
    id: "p2",
    repo: "shop",
    author: "bob",
    created_at: "2026-01-06T08:00:00Z",
    merged_at: "2026-01-06T14:00:00Z",
  },
  {
    id: "p3",
    repo: "shop",
    author: "ada",
    created_at: "2026-01-12T08:00:00Z",
    merged_at: "2026-01-12T18:00:00Z",
  },
];

describe("dashboard pages over a real store, in Chromium", () => {
  let org: Org;
  let server: Awaited<ReturnType<typeof serveOrg>>;
  let browser: ChromiumSession;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const webRoot = await buildWeb();
    org = await buildOrg();
    const wiki = path.join(org.dir, "wiki.jsonl");
    writeFileSync(
      wiki,
      `${JSON.stringify({ id: "keys", title: "Rotating signing keys", url: "https://wiki.example/keys", text: "Rotate the signing keys every ninety days with the vault rotation job." })}\n`,
    );
    await addSource(org.store, { name: "wiki", type: "jsonl", path: wiki });
    const sync = await syncKnowledgeBase({ store: org.store, index: org.index, logger: silentLogger() });
    if (sync.failures.length > 0) throw new Error(`kb sync failed: ${String(sync.failures[0]?.error)}`);
    await org.store.migrate(measureMigrations);
    await org.store.transaction((tx) =>
      upsertRecords(
        tx,
        "prs",
        PRS.map((pr) => pullRequestSchema.parse(pr)),
      ),
    );
    await storePilotExperiment(org.store);
    server = await serveOrg(org, {}, { webRoot });
    browser = await launchChromium();
    page = await signIn(browser, server.url, org.tokens.ada, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await org?.close();
  });

  it("searches the knowledge base, asks with citations and records a like", async () => {
    await page.getByTestId("nav-knowledge").click();
    await page.getByTestId("kb-query").fill("signing keys");
    await page.getByTestId("kb-search").click();
    await page.getByTestId("kb-results").waitFor();
    expect(await page.getByTestId("kb-result").first().textContent()).toContain("Rotating signing keys");
    expect(await page.getByTestId("kb-retrieval").textContent()).toContain("retrieval: bm25");

    await page.getByTestId("kb-question").fill("How often do we rotate the signing keys?");
    await page.getByTestId("kb-ask").click();
    await page.getByTestId("kb-answer").waitFor();
    expect(await page.getByTestId("kb-answer-text").textContent()).toContain("ninety days");
    const citation = page.getByTestId("citation-link-1");
    expect(await citation.getAttribute("href")).toBe("https://wiki.example/keys");
    expect(await page.getByTestId("citation-marker-1").getAttribute("href")).toBe("#citation-1");
    await page.screenshot({ path: "/tmp/uplift-dashboard-knowledge-answer.png", fullPage: true });

    await page.getByTestId("kb-like").click();
    await page.getByTestId("kb-feedback-recorded").waitFor();
    const { rows } = await org.store.query<{ user_login: string; vote: string }>(
      "SELECT user_login, vote FROM kb_feedback",
    );
    expect(rows).toEqual([{ user_login: "ada", vote: "up" }]);

    // ada (group finance) sees every source with its size and last sync
    await page.getByTestId("kb-sources").waitFor();
    const sources = await page.getByTestId("kb-source").allTextContents();
    expect(sources.map((row) => row.split("jsonl")[0])).toEqual(["finance · finance", "handbook", "wiki"]);
    expect(sources[2]).toContain("succeeded");
  });

  it("searches code and finds code similar to a result", async () => {
    await page.getByTestId("nav-code").click();
    await page.getByTestId("code-query").fill("formatAmount");
    await page.getByTestId("code-search").click();
    await page.getByTestId("code-results").waitFor();
    const first = page.getByTestId("code-hit").first();
    expect(await first.getByTestId("code-hit-location").textContent()).toMatch(
      /^lib\/src\/format\.ts:\d+-\d+$/,
    );
    expect(await first.locator("pre").textContent()).toContain("formatAmount");

    await first.getByTestId("code-find-similar").click();
    await page.getByTestId("code-similar").waitFor();
    expect(await page.getByTestId("code-similar").textContent()).toContain("app/src/copied.ts");
    // index status per repository: both fixture repositories, with the package lib defines
    await page.getByTestId("code-repos").waitFor();
    const repos = await page.getByTestId("code-repo").allTextContents();
    expect(repos.map((row) => row.slice(0, 3))).toEqual(["app", "lib"]);
    expect(repos[1]).toContain("@acme/money");
    await page.screenshot({ path: "/tmp/uplift-dashboard-code.png", fullPage: true });
  });

  it("shows each metric's table, definition and weekly median trend", async () => {
    await page.getByTestId("nav-metrics").click();
    // a reload of the page's own URL must reach the page, not the server's /metrics endpoint
    await page.reload();
    expect(new URL(page.url()).pathname).toBe("/measure");
    const merge = page.getByTestId("metric-pr_merge_time");
    await merge.waitFor();
    // Median of 2, 6 and 10 hours over the whole window.
    expect(await merge.locator("tbody tr").first().textContent()).toMatch(/^all6(\.0+)?3/);
    expect(await page.getByTestId("definition-pr_merge_time").textContent()).toContain("In hours");
    const points = await page.getByTestId("trend-pr_merge_time").locator("polyline").getAttribute("points");
    expect(points?.split(" ")).toHaveLength(2);
    expect(await page.getByTestId("trend-pr_merge_time").textContent()).toContain("2026-W02 → 2026-W03");

    await page.getByTestId("metrics-group-by").selectOption("author");
    await page.getByTestId("metrics-apply").click();
    await page.getByTestId("metrics-window").filter({ hasText: "grouped by author" }).waitFor();
    expect(await page.getByTestId("metric-pr_merge_time").locator("tbody th").allTextContents()).toEqual([
      "ada",
      "bob",
    ]);
    // drill-down: ada's two PRs behind her median, newest first, with what each contributed
    await page.getByTestId("drill-pr_merge_time-ada").click();
    const records = page.getByTestId("records-pr_merge_time").getByTestId("metric-record");
    await records.first().waitFor();
    const rows = await records.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
    );
    expect(rows.map((cells) => [cells[0]?.split(" ")[1], cells[2]])).toEqual([
      ["p3", "10"],
      ["p1", "2"],
    ]);
    await page.screenshot({ path: "/tmp/uplift-dashboard-metrics.png", fullPage: true });
  });

  it("lists experiments with their stored analyses", async () => {
    await page.getByTestId("nav-experiments").click();
    const row = page.getByTestId("experiment-pilot").getByTestId("analysis-pr_merge_time");
    await row.waitFor();
    expect(await row.locator("td").allTextContents()).toEqual([
      "−20.0 %",
      "−35.0 % to −2.0 %",
      "0.031",
      "4 / 4",
      "ok",
    ]);
    expect(await page.getByTestId("summary-pr_merge_time").textContent()).toContain("95 % CI");
    await page.screenshot({ path: "/tmp/uplift-dashboard-experiments-list.png", fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
