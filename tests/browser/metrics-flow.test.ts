import { writeFileSync } from "node:fs";
import path from "node:path";
import { importFile, measureMigrations } from "@uplift/measure";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, type Org, serveOrg } from "../server-e2e/org-server.js";
import { buildWeb } from "./build-web.js";
import { type ChromiumSession, launchChromium, signIn } from "./chromium.js";

/**
 * Three work items: W-1 (ada, Story) 47 h of flow time of which 6 h blocked, W-2 (bob, Bug) 21 h all
 * active, W-3 (ada, Tech Debt) still in progress.
 */
const ITEMS = `id,type,created_at,resolved_at,assignee
W-1,Story,2026-01-05T09:00:00Z,2026-01-07T09:00:00Z,ada
W-2,Bug,2026-01-05T09:00:00Z,2026-01-06T09:00:00Z,bob
W-3,Tech Debt,2026-01-06T09:00:00Z,,ada
`;
const TRANSITIONS = `item_id,at,from,to
W-1,2026-01-05T10:00:00Z,To Do,In Progress
W-1,2026-01-06T10:00:00Z,In Progress,Blocked
W-1,2026-01-06T16:00:00Z,Blocked,In Progress
W-1,2026-01-07T09:00:00Z,In Progress,Done
W-2,2026-01-05T12:00:00Z,To Do,In Progress
W-2,2026-01-06T09:00:00Z,In Progress,Done
W-3,2026-01-06T09:00:00Z,To Do,In Progress
`;

describe("Metrics page: Flow view in Chromium", () => {
  let org: Org;
  let server: Awaited<ReturnType<typeof serveOrg>>;
  let browser: ChromiumSession;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const webRoot = await buildWeb();
    org = await buildOrg();
    await org.store.migrate(measureMigrations);
    const items = path.join(org.dir, "items.csv");
    const transitions = path.join(org.dir, "transitions.csv");
    writeFileSync(items, ITEMS);
    writeFileSync(transitions, TRANSITIONS);
    await importFile(org.store, { kind: "workitems", file: items, format: "csv", transitions });
    server = await serveOrg(org, {}, { webRoot });
    browser = await launchChromium();
    page = await signIn(browser, server.url, org.tokens.ada, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await org?.close();
  });

  it("shows flow time, velocity, load, efficiency and distribution per group", async () => {
    await page.getByTestId("nav-metrics").click();
    await page.getByTestId("flow-view").waitFor();
    const cells = async (group: string) =>
      page.getByTestId(`flow-${group}`).locator("th, td").allTextContents();
    // done on 01-06 and 01-07 (2 days): 7/week; WIP hours 47 + 21 + 39 (W-3 until 01-08) over 01-05 → 01-08 (72 h)
    expect(await cells("all")).toEqual([
      "all",
      "34 (n=2)",
      "7 (n=2)",
      "1.486 (n=3)",
      "91.2 %",
      "50.0 %",
      "50.0 %",
      "0.0 %",
      "0.0 %",
    ]);
    await page.screenshot({ path: "/tmp/uplift-dashboard-flow.png", fullPage: true });

    await page.getByTestId("metrics-group-by").selectOption("author");
    await page.getByTestId("metrics-apply").click();
    await page.getByTestId("metrics-window").filter({ hasText: "grouped by author" }).waitFor();
    expect((await cells("ada")).slice(0, 5)).toEqual([
      "ada",
      "47 (n=1)",
      "3.500 (n=1)",
      "1.194 (n=2)",
      "87.2 %",
    ]);
    expect((await cells("bob")).slice(1, 2)).toEqual(["21 (n=1)"]);
    expect(pageErrors).toEqual([]);
  });
});
