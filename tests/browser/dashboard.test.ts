import { configSchema, silentLogger } from "@uplift/core";
import { type RunningServer, startServer } from "@uplift/server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWeb } from "./build-web.js";
import { type ChromiumSession, launchChromium } from "./chromium.js";

const TOKEN = "upl_browser_test_token";
const SCREENSHOT = "/tmp/uplift-dashboard-overview.png";

describe("dashboard in Chromium", () => {
  let server: RunningServer;
  let browser: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    const webRoot = await buildWeb();
    server = await startServer(
      {
        config: configSchema.parse({}),
        logger: silentLogger(),
        version: "0.1.0-browser",
        webRoot,
        authenticate: async (token) =>
          token === TOKEN ? { login: "grace", groups: ["platform"] } : undefined,
        health: async () => ({
          store: { ok: true, detail: "pglite" },
          search: { ok: true, detail: "lancedb (data dir)" },
          queue: { ok: true, detail: "in-process" },
          llm: { ok: false, detail: "none configured: extractive answers" },
        }),
      },
      { port: 0, host: "127.0.0.1", signals: [] },
    );
    browser = await launchChromium();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("signs in with a token, shows instance health, navigates and signs out", async () => {
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // A CSP violation or a failed asset shows up as a console error; the rejected token's 401 and
    // the unwired knowledge base's 503 are expected.
    page.on("console", (message) => {
      if (message.type() === "error" && !/\b(401|503)\b/.test(message.text()))
        pageErrors.push(message.text());
    });

    await page.goto(server.url);
    await page.getByTestId("login-page").waitFor();
    expect(await page.title()).toBe("Sign in · Uplift");

    await page.getByLabel("API token").fill("upl_not_a_real_token");
    await page.getByTestId("login-submit").click();
    const error = page.getByTestId("login-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("not accepted");
    await page.screenshot({ path: "/tmp/uplift-dashboard-login.png" });

    await page.getByLabel("API token").fill(TOKEN);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("health-checks").waitFor();
    expect(await page.getByTestId("current-user").textContent()).toContain("grace");
    expect(await page.getByTestId("health-version").textContent()).toBe("0.1.0-browser");
    expect(await page.getByTestId("health-uptime").textContent()).toMatch(/^\d+ (s|min)/);
    expect(await page.getByTestId("check-store").textContent()).toContain("store: ok");
    expect(await page.getByTestId("check-llm").textContent()).toContain("llm: not ok");
    expect(await page.getByTestId("health-status").textContent()).toBe("Degraded");
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // The token survives a reload (localStorage) and is verified again.
    await page.reload();
    await page.getByTestId("check-store").waitFor();

    await page.getByTestId("nav-experiments").click();
    await page.getByTestId("page-experiments").waitFor();
    expect(new URL(page.url()).pathname).toBe("/experiments");
    // This server has no experiments service: the page says so rather than showing nothing.
    expect(await page.getByTestId("experiments-error").textContent()).toContain("not configured");
    expect(await page.getByTestId("nav-experiments").getAttribute("aria-current")).toBe("page");
    await page.screenshot({ path: "/tmp/uplift-dashboard-experiments.png" });

    // A deep link is served by the SPA fallback; without the knowledge base the page says so.
    await page.goto(`${server.url}/knowledge`);
    await page.getByTestId("page-knowledge").waitFor();
    await page.getByTestId("kb-query").fill("deploy");
    await page.getByTestId("kb-search").click();
    expect(await page.getByTestId("kb-search-error").textContent()).toContain("not configured");

    await page.getByTestId("logout").click();
    await page.getByTestId("login-page").waitFor();
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.reload();
    await page.getByTestId("login-page").waitFor();

    expect(pageErrors).toEqual([]);
  });
});
