import { readFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "@uplift/core";
import {
  parseSeverity,
  type ScanReport,
  type Severity,
  scanRepositories,
  severityRank,
} from "@uplift/upkeep";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { renderScanReport } from "./scan-text.js";

export interface UpkeepScanOptions {
  repo: string[];
  reposFrom?: string;
  advisories?: string;
  severity?: string;
  failOn?: string;
}

export async function upkeepScanCommand(global: GlobalOptions, options: UpkeepScanOptions) {
  if (!options.advisories)
    throw new InputError("--advisories is required", {
      hint: "give a directory of OSV JSON records, e.g. --advisories osv/",
    });
  const minSeverity = severityFlag("--severity", options.severity);
  const failOn = severityFlag("--fail-on", options.failOn);
  const repos = [...options.repo, ...(options.reposFrom ? await readRepoList(options.reposFrom) : [])];
  if (repos.length === 0)
    throw new InputError("--repo is required", { hint: "give --repo DIR (repeatable) or --repos-from FILE" });
  await withContext(global, async (ctx) => {
    const report = await scanRepositories({
      repos,
      advisoriesDir: options.advisories as string,
      logger: ctx.logger,
      minSeverity,
    });
    ctx.print(report, renderScanReport);
    if (failOn && reachesLevel(report, failOn)) process.exitCode = 1;
  });
}

function severityFlag(flag: string, value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  const severity = parseSeverity(value);
  if (!severity || severity === "unknown")
    throw new InputError(`${flag} ${value}: not a severity`, { hint: "use low, medium, high or critical" });
  return severity;
}

function reachesLevel(report: ScanReport, level: Severity): boolean {
  const rank = severityRank(level);
  return report.repositories.some((r) => r.findings.some((f) => severityRank(f.severity) >= rank));
}

/** One repository path per line; blank lines and `#` comments ignored; relative to the file. */
async function readRepoList(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new InputError(
      `--repos-from ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`,
    );
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, "").trim())
    .filter((line) => line !== "")
    .map((line) => path.resolve(path.dirname(file), line));
}
