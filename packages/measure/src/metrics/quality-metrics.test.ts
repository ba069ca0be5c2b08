import { describe, expect, it } from "vitest";
import type { QualityPrFact } from "./quality-facts.js";
import {
  approvalWithoutCommentsRate,
  reviewCommentsPer100Lines,
  reworkRate,
  unreviewedMergeRate,
} from "./quality-metrics.js";
import { type MetricInputs, resolveOptions } from "./types.js";

const merged = Date.parse("2025-03-04T12:00:00Z");

function pr(id: string, fields: Partial<QualityPrFact> = {}): QualityPrFact {
  return {
    id,
    repo: "acme/web",
    author: "ann",
    merged,
    draft: false,
    bot: false,
    size: 100,
    hotfix: false,
    bugFix: "",
    revertedBy: "",
    reviewKnown: true,
    reviewed: true,
    approved: true,
    reviewComments: 0,
    linesAdded: Number.NaN,
    linesReworked: Number.NaN,
    reworkWindowClosed: false,
    newFindings: Number.NaN,
    newErrors: Number.NaN,
    newWarnings: Number.NaN,
    newNotes: Number.NaN,
    newSecurityHigh: Number.NaN,
    ...fields,
  };
}

const inputs = (prs: QualityPrFact[]): MetricInputs => ({
  prs: [],
  deployments: [],
  incidents: [],
  telemetry: [],
  quality: { prs },
});

describe("review signals", () => {
  const prs = [
    pr("a", { reviewComments: 4, size: 200 }),
    pr("b", { reviewComments: 0, size: 50 }),
    pr("c", { reviewed: false, approved: false, reviewComments: 0, size: 30, author: "bob" }),
    pr("d", { reviewKnown: false, reviewed: false, approved: false, reviewComments: Number.NaN }),
    pr("e", { bot: true }),
  ];

  it("counts merges without a review by someone else, leaving out sources without review data", () => {
    const [row] = unreviewedMergeRate.compute(inputs(prs), resolveOptions());
    expect(row).toMatchObject({ value: 1 / 3, n: 3, excluded: { no_review_data: 1, bot: 1 } });
  });

  it("pools review comments per 100 changed lines over the group", () => {
    const [row] = reviewCommentsPer100Lines.compute(inputs(prs), resolveOptions());
    expect(row).toMatchObject({ value: (100 * 4) / 280, n: 3, numerator: 4, denominator: 280 });
  });

  it("counts approvals that left no comment among approved PRs", () => {
    const [row] = approvalWithoutCommentsRate.compute(inputs(prs), resolveOptions());
    expect(row).toMatchObject({ value: 0.5, n: 2, excluded: { not_approved: 1, no_review_data: 1, bot: 1 } });
  });

  it("splits by author and keeps a group whose PRs were all excluded", () => {
    const rows = reworkRate.compute(
      inputs([
        pr("a", { linesAdded: 10, linesReworked: 3, reworkWindowClosed: true }),
        pr("c", { author: "bob" }),
      ]),
      resolveOptions({ groupBy: "author" }),
    );
    expect(rows).toMatchObject([
      { group: "ann", value: 0.3, n: 1 },
      { group: "bob", value: null, n: 0, excluded: { no_rework_analysis: 1 } },
    ]);
  });
});
