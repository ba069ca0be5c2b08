import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./run-cli.js";

function snapshotDir(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = s.mtimeMs;
    }
  };
  walk(dir);
  return out;
}

describe("uplift CLI", () => {
  it("prints help listing the commands and exits 0", () => {
    const { status, stdout } = runCli(["--help"]);
    expect(status).toBe(0);
    for (const command of ["serve", "worker", "demo", "token", "user"]) expect(stdout).toContain(command);
  });

  it("exits 2 on an unknown option", () => {
    const { status, stderr } = runCli(["token", "create", "--frobnicate"]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/unknown option/);
  });

  it("exits 2 naming the key when uplift.yaml is invalid", () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, "uplift.yaml"), 'server:\n  port: "not-a-number"\n');
    const { status, stderr } = runCli(["serve", "--data-dir", path.join(cwd, "d")], { cwd });
    expect(status).toBe(2);
    expect(stderr).toMatch(/uplift\.yaml:2: server\.port/);
    expect(existsSync(path.join(cwd, "d"))).toBe(false);
  });

  it("creates a user and a token, accepting --data-dir before or after the command", () => {
    const dataDir = path.join(tempDir(), "data");
    const added = runCli(["--data-dir", dataDir, "user", "add", "ann", "--groups", "sre,web", "--json"]);
    expect(added.status, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ login: "ann", groups: ["sre", "web"] });
    const created = runCli(["token", "create", "--user", "ann", "--json", "--data-dir", dataDir]);
    expect(created.status, created.stderr).toBe(0);
    const body = JSON.parse(created.stdout) as { token: string; user: string };
    expect(body.user).toBe("ann");
    expect(body.token.length).toBeGreaterThanOrEqual(16);
    const listed = runCli(["user", "list", "--json", "--data-dir", dataDir]);
    expect(JSON.parse(listed.stdout).users.map((u: { login: string }) => u.login)).toEqual(["ann"]);
    // the plaintext token is never stored
    const stored = Object.keys(snapshotDir(dataDir))
      .map((f) => readFileSync(path.join(dataDir, f)))
      .some((bytes) => bytes.includes(Buffer.from(body.token)));
    expect(stored).toBe(false);
  });

  it("rejects a bad group name with exit 2 and stores nothing", () => {
    const dataDir = path.join(tempDir(), "data");
    const { status, stderr } = runCli([
      "user",
      "add",
      "ann",
      "--groups",
      "sre,bad group",
      "--data-dir",
      dataDir,
    ]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--groups: "bad group"/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("gives one clear line and exit 1 for an unreachable database", () => {
    const { status, stderr } = runCli(["user", "list"], {
      env: { UPLIFT_DATABASE_URL: "postgres://postgres@127.0.0.1:1/test" },
    });
    expect(status).toBe(1);
    expect(
      stderr
        .trim()
        .split("\n")
        .filter((l) => l.startsWith("uplift:")),
    ).toHaveLength(1);
    expect(stderr).toMatch(/127\.0\.0\.1:1/);
  });

  it("gives a clear error for a corrupt data dir and changes nothing in it", () => {
    const dataDir = path.join(tempDir(), "data");
    expect(runCli(["user", "add", "ann", "--data-dir", dataDir]).status).toBe(0);
    writeFileSync(path.join(dataDir, "pg", "PG_VERSION"), "garbage\n");
    const before = snapshotDir(dataDir);
    const { status, stderr } = runCli(["user", "list", "--data-dir", dataDir]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/corrupt|damaged|not a valid/i);
    expect(stderr).toContain(path.join(dataDir, "pg"));
    expect(snapshotDir(dataDir)).toEqual(before);
  });

  it("gives one clear line and exit 1 when Redis is unreachable for the worker", () => {
    const { status, stderr } = runCli(["worker"], { env: { UPLIFT_QUEUE_REDIS_URL: "redis://127.0.0.1:1" } });
    expect(status).toBe(1);
    expect(stderr).toMatch(/127\.0\.0\.1:1/);
  });
});
