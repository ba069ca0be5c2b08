import { createHash } from "node:crypto";

/** One finding of a SARIF result, reduced to what "new findings per PR by severity" needs. */
export interface SarifFinding {
  /** Stable identity across commits: the tool's partialFingerprints / fingerprints, else a hash of ruleId + location. */
  fingerprint: string;
  ruleId: string;
  level: "error" | "warning" | "note" | "none";
  /** CVSS-like 0–10 from `properties.security-severity` of the result or its rule (CodeQL); null when absent. */
  securitySeverity: number | null;
  path: string | null;
  startLine: number | null;
  /** SARIF baselineState when the tool compared against a baseline itself ("new", "unchanged", …). */
  baselineState: string | null;
  occurrences: number;
}

export interface SarifRunFindings {
  tool: string;
  findings: SarifFinding[];
  /** Results left out: suppressed in source or accepted, or "absent" (fixed) per the tool's baseline. */
  suppressed: number;
  absent: number;
}

// Loose views of the (already schema-validated) SARIF log: only the fields read here.
interface Rule {
  id?: string;
  defaultConfiguration?: { level?: string };
  properties?: Record<string, unknown>;
}
interface Result {
  ruleId?: string;
  ruleIndex?: number;
  rule?: { id?: string; index?: number };
  level?: string;
  kind?: string;
  message?: { text?: string; id?: string };
  locations?: {
    physicalLocation?: {
      artifactLocation?: { uri?: string };
      region?: { startLine?: number; snippet?: { text?: string } };
    };
  }[];
  partialFingerprints?: Record<string, string>;
  fingerprints?: Record<string, string>;
  baselineState?: string;
  suppressions?: { status?: string }[];
  properties?: Record<string, unknown>;
}
interface Run {
  tool: { driver: { name: string; rules?: Rule[] } };
  results?: Result[];
}

/**
 * The findings of each run of a SARIF 2.1.0 log (validated before). Level follows SARIF §3.27.10:
 * the result's `level`, else its rule's `defaultConfiguration.level`, else "warning" (a result
 * whose `kind` is not "fail" has level "none"). Results with an active suppression (status absent
 * or "accepted") are left out, as are results whose baselineState is "absent" (fixed).
 * Several results with one tool fingerprint are one finding with `occurrences`.
 */
export function sarifFindings(log: { runs: unknown[] }): SarifRunFindings[] {
  return (log.runs as Run[]).map((run) => {
    const rules = run.tool.driver.rules ?? [];
    const byId = new Map<string, Rule>();
    for (const rule of rules) if (rule.id) byId.set(rule.id, rule);
    const findings = new Map<string, SarifFinding>();
    const ordinals = new Map<string, number>();
    let suppressed = 0;
    let absent = 0;
    for (const result of run.results ?? []) {
      if (result.suppressions?.some((s) => s.status === undefined || s.status === "accepted")) {
        suppressed++;
        continue;
      }
      if (result.baselineState === "absent") {
        absent++;
        continue;
      }
      const index = result.ruleIndex ?? result.rule?.index;
      const rule =
        (index !== undefined && index >= 0 ? rules[index] : undefined) ??
        byId.get(result.ruleId ?? result.rule?.id ?? "");
      const ruleId = result.ruleId ?? result.rule?.id ?? rule?.id ?? "(no rule)";
      const location = result.locations?.[0]?.physicalLocation;
      const path = location?.artifactLocation?.uri ?? null;
      const startLine = location?.region?.startLine ?? null;
      const level = levelOf(result, rule);
      const fingerprint =
        toolFingerprint(result, ruleId) ??
        locationFingerprint(ordinals, ruleId, path, location?.region?.snippet?.text, result);
      const existing = findings.get(fingerprint);
      if (existing) {
        existing.occurrences++;
        continue;
      }
      findings.set(fingerprint, {
        fingerprint,
        ruleId,
        level,
        securitySeverity: severityOf(result.properties) ?? severityOf(rule?.properties) ?? null,
        path,
        startLine,
        baselineState: result.baselineState ?? null,
        occurrences: 1,
      });
    }
    return { tool: run.tool.driver.name, findings: [...findings.values()], suppressed, absent };
  });
}

function levelOf(result: Result, rule: Rule | undefined): SarifFinding["level"] {
  if (result.kind !== undefined && result.kind !== "fail") return "none";
  const level = result.level ?? rule?.defaultConfiguration?.level ?? "warning";
  return level === "error" || level === "note" || level === "none" ? level : "warning";
}

function severityOf(properties: Record<string, unknown> | undefined): number | undefined {
  const raw = properties?.["security-severity"];
  const value = typeof raw === "number" ? raw : typeof raw === "string" ? Number.parseFloat(raw) : Number.NaN;
  return Number.isFinite(value) ? value : undefined;
}

/** The tool's own fingerprint (partialFingerprints, then fingerprints; keys sorted), prefixed by the rule. */
function toolFingerprint(result: Result, ruleId: string): string | undefined {
  const tool = result.partialFingerprints ?? result.fingerprints;
  if (!tool || Object.keys(tool).length === 0) return undefined;
  const parts = Object.keys(tool)
    .sort()
    .map((key) => `${key}=${tool[key]}`);
  return `${ruleId}:${parts.join(",")}`;
}

/**
 * Without a tool fingerprint: a hash of rule + file + message (+ the flagged text when the tool
 * gives a snippet) and the result's ordinal among equal ones in the file. Line numbers are left
 * out, so a finding keeps its identity when edits above it move it; comparing base and head then
 * counts, per file and rule, how many more such findings there are (ESLint's SARIF has no fingerprints).
 */
function locationFingerprint(
  ordinals: Map<string, number>,
  ruleId: string,
  path: string | null,
  snippet: string | undefined,
  result: Result,
): string {
  const message = result.message?.text ?? result.message?.id ?? "";
  const text = snippet === undefined ? "" : snippet.trim().replace(/\s+/g, " ");
  const key = createHash("sha256")
    .update(`${ruleId}\0${path ?? ""}\0${text}\0${message}`)
    .digest("hex")
    .slice(0, 32);
  const ordinal = (ordinals.get(key) ?? 0) + 1;
  ordinals.set(key, ordinal);
  return `${ruleId}:loc=${key}#${ordinal}`;
}
