import { describe, expect, it } from "vitest";
import { metricDefinitions } from "./definitions.js";

describe("metricDefinitions", () => {
  const byName = new Map(metricDefinitions().map((definition) => [definition.name, definition]));

  it("gives every quality guardrail of DESIGN a direction and a non-inferiority margin", () => {
    for (const name of [
      "revert_rate",
      "rework_rate",
      "hotfix_rate",
      "bug_fix_share",
      "new_findings_per_pr",
      "unreviewed_merge_rate",
    ]) {
      const definition = byName.get(name);
      expect(definition, name).toBeDefined();
      expect(definition?.direction, name).toBe("lower_is_better");
      expect(definition?.non_inferiority_margin, name).toBeGreaterThan(0);
      expect(definition?.non_inferiority_margin, name).toBeLessThan(1);
    }
  });

  it("takes lower as better for durations and states no direction where none is set", () => {
    expect(byName.get("pr_merge_time")).toMatchObject({
      direction: "lower_is_better",
      non_inferiority_margin: null,
    });
    expect(byName.get("prs_per_developer_week")).toMatchObject({
      direction: null,
      non_inferiority_margin: null,
    });
    expect(byName.get("review_comments_per_100_lines")?.direction).toBeNull();
  });
});
