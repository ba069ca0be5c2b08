import { describe, expect, it } from "vitest";
import type { Finding } from "../scan/types.js";
import { compareLoose, targetsFromScan } from "./campaign-input.js";

const finding = (advisory: string, fixed: string | null, extra: Partial<Finding> = {}): Finding => ({
  advisory_id: advisory,
  aliases: [],
  ecosystem: "npm",
  package: "marked",
  version: "3.0.8",
  direct: true,
  file: "package-lock.json",
  path: ["marked"],
  fixed_version: fixed,
  severity: "high",
  ...extra,
});

describe("campaign targets from scan findings", () => {
  it("bumps each package once, to the highest of its findings' fixed versions", () => {
    const { repos, unfixable } = targetsFromScan({
      repositories: [
        {
          repo: "docs",
          path: "/r/docs",
          findings: [
            finding("GHSA-a", "4.0.10"),
            finding("GHSA-b", "2.0.0"),
            finding("GHSA-c", null),
            finding("GHSA-d", "1.2.6", { package: "minimist", version: "1.2.5", direct: false }),
          ],
        },
        { repo: "clean", path: "/r/clean", findings: [] },
      ],
    });
    expect(repos).toEqual([
      {
        repo: "docs",
        path: "/r/docs",
        targets: [
          expect.objectContaining({
            package: "marked",
            from: "3.0.8",
            to: "4.0.10",
            advisories: [
              expect.objectContaining({ id: "GHSA-a" }),
              expect.objectContaining({ id: "GHSA-b" }),
            ],
          }),
          expect.objectContaining({ package: "minimist", to: "1.2.6", direct: false }),
        ],
      },
    ]);
    expect(unfixable.map((f) => f.advisory_id)).toEqual(["GHSA-c"]);
  });

  it("compares dotted versions numerically", () => {
    expect(compareLoose("4.0.10", "4.0.9")).toBe(1);
    expect(compareLoose("v0.3.8", "0.3.8")).toBe(0);
    expect(compareLoose("2.31.0", "2.4.0")).toBe(1);
  });
});
