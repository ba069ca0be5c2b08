import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchAffected, SchemeCaches } from "./match-range.js";
import type { OsvAffected } from "./osv-schema.js";

const caches = new SchemeCaches();
const npm = (ranges: OsvAffected["ranges"], versions?: string[]): OsvAffected => ({
  package: { ecosystem: "npm", name: "x" },
  ranges,
  ...(versions && { versions }),
});
const semver = (...events: Record<string, string>[]) => ({
  type: "SEMVER" as const,
  events: events as never,
});

describe("OSV range matching", () => {
  it("introduced 0 covers everything below fixed", () => {
    const entry = npm([semver({ introduced: "0" }, { fixed: "1.2.6" })]);
    expect(matchAffected(entry, "npm", "0.0.1", caches)).toEqual({ fixed: "1.2.6" });
    expect(matchAffected(entry, "npm", "1.2.5", caches)).toEqual({ fixed: "1.2.6" });
    expect(matchAffected(entry, "npm", "1.2.6", caches)).toBeUndefined();
    expect(matchAffected(entry, "npm", "2.0.0", caches)).toBeUndefined();
  });

  it("last_affected includes that version and has no fixed version", () => {
    const entry = npm([semver({ introduced: "1.0.0" }, { last_affected: "1.4.0" })]);
    expect(matchAffected(entry, "npm", "0.9.0", caches)).toBeUndefined();
    expect(matchAffected(entry, "npm", "1.4.0", caches)).toEqual({ fixed: null });
    expect(matchAffected(entry, "npm", "1.4.1", caches)).toBeUndefined();
  });

  it("multiple ranges: the fixed version of the range the version is in", () => {
    const entry = npm([
      semver({ introduced: "1.0.0" }, { fixed: "1.5.3" }),
      semver({ introduced: "2.0.0" }, { fixed: "2.1.1" }),
    ]);
    expect(matchAffected(entry, "npm", "1.5.0", caches)).toEqual({ fixed: "1.5.3" });
    expect(matchAffected(entry, "npm", "1.6.0", caches)).toBeUndefined();
    expect(matchAffected(entry, "npm", "2.1.0", caches)).toEqual({ fixed: "2.1.1" });
  });

  it("several intervals in one range, events in any order", () => {
    const entry = npm([
      semver({ fixed: "2.1.1" }, { introduced: "2.0.0" }, { introduced: "1.0.0" }, { fixed: "1.5.3" }),
    ]);
    expect(matchAffected(entry, "npm", "1.5.0", caches)).toEqual({ fixed: "1.5.3" });
    expect(matchAffected(entry, "npm", "1.9.0", caches)).toBeUndefined();
    expect(matchAffected(entry, "npm", "2.0.0", caches)).toEqual({ fixed: "2.1.1" });
  });

  it("pre-releases order before their release", () => {
    const entry = npm([semver({ introduced: "0" }, { fixed: "2.0.0" })]);
    expect(matchAffected(entry, "npm", "2.0.0-rc.1", caches)).toEqual({ fixed: "2.0.0" });
  });

  it("limit bounds the range from above", () => {
    const entry = npm([semver({ introduced: "0" }, { limit: "3.0.0" })]);
    expect(matchAffected(entry, "npm", "2.9.9", caches)).toEqual({ fixed: null });
    expect(matchAffected(entry, "npm", "3.0.0", caches)).toBeUndefined();
  });

  it("matches an explicit versions list, and ignores GIT ranges", () => {
    const entry = npm(
      [{ type: "GIT", repo: "https://example.invalid/x", events: [{ introduced: "0" }] }],
      ["1.0.0", "1.0.1"],
    );
    expect(matchAffected(entry, "npm", "1.0.1", caches)).toEqual({ fixed: null });
    expect(matchAffected(entry, "npm", "1.0.2", caches)).toBeUndefined();
  });

  it("uses each ecosystem's order for ECOSYSTEM ranges", () => {
    const eco = (ecosystem: string, ...events: Record<string, string>[]): OsvAffected => ({
      package: { ecosystem, name: "x" },
      ranges: [{ type: "ECOSYSTEM", events: events as never }],
    });
    // PEP 440: 2.0rc1 < 2.0, 1.0.post1 > 1.0
    const py = eco("PyPI", { introduced: "0" }, { fixed: "2.0" });
    expect(matchAffected(py, "PyPI", "2.0rc1", caches)).toEqual({ fixed: "2.0" });
    expect(matchAffected(py, "PyPI", "2.0.0", caches)).toBeUndefined();
    // Maven: 2.15.0-rc1 < 2.15.0; 2.12.6.1 > 2.12.6
    const mvn = eco("Maven", { introduced: "2.0" }, { fixed: "2.15.0" });
    expect(matchAffected(mvn, "Maven", "2.15.0-rc1", caches)).toEqual({ fixed: "2.15.0" });
    expect(matchAffected(mvn, "Maven", "2.15.0.1", caches)).toBeUndefined();
    // Go: a pseudo-version before the fix commit's release
    const go = eco("Go", { introduced: "0" }, { fixed: "0.0.0-20210520170846-37e1c6afe023" });
    expect(matchAffected(go, "Go", "v0.0.0-20210220033124-5f55cee0dc0d", caches)).toEqual({
      fixed: "0.0.0-20210520170846-37e1c6afe023",
    });
    expect(matchAffected(go, "Go", "v0.0.0-20220101000000-abcdefabcdef", caches)).toBeUndefined();
  });

  it("skips an unparsable installed version instead of guessing", () => {
    const entry = npm([semver({ introduced: "0" }, { fixed: "1.0.0" })]);
    expect(matchAffected(entry, "npm", "latest", caches)).toBeUndefined();
  });

  it("agrees with a brute-force interval model on generated ranges, whatever the event order", () => {
    type V = [number, number, number];
    const text = ([a, b, c]: V) => `${a}.${b}.${c}`;
    const key = ([a, b, c]: V) => a * 100 + b * 10 + c;
    const version = fc.tuple(fc.nat(4), fc.nat(4), fc.nat(4));
    fc.assert(
      fc.property(
        fc.uniqueArray(version, { minLength: 1, maxLength: 8, selector: key }),
        fc.boolean(),
        version,
        fc.nat(),
        (bounds, open, installed, seed) => {
          // introduced b0, fixed b1, introduced b2, …; an odd count ends open or with last_affected
          const sorted = [...bounds].sort((a, b) => key(a) - key(b));
          const events = sorted.map(
            (b, i): Record<string, string> => (i % 2 === 0 ? { introduced: text(b) } : { fixed: text(b) }),
          );
          if (sorted.length % 2 === 1 && !open) events.push({ last_affected: text(sorted.at(-1) as V) });
          const model = (v: number) => {
            for (let i = 0; i < sorted.length; i += 2) {
              const from = key(sorted[i] as V);
              const to = sorted[i + 1];
              if (to) {
                if (v >= from && v < key(to)) return { fixed: text(to) };
              } else if (open ? v >= from : v === from) return { fixed: null };
            }
            return undefined;
          };
          const shuffled = events
            .map((e, i) => ({ e, order: Math.sin(seed + i) }))
            .sort((a, b) => a.order - b.order)
            .map((x) => x.e);
          const result = matchAffected(npm([semver(...shuffled)]), "npm", text(installed), caches);
          expect(result).toEqual(model(key(installed)));
        },
      ),
      { numRuns: 500 },
    );
  });
});
