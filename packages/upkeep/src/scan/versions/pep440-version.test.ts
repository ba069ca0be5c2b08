import { describe, expect, it } from "vitest";
import { normalizePythonName, pep440VersionScheme } from "./pep440-version.js";

describe("PEP 440 versions", () => {
  // PEP 440's own example of a sorted list ("Summary of permitted suffixes and relative ordering").
  const sorted = [
    "1.dev0",
    "1.0.dev456",
    "1.0a1",
    "1.0a2.dev456",
    "1.0a12.dev456",
    "1.0a12",
    "1.0b1.dev456",
    "1.0b2",
    "1.0b2.post345.dev456",
    "1.0b2.post345",
    "1.0rc1.dev456",
    "1.0rc1",
    "1.0",
    "1.0+abc.5",
    "1.0+abc.7",
    "1.0+5",
    "1.0.post456.dev34",
    "1.0.post456",
    "1.0.15",
    "1.1.dev1",
  ];
  it("orders PEP 440's example list", () => {
    const parsed = sorted.map((v) => pep440VersionScheme.parse(v) as string);
    for (let i = 1; i < parsed.length; i++)
      expect(
        pep440VersionScheme.compare(parsed[i - 1] as string, parsed[i] as string),
        `${sorted[i - 1]} < ${sorted[i]}`,
      ).toBeLessThan(0);
  });

  it("treats 1.0 and 1.0.0 as equal and normalises spellings", () => {
    expect(pep440VersionScheme.compare("1.0", "1.0.0")).toBe(0);
    expect(pep440VersionScheme.compare("1.0RC1", "1.0rc1")).toBe(0);
    expect(pep440VersionScheme.parse("not a version")).toBeUndefined();
  });

  it("normalises names as PEP 503 does", () => {
    expect(normalizePythonName("Django_REST.framework")).toBe("django-rest-framework");
    expect(normalizePythonName("PyYAML")).toBe("pyyaml");
  });
});
