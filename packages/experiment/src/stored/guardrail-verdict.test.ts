import { describe, expect, it } from "vitest";
import type { AnalysisReport, NonInferiority } from "../analysis/analysis-report.js";
import { guardrailRow } from "./guardrail-verdict.js";

function report(ci: [number, number], ni: Partial<NonInferiority>): AnalysisReport {
  return {
    effect: { estimate: (ci[0] + ci[1]) / 2, ci, scale: "relative" },
    checks: {
      non_inferiority: {
        margin: 0.1,
        direction: "lower is better",
        p_value: 0.2,
        bound: ci[1],
        non_inferior: false,
        ...ni,
      },
    },
  } as unknown as AnalysisReport;
}

describe("guardrailRow (CONSORT non-inferiority reading)", () => {
  it("is non-inferior when worsening by the margin is ruled out", () => {
    expect(
      guardrailRow("revert_rate", report([-0.05, 0.06], { non_inferior: true, p_value: 0.004 }), 0.1)
        ?.verdict,
    ).toBe("non-inferior");
  });

  it("is worse when the whole interval lies beyond the margin, inconclusive when it straddles it", () => {
    expect(guardrailRow("revert_rate", report([0.12, 0.3], {}), 0.1)?.verdict).toBe("worse");
    expect(guardrailRow("revert_rate", report([0.02, 0.3], {}), 0.1)?.verdict).toBe("inconclusive");
  });

  it("mirrors for metrics where higher is better", () => {
    const higher = { direction: "higher is better" as const, margin: -0.1 };
    expect(guardrailRow("acceptance", report([-0.3, -0.12], higher), 0.1)?.verdict).toBe("worse");
    expect(guardrailRow("acceptance", report([-0.3, 0.05], higher), 0.1)?.verdict).toBe("inconclusive");
  });

  it("is undefined without a non-inferiority test", () => {
    const plain = { ...report([0, 1], {}), checks: { non_inferiority: null } } as unknown as AnalysisReport;
    expect(guardrailRow("pr_size", plain, 0.1)).toBeUndefined();
  });
});
