import type { Finding } from "../types.js";
import { cvss3BaseScore, cvssRating } from "./cvss3.js";
import { cvss4BaseScore } from "./cvss4.js";
import type { OsvAffected, OsvRecord } from "./osv-schema.js";

export type Severity = Finding["severity"];

/** Order of severities, lowest first (`unknown` below `low`: it never passes a threshold). */
export const SEVERITY_ORDER: readonly Severity[] = ["unknown", "low", "medium", "high", "critical"];

export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER.indexOf(severity);
}

export function parseSeverity(value: string): Severity | undefined {
  const lower = value.trim().toLowerCase();
  return (SEVERITY_ORDER as readonly string[]).includes(lower) ? (lower as Severity) : undefined;
}

/**
 * Severity of an advisory for one affected package: the CVSS v3 base score when a v3 vector is
 * present (the affected entry's own first, then the record's), else the CVSS v4 base score,
 * else `database_specific.severity`
 * (GitHub's CRITICAL/HIGH/MODERATE/LOW), else unknown.
 */
const computed = new WeakMap<
  OsvRecord,
  Map<OsvAffected | undefined, { severity: Severity; cvss_score?: number }>
>();

export function advisorySeverity(
  record: OsvRecord,
  affected: OsvAffected | undefined,
): { severity: Severity; cvss_score?: number } {
  let byAffected = computed.get(record);
  if (!byAffected) {
    byAffected = new Map();
    computed.set(record, byAffected);
  }
  let result = byAffected.get(affected);
  if (!result) {
    result = computeSeverity(record, affected);
    byAffected.set(affected, result);
  }
  return result;
}

function computeSeverity(
  record: OsvRecord,
  affected: OsvAffected | undefined,
): { severity: Severity; cvss_score?: number } {
  const entries = [...(affected?.severity ?? []), ...(record.severity ?? [])];
  for (const [type, score] of [
    ["CVSS_V3", cvss3BaseScore],
    ["CVSS_V4", cvss4BaseScore],
  ] as const) {
    for (const entry of entries) {
      if (entry.type !== type) continue;
      const value = score(entry.score);
      if (value === undefined) continue;
      const rating = cvssRating(value);
      return { severity: rating === "none" ? "low" : rating, cvss_score: value };
    }
  }
  for (const specific of [affected?.database_specific, record.database_specific]) {
    const value = specific?.severity;
    if (typeof value !== "string") continue;
    const named = value.toLowerCase() === "moderate" ? "medium" : parseSeverity(value);
    if (named) return { severity: named };
  }
  return { severity: "unknown" };
}
