import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { LlmProvider, Logger } from "@uplift/core";
import type { CampaignStore } from "./campaign-store.js";
import { parseModelAnswer, patchPrompt } from "./model-patch.js";
import { git } from "./run-command.js";
import { commitAll } from "./sandbox.js";
import type { CommandOutcome, RepoPlan } from "./types.js";

/** Generated files a model patch must never touch: the ecosystem's tool regenerates them. */
export const LOCK_FILES =
  /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|go\.sum)$/;

export interface ModelLoopContext {
  campaignId: string;
  repo: string;
  plan: RepoPlan;
  dir: string;
  llm: LlmProvider | undefined;
  maxAttempts: number;
  /** Attempts before this number belong to runs that were given up; numbering continues after them. */
  attemptBase: number;
  campaigns: CampaignStore;
  log: Logger;
  /** Fixed commit dates (see apply-repository). */
  commitEnv: NodeJS.ProcessEnv;
  runTests(): Promise<CommandOutcome>;
  /** Records that attempt N was made (checkpoint + event). */
  attempted(attempt: number, applied: boolean, passed: boolean): Promise<void>;
}

export interface ModelLoopResult {
  ok: boolean;
  attempts: number;
  reason: string;
  output: string;
}

/**
 * Asks the model for a patch while the tests fail, up to `maxAttempts`: each answer's diff is
 * applied on top of the previous ones and committed, the tests rerun, and every attempt stored
 * (prompt, reasoning, patch, output). A resumed run first replays the patches stored by the
 * run that crashed, then continues numbering after them.
 */
export async function fixWithModel(
  ctx: ModelLoopContext,
  failing: string,
  testCommand: string,
): Promise<ModelLoopResult> {
  const { llm } = ctx;
  if (!llm)
    return {
      ok: false,
      attempts: 0,
      reason:
        "tests fail after the bump and no model is configured (llm.base_url / llm.gguf_path): needs a human",
      output: failing,
    };
  let output = failing;
  // attempts of earlier runs that were given up (`apply --retry-failed`) are kept but not replayed
  const previous = (await ctx.campaigns.attempts(ctx.campaignId, ctx.repo)).filter(
    (a) => a.attempt > ctx.attemptBase,
  );
  for (const p of previous.filter((a) => a.applied))
    if (!(await applyModelPatch(ctx, p.patch, p.attempt, p.model))) break;
  if (previous.some((a) => a.testsPassed)) {
    const rerun = await ctx.runTests();
    if (rerun.ok)
      return { ok: true, attempts: ctx.attemptBase + previous.length, reason: "", output: rerun.output };
    output = rerun.output;
  }
  const last = ctx.attemptBase + ctx.maxAttempts;
  for (let attempt = ctx.attemptBase + previous.length + 1; attempt <= last; attempt += 1) {
    const files = await callSiteFiles(ctx.dir, ctx.plan);
    const messages = patchPrompt({ plan: ctx.plan, failingOutput: output, testCommand, files, attempt });
    const answer = await llm.chat({ messages, temperature: 0, maxTokens: 2048 });
    const { reasoning, patch } = parseModelAnswer(answer.text);
    const applied = patch !== "" && (await applyModelPatch(ctx, patch, attempt, llm.id));
    let passed = false;
    if (applied) {
      const rerun = await ctx.runTests();
      passed = rerun.ok;
      output = rerun.output;
    }
    await ctx.campaigns.saveAttempt(ctx.campaignId, ctx.repo, {
      attempt,
      model: llm.id,
      prompt: messages.map((m) => `[${m.role}]\n${m.content}`).join("\n\n"),
      reasoning,
      patch,
      applied,
      testsPassed: passed,
      output: applied
        ? output
        : patch
          ? "the patch was refused (git apply, or it edits a lock file)"
          : "the answer had no unified diff",
    });
    await ctx.attempted(attempt, applied, passed);
    if (passed) return { ok: true, attempts: attempt, reason: "", output };
  }
  return {
    ok: false,
    attempts: last,
    reason: `tests still fail after ${ctx.maxAttempts} model attempt(s): needs a human`,
    output,
  };
}

/** Applies a model's diff (`git apply`, then `--recount` for miscounted hunks) and commits it. */
async function applyModelPatch(
  ctx: Pick<ModelLoopContext, "dir" | "campaignId" | "commitEnv" | "log">,
  patch: string,
  attempt: number,
  model: string,
): Promise<boolean> {
  const paths = [...patch.matchAll(/^(?:---|\+\+\+) (?:[ab]\/)?(\S+)/gm)].map((m) => m[1] ?? "");
  if (paths.some((p) => LOCK_FILES.test(p))) {
    ctx.log.warn({ attempt }, "the model's patch edits a lock file: refused");
    return false;
  }
  const file = path.join(ctx.dir, ".git", `uplift-attempt-${attempt}.patch`);
  await writeFile(file, patch);
  for (const args of [
    ["apply", "--whitespace=nowarn", file],
    ["apply", "--recount", "--whitespace=nowarn", file],
  ]) {
    try {
      git(ctx.dir, args);
      commitAll(
        ctx.dir,
        `uplift(campaign ${ctx.campaignId}): model patch, attempt ${attempt} (${model})`,
        ctx.commitEnv,
      );
      return true;
    } catch (error) {
      ctx.log.debug({ attempt, error: String(error) }, "git apply refused the patch");
    }
  }
  return false;
}

/** The files with call sites, as the sandbox has them now (at most 8). */
async function callSiteFiles(dir: string, plan: RepoPlan): Promise<{ path: string; text: string }[]> {
  const paths = [...new Set(plan.callSites.map((s) => s.path))].slice(0, 8);
  const out: { path: string; text: string }[] = [];
  for (const p of paths) {
    const file = path.join(dir, p);
    if (existsSync(file)) out.push({ path: p, text: await readFile(file, "utf8") });
  }
  return out;
}
