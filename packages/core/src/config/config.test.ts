import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors.js";
import { loadConfig } from "./index.js";

function dirWith(yaml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "uplift-config-"));
  writeFileSync(path.join(dir, "uplift.yaml"), yaml);
  return dir;
}

describe("loadConfig", () => {
  it("gives the documented defaults without a file", () => {
    const config = loadConfig({ cwd: mkdtempSync(path.join(tmpdir(), "uplift-config-")), env: {} });
    expect(config.server).toEqual({ port: 8080, host: "127.0.0.1" });
    expect(config.data_dir).toBe(".uplift");
    expect(config.database.url).toBeUndefined();
  });

  it("reads the file and lets UPLIFT_* variables override it", () => {
    const cwd = dirWith("server:\n  port: 9000\nllm:\n  model: qwen\n");
    const config = loadConfig({
      cwd,
      env: { UPLIFT_SERVER_PORT: "9100", UPLIFT_DATABASE_URL: "postgres://x/y" },
    });
    expect(config.server.port).toBe(9100);
    expect(config.llm.model).toBe("qwen");
    expect(config.database.url).toBe("postgres://x/y");
  });

  it("names the key, the line and the problem of an invalid value", () => {
    const cwd = dirWith('# comment\nserver:\n  port: "not-a-number"\n');
    expect(() => loadConfig({ cwd, env: {} })).toThrow(ConfigError);
    expect(() => loadConfig({ cwd, env: {} })).toThrow(/uplift\.yaml:3: server\.port: .*number/i);
  });

  it("reads embedder.fusion_weight (default 1) and rejects a negative one", () => {
    const defaults = loadConfig({ cwd: dirWith(""), env: {} });
    expect(defaults.embedder.fusion_weight).toBe(1);
    const cwd = dirWith("embedder:\n  fusion_weight: 0.4\n");
    expect(loadConfig({ cwd, env: {} }).embedder.fusion_weight).toBe(0.4);
    expect(loadConfig({ cwd, env: { UPLIFT_EMBEDDER_FUSION_WEIGHT: "0" } }).embedder.fusion_weight).toBe(0);
    expect(() => loadConfig({ cwd: dirWith("embedder:\n  fusion_weight: -1\n"), env: {} })).toThrow(
      /uplift\.yaml:2: embedder\.fusion_weight/,
    );
  });

  it("names the variable when an environment override is invalid", () => {
    const cwd = dirWith("");
    expect(() => loadConfig({ cwd, env: { UPLIFT_SERVER_PORT: "http" } })).toThrow(
      /UPLIFT_SERVER_PORT: server\.port/,
    );
  });

  it("rejects an unknown key instead of ignoring a typo", () => {
    const cwd = dirWith("server:\n  prot: 80\n");
    expect(() => loadConfig({ cwd, env: {} })).toThrow(/uplift\.yaml:2: server\.prot: unknown key/);
  });

  it("reports broken YAML with its line", () => {
    const cwd = dirWith("server:\n  port: [1,\n");
    expect(() => loadConfig({ cwd, env: {} })).toThrow(/not valid YAML/);
  });
});
