import { readFile } from "node:fs/promises";
import {
  type AnalysisRecord,
  ExperimentRepository,
  guardrailRow,
  summarySentences,
} from "@uplift/experiment";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, type Org, serveOrg } from "../server-e2e/org-server.js";
import { buildWeb } from "./build-web.js";
import { type ChromiumSession, launchChromium, signIn } from "./chromium.js";
import { storeRolloutExperiment } from "./experiments-report-fixture.js";

/** HTML text content as the report escapes it, decoded back. */
const unescapeHtml = (html: string) =>
  html
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");

describe("Experiments page shows what the HTML report shows, in Chromium", () => {
  let org: Org;
  let server: Awaited<ReturnType<typeof serveOrg>>;
  let browser: ChromiumSession;
  let page: Page;
  let records: AnalysisRecord[];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const webRoot = await buildWeb();
    org = await buildOrg();
    records = await storeRolloutExperiment(org.store);
    server = await serveOrg(org, {}, { webRoot });
    browser = await launchChromium();
    page = await signIn(browser, server.url, org.tokens.ada, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await org?.close();
  });

  it("opens the experiment with its summary, design and balance, effects and guardrail verdicts", async () => {
    await page.getByTestId("nav-experiments").click();
    await page.getByTestId("open-rollout").click();
    const detail = page.getByTestId("experiment-detail");
    await detail.getByTestId("experiment-summary").waitFor();
    expect(new URL(page.url()).search).toBe("?experiment=rollout");

    // the report's plain-language sentences, word for word
    const summary = await detail.getByTestId("experiment-summary").locator("li").allTextContents();
    expect(summary).toEqual(summarySentences(records));
    expect(summary[0]).toContain("pr_merge_time");

    // design: who was randomized, the ramp-up, the balance table's SMD
    const repository = new ExperimentRepository(org.store);
    const design = await repository.design("rollout");
    const designText = await detail.getByTestId("design-text").textContent();
    expect(designText).toContain(
      "12 developers randomized (seed 11), stratified by team: 6 control, 6 treatment.",
    );
    expect(designText).toContain("the 14-day ramp-up (to 2026-01-19) is excluded");
    const smd = design.balance.find((b) => b.column === "tenure")?.smd;
    if (smd === null || smd === undefined) throw new Error("no SMD for tenure");
    expect(await detail.getByTestId("balance-tenure").locator("td").nth(2).textContent()).toContain(
      smd.toFixed(3),
    );

    // effects with Holm/BH across the outcome family, the guardrail's verdict as the report decides it
    await detail.getByTestId("forest-plot").waitFor();
    expect(await detail.getByTestId("effects-table").locator("tbody tr").count()).toBe(2);
    const review = records.find((r) => r.metric === "review_hours");
    const ni = review?.report.checks.non_inferiority;
    if (!review || !ni) throw new Error("review_hours is not a guardrail");
    const verdict = guardrailRow("review_hours", review.report, Math.abs(ni.margin))?.verdict;
    expect(await detail.getByTestId("verdict-review_hours").textContent()).toBe(verdict);
  });

  it("draws each developer by arm and the weekly trend with the ramp-up shaded over its first two weeks", async () => {
    const merge = records.find((r) => r.metric === "pr_merge_time");
    if (!merge) throw new Error("no pr_merge_time record");
    const section = page.getByTestId("metric-pr_merge_time");
    for (const arm of ["treatment", "control"] as const)
      expect(await section.getByTestId(`distribution-pr_merge_time-${arm}`).locator("circle").count()).toBe(
        merge.unitMeans[arm].length,
      );
    // treatment is 30 % faster after the ramp-up: its median bar sits left of control's
    const treatmentMedian = await section.getByTestId("median-pr_merge_time-treatment").boundingBox();
    const controlMedian = await section.getByTestId("median-pr_merge_time-control").boundingBox();
    if (!treatmentMedian || !controlMedian) throw new Error("median bars are not drawn");
    expect(treatmentMedian.x).toBeLessThan(controlMedian.x);

    const ramp = await section.getByTestId("ramp-up-pr_merge_time").boundingBox();
    if (!ramp) throw new Error("the ramp-up is not shaded");
    const centre = async (week: string) => {
      const b = await section
        .getByTestId("trend-pr_merge_time-control")
        .locator(`circle[data-week="${week}"]`)
        .boundingBox();
      if (!b) throw new Error(`week ${week} is not drawn`);
      return b.x + b.width / 2;
    };
    // weeks of 5 and 12 January lie inside the band (5th–19th), the week of the 19th on its right edge, later weeks outside
    for (const week of ["2026-01-05", "2026-01-12"]) {
      expect(await centre(week)).toBeGreaterThanOrEqual(ramp.x - 0.5);
      expect(await centre(week)).toBeLessThan(ramp.x + ramp.width);
    }
    expect(await centre("2026-01-19")).toBeCloseTo(ramp.x + ramp.width, 0);
    expect(await centre("2026-02-02")).toBeGreaterThan(ramp.x + ramp.width);
    expect(await section.getByTestId("trend-pr_merge_time-treatment").locator("circle").count()).toBe(6);
    expect(
      await section.getByTestId("subgroups-pr_merge_time-team").locator("tbody th").allTextContents(),
    ).toEqual(merge.report.heterogeneity?.[0]?.subgroups.map((g) => g.value));
    expect(await section.getByTestId("robustness-pr_merge_time").locator("tbody tr").count()).toBe(
      merge.report.robustness.length,
    );
  });

  it("shows the saved survey and telemetry", async () => {
    const survey = page.getByTestId("experiment-survey");
    expect(await survey.getByTestId("survey-faster").locator("td").first().textContent()).toMatch(
      /^100\.0 % \(6\/6\)$/,
    );
    const telemetry = page.getByTestId("experiment-telemetry");
    expect(await telemetry.getByTestId("telemetry-control").locator("td").nth(1).textContent()).toMatch(
      /^0 \/ /,
    );
    expect(await telemetry.textContent()).toContain(
      "acceptance rate = suggestions accepted / suggestions shown",
    );
  });

  it("downloads the same self-contained HTML report, and a deep link reopens the experiment", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-report").click(),
    ]);
    expect(download.suggestedFilename()).toBe("experiment-rollout.html");
    const path = await download.path();
    const html = await readFile(path, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<title>Experiment rollout</title>");
    expect(html).not.toMatch(/<script|<link |src="http/);
    for (const sentence of summarySentences(records)) expect(unescapeHtml(html)).toContain(sentence);

    await page.reload();
    await page.getByTestId("experiment-summary").waitFor();
    expect(await page.getByTestId("experiment-title").count()).toBe(0);
    expect(await page.locator("#experiment-title").textContent()).toBe(
      "Experiment rollout: control vs treatment",
    );
    await page.screenshot({ path: "/tmp/uplift-dashboard-experiment-detail.png", fullPage: true });
    await page.getByTestId("experiments-back").click();
    await page.getByTestId("experiment-rollout").waitFor();
    expect(new URL(page.url()).search).toBe("");
    expect(pageErrors).toEqual([]);
  });
});
