import { describe, expect, it } from "vitest";
import { launchChromium } from "./chromium.js";

describe("launchChromium", () => {
  it("fails with the install command when Chromium is missing, instead of skipping", async () => {
    await expect(launchChromium("/nonexistent/chromium")).rejects.toThrow(
      "Chromium not found at /nonexistent/chromium: browser tests need it. Install it with `apt-get update && apt-get install -y chromium`",
    );
  });
});
