/**
 * Dataset build throughput and memory: a generated organisation of TypeScript/Python repositories
 * (default 64 MB of source) through `buildDataset` with redaction, exact and near dedup, import
 * ordering, codellama tokenisation, FIM and packing all on; bar: ≥ 10 MB/s, RSS < 2 GiB for 1 GB.
 *
 *   npx tsc -b && node bench/tune-dataset.ts [--mb 64] [--repos 8] [--keep DIR]
 *
 * Files are 2–12 KB of functions built from a 4,000-word vocabulary drawn with Zipf frequencies
 * (as identifiers are in real code), each importing 0–3 earlier files; 4 % are near copies (a few lines edited),
 * 2 % exact copies, 1 % carry an e-mail address and 0.5 % a GitHub token. Prints MB/s of source
 * read per wall-clock second and per CPU second (this machine's 2 cores are shared, so wall time
 * depends on the load average, printed too) and peak RSS (`process.resourceUsage().maxRSS`);
 * run at two sizes to see how RSS scales.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { silentLogger } from "@uplift/core";
import { buildDataset, DEFAULT_LICENCE_ALLOW_LIST } from "@uplift/tune";
import { mulberry32, syllableWords } from "./seeded-random.ts";

const { values } = parseArgs({
  options: {
    mb: { type: "string", default: "64" },
    repos: { type: "string", default: "8" },
    keep: { type: "string" },
    workers: { type: "string" },
  },
});
const TARGET_BYTES = Number(values.mb) * 1e6;
const REPOS = Number(values.repos);

const rand = mulberry32(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
/** Zipf-distributed choice (s ≈ 1), as identifier frequencies in real code are. */
const zipf = <T>(xs: readonly T[]): T =>
  xs[Math.min(xs.length - 1, Math.floor(xs.length ** rand()) - 1)] as T;
const WORDS = syllableWords(rand, 4000);
const word = () => zipf(WORDS);
const camel = () => word() + word().replace(/^./, (c) => c.toUpperCase());

function tsFunction(): string {
  const name = camel();
  const args = Array.from({ length: 1 + Math.floor(rand() * 3) }, word);
  const body = Array.from({ length: 3 + Math.floor(rand() * 8) }, () => {
    const v = word();
    return `  const ${v}${Math.floor(rand() * 99)} = ${pick(args)}.${camel()}(${pick(args)}, ${Math.floor(rand() * 1000)});`;
  });
  return `/** ${Array.from({ length: 6 }, word).join(" ")}. */\nexport function ${name}(${args.map((a) => `${a}: number`).join(", ")}): number {\n${body.join("\n")}\n  return ${args.join(" + ")};\n}\n`;
}

function makeFile(imports: string[]): string {
  const target = 2000 + rand() * 10000;
  let text = `${imports.map((i) => `import { ${camel()} } from "./${i}.js";\n`).join("")}\n`;
  while (text.length < target) text += `${tsFunction()}\n`;
  if (rand() < 0.01) text += `// owner: ${pick(WORDS)}.${pick(WORDS)}@example-corp.com\n`;
  if (rand() < 0.005)
    text += `const token = "ghp_${Array.from({ length: 36 }, () => pick([..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"])).join("")}";\n`;
  return text;
}

function nearCopy(text: string): string {
  const lines = text.split("\n");
  for (let i = 0; i < Math.max(1, lines.length / 40); i++)
    lines[Math.floor(rand() * lines.length)] = `  // ${pick(WORDS)} ${pick(WORDS)}`;
  return lines.join("\n");
}

const root = values.keep ?? mkdtempSync(path.join(tmpdir(), "uplift-bench-dataset-"));
mkdirSync(root, { recursive: true });
let written = 0;
const made: string[] = [];
const repoDirs: string[] = [];
for (let r = 0; r < REPOS; r++) {
  const dir = path.join(root, `repo${r}`);
  mkdirSync(path.join(dir, "src"), { recursive: true });
  repoDirs.push(dir);
  const names: string[] = [];
  while (written < (TARGET_BYTES * (r + 1)) / REPOS) {
    const name = `mod${names.length}`;
    const imports = names.length ? Array.from({ length: Math.floor(rand() * 4) }, () => pick(names)) : [];
    const roll = rand();
    const text =
      roll < 0.04 && made.length
        ? nearCopy(pick(made))
        : roll < 0.06 && made.length
          ? pick(made)
          : makeFile(imports);
    if (made.length < 2000) made.push(text);
    else made[Math.floor(rand() * made.length)] = text;
    writeFileSync(path.join(dir, "src", `${name}.ts`), text);
    names.push(name);
    written += text.length;
  }
  writeFileSync(
    path.join(dir, "LICENSE"),
    "Permission is hereby granted, free of charge, to any person obtaining a copy\n",
  );
  execFileSync("git", ["init", "-q"], { cwd: dir });
}
console.log(`generated ${(written / 1e6).toFixed(1)} MB in ${REPOS} repositories under ${root}`);

const out = path.join(root, "dataset");
const started = performance.now();
const cpuBefore = process.cpuUsage();
const manifest = await buildDataset(
  {
    repos: repoDirs,
    docs: [],
    out,
    history: false,
    historyLimit: 0,
    licences: [...DEFAULT_LICENCE_ALLOW_LIST],
    unknownLicence: "include",
    decontaminate: [],
    tokenizer: "codellama",
    seqLen: 4096,
    fimRate: 0.5,
    fimSpmRate: 0.5,
    fimFormat: "codellama",
    shardSize: 10_000,
    nearDupThreshold: 0.7,
    seed: 42,
    parquet: false,
    ...(values.workers ? { workers: Number(values.workers) } : {}),
  },
  { logger: silentLogger() },
);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify(
    {
      input_mb: +(manifest.bytes.input / 1e6).toFixed(1),
      seconds: +seconds.toFixed(1),
      mb_per_s: +(manifest.bytes.input / 1e6 / seconds).toFixed(1),
      cpu_seconds: +cpuSeconds.toFixed(1),
      mb_per_cpu_s: +(manifest.bytes.input / 1e6 / cpuSeconds).toFixed(1),
      load_average_1m: +(os.loadavg()[0] ?? 0).toFixed(1),
      peak_rss_mb: Math.round(rssMb),
      files_kept: manifest.counts.files_kept,
      exact_duplicates: manifest.dedup.exact_duplicates,
      near_duplicates: manifest.dedup.near_duplicates,
      tokens: manifest.tokens.pretrain,
      sequences: manifest.counts.sequences,
      redactions: manifest.redactions,
      content_hash: manifest.content_hash,
    },
    null,
    1,
  ),
);
if (!values.keep) rmSync(root, { recursive: true, force: true });
