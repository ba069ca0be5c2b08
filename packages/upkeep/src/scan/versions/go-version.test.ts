import { describe, expect, it } from "vitest";
import { goVersionScheme } from "./go-version.js";

const cmp = (a: string, b: string) => {
  const pa = goVersionScheme.parse(a);
  const pb = goVersionScheme.parse(b);
  if (!pa || !pb) throw new Error(`unparsable ${a} or ${b}`);
  return goVersionScheme.compare(pa, pb);
};

describe("Go module versions", () => {
  it.each([
    // golang.org/x/mod/semver's documented order and the Go modules reference's pseudo-version rules
    ["v0.0.0-20191109021931-daa7c04131f5", "v0.0.0-20200101000000-abcdef123456"],
    ["v0.0.0-20200101000000-abcdef123456", "v0.1.0"],
    ["v1.2.3", "v1.2.4-0.20200101000000-abcdef123456"],
    ["v1.2.4-0.20200101000000-abcdef123456", "v1.2.4"],
    ["v1.2.4-pre", "v1.2.4-pre.0.20200101000000-abcdef123456"],
    ["v1.0.0-alpha", "v1.0.0-alpha.1"],
    ["v1.0.0-alpha.1", "v1.0.0-alpha.beta"],
    ["v1.0.0-beta.2", "v1.0.0-beta.11"],
    ["v1.0.0-rc.1", "v1.0.0"],
    ["v2.0.0+incompatible", "v2.0.1+incompatible"],
    ["v1.9.9", "v2.0.0+incompatible"],
  ])("orders %s < %s", (low, high) => {
    expect(cmp(low, high)).toBeLessThan(0);
    expect(cmp(high, low)).toBeGreaterThan(0);
  });

  it("ignores +incompatible in the order and reads v1.2 as v1.2.0", () => {
    expect(cmp("v2.0.0+incompatible", "v2.0.0")).toBe(0);
    expect(cmp("v1.2", "v1.2.0")).toBe(0);
    expect(cmp("v1", "v1.0.0")).toBe(0);
  });

  it("rejects what Go does not accept", () => {
    expect(goVersionScheme.parse("latest")).toBeUndefined();
    expect(goVersionScheme.parse("v1.2-pre")).toBeUndefined();
  });
});
