import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/** Debian's Chromium; playwright-core drives it, nothing is downloaded. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Flags for a quiet, reproducible headless run in a container (no sandbox, no network chatter). */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface ChromiumSession {
  context: BrowserContext;
  /** Closes the browser and deletes its profile directory. */
  close(): Promise<void>;
}

/**
 * Launches Chromium with a fresh `--user-data-dir` (a new temp profile each time).
 * Throws, never skips, when Chromium is not installed: browser tests must run in CI.
 */
export async function launchChromium(executablePath = CHROMIUM_PATH): Promise<ChromiumSession> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: browser tests need it. ` +
        "Install it with `apt-get update && apt-get install -y chromium` (the CI script does).",
    );
  }
  const userDataDir = await mkdtemp(path.join(tmpdir(), "uplift-chromium-"));
  try {
    // launchPersistentContext passes the profile as --user-data-dir.
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1200, height: 760 },
    });
    context.setDefaultTimeout(10_000);
    return {
      context,
      close: async () => {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Opens the dashboard at `url` in a new page of `browser` and signs in with `token`, waiting for
 * the overview; page errors and console errors are collected into `errors` (tests assert none).
 */
export async function signIn(
  browser: ChromiumSession,
  url: string,
  token: string,
  errors: string[],
): Promise<Page> {
  const page = await browser.context.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(url);
  await page.getByLabel("API token").fill(token);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("health-checks").waitFor();
  return page;
}
