import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { CodeIndexReader } from "@uplift/code";
import { InputError, type Store } from "@uplift/core";
import { scanRepositories } from "../scan/scan-repositories.js";
import type { Ecosystem, Finding, ScanReport } from "../scan/types.js";
import { readScanFile, type ScanInput, targetsFromScan } from "./campaign-input.js";
import { CampaignStore } from "./campaign-store.js";
import type { Campaign, CampaignRepoInput } from "./types.js";

export interface CreateCampaignInput {
  name: string;
  /** Exactly one source: a scan report, an OSV directory, or a package and version. */
  fromScan?: string | undefined;
  advisories?: string | undefined;
  package?: string | undefined;
  to?: string | undefined;
  /** Repository roots, or every repository of the code index. */
  repos: string[];
  allIndexed?: boolean | undefined;
}

export interface CreateCampaignDeps {
  store: Store;
  /** Scans repositories against an OSV directory; default `scanRepositories`. */
  scan?: ((repos: string[], advisoriesDir: string) => Promise<ScanReport>) | undefined;
}

export interface CreatedCampaign {
  campaign: Campaign;
  repositories: { repo: string; path: string; targets: number }[];
  /** Repositories given that need no change (nothing vulnerable, or the package not used). */
  skipped: { repo: string; reason: string }[];
  unfixable: Pick<Finding, "advisory_id" | "package" | "version">[];
}

/** `campaign create`: validates the input, resolves repositories and targets, stores the campaign. */
export async function createCampaign(
  input: CreateCampaignInput,
  deps: CreateCampaignDeps,
): Promise<CreatedCampaign> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(input.name))
    throw new InputError(`campaign name "${input.name}": use letters, digits, ".", "_" or "-" (at most 63)`);
  const sources = [input.fromScan, input.advisories, input.package].filter((s) => s !== undefined);
  if (sources.length !== 1)
    throw new InputError(
      "give exactly one of --from-scan SCAN.json, --advisories DIR or --package NAME --to VERSION",
    );
  if (input.package !== undefined && !input.to) throw new InputError("--package needs --to VERSION");
  if (input.to !== undefined && input.package === undefined)
    throw new InputError("--to needs --package NAME");
  const roots = await resolveRepos(input, deps.store);
  const skipped: CreatedCampaign["skipped"] = [];
  let repos: CampaignRepoInput[];
  let unfixable: Finding[] = [];
  let kind: Campaign["kind"] = "vulnerability";
  let source: Record<string, unknown>;
  if (input.package !== undefined && input.to) {
    kind = "upgrade";
    source = { package: input.package, to: input.to };
    repos = [];
    for (const root of roots) {
      const found = await declaredIn(root.path, input.package);
      if (!found) {
        skipped.push({ repo: root.repo, reason: `does not declare ${input.package}` });
        continue;
      }
      repos.push({
        ...root,
        targets: [
          {
            ecosystem: found.ecosystem,
            package: input.package,
            from: found.version,
            to: input.to,
            file: found.file,
            direct: true,
            advisories: [],
          },
        ],
      });
    }
  } else {
    let report: ScanInput;
    if (input.fromScan) {
      report = await readScanFile(input.fromScan);
      source = { from_scan: path.resolve(input.fromScan) };
    } else {
      const dir = input.advisories as string;
      if (!existsSync(dir) || !statSync(dir).isDirectory())
        throw new InputError(`--advisories ${dir}: not a directory of OSV JSON files`);
      const scan =
        deps.scan ?? ((repos: string[], advisoriesDir: string) => scanRepositories({ repos, advisoriesDir }));
      report = await scan(
        roots.map((r) => r.path),
        dir,
      );
      source = { advisories: path.resolve(dir) };
    }
    const only = input.repos.length || input.allIndexed ? new Set(roots.map((r) => r.path)) : undefined;
    const fromScan = targetsFromScan(report, only);
    repos = fromScan.repos;
    unfixable = fromScan.unfixable;
    for (const r of roots)
      if (!repos.some((x) => x.path === r.path)) skipped.push({ repo: r.repo, reason: "no fixable finding" });
  }
  if (repos.length === 0)
    throw new InputError(`campaign "${input.name}" would have no repository to change`, {
      hint: skipped.length
        ? skipped.map((s) => `${s.repo}: ${s.reason}`).join("; ")
        : "check --repo and the source",
    });
  const campaign = await new CampaignStore(deps.store).create(input.name, kind, source, repos);
  return {
    campaign,
    repositories: repos.map((r) => ({ repo: r.repo, path: r.path, targets: r.targets.length })),
    skipped,
    unfixable: unfixable.map((f) => ({ advisory_id: f.advisory_id, package: f.package, version: f.version })),
  };
}

async function resolveRepos(
  input: CreateCampaignInput,
  store: Store,
): Promise<{ repo: string; path: string }[]> {
  const out: { repo: string; path: string }[] = [];
  for (const dir of input.repos) {
    const root = path.resolve(dir);
    if (!existsSync(root) || !statSync(root).isDirectory())
      throw new InputError(`--repo ${dir}: not a directory`, {
        hint: "give each repository's root directory",
      });
    out.push({ repo: path.basename(root), path: root });
  }
  if (input.allIndexed) {
    let rows: { name: string; root: string }[] = [];
    try {
      rows = await new CodeIndexReader(store).repositories();
    } catch {
      rows = [];
    }
    if (rows.length === 0)
      throw new InputError("--all-indexed: the code index has no repository", {
        hint: "index them first with `uplift code index --path DIR…`",
      });
    for (const r of rows) if (!out.some((o) => o.path === r.root)) out.push({ repo: r.name, path: r.root });
  }
  if (out.length === 0 && !input.fromScan)
    throw new InputError("give --repo DIR (repeatable) or --all-indexed");
  const names = new Set<string>();
  for (const r of out) {
    if (names.has(r.repo))
      throw new InputError(
        `two repositories are named "${r.repo}": ${out
          .filter((o) => o.repo === r.repo)
          .map((o) => o.path)
          .join(", ")}`,
      );
    names.add(r.repo);
  }
  return out;
}

/** Which manifest of `root` declares `pkg` directly, and at which version (its range's lowest). */
async function declaredIn(
  root: string,
  pkg: string,
): Promise<{ ecosystem: Ecosystem; file: string; version: string | null } | undefined> {
  const read = async (file: string) => {
    try {
      return await readFile(path.join(root, file), "utf8");
    } catch {
      return undefined;
    }
  };
  const packageJson = await read("package.json");
  if (packageJson) {
    try {
      const json = JSON.parse(packageJson) as Record<string, Record<string, string> | undefined>;
      for (const section of ["dependencies", "devDependencies", "optionalDependencies"]) {
        const spec = json[section]?.[pkg];
        if (spec)
          return { ecosystem: "npm", file: "package.json", version: spec.replace(/^[\^~>=<\s]+/, "") };
      }
    } catch {
      // an unparsable package.json declares nothing; the plan will say so
    }
  }
  const normalised = pkg.toLowerCase().replace(/[-_.]+/g, "-");
  for (const file of ["requirements.txt", "pyproject.toml"]) {
    const text = await read(file);
    for (const line of text?.split("\n") ?? []) {
      const m =
        /^\s*["']?([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(?:==|>=|~=|\s=\s*"[\^~]?)\s*([\w.]+)/.exec(
          line,
        );
      if (m && (m[1] ?? "").toLowerCase().replace(/[-_.]+/g, "-") === normalised)
        return { ecosystem: "PyPI", file, version: m[2] ?? null };
    }
  }
  const goMod = await read("go.mod");
  const goVersion =
    goMod &&
    new RegExp(`^\\s*(?:require\\s+)?${pkg.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\s+(v\\S+)`, "m").exec(
      goMod,
    );
  if (goVersion) return { ecosystem: "Go", file: "go.mod", version: goVersion[1] ?? null };
  const pom = await read("pom.xml");
  const [group, artifact] = pkg.split(":");
  if (
    pom &&
    group &&
    artifact &&
    pom.includes(`<artifactId>${artifact}</artifactId>`) &&
    pom.includes(`<groupId>${group}</groupId>`)
  )
    return { ecosystem: "Maven", file: "pom.xml", version: null };
  return undefined;
}
