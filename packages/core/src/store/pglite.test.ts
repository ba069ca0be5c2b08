import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CorruptDataError, UnavailableError } from "../errors.js";
import { openStore } from "./index.js";
import { openPgliteStore } from "./pglite.js";
import { describeStoreContract } from "./store-contract.js";
import type { Store } from "./types.js";

const root = mkdtempSync(path.join(tmpdir(), "uplift-pglite-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeStoreContract("pglite", () => openPgliteStore({ dataDir: path.join(root, "contract") }));

describe("PGlite data dir", () => {
  const dataDir = path.join(root, "persist");
  let store: Store | undefined;

  beforeAll(async () => {
    store = await openStore({ dataDir });
    await store.query("CREATE TABLE notes (id int PRIMARY KEY, text text)");
    await store.insertMany("notes", ["id", "text"], [[1, "kept across reopen"]]);
  });
  afterAll(async () => {
    await store?.close();
  });

  it("is chosen by openStore when no database url is configured", () => {
    expect(store?.driver).toBe("pglite");
  });

  it("refuses a second open while the first holds the lock, naming the dir and the holder's pid", async () => {
    const second = openStore({ dataDir });
    await expect(second).rejects.toBeInstanceOf(UnavailableError);
    await expect(second).rejects.toThrow(
      `${path.join(dataDir, "pg")} is in use by this process (pid ${process.pid})`,
    );
    expect(readFileSync(path.join(dataDir, "pg.lock"), "utf8")).toBe(`${process.pid}\n`);
  });

  it("keeps the data across close and reopen, and takes over a lock left by a dead process", async () => {
    await store?.close();
    writeFileSync(path.join(dataDir, "pg.lock"), `${deadPid()}\n`);
    store = await openStore({ dataDir });
    expect((await store.query("SELECT text FROM notes")).rows).toEqual([{ text: "kept across reopen" }]);
    expect(readFileSync(path.join(dataDir, "pg.lock"), "utf8")).toBe(`${process.pid}\n`);
  });

  it("removes its lock file on close", async () => {
    await store?.close();
    store = undefined;
    expect(readdirSync(dataDir)).toEqual(["pg"]);
  });

  describe("a damaged database directory", () => {
    const damaged: [string, (pg: string) => void][] = [
      ["garbage in PG_VERSION", (pg) => writeFileSync(path.join(pg, "PG_VERSION"), "\u0000\u0013garbage")],
      ["a missing global/pg_control", (pg) => rmSync(path.join(pg, "global", "pg_control"))],
      ["a missing base/ directory", (pg) => rmSync(path.join(pg, "base"), { recursive: true })],
      ["another PostgreSQL major version", (pg) => writeFileSync(path.join(pg, "PG_VERSION"), "17\n")],
      // Passes the file checks: PGlite itself refuses it.
      [
        "a zeroed global/pg_control",
        (pg) => writeFileSync(path.join(pg, "global", "pg_control"), Buffer.alloc(8192)),
      ],
    ];

    it.each(damaged)(
      "with %s gives one CorruptDataError naming the directory and changes nothing",
      async (_, damage) => {
        const copy = mkdtempSync(path.join(root, "damaged-"));
        cpSync(path.join(dataDir, "pg"), path.join(copy, "pg"), { recursive: true });
        damage(path.join(copy, "pg"));
        const before = snapshot(copy);
        const opening = openPgliteStore({ dataDir: copy });
        await expect(opening).rejects.toBeInstanceOf(CorruptDataError);
        await expect(opening).rejects.toThrow(
          new RegExp(`^the embedded database in ${path.join(copy, "pg")} is damaged: [^\\n]+$`),
        );
        expect(snapshot(copy)).toEqual(before);
      },
    );
  });
});

/** A pid that no process has: a child that already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  if (!child.pid) throw new Error("could not spawn a child process to get a dead pid");
  return child.pid;
}

/** Every file under `dir` with its size, mtime and sha256, to prove a failed open wrote nothing. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const stat = statSync(file);
    files[path.relative(dir, file)] = entry.isFile()
      ? `${stat.size} ${stat.mtimeMs} ${createHash("sha256").update(readFileSync(file)).digest("hex")}`
      : "dir";
  }
  return files;
}
