import { describe, expect, it } from "vitest";
import { runCommand, sandboxEnvironment } from "./run-command.js";

describe("sandbox commands", () => {
  it("hide the forge tokens and Uplift's settings from a repository's scripts", () => {
    const env = sandboxEnvironment({
      PATH: "/usr/bin",
      GITHUB_TOKEN: "ghp_x",
      GITLAB_TOKEN: "glpat_x",
      UPLIFT_LLM_BASE_URL: "http://x",
      OPENAI_API_KEY: "sk-x",
      DB_PASSWORD: "p",
      NPM_TOKEN: "npm_x",
    });
    expect(env).toEqual({ PATH: "/usr/bin", NPM_TOKEN: "npm_x" });
  });

  it("report a failing command with its exit code and output instead of throwing", async () => {
    const outcome = await runCommand(["sh", "-c", "echo broken >&2; exit 3"], { cwd: process.cwd() });
    expect(outcome).toMatchObject({ ok: false, exitCode: 3, command: "sh -c echo broken >&2; exit 3" });
    expect(outcome.output).toContain("broken");
    const missing = await runCommand(["no-such-tool-here"], { cwd: process.cwd() });
    expect(missing.ok).toBe(false);
    expect(missing.output).toContain("ENOENT");
  });
});
