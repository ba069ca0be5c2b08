/**
 * CVSS v3.0/v3.1 base score from a vector string, with the formula and constants of the FIRST
 * specification (https://www.first.org/cvss/v3.1/specification-document, section 7.1 and
 * Appendix A's Roundup). Returns undefined for a vector that is not a complete v3 base vector.
 */
const WEIGHTS = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

export function cvss3BaseScore(vector: string): number | undefined {
  const parts = vector.trim().split("/");
  const head = parts.shift();
  if (head !== "CVSS:3.0" && head !== "CVSS:3.1") return undefined;
  const metrics = new Map<string, string>();
  for (const part of parts) {
    const [key, value] = part.split(":");
    if (!key || !value) return undefined;
    metrics.set(key, value);
  }
  const get = <T extends Record<string, number>>(key: string, table: T) => {
    const value = metrics.get(key);
    return value !== undefined && value in table ? table[value as keyof T] : undefined;
  };
  const scope = metrics.get("S");
  if (scope !== "U" && scope !== "C") return undefined;
  const changed = scope === "C";
  const av = get("AV", WEIGHTS.AV);
  const ac = get("AC", WEIGHTS.AC);
  const ui = get("UI", WEIGHTS.UI);
  const pr = get("PR", changed ? { N: 0.85, L: 0.68, H: 0.5 } : { N: 0.85, L: 0.62, H: 0.27 });
  const c = get("C", WEIGHTS.CIA);
  const i = get("I", WEIGHTS.CIA);
  const a = get("A", WEIGHTS.CIA);
  if (av === undefined || ac === undefined || ui === undefined || pr === undefined) return undefined;
  if (c === undefined || i === undefined || a === undefined) return undefined;

  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  if (impact <= 0) return 0;
  const exploitability = 8.22 * av * ac * pr * ui;
  const round = head === "CVSS:3.1" ? roundUp31 : roundUp30;
  return changed
    ? round(Math.min(1.08 * (impact + exploitability), 10))
    : round(Math.min(impact + exploitability, 10));
}

/** CVSS 3.1 Appendix A: round up to one decimal, robust to floating-point error. */
function roundUp31(value: number): number {
  const intInput = Math.round(value * 100_000);
  return intInput % 10_000 === 0 ? intInput / 100_000 : (Math.floor(intInput / 10_000) + 1) / 10;
}

/** CVSS 3.0: plain ceiling to one decimal. */
function roundUp30(value: number): number {
  return Math.ceil(value * 10) / 10;
}

/** Qualitative rating of CVSS v3 (section 5): 0.1–3.9 low, 4.0–6.9 medium, 7.0–8.9 high, 9.0+ critical. */
export function cvssRating(score: number): "critical" | "high" | "medium" | "low" | "none" {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return "none";
}
