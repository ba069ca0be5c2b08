/**
 * Rework and revert analysis (`uplift measure quality git`): a synthetic 50,000-commit repository
 * (built with `git fast-import`, fixed generator) analysed into a fresh PGlite store; bar: under
 * 60 s on a 2-core machine.
 *
 *   npx tsc -b && node bench/measure-rework.ts [--commits 50000] [--keep DIR]
 *
 * With --keep DIR the repository is kept there and reused by the next run with the same DIR.
 *
 * History shape: GitHub merges of 1–4-commit branches (40 % of landings), squashes "Title (#N)"
 * (40 %), direct pushes (20 %), one commit in 100 a revert naming a commit (half of them not in the
 * history); 2 to 4 hours between commits (so 21 days ≈ 150–250 landings); each commit rewrites,
 * inserts or deletes a few lines in 1–3 files of ~60 lines in a 500-file tree.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openStore } from "@uplift/core";
import { analyzeGitQuality, measureMigrations } from "@uplift/measure";
import { mulberry32 } from "./seeded-random.ts";

const { values } = parseArgs({
  options: { commits: { type: "string", default: "50000" }, keep: { type: "string" } },
});
const TARGET_COMMITS = Number(values.commits);
const FILES = 500;
const LINES = 60;

async function writeHistory(out: NodeJS.WritableStream): Promise<{ commits: number; reverts: number }> {
  const rand = mulberry32(7);
  const pick = (n: number) => Math.floor(rand() * n);
  const content: string[][] = Array.from({ length: FILES }, (_, f) =>
    Array.from({ length: LINES }, (_, l) => `file ${f} line ${l}`),
  );
  let mark = 0;
  let time = Date.UTC(2019, 0, 1) / 1000;
  let commits = 0;
  let reverts = 0;
  let buffer = "";
  const write = async (text: string) => {
    buffer += text;
    if (buffer.length > 1 << 20) {
      const chunk = buffer;
      buffer = "";
      if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
    }
  };
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const who = () => `Dev ${pick(300)} <dev${pick(300)}@example.com>`;
  const hex = () => Array.from({ length: 40 }, () => "0123456789abcdef"[pick(16)]).join("");
  /** One commit editing 1–3 files (added to `changed`); returns its mark. */
  const change = async (ref: string, from: number, message: string, changed = new Set<number>()) => {
    let modifications = "";
    for (let k = 1 + pick(3); k > 0; k--) {
      const file = pick(FILES);
      const lines = content[file] as string[];
      const at = pick(lines.length);
      const kind = rand();
      if (kind < 0.6)
        for (let i = at; i < Math.min(lines.length, at + 1 + pick(4)); i++) lines[i] = `edit ${mark} ${i}`;
      else if (kind < 0.85)
        lines.splice(at, 0, ...Array.from({ length: 1 + pick(6) }, (_, i) => `added ${mark} ${i}`));
      else if (lines.length > 20) lines.splice(at, 1 + pick(3));
      modifications += `M 100644 inline src/f${file}.txt\n${data(`${lines.join("\n")}\n`)}`;
      changed.add(file);
    }
    time += 7_200 + pick(7_200);
    const id = ++mark;
    const author = who();
    await write(
      `commit ${ref}\nmark :${id}\nauthor ${author} ${time - pick(86_400)} +0000\ncommitter ${author} ${time} +0000\n${data(message)}${from ? `from :${from}\n` : ""}${modifications}`,
    );
    commits++;
    return id;
  };

  let mainTip = await change("refs/heads/main", 0, "Initial commit");
  let number = 0;
  while (commits < TARGET_COMMITS) {
    const kind = rand();
    number++;
    if (kind < 0.4) {
      let tip = mainTip;
      const changed = new Set<number>();
      for (let k = 1 + pick(4); k > 0; k--)
        tip = await change(`refs/heads/topic-${number % 50}`, tip, `Work on ${number}`, changed);
      time += 60;
      const id = ++mark;
      let modifications = "";
      for (const f of changed)
        modifications += `M 100644 inline src/f${f}.txt\n${data(`${(content[f] as string[]).join("\n")}\n`)}`;
      const merger = who();
      await write(
        `commit refs/heads/main\nmark :${id}\nauthor ${merger} ${time} +0000\ncommitter ${merger} ${time} +0000\n${data(`Merge pull request #${number} from dev/feature-${number}`)}from :${mainTip}\nmerge :${tip}\n${modifications}`,
      );
      commits++;
      mainTip = id;
    } else if (kind < 0.8) {
      mainTip = await change("refs/heads/main", mainTip, `Improve module ${number} (#${number})`);
    } else if (kind < 0.81) {
      reverts++;
      mainTip = await change(
        "refs/heads/main",
        mainTip,
        `Revert "Something"\n\nThis reverts commit ${hex()}.`,
      );
    } else {
      mainTip = await change("refs/heads/main", mainTip, `Tweak config ${commits}`);
    }
  }
  await write("done\n");
  out.write(buffer);
  return { commits, reverts };
}

async function buildRepository(dir: string) {
  const started = performance.now();
  spawnSync("git", ["init", "-q", "--bare", "-b", "main", dir], { stdio: "inherit" });
  const child = spawn("git", ["-C", dir, "fast-import", "--quiet", "--done"], {
    stdio: ["pipe", "inherit", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const counts = await writeHistory(child.stdin);
  child.stdin.end();
  if ((await exited) !== 0) throw new Error("git fast-import failed");
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}

const work = values.keep ?? mkdtempSync(path.join(tmpdir(), "uplift-bench-rework-"));
const repoDir = path.join(work, "synthetic.git");
try {
  if (existsSync(repoDir)) console.log(`reusing ${repoDir} (--keep)`);
  else {
    const built = await buildRepository(repoDir);
    console.log(
      `built ${built.commits} commits (${built.reverts} reverts) with git fast-import in ${built.seconds.toFixed(1)} s`,
    );
  }
  const dataDir = mkdtempSync(path.join(work, "data-"));
  const store = await openStore({ dataDir });
  await store.migrate(measureMigrations);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const cpuBefore = process.cpuUsage();
  const result = await analyzeGitQuality(store, { path: repoDir, repo: "bench/synthetic" });
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  console.log(
    `quality git: ${(result.durationMs / 1000).toFixed(1)} s wall (bar < 60 s), ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (this process); ` +
      `${result.commits} commits, ${result.landings} landings, ${result.linesAdded} lines added, ${result.linesReworked} reworked ` +
      `(${((100 * result.linesReworked) / Math.max(1, result.linesAdded)).toFixed(1)} %); reverts ${JSON.stringify({ ...result.reverts, notInHistoryExamples: undefined })}; ` +
      `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
  );
  const logStarted = performance.now();
  spawnSync("sh", [
    "-c",
    `git -C ${repoDir} log --first-parent --reverse -p --unified=0 -M main > /dev/null`,
  ]);
  console.log(
    `for comparison, the git log -p alone to /dev/null: ${((performance.now() - logStarted) / 1000).toFixed(1)} s`,
  );
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
