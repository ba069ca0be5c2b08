import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { InputError } from "@uplift/core";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { loadAdvisories } from "./load-advisories.js";

const record = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id,
    modified: "2024-01-01T00:00:00Z",
    affected: [
      {
        package: { ecosystem: "npm", name: "minimist" },
        ranges: [{ type: "SEMVER", events: [{ introduced: "0" }, { fixed: "1.2.6" }] }],
      },
    ],
    ...extra,
  });

describe("loadAdvisories", () => {
  it("loads records recursively, names bad files, skips withdrawn ones and counts GIT ranges", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "upkeep-osv-"));
    mkdirSync(path.join(dir, "npm", "nested"), { recursive: true });
    writeFileSync(path.join(dir, "npm", "A-1.json"), record("A-1"));
    writeFileSync(path.join(dir, "npm", "nested", "A-2.json"), record("A-2"));
    writeFileSync(path.join(dir, "W-1.json"), record("W-1", { withdrawn: "2024-02-01T00:00:00Z" }));
    writeFileSync(path.join(dir, "broken.json"), "{ not json");
    writeFileSync(path.join(dir, "no-id.json"), JSON.stringify({ affected: [] }));
    writeFileSync(
      path.join(dir, "G-1.json"),
      JSON.stringify({
        id: "G-1",
        affected: [
          { package: { ecosystem: "Debian:12", name: "openssl" } },
          { ranges: [{ type: "GIT", repo: "https://example.invalid/r", events: [{ introduced: "0" }] }] },
        ],
      }),
    );
    writeFileSync(path.join(dir, "README.md"), "not an advisory");

    const db = await loadAdvisories(dir);
    expect(db.loaded).toBe(3);
    expect(db.withdrawn).toBe(1);
    expect(db.git_ranges_ignored).toBe(1);
    expect(db.other_ecosystems).toBe(2);
    expect(db.skipped.map((s) => s.file).sort()).toEqual(["broken.json", "no-id.json"]);
    expect(db.skipped.find((s) => s.file === "no-id.json")?.message).toMatch(/id/);
    expect(
      db.index
        .lookup("npm", "minimist")
        .map((e) => e.record.id)
        .sort(),
    ).toEqual(["A-1", "A-2"]);
  });

  it("reads OSV all.zip exports entry by entry, naming a bad entry inside the archive", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "upkeep-osv-zip-"));
    writeFileSync(
      path.join(dir, "all.zip"),
      zipSync({
        "Z-1.json": strToU8(record("Z-1")),
        "Z-2.json": strToU8(record("Z-2")),
        "bad.json": strToU8("{"),
        README: strToU8("not json"),
      }),
    );
    writeFileSync(path.join(dir, "broken.zip"), "not a zip at all");
    const db = await loadAdvisories(dir);
    expect(db.loaded).toBe(2);
    expect(
      db.index
        .lookup("npm", "minimist")
        .map((e) => e.record.id)
        .sort(),
    ).toEqual(["Z-1", "Z-2"]);
    expect(db.skipped.map((s) => s.file)).toContain("all.zip/bad.json");
    expect(db.skipped.map((s) => s.file)).toContain("broken.zip");
  });

  it("refuses a directory that does not exist", async () => {
    await expect(loadAdvisories("/nonexistent/osv")).rejects.toBeInstanceOf(InputError);
  });
});
