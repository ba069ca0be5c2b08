import path from "node:path";
import type { Logger, Store } from "@uplift/core";
import { npmApiDiff } from "./api-diff.js";
import { computeBumps } from "./bump/index.js";
import { findCallSites } from "./call-sites.js";
import { type CampaignRepoRow, CampaignStore } from "./campaign-store.js";
import { detectToolchain } from "./toolchain.js";
import type { ApiDiff, CallSite, RepoPlan } from "./types.js";

export interface PlanDeps {
  store: Store;
  dataDir: string;
  logger: Logger;
  testCmd?: string | undefined;
}

/** `campaign plan NAME`: computes and stores every repository's plan (read-only on the repositories). */
export async function planCampaign(
  name: string,
  deps: PlanDeps,
): Promise<{ campaign: string; plans: RepoPlan[] }> {
  const campaigns = new CampaignStore(deps.store);
  const campaign = await campaigns.get(name);
  const plans: RepoPlan[] = [];
  for (const row of await campaigns.repos(campaign.id)) {
    const plan = await planRepository(row, deps);
    await campaigns.savePlan(campaign.id, row.repo, plan);
    plans.push(plan);
  }
  return { campaign: campaign.name, plans };
}

/**
 * One repository's plan: the deterministic manifest edits, how the lock file is regenerated and
 * tests run, the API changes between the versions (npm) and the call sites they touch.
 */
export async function planRepository(row: CampaignRepoRow, deps: PlanDeps): Promise<RepoPlan> {
  const ecosystem = row.targets[0]?.ecosystem ?? null;
  const notes: string[] = [];
  const bumps = await computeBumps(row.path, row.targets);
  for (const t of row.targets)
    if (!bumps.edits.some((e) => e.package === t.package))
      notes.push(`${t.package}: no manifest line to change (already at ${t.to}, or not declared)`);
  const toolchain = detectToolchain(row.path, ecosystem, deps.testCmd);
  const api: ApiDiff[] = [];
  const cacheDir = path.join(deps.dataDir, "upkeep", "npm-cache");
  for (const t of row.targets) {
    const edit = bumps.edits.find((e) => e.package === t.package);
    const from = cleanVersion(t.from ?? edit?.from);
    if (t.ecosystem !== "npm") {
      notes.push(
        `${t.package}: API changes are computed for npm packages only (from their type declarations)`,
      );
      continue;
    }
    if (!from) {
      notes.push(`${t.package}: installed version unknown: API changes not computed`);
      continue;
    }
    api.push(await npmApiDiff(t.package, from, cleanVersion(t.to) ?? t.to, cacheDir, deps.logger));
  }
  let callSites: CallSite[] = [];
  let callSitesSource: RepoPlan["callSitesSource"] = "grep";
  for (const t of row.targets) {
    const names = (api.find((a) => a.package === t.package)?.changes ?? [])
      .filter((c) => c.kind !== "added" && /^[A-Za-z_$][\w$]*$/.test(c.name))
      .map((c) => c.name);
    const found = await findCallSites(row.path, t.ecosystem, t.package, names, deps.store);
    callSitesSource = found.source;
    callSites = callSites.concat(found.sites);
  }
  if (callSitesSource === "grep")
    notes.push(
      "call sites found by scanning the files: the repository is not in the code index (`uplift code index`)",
    );
  return {
    repo: row.repo,
    ecosystem,
    edits: bumps.edits,
    lockfile: toolchain.lockfile,
    install: toolchain.install,
    test: toolchain.test,
    api,
    callSites,
    callSitesSource,
    notes,
  };
}

/** `^1.2.5` → `1.2.5`, `v0.3.5` → `0.3.5`; undefined when nothing version-like is left. */
function cleanVersion(v: string | undefined | null): string | undefined {
  const m = v ? /(\d+(?:\.\d+)*(?:[-+][\w.]+)?)/.exec(v) : null;
  return m?.[1];
}
