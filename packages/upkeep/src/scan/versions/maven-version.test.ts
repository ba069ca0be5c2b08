import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareMavenTokens, mavenVersionScheme, parseMavenVersion } from "./maven-version.js";

const cmp = (a: string, b: string) => compareMavenTokens(parseMavenVersion(a), parseMavenVersion(b));

describe("Maven version order", () => {
  // The examples of the POM reference's "Version Order Specification".
  it.each([
    ["1", "1.1"],
    ["1-snapshot", "1"],
    ["1", "1-sp"],
    ["1-foo2", "1-foo10"],
    ["1-foo", "1-1"],
    ["1-1", "1.1"],
    ["1-ga", "1-sp"],
    ["1-ga.1", "1-sp.1"],
    ["1-sp-1", "1-ga-1"],
  ])("orders %s < %s (POM reference)", (low, high) => {
    expect(cmp(low, high)).toBeLessThan(0);
    expect(cmp(high, low)).toBeGreaterThan(0);
  });

  it.each([
    ["1.foo", "1-foo"],
    ["1.ga", "1"],
    ["1-ga", "1"],
    ["1-0", "1"],
    ["1.0", "1"],
    ["1-ga-1", "1-1"],
    ["1-a1", "1-alpha-1"],
    ["1.0.0", "1"],
    ["1.0-0", "1"],
    ["1final", "1"],
    ["1cr", "1rc"],
    ["1b2", "1beta2"],
    ["1m3", "1MILESTONE3"],
    ["1-RELEASE", "1"],
    ["1X", "1x"],
  ])("treats %s = %s", (a, b) => {
    expect(cmp(a, b)).toBe(0);
  });

  // Qualifier order of Maven's ComparableVersionTest, each lower than all that follow.
  const qualifiers = [
    "1-alpha2",
    "1-alpha-123",
    "1-beta-2",
    "1-beta123",
    "1-m2",
    "1-m11",
    "1-rc",
    "1-cr2",
    "1-rc123",
    "1-SNAPSHOT",
    "1",
    "1-sp",
    "1-sp2",
    "1-sp123",
    "1-abc",
    "1-def",
    "1-pom-1",
    "1-1-snapshot",
    "1-1",
    "1-2",
    "1-123",
  ];
  it("orders Maven's qualifier test list", () => {
    for (let i = 0; i < qualifiers.length; i++)
      for (let j = i + 1; j < qualifiers.length; j++)
        expect(
          cmp(qualifiers[i] as string, qualifiers[j] as string),
          `${qualifiers[i]} < ${qualifiers[j]}`,
        ).toBeLessThan(0);
  });

  it.each([
    ["1.0-alpha-1", "1.0"],
    ["1.0-alpha-1", "1.0-beta-1"],
    ["1.0-beta-1", "1.0-SNAPSHOT"],
    ["1.0-SNAPSHOT", "1.0"],
    ["1.0-alpha-1-SNAPSHOT", "1.0-alpha-1"],
    ["1.0", "1.0-1"],
    ["1.0.0", "1.0-1"],
    ["2.0-1", "2.0.1"],
    ["2.0.1-klm", "2.0.1-lmn"],
    ["2.0.1", "2.0.1-xyz"],
    ["2.0.1-xyz", "2.0.1-123"],
    ["2.12.6", "2.12.6.1"],
    ["2.9.10.7", "2.9.10.8"],
    ["5.3.17", "5.3.18"],
    ["2.14.1", "2.15.0-rc1"],
    ["2.15.0-rc1", "2.15.0"],
    ["1.0.0.RC1", "1.0.0"],
    ["9.4.43.v20210629", "9.4.44.v20210927"],
    ["10", "9999999999999999999999"],
  ])("orders %s < %s (ComparableVersionTest, real releases)", (low, high) => {
    expect(cmp(low, high)).toBeLessThan(0);
  });

  it("is a total order: antisymmetric and transitive on generated versions", () => {
    const part = fc.oneof(
      fc.nat({ max: 20 }).map(String),
      fc.constantFrom("alpha", "beta", "rc", "snapshot", "sp", "ga", "foo", "a", "b"),
    );
    const version = fc
      .array(fc.tuple(fc.constantFrom(".", "-"), part), { minLength: 1, maxLength: 5 })
      .map((parts) => `1${parts.map(([sep, p]) => sep + p).join("")}`);
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        expect(Math.sign(cmp(a, b))).toBe(-Math.sign(cmp(b, a)) || 0);
        if (cmp(a, b) <= 0 && cmp(b, c) <= 0) expect(cmp(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it("rejects ranges and blanks as versions", () => {
    expect(mavenVersionScheme.parse("[1.0,2.0)")).toBeUndefined();
    expect(mavenVersionScheme.parse(" ")).toBeUndefined();
    expect(mavenVersionScheme.parse("1.2.3")).toBeDefined();
  });
});
