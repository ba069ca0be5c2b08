import { describe, expect, it } from "vitest";
import { cvss4BaseScore } from "./cvss4.js";
import type { OsvRecord } from "./osv-schema.js";
import { advisorySeverity } from "./severity.js";

const V3 = { type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H" }; // 7.5
const V4 = { type: "CVSS_V4", score: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" }; // 9.3

describe("advisory severity", () => {
  it("scores CVSS v4.0 base vectors (FIRST calculator values) and refuses partial ones", () => {
    expect(cvss4BaseScore(V4.score)).toBe(9.3);
    expect(cvss4BaseScore("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H")).toBe(10);
    expect(cvss4BaseScore("CVSS:4.0/AV:N/AC:L")).toBeUndefined();
    expect(cvss4BaseScore(V3.score)).toBeUndefined();
  });

  it("prefers the affected entry's CVSS v3, then the record's v3, then v4, then the database's word", () => {
    const record = (extra: Partial<OsvRecord>): OsvRecord => ({ id: "X", ...extra });
    expect(advisorySeverity(record({ severity: [V4, V3] }), undefined)).toEqual({
      severity: "high",
      cvss_score: 7.5,
    });
    expect(advisorySeverity(record({ severity: [V4] }), undefined)).toEqual({
      severity: "critical",
      cvss_score: 9.3,
    });
    const affected = {
      severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N" }],
    };
    expect(advisorySeverity(record({ severity: [V3] }), affected)).toEqual({
      severity: "medium",
      cvss_score: 6.5,
    });
    expect(advisorySeverity(record({ database_specific: { severity: "MODERATE" } }), undefined)).toEqual({
      severity: "medium",
    });
    expect(
      advisorySeverity(record({ severity: [{ type: "CVSS_V3", score: "garbage" }] }), undefined),
    ).toEqual({
      severity: "unknown",
    });
  });
});
