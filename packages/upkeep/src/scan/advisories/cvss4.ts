import { createRequire } from "node:module";

// ae-cvss-calculator ({metæffekt}'s implementation of every CVSS version) is a webpack bundle
// whose exports ESM cannot see: load it through require.
const calculator = createRequire(import.meta.url)(
  "ae-cvss-calculator",
) as typeof import("ae-cvss-calculator");

const BASE_METRICS = ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"];

/**
 * CVSS v4.0 base score (CVSS-B) of a vector through `ae-cvss-calculator`; undefined unless the
 * vector is v4.0 and names every base metric (the calculator scores a partial vector as 0).
 */
export function cvss4BaseScore(vector: string): number | undefined {
  const parts = vector.trim().split("/");
  if (parts[0] !== "CVSS:4.0") return undefined;
  const named = new Set(parts.slice(1).map((p) => p.split(":")[0]));
  if (!BASE_METRICS.every((metric) => named.has(metric))) return undefined;
  try {
    return new calculator.Cvss4P0(vector.trim()).calculateScores().base;
  } catch {
    return undefined; // not a vector the calculator accepts: the caller falls back
  }
}
