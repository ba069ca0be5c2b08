/**
 * Upkeep campaign crash bar: `campaign apply` is killed with SIGKILL mid-campaign, rerun, and
 * must finish every repository without a duplicate pull request.
 *
 *   npx tsc -b && node bench/upkeep-campaign.ts [--copies 6] [--kill-after-prs 3] [--keep DIR]
 *
 * Repositories: `--copies` copies of the npm-cli-args fixture (minimist 1.2.5 → 1.2.6), the
 * npm-docs-render fixture (marked 3.0.8 → 4.0.10, fixed by a scripted fake model), py-fetcher and
 * go-greeter (stop after the bump: no PyPI/Go toolchain here), each with a GitHub origin served by
 * the fake GitHub in this process (pushes go to bare repositories). npm installs are real (registry).
 * The first run is killed as soon as the fake has received `--kill-after-prs` `POST …/pulls`, i.e.
 * between opening a pull request and recording it: the worst moment for a duplicate.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startFakeGitHub, startFakeOpenAI } from "@uplift/test-support";

// the fixture helper is a test module: loaded by URL so that Node runs its TypeScript source as is
const {
  ADVISORIES,
  gitEnv,
  MARKED_FIX_ANSWER,
  makeFixtureRepos,
}: typeof import("../tests/upkeep/fixture-repos.js") = await import(
  new URL("../tests/upkeep/fixture-repos.ts", import.meta.url).href
);

const { values } = parseArgs({
  options: {
    copies: { type: "string", default: "6" },
    "kill-after-prs": { type: "string", default: "3" },
    keep: { type: "string" },
  },
});
const COPIES = Number(values.copies);
const KILL_AFTER = Number(values["kill-after-prs"]);
const BIN = path.join(import.meta.dirname, "..", "apps", "cli", "bin", "uplift.js");

const root = values.keep ?? mkdtempSync(path.join(tmpdir(), "uplift-bench-campaign-"));
const specs = [
  ...Array.from({ length: COPIES }, (_, i) => ({ fixture: "npm-cli-args", name: `cli-args-${i + 1}` })),
  { fixture: "npm-docs-render", name: "docs-render" },
  { fixture: "py-fetcher", name: "py-fetcher" },
  { fixture: "go-greeter", name: "go-greeter" },
];
const repos = makeFixtureRepos(
  root,
  specs.map((s) => ({ ...s, remote: { github: `acme/${s.name}` } })),
);
const github = await startFakeGitHub({
  token: "ghp_bench",
  data: {
    repos: Object.fromEntries(
      specs.map((s) => [
        `acme/${s.name}`,
        { pulls: [], issues: [], deployments: [], releases: [], refs: {} },
      ]),
    ),
    copilot: {},
  },
});
const model = await startFakeOpenAI({ models: ["upkeep-coder"] });
model.script({ text: MARKED_FIX_ANSWER });
const env = {
  ...process.env,
  ...gitEnv(root),
  UPLIFT_LOG_LEVEL: "warn",
  GITHUB_API_URL: github.url,
  GITHUB_TOKEN: "ghp_bench",
  UPLIFT_LLM_BASE_URL: model.url,
  UPLIFT_LLM_MODEL: "upkeep-coder",
};
const dataDir = path.join(root, "data");

function uplift(
  args: string[],
  onSpawn?: (pid: number) => void,
): Promise<{ code: number | null; signal: string | null; stdout: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "--data-dir", dataDir, ...args], { cwd: root, env });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", () => {});
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, ms: performance.now() - started }));
    if (child.pid) onSpawn?.(child.pid);
  });
}

const postsToPulls = () =>
  github.requests.filter((r) => r.method === "POST" && r.path.endsWith("/pulls")).length;

const created = await uplift([
  "upkeep",
  "campaign",
  "create",
  "bench",
  "--advisories",
  ADVISORIES,
  ...repos.flatMap((r) => ["--repo", r.dir]),
  "--json",
]);
if (created.code !== 0) throw new Error(`create failed: ${created.stdout}`);
const plan = await uplift(["upkeep", "campaign", "plan", "bench", "--json"]);
console.log(`repositories: ${repos.length}; plan ${(plan.ms / 1000).toFixed(1)} s`);

let killedAt = -1;
const first = await uplift(
  ["upkeep", "campaign", "apply", "bench", "--concurrency", "2", "--json"],
  (pid) => {
    const timer = setInterval(() => {
      if (postsToPulls() >= KILL_AFTER) {
        clearInterval(timer);
        killedAt = postsToPulls();
        process.kill(pid, "SIGKILL");
      }
    }, 5);
  },
);
console.log(
  `first apply: ${first.signal === "SIGKILL" ? `killed with SIGKILL after ${killedAt} POST /pulls` : `exited ${first.code} (not killed: raise --copies)`} at ${(first.ms / 1000).toFixed(1)} s`,
);

const second = await uplift(["upkeep", "campaign", "apply", "bench", "--concurrency", "2", "--json"]);
if (second.code !== 0) throw new Error(`resumed apply failed (exit ${second.code}): ${second.stdout}`);
const result = JSON.parse(second.stdout) as { repositories: { repo: string; state: string }[] };
const states: Record<string, number> = {};
for (const r of result.repositories) states[r.state] = (states[r.state] ?? 0) + 1;
console.log(`resumed apply: ${(second.ms / 1000).toFixed(1)} s; states ${JSON.stringify(states)}`);

const third = await uplift(["upkeep", "campaign", "apply", "bench", "--json"]);
console.log(`third apply (nothing left): ${(third.ms / 1000).toFixed(1)} s, exit ${third.code}`);

const perRepo = Object.entries(github.data.repos).map(([name, repo]) => [name, repo.pulls.length] as const);
const duplicates = perRepo.filter(([, n]) => n > 1);
const opened = perRepo.filter(([, n]) => n === 1).length;
console.log(
  `pull requests: ${opened} repositories with one, ${duplicates.length} with more than one; POST /pulls ${postsToPulls()}; model calls ${model.requests.filter((r) => r.path === "/v1/chat/completions").length}`,
);
const status = await uplift(["upkeep", "campaign", "status", "bench", "--json"]);
const report = JSON.parse(status.stdout) as {
  summary: unknown;
  repositories: {
    repo: string;
    state: string;
    seconds: number | null;
    model_lines: number;
    total_lines: number;
    attempts: number;
    reason: string | null;
  }[];
};
for (const r of report.repositories)
  console.log(
    `  ${r.repo.padEnd(12)} ${r.state.padEnd(9)} ${String(r.seconds ?? "—").padStart(5)} s  model ${r.model_lines}/${r.total_lines} lines, ${r.attempts} attempt(s)${r.reason ? `  ${r.reason}` : ""}`,
  );
console.log(`status summary: ${JSON.stringify(report.summary)}`);

await github.close();
await model.close();
if (!values.keep) rmSync(root, { recursive: true, force: true });
if (duplicates.length > 0 || (states.pr_open ?? 0) !== COPIES + 1) {
  console.error(`BAR FAILED: duplicates ${JSON.stringify(duplicates)}, states ${JSON.stringify(states)}`);
  process.exit(1);
}
console.log("bar met: state survived kill -9, resumed, no duplicate pull request");
