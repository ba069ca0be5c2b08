import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UnavailableError } from "../errors.js";
import { silentLogger } from "../logger.js";
import { acquireDataDirLock } from "./data-dir-lock.js";

const root = mkdtempSync(path.join(tmpdir(), "uplift-lock-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const lockIn = (name: string) => path.join(root, `${name}.lock`);

describe("acquireDataDirLock", () => {
  it("writes this process's pid and removes the file on release", () => {
    const lock = acquireDataDirLock(lockIn("own"), "/data/pg", silentLogger());
    expect(readFileSync(lockIn("own"), "utf8")).toBe(`${process.pid}\n`);
    lock.release();
    lock.release();
    expect(existsSync(lockIn("own"))).toBe(false);
  });

  it("refuses a lock held by another live process, naming the guarded dir and its pid", async () => {
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      writeFileSync(lockIn("live"), `${holder.pid}\n`);
      const taking = () => acquireDataDirLock(lockIn("live"), "/data/pg", silentLogger());
      expect(taking).toThrow(UnavailableError);
      expect(taking).toThrow(
        `the embedded database /data/pg is in use by another process (pid ${holder.pid})`,
      );
      expect(readFileSync(lockIn("live"), "utf8")).toBe(`${holder.pid}\n`);
    } finally {
      holder.kill();
    }
  });

  it.each([
    ["a dead pid", () => `${spawnSync(process.execPath, ["-e", ""]).pid}\n`],
    ["no pid at all", () => ""],
    ["garbage", () => "not-a-pid"],
  ])("takes over a stale lock holding %s", (what, content) => {
    const file = lockIn(`stale-${what.replaceAll(" ", "-")}`);
    writeFileSync(file, content());
    const lock = acquireDataDirLock(file, "/data/pg", silentLogger());
    expect(readFileSync(file, "utf8")).toBe(`${process.pid}\n`);
    lock.release();
  });
});
