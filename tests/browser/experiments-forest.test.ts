import { type AnalysisRecord, ExperimentRepository } from "@uplift/experiment";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, type Org, serveOrg } from "../server-e2e/org-server.js";
import { buildWeb } from "./build-web.js";
import { type ChromiumSession, launchChromium, signIn } from "./chromium.js";
import { storePilotExperiment } from "./experiment-fixture.js";

/** A guardrail beside pilot's pr_merge_time (−20 %, −35 % to −2 %): revert rate +3 % (−4 % to +11 %). */
async function storeGuardrail(org: Org): Promise<void> {
  const repository = new ExperimentRepository(org.store);
  const [merge] = await repository.analyses("pilot");
  if (!merge) throw new Error("pilot has no stored analysis");
  const guardrail: AnalysisRecord = {
    ...merge,
    metric: "revert_rate",
    role: "guardrail",
    report: {
      ...merge.report,
      effect: { ...merge.report.effect, estimate: 0.03, ci: [-0.04, 0.11], p_value: 0.41 },
      checks: {
        ...merge.report.checks,
        non_inferiority: {
          margin: 0.15,
          direction: "lower is better",
          p_value: 0.01,
          bound: 0.11,
          non_inferior: true,
        },
      },
    },
  };
  await repository.saveAnalysis("pilot", guardrail);
}

describe("Experiments page forest plot, in Chromium", () => {
  let org: Org;
  let server: Awaited<ReturnType<typeof serveOrg>>;
  let browser: ChromiumSession;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const webRoot = await buildWeb();
    org = await buildOrg();
    await storePilotExperiment(org.store);
    await storeGuardrail(org);
    server = await serveOrg(org, {}, { webRoot });
    browser = await launchChromium();
    page = await signIn(browser, server.url, org.tokens.ada, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await org?.close();
  });

  it("draws each metric's interval around its estimate, left of zero for a reduction, the guardrail in purple", async () => {
    await page.getByTestId("nav-experiments").click();
    const plot = page.getByTestId("experiment-pilot").getByTestId("forest-plot");
    await plot.waitFor();
    const box = async (id: string) => {
      const b = await plot.getByTestId(id).boundingBox();
      if (!b) throw new Error(`${id} is not drawn`);
      return b;
    };
    const zero = await box("forest-zero");
    const mergeCi = await box("forest-ci-pr_merge_time");
    const mergePoint = await box("forest-point-pr_merge_time");
    const revertCi = await box("forest-ci-revert_rate");
    // −35 % to −2 %: the whole interval lies left of the zero line, the point inside it
    expect(mergeCi.x + mergeCi.width).toBeLessThan(zero.x);
    expect(mergePoint.x).toBeGreaterThan(mergeCi.x);
    expect(mergePoint.x + mergePoint.width).toBeLessThan(mergeCi.x + mergeCi.width + 1);
    // −4 % to +11 %: the guardrail's interval crosses zero, and it is wider to the right
    expect(revertCi.x).toBeLessThan(zero.x);
    expect(revertCi.x + revertCi.width).toBeGreaterThan(zero.x);
    expect(revertCi.x + revertCi.width - zero.x).toBeGreaterThan(zero.x - revertCi.x);
    // the interval widths are proportional: 33 pp vs 15 pp
    expect(mergeCi.width / revertCi.width).toBeCloseTo(33 / 15, 1);
    expect(await plot.getByTestId("forest-row-revert_rate").getAttribute("data-role")).toBe("guardrail");
    expect(await plot.getByTestId("forest-ci-revert_rate").getAttribute("stroke")).toBe("#7c3aed");
    expect(await plot.locator("figcaption").textContent()).toContain("guardrails in purple");
    expect(await plot.locator("svg").getAttribute("aria-label")).toBe(
      "Relative effects with 95 % confidence intervals",
    );
    await page.screenshot({ path: "/tmp/uplift-dashboard-experiments-forest.png", fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
