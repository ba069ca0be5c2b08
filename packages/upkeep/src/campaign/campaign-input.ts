import { readFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "@uplift/core";
import { z } from "zod";
import type { Finding } from "../scan/types.js";
import type { AdvisoryRef, BumpTarget, CampaignRepoInput } from "./types.js";

const findingSchema = z.looseObject({
  advisory_id: z.string(),
  aliases: z.array(z.string()).default([]),
  summary: z.string().optional(),
  ecosystem: z.enum(["npm", "PyPI", "Maven", "Go"]),
  package: z.string(),
  version: z.string(),
  direct: z.boolean(),
  file: z.string(),
  path: z.array(z.string()).default([]),
  fixed_version: z.string().nullable(),
  severity: z.enum(["critical", "high", "medium", "low", "unknown"]).default("unknown"),
});

const scanSchema = z.looseObject({
  repositories: z.array(
    z.looseObject({ repo: z.string(), path: z.string(), findings: z.array(findingSchema) }),
  ),
});

/** What a campaign needs of a scan report: each repository's findings. */
export interface ScanInput {
  repositories: { repo: string; path: string; findings: Finding[] }[];
}

/** Reads `uplift upkeep scan --json` output; a malformed file names the field. */
export async function readScanFile(file: string): Promise<ScanInput> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new InputError(`${file}: not a readable JSON scan report (${(error as Error).message})`, {
      hint: "pass the output of `uplift upkeep scan --json`",
    });
  }
  const parsed = scanSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${file}: field ${issue?.path.join(".") || "(root)"}: ${issue?.message}`, {
      hint: "pass the output of `uplift upkeep scan --json`",
    });
  }
  return parsed.data as ScanInput;
}

/**
 * Vulnerability campaign targets: per repository and package, the highest of the findings'
 * smallest fixed versions (one bump fixes them all). Findings without a fixed version are
 * returned apart: no bump can fix them.
 */
export function targetsFromScan(
  report: ScanInput,
  only?: ReadonlySet<string>,
): { repos: CampaignRepoInput[]; unfixable: Finding[] } {
  const repos: CampaignRepoInput[] = [];
  const unfixable: Finding[] = [];
  for (const scanned of report.repositories) {
    if (only && !only.has(path.resolve(scanned.path)) && !only.has(scanned.repo)) continue;
    const byPackage = new Map<string, BumpTarget>();
    for (const f of scanned.findings) {
      if (!f.fixed_version) {
        unfixable.push(f);
        continue;
      }
      const key = `${f.ecosystem}\u0000${f.package}`;
      const advisory: AdvisoryRef = {
        id: f.advisory_id,
        aliases: f.aliases,
        severity: f.severity,
        ...(f.summary && { summary: f.summary }),
      };
      const current = byPackage.get(key);
      if (!current) {
        byPackage.set(key, {
          ecosystem: f.ecosystem,
          package: f.package,
          from: f.version,
          to: f.fixed_version,
          file: f.file,
          direct: f.direct,
          advisories: [advisory],
        });
        continue;
      }
      if (compareLoose(f.fixed_version, current.to) > 0) current.to = f.fixed_version;
      if (!current.advisories.some((a) => a.id === advisory.id)) current.advisories.push(advisory);
      current.direct ||= f.direct;
    }
    if (byPackage.size > 0)
      repos.push({ repo: scanned.repo, path: path.resolve(scanned.path), targets: [...byPackage.values()] });
  }
  return { repos, unfixable };
}

/** Dotted numeric comparison, good enough to pick the higher of two fixed versions of one package. */
export function compareLoose(a: string, b: string): number {
  const pa = a.replace(/^v/, "").split(/[.+-]/);
  const pb = b.replace(/^v/, "").split(/[.+-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const x = pa[i] ?? "0";
    const y = pb[i] ?? "0";
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
    if (c !== 0) return Math.sign(c);
  }
  return 0;
}
