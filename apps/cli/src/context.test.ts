import { loadConfig } from "@uplift/core";
import { describe, expect, it } from "vitest";
import { logLevelFor } from "./context.js";

const defaults = loadConfig({ env: {}, cwd: "/nonexistent-dir-for-defaults" });

describe("logLevelFor", () => {
  it("keeps info logs off a person's terminal unless asked for", () => {
    expect(defaults.log_level).toBe("info");
    expect(logLevelFor(defaults, {}, {}, true, {})).toBe("warn");
  });

  it("keeps the configured level for pipes, services and any explicit setting", () => {
    expect(logLevelFor(defaults, {}, {}, false, {})).toBe("info");
    expect(logLevelFor(defaults, {}, { service: true }, true, {})).toBe("info");
    expect(logLevelFor(defaults, { logLevel: "info" }, {}, true, {})).toBe("info");
    expect(logLevelFor(defaults, {}, {}, true, { UPLIFT_LOG_LEVEL: "info" })).toBe("info");
    expect(logLevelFor({ ...defaults, log_level: "debug" }, {}, {}, true, {})).toBe("debug");
  });
});
