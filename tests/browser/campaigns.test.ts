import { CampaignStore, upkeepMigrations } from "@uplift/upkeep";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, type Org, serveOrg } from "../server-e2e/org-server.js";
import { buildWeb } from "./build-web.js";
import { type ChromiumSession, launchChromium, signIn } from "./chromium.js";

const advisory = { id: "GHSA-5v2h-r2cx-5xgj", aliases: ["CVE-2022-21681"], severity: "high" as const };

/**
 * A campaign as `campaign apply` leaves it: docs-render merged with 2 model-written lines of 4,
 * cli-args with an open pull request (bump only), broken failing before the change.
 */
async function storeCampaign(org: Org): Promise<void> {
  await org.store.migrate(upkeepMigrations);
  const campaigns = new CampaignStore(org.store);
  const target = (pkg: string, from: string, to: string) => ({
    ecosystem: "npm" as const,
    package: pkg,
    from,
    to,
    direct: true,
    advisories: [advisory],
  });
  const c = await campaigns.create("q3-fixes", "vulnerability", { advisories: "/osv" }, [
    { repo: "docs-render", path: "/repos/docs-render", targets: [target("marked", "3.0.8", "4.0.10")] },
    { repo: "cli-args", path: "/repos/cli-args", targets: [target("minimist", "1.2.5", "1.2.6")] },
    { repo: "broken", path: "/repos/broken", targets: [target("minimist", "1.2.5", "1.2.6")] },
  ]);
  await campaigns.update(c.id, "docs-render", { started: true }, "started");
  await campaigns.update(
    c.id,
    "docs-render",
    {
      state: "merged",
      branch: "uplift/campaign-c1",
      prUrl: "https://github.com/acme/docs-render/pull/7",
      prNumber: 7,
      pushedSha: "a".repeat(40),
      modelLines: 2,
      totalLines: 4,
      mergedWithoutEdits: true,
      finished: true,
    },
    "merged",
  );
  await campaigns.update(
    c.id,
    "cli-args",
    {
      state: "pr_open",
      started: true,
      finished: true,
      modelLines: 0,
      totalLines: 2,
      prUrl: "https://github.com/acme/cli-args/pull/3",
    },
    "delivered",
  );
  await campaigns.update(
    c.id,
    "broken",
    {
      state: "baseline_failed",
      started: true,
      finished: true,
      checkpoint: { reason: "tests fail before any change (npm test); not caused by the bump" },
    },
    "stopped",
  );
}

describe("Campaigns page in Chromium", () => {
  let org: Org;
  let server: Awaited<ReturnType<typeof serveOrg>>;
  let browser: ChromiumSession;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const webRoot = await buildWeb();
    org = await buildOrg();
    await storeCampaign(org);
    server = await serveOrg(org, {}, { webRoot });
    browser = await launchChromium();
    page = await signIn(browser, server.url, org.tokens.ada, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await org?.close();
  });

  it("shows repositories by state, per-repository rows and the model's share", async () => {
    await page.getByTestId("nav-campaigns").click();
    const campaign = page.getByTestId("campaign-q3-fixes");
    await campaign.waitFor();
    expect(await campaign.getByTestId("state-merged").textContent()).toBe("1 merged");
    expect(await campaign.getByTestId("state-pr_open").textContent()).toBe("1 PR open");
    expect(await campaign.getByTestId("state-baseline_failed").textContent()).toBe(
      "1 failing before the change",
    );
    // 2 model lines of 6 changed; 1 of 2 changes has model lines; the merged one was merged as written
    expect(await campaign.getByTestId("campaign-model-share").textContent()).toContain(
      "Model wrote 33 % of changed lines (50 % of changes); model changes merged without edits: 100 %",
    );
    const docs = page.getByTestId("campaign-repo-docs-render");
    const cells = await docs.locator("td").allTextContents();
    expect(cells[1]).toContain("marked 3.0.8 → 4.0.10");
    expect(cells[1]).toContain("GHSA-5v2h-r2cx-5xgj");
    expect(cells[3]).toBe("2 / 4");
    expect(cells[4]).toContain("as written");
    expect(await docs.getByRole("link").getAttribute("href")).toBe(
      "https://github.com/acme/docs-render/pull/7",
    );
    expect(await page.getByTestId("campaign-repo-broken").textContent()).toContain("not caused by the bump");
    await page.screenshot({ path: "/tmp/uplift-dashboard-campaigns.png", fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
