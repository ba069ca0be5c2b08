/**
 * Local Git import: a synthetic 50,000-commit repository (built with `git fast-import`, fixed
 * generator) imported into a fresh PGlite store; bar: under 30 s on a 2-core machine.
 *
 *   npx tsc -b && node bench/measure-git.ts [--commits 50000] [--keep DIR]
 *
 * History shape: GitHub merges of 1–4-commit branches (40 % of landings), GitHub squashes
 * "Title (#N)" (40 %), direct pushes (20 %), 300 authors in 9 time zones, 3 % bot authors; each
 * commit changes 1–3 files of ~40 lines in a 2,000-file tree. Then every 20th first-parent
 * commit becomes a successful production deployment and linkDeploymentCommits is timed.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openStore } from "@uplift/core";
import {
  gitMigrations,
  importGitRepository,
  linkDeploymentCommits,
  measureMigrations,
} from "@uplift/measure";
import { mulberry32 } from "./seeded-random.ts";

const { values } = parseArgs({
  options: { commits: { type: "string", default: "50000" }, keep: { type: "string" } },
});
const TARGET_COMMITS = Number(values.commits);
const FILES = 2_000;
const LINES = 40;
const ZONES = ["-0800", "-0500", "-0300", "+0000", "+0100", "+0200", "+0530", "+0800", "+0900"];

/** Writes the fast-import stream of the synthetic history to `out`; returns the commit count. */
async function writeHistory(out: NodeJS.WritableStream): Promise<{ commits: number; prs: number }> {
  const rand = mulberry32(42);
  const pick = (n: number) => Math.floor(rand() * n);
  const content: string[][] = Array.from({ length: FILES }, (_, f) =>
    Array.from({ length: LINES }, (_, l) => `file ${f} line ${l}`),
  );
  let mark = 0;
  let time = Date.UTC(2019, 0, 1) / 1000;
  let mainTip = 0;
  let commits = 0;
  let prs = 0;
  let buffer = "";
  const write = async (text: string) => {
    buffer += text;
    if (buffer.length > 1 << 20) {
      const chunk = buffer;
      buffer = "";
      if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
    }
  };
  const person = () => {
    const bot = rand() < 0.03;
    const n = pick(300);
    const zone = ZONES[n % ZONES.length] as string;
    return bot
      ? { ident: "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>", zone: "+0000" }
      : { ident: `Dev ${n} <dev${n}@example.com>`, zone };
  };
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  /** One commit changing 1–3 files (added to `changed`); returns its mark. */
  const change = async (
    ref: string,
    from: number,
    who: { ident: string; zone: string },
    message: string,
    changed = new Set<number>(),
  ) => {
    let modifications = "";
    for (let k = 1 + pick(3); k > 0; k--) {
      const file = pick(FILES);
      const lines = content[file] as string[];
      lines[pick(LINES)] = `edit ${mark} ${rand().toString(36).slice(2)}`;
      if (rand() < 0.3) lines.push(`added ${mark}`);
      const body = `${lines.join("\n")}\n`;
      modifications += `M 100644 inline src/f${file}.txt\n${data(body)}`;
      changed.add(file);
    }
    time += 60 + pick(3_600);
    const id = ++mark;
    await write(
      `commit ${ref}\nmark :${id}\nauthor ${who.ident} ${time - pick(86_400)} ${who.zone}\ncommitter ${who.ident} ${time} ${who.zone}\n${data(message)}${from ? `from :${from}\n` : ""}${modifications}`,
    );
    commits++;
    return id;
  };

  mainTip = await change("refs/heads/main", 0, person(), "Initial commit");
  while (commits < TARGET_COMMITS) {
    const kind = rand();
    const who = person();
    const number = prs + 1;
    if (kind < 0.4) {
      let tip = mainTip;
      const branch = `refs/heads/topic-${number % 50}`;
      const changed = new Set<number>();
      for (let k = 1 + pick(4); k > 0; k--)
        tip = await change(branch, tip, who, `Work on feature ${number}`, changed);
      const merger = person();
      time += 60;
      const id = ++mark;
      // The branch started at mainTip, so the merge's tree is mainTip's plus the branch's files as they are now.
      let modifications = "";
      for (const f of changed)
        modifications += `M 100644 inline src/f${f}.txt\n${data(`${(content[f] as string[]).join("\n")}\n`)}`;
      await write(
        `commit refs/heads/main\nmark :${id}\nauthor ${merger.ident} ${time} ${merger.zone}\ncommitter ${merger.ident} ${time} ${merger.zone}\n${data(`Merge pull request #${number} from dev/feature-${number}\n\nFeature ${number}`)}from :${mainTip}\nmerge :${tip}\n${modifications}`,
      );
      commits++;
      prs++;
      mainTip = id;
    } else if (kind < 0.8) {
      mainTip = await change("refs/heads/main", mainTip, who, `Improve module ${number} (#${number})`);
      prs++;
    } else {
      mainTip = await change("refs/heads/main", mainTip, who, `Tweak config ${commits}`);
    }
  }
  await write("done\n");
  out.write(buffer);
  return { commits, prs };
}

async function buildRepository(dir: string): Promise<{ commits: number; prs: number; seconds: number }> {
  const started = performance.now();
  spawnSync("git", ["init", "-q", "--bare", "-b", "main", dir], { stdio: "inherit" });
  const child = spawn("git", ["-C", dir, "fast-import", "--quiet", "--done"], {
    stdio: ["pipe", "inherit", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const counts = await writeHistory(child.stdin);
  child.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`git fast-import exited with ${code}`);
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}

const work = values.keep ?? mkdtempSync(path.join(tmpdir(), "uplift-bench-git-"));
const repoDir = path.join(work, "synthetic.git");
try {
  const built = await buildRepository(repoDir);
  console.log(
    `built ${built.commits} commits (${built.prs} PRs) with git fast-import in ${built.seconds.toFixed(1)} s`,
  );

  const openStarted = performance.now();
  const store = await openStore({ dataDir: path.join(work, "data") });
  await store.migrate([
    ...measureMigrations,
    ...gitMigrations.filter((m) => !measureMigrations.some((n) => n.id === m.id)),
  ]);
  console.log(
    `PGlite open + migrate: ${((performance.now() - openStarted) / 1000).toFixed(1)} s (not in the import time)`,
  );

  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const cpuBefore = process.cpuUsage();
  const result = await importGitRepository(store, { path: repoDir, repo: "bench/synthetic" });
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  console.log(
    `import: ${(result.durationMs / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (this process), ` +
      `${result.commits} commits, ${result.prs} PRs ${JSON.stringify(result.prsByKind)}, ` +
      `${result.directCommits} direct; RSS ${(rssBefore / 2 ** 20).toFixed(0)} MiB before, peak ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
  );
  const logStarted = performance.now();
  spawnSync("sh", [
    "-c",
    `git -C ${repoDir} log --no-renames --diff-merges=first-parent --numstat --format=%H main > /dev/null`,
  ]);
  console.log(
    `for comparison, git log --numstat alone to /dev/null: ${((performance.now() - logStarted) / 1000).toFixed(1)} s`,
  );
  const again = await importGitRepository(store, { path: repoDir, repo: "bench/synthetic" });
  console.log(`re-run (up to date): ${again.mode}, ${(again.durationMs / 1000).toFixed(2)} s`);

  const mainline = spawnSync(
    "git",
    ["-C", repoDir, "log", "--first-parent", "--reverse", "--format=%H %cI", "main"],
    {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    },
  )
    .stdout.trim()
    .split("\n");
  const deployments = mainline
    .filter((_, i) => i % 20 === 0)
    .map((line, i) => {
      const [sha, at] = line.split(" ");
      return [`deploy-${i}`, "bench", "bench/synthetic", null, "production", sha, at, "success", {}];
    });
  await store.insertMany(
    "deployments",
    ["id", "source", "repo", "service", "environment", "sha", "finished_at", "status", "attributes"],
    deployments,
  );
  const linkStarted = performance.now();
  const linked = await linkDeploymentCommits(store, { repoPath: repoDir, repo: "bench/synthetic" });
  console.log(
    `linkDeploymentCommits: ${linked.deployments} deployments, ${linked.linked} linked, ${linked.commits} commits in ${((performance.now() - linkStarted) / 1000).toFixed(1)} s`,
  );
  const relinkStarted = performance.now();
  const relinked = await linkDeploymentCommits(store, { repoPath: repoDir, repo: "bench/synthetic" });
  console.log(
    `re-link (nothing new): ${relinked.unchanged} unchanged in ${((performance.now() - relinkStarted) / 1000).toFixed(2)} s`,
  );
  await store.close();
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
