import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "./run-cli.js";

describe("uplift serve", () => {
  it("serves the API with tokens, /healthz, /metrics and stops cleanly on SIGTERM", async () => {
    const dataDir = path.join(tempDir(), "data");
    const created = runCli(["token", "create", "--user", "ann", "--json", "--data-dir", dataDir]);
    expect(created.status, created.stderr).toBe(0);
    const { token } = JSON.parse(created.stdout) as { token: string };

    const child = spawn(
      process.execPath,
      [path.join(ROOT, "apps/cli/bin/uplift.js"), "serve", "--port", "0", "--data-dir", dataDir],
      {
        env: { ...process.env, UPLIFT_LOG_LEVEL: "warn" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /serving on (http:\/\/\S+)/.exec(stderr);
        if (match?.[1]) resolve(match[1]);
      });
      child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/api/health`)).status).toBe(401);
      const health = await fetch(`${url}/api/health`, { headers: { authorization: `Bearer ${token}` } });
      expect(health.status).toBe(200);
      expect(JSON.stringify(await health.json())).toContain("pglite");
      const me = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(await me.json()).toMatchObject({ login: "ann" });
      const metrics = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(await metrics.text()).toMatch(/http_requests_total/);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });
});
