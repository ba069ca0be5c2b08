import {
  compareEvals,
  defaultGateRules,
  evaluateGate,
  ModelRegistry,
  type SavedEvalReport,
  scoresOf,
  type TaskResult,
} from "@uplift/tune";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, type Org, serveOrg } from "../server-e2e/org-server.js";
import { buildWeb } from "./build-web.js";
import { type ChromiumSession, launchChromium, signIn } from "./chromium.js";

/** 20 tasks: the base model's edit similarity 0.5 on each, the tuned one's 0.8 (0.7 on every 4th). */
function evalReport(model: string, score: (i: number) => number): SavedEvalReport {
  const tasks: TaskResult[] = Array.from({ length: 20 }, (_, i) => ({
    id: `t${i}`,
    kind: "next_line",
    repo: "shop",
    path: "src/receipt.ts",
    model,
    completion: "",
    exact_match: score(i) === 1 ? 1 : 0,
    edit_similarity: score(i),
    identifier_match: 0,
    identifier_f1: score(i),
    passed: null,
    latency_ms: 5,
  }));
  return { file: `${model}.json`, model, endpoint: "http://127.0.0.1:9/v1", tasks };
}

async function promote(registry: ModelRegistry, name: string, base: SavedEvalReport, tuned: SavedEvalReport) {
  const comparison = compareEvals(base, tuned, { seed: 1 });
  return registry.recordDecision({
    name,
    model: tuned.model,
    endpoint: tuned.endpoint,
    baselineModel: base.model,
    scores: scoresOf(tuned.tasks),
    comparison,
    decision: evaluateGate(comparison, defaultGateRules()),
  });
}

describe("Models page in Chromium", () => {
  let org: Org;
  let server: Awaited<ReturnType<typeof serveOrg>>;
  let browser: ChromiumSession;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const webRoot = await buildWeb();
    org = await buildOrg();
    const registry = new ModelRegistry(org.store);
    const base = evalReport("codellama-13b", () => 0.5);
    const tuned = evalReport("codellama-13b-acme", (i) => (i % 4 === 0 ? 0.7 : 0.8));
    const promoted = await promote(registry, "acme-coder", base, tuned);
    expect(promoted.version).toBe(1);
    const rejected = await promote(registry, "worse-coder", tuned, base);
    expect(rejected.version).toBeUndefined();
    await registry.setRoute("pilot", "treatment", "acme-coder");
    server = await serveOrg(org, {}, { webRoot });
    browser = await launchChromium();
    page = await signIn(browser, server.url, org.tokens.ada, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await org?.close();
  });

  it("shows the registry with eval results side by side, the routes and every gate decision", async () => {
    await page.getByTestId("nav-models").click();
    const version = page.getByTestId("model-acme-coder-v1");
    await version.waitFor();
    expect(await version.textContent()).toContain("codellama-13b-acme");
    const row = page.getByTestId("model-acme-coder-v1-eval-edit_similarity");
    const cells = await row.locator("td").allTextContents();
    expect(cells.slice(0, 4)).toEqual(["20", "0.5000", "0.7750", "+0.2750"]);
    expect(cells[4]).toMatch(/^\+0\.2\d{3} to \+0\.2\d{3}$/);
    expect(await row.locator("th").textContent()).toContain("primary");
    const headers = await page.getByTestId("model-acme-coder-v1-eval").locator("thead th").allTextContents();
    expect(headers.slice(2, 4)).toEqual(["codellama-13b", "codellama-13b-acme"]);

    expect(await page.getByTestId("model-route").allTextContents()).toEqual([
      expect.stringMatching(/^pilottreatmentacme-coder/),
    ]);

    const verdicts = await page.getByTestId("decision-verdict").allTextContents();
    expect(verdicts).toEqual(["rejected", "promoted"]);
    const rejected = page.getByTestId("decision-2");
    expect(await rejected.getByTestId("decision-check").first().textContent()).toContain(
      "edit_similarity not shown to improve",
    );
    expect(await page.getByTestId("decision-2-eval-edit_similarity").locator("td").nth(3).textContent()).toBe(
      "−0.2750",
    );
    await page.screenshot({ path: "/tmp/uplift-dashboard-models.png", fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
