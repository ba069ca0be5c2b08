import { createLlmProvider, InputError } from "@uplift/core";
import {
  applyCampaign,
  type CampaignStatus,
  type CreatedCampaign,
  campaignStatus,
  createCampaign,
  planCampaign,
  type RepoOutcome,
  type RepoPlan,
  registerCampaignJob,
} from "@uplift/upkeep";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { campaignJobDeps, forgeClients } from "./campaign-job-deps.js";

interface CreateOptions {
  fromScan?: string;
  advisories?: string;
  package?: string;
  to?: string;
  repo: string[];
  allIndexed?: boolean;
}

export async function campaignCreateCommand(global: GlobalOptions, options: CreateOptions, args: string[]) {
  const name = args[0] ?? "";
  await withContext(global, async (ctx) => {
    const created = await createCampaign(
      {
        name,
        fromScan: options.fromScan,
        advisories: options.advisories,
        package: options.package,
        to: options.to,
        repos: options.repo,
        allIndexed: options.allIndexed,
      },
      { store: await ctx.store() },
    );
    ctx.print(createdJson(created), (c) =>
      [
        `campaign ${c.campaign} (${c.id}, ${c.kind}): ${c.repositories.length} repositories`,
        ...c.repositories.map((r) => `  ${r.repo}: ${r.targets} package(s) to bump`),
        ...c.skipped.map((s) => `  skipped ${s.repo}: ${s.reason}`),
        ...(c.unfixable.length ? [`  ${c.unfixable.length} finding(s) have no fixed version`] : []),
        `next: uplift upkeep campaign plan ${c.campaign}`,
      ].join("\n"),
    );
  });
}

function createdJson(c: CreatedCampaign) {
  return {
    campaign: c.campaign.name,
    id: c.campaign.id,
    kind: c.campaign.kind,
    repositories: c.repositories,
    skipped: c.skipped,
    unfixable: c.unfixable,
  };
}

export async function campaignPlanCommand(
  global: GlobalOptions,
  options: { testCmd?: string },
  args: string[],
) {
  await withContext(global, async (ctx) => {
    const result = await planCampaign(args[0] ?? "", {
      store: await ctx.store(),
      dataDir: ctx.dataDir,
      logger: ctx.logger,
      testCmd: options.testCmd,
    });
    ctx.print({ campaign: result.campaign, repositories: result.plans.map(planJson) }, (r) =>
      r.repositories.map(humanPlan).join("\n\n"),
    );
  });
}

function planJson(p: RepoPlan) {
  return {
    repo: p.repo,
    ecosystem: p.ecosystem,
    edits: p.edits,
    lockfile: p.lockfile,
    install: p.install,
    test: p.test,
    api_changes: p.api,
    call_sites: p.callSites,
    call_sites_source: p.callSitesSource,
    notes: p.notes,
  };
}

function humanPlan(p: ReturnType<typeof planJson>): string {
  const lines = [`${p.repo} (${p.ecosystem ?? "unknown ecosystem"})`];
  for (const e of p.edits) lines.push(`  bump ${e.package} ${e.from} → ${e.to} in ${e.file}: ${e.after}`);
  lines.push(`  lock file: ${p.lockfile.note}`, `  install: ${p.install.note}`, `  tests: ${p.test.note}`);
  for (const a of p.api_changes) {
    lines.push(`  API ${a.package} ${a.from} → ${a.to} (${a.source}): ${a.changes.length} change(s)`);
    for (const c of a.changes.slice(0, 12)) lines.push(`    ${c.kind} ${c.name}`);
    if (a.changelog.length) lines.push(`    changelog: ${a.changelog.length} line(s)`);
  }
  lines.push(`  call sites (${p.call_sites_source}): ${p.call_sites.length}`);
  for (const s of p.call_sites.slice(0, 10)) lines.push(`    ${s.path}:${s.line}: ${s.text}`);
  for (const n of p.notes) lines.push(`  note: ${n}`);
  return lines.join("\n");
}

interface ApplyOptions {
  concurrency: string;
  retryFailed?: boolean;
  maxAttempts: string;
  testCmd?: string;
}

export async function campaignApplyCommand(global: GlobalOptions, options: ApplyOptions, args: string[]) {
  const concurrency = wholeNumber("--concurrency", options.concurrency, 1);
  const maxAttempts = wholeNumber("--max-attempts", options.maxAttempts, 0);
  await withContext(global, async (ctx) => {
    const store = await ctx.store();
    const queue = await ctx.queue();
    const llm = createLlmProvider(ctx.config.llm, { logger: ctx.logger });
    if (!llm)
      ctx.logger.warn(
        "no language model configured (llm.base_url + llm.model, or llm.gguf_path): a bump that breaks the tests is left for a human",
      );
    try {
      registerCampaignJob(queue, campaignJobDeps(ctx, llm));
      const result = await applyCampaign(args[0] ?? "", queue, store, {
        concurrency,
        maxAttempts,
        testCmd: options.testCmd,
        retryFailed: Boolean(options.retryFailed),
        logger: ctx.logger,
      });
      ctx.print({ ...result, model: llm?.id ?? null }, (r) =>
        [`campaign ${r.campaign} (${r.id}):`, ...r.repositories.map(humanOutcome)].join("\n"),
      );
    } finally {
      await llm?.close();
    }
  });
}

function humanOutcome(o: RepoOutcome): string {
  return `  ${o.repo}: ${o.state}${o.pr_url ? ` ${o.pr_url}` : ""}${o.reason ? ` — ${o.reason}` : ""}`;
}

export async function campaignStatusCommand(
  global: GlobalOptions,
  options: { refresh?: boolean },
  args: string[],
) {
  await withContext(global, async (ctx) => {
    const status = await campaignStatus(args[0] ?? "", {
      store: await ctx.store(),
      dataDir: ctx.dataDir,
      logger: ctx.logger,
      forges: forgeClients(ctx.logger),
      refresh: Boolean(options.refresh),
    });
    ctx.print(status, humanStatus);
  });
}

function humanStatus(s: CampaignStatus): string {
  const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(0)} %`);
  const states = Object.entries(s.states)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${state} ${n}`)
    .join(", ");
  return [
    `campaign ${s.campaign} (${s.id}, ${s.kind}): ${states}`,
    ...s.repositories.map(
      (r) =>
        `  ${r.repo.padEnd(24)} ${r.state.padEnd(15)} ${r.seconds === null ? "" : `${r.seconds} s `}` +
        `model ${r.model_lines}/${r.total_lines} lines${r.pr_url ? ` ${r.pr_url}` : ""}${r.reason ? ` — ${r.reason}` : ""}`,
    ),
    `model share: ${pct(s.summary.model_line_share)} of changed lines, ${pct(s.summary.model_change_share)} of changes; ` +
      `model changes merged without edits: ${pct(s.summary.model_merged_without_edits_share)}`,
    `tags: labels ${s.tags.labels.join(", ")}; branch ${s.tags.branch}`,
  ].join("\n");
}

function wholeNumber(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new InputError(`${flag}: "${value}" must be a whole number ≥ ${min}`);
  return n;
}
