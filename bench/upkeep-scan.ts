/**
 * Upkeep scan: 500 synthetic repositories × 200 dependencies against 50,000 OSV advisories;
 * bar: the whole scan (advisory load + every repository) under 30 s on a 2-core machine.
 *
 *   npx tsc -b && node bench/upkeep-scan.ts [--repos 500] [--deps 200] [--advisories 50000] [--keep DIR]
 *
 * Repositories (fixed seed): 40 % npm (package-lock.json v3 with nested node_modules, 30 %
 * of packages transitive), 20 % Python (requirements.txt with pins and hashes), 20 % Go
 * (go.mod, 20 % `// indirect`), 20 % Maven (pom.xml with properties). Package names come from
 * a universe of 20,000 per ecosystem (repositories favour popular ones); advisories pick
 * packages uniformly from the same universe with 1–2 SEMVER/ECOSYSTEM ranges (5 % from
 * `introduced: "0"`, 15 % ending in `last_affected`), some `versions` lists, a CVSS v3 vector on
 * half of them. Timed in-process through `scanRepositories`; then loading the same records
 * from one `all.zip` (OSV's export format); then the whole scan through the built CLI (`--json`).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadAdvisories, scanRepositories } from "@uplift/upkeep";
import { zipSync } from "fflate";
import { mulberry32 } from "./seeded-random.ts";

const { values } = parseArgs({
  options: {
    repos: { type: "string", default: "500" },
    deps: { type: "string", default: "200" },
    advisories: { type: "string", default: "50000" },
    keep: { type: "string" },
  },
});
const REPOS = Number(values.repos);
const DEPS = Number(values.deps);
const ADVISORIES = Number(values.advisories);
const UNIVERSE = 20_000;

const rand = mulberry32(20261126);
const int = (n: number) => Math.floor(rand() * n);
/** Skewed towards low indexes: popular packages are used (and advised against) more. */
const popular = () => Math.floor(UNIVERSE * rand() ** 2.5);
const version = () => `${int(5)}.${int(20)}.${int(30)}`;

type Eco = "npm" | "PyPI" | "Go" | "Maven";
const nameOf = (eco: Eco, i: number) =>
  eco === "npm"
    ? `pkg-${i}`
    : eco === "PyPI"
      ? `py-lib-${i}`
      : eco === "Go"
        ? `github.com/org${i % 97}/mod${i}`
        : `com.example.g${i % 53}:artifact-${i}`;

const work = values.keep ?? mkdtempSync(path.join(tmpdir(), "uplift-bench-upkeep-"));
const osvDir = path.join(work, "osv");
const reposDir = path.join(work, "repos");
const genStart = performance.now();

// Advisories
mkdirSync(osvDir, { recursive: true });
const ecosystems: Eco[] = ["npm", "PyPI", "Go", "Maven"];
for (let i = 0; i < ADVISORIES; i++) {
  const eco = ecosystems[i % 4] as Eco;
  const pkg = nameOf(eco, int(UNIVERSE));
  const [maj, min] = [int(5), int(20)];
  const from = int(min + 1);
  const ranges = [
    {
      type: eco === "npm" || eco === "Go" ? "SEMVER" : "ECOSYSTEM",
      events:
        rand() < 0.15
          ? [{ introduced: `${maj}.${from}.0` }, { last_affected: `${maj}.${min}.${int(30)}` }]
          : [{ introduced: rand() < 0.05 ? "0" : `${maj}.${from}.0` }, { fixed: `${maj}.${min}.${int(30)}` }],
    },
  ];
  if (rand() < 0.3)
    ranges.push({
      type: ranges[0]?.type as string,
      events: [{ introduced: `${maj + 1}.0.0` }, { fixed: `${maj + 1}.${int(20)}.0` }],
    });
  const record = {
    schema_version: "1.6.0",
    id: `BENCH-${String(i).padStart(6, "0")}`,
    modified: "2024-01-01T00:00:00Z",
    summary: `synthetic advisory ${i}`,
    ...(rand() < 0.5 && {
      severity: [
        {
          type: "CVSS_V3",
          score: `CVSS:3.1/AV:N/AC:${rand() < 0.5 ? "L" : "H"}/PR:N/UI:N/S:U/C:H/I:${rand() < 0.5 ? "H" : "N"}/A:H`,
        },
      ],
    }),
    affected: [
      {
        package: { ecosystem: eco, name: pkg },
        ranges,
        ...(rand() < 0.1 && { versions: [version(), version()] }),
      },
    ],
    database_specific: { severity: ["LOW", "MODERATE", "HIGH", "CRITICAL"][int(4)] },
  };
  const dir = path.join(osvDir, eco, String(i % 100));
  if (i < 400) mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${record.id}.json`), JSON.stringify(record));
}

// Repositories
const repoPaths: string[] = [];
for (let r = 0; r < REPOS; r++) {
  const root = path.join(reposDir, `repo-${r}`);
  mkdirSync(root, { recursive: true });
  repoPaths.push(root);
  const kind = r % 10 < 4 ? "npm" : r % 10 < 6 ? "PyPI" : r % 10 < 8 ? "Go" : "Maven";
  const picks = new Set<number>();
  while (picks.size < DEPS) picks.add(popular());
  const deps = [...picks].map((i) => ({ name: nameOf(kind, i), version: version() }));
  if (kind === "npm") {
    const directCount = Math.round(DEPS * 0.7);
    const packages: Record<string, unknown> = {};
    const direct = deps.slice(0, directCount);
    packages[""] = {
      name: `repo-${r}`,
      version: "1.0.0",
      dependencies: Object.fromEntries(direct.map((d) => [d.name, `^${d.version}`])),
    };
    for (const [i, d] of direct.entries()) {
      const children = deps.slice(directCount).filter((_, j) => j % directCount === i);
      packages[`node_modules/${d.name}`] = {
        version: d.version,
        dependencies: Object.fromEntries(children.map((c) => [c.name, `^${c.version}`])),
      };
      for (const c of children)
        packages[`node_modules/${d.name}/node_modules/${c.name}`] = { version: c.version };
    }
    writeFileSync(path.join(root, "package.json"), JSON.stringify(packages[""]));
    writeFileSync(
      path.join(root, "package-lock.json"),
      JSON.stringify({ name: `repo-${r}`, lockfileVersion: 3, requires: true, packages }),
    );
  } else if (kind === "PyPI") {
    writeFileSync(
      path.join(root, "requirements.txt"),
      deps.map((d) => `${d.name}==${d.version} \\\n    --hash=sha256:${"ab".repeat(32)}`).join("\n"),
    );
  } else if (kind === "Go") {
    const lines = deps.map((d, i) => `\t${d.name} v${d.version}${i % 5 === 0 ? " // indirect" : ""}`);
    writeFileSync(
      path.join(root, "go.mod"),
      `module example.com/repo${r}\n\ngo 1.21\n\nrequire (\n${lines.join("\n")}\n)\n`,
    );
  } else {
    const props = deps.map((d, i) => `    <v${i}>${d.version}</v${i}>`).join("\n");
    const list = deps
      .map((d, i) => {
        const [g, a] = d.name.split(":");
        return `    <dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>\${v${i}}</version></dependency>`;
      })
      .join("\n");
    writeFileSync(
      path.join(root, "pom.xml"),
      `<project>\n  <groupId>com.example</groupId>\n  <artifactId>repo-${r}</artifactId>\n  <version>1.0.0</version>\n  <properties>\n${props}\n  </properties>\n  <dependencies>\n${list}\n  </dependencies>\n</project>\n`,
    );
  }
}
console.log(
  `generated ${REPOS} repositories × ${DEPS} dependencies and ${ADVISORIES} advisories in ${((performance.now() - genStart) / 1000).toFixed(1)} s (${work})`,
);

// In-process
const start = performance.now();
const cpuStart = process.cpuUsage();
const report = await scanRepositories({ repos: repoPaths, advisoriesDir: osvDir });
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const s = report.summary;
console.log(
  `in-process: ${seconds.toFixed(2)} s total (advisory load ${(seconds - (s?.duration_ms ?? 0) / 1000).toFixed(2)} s, ` +
    `scan ${((s?.duration_ms ?? 0) / 1000).toFixed(2)} s); ${report.advisories.loaded} advisories, ${s?.dependencies} dependencies, ` +
    `${s?.findings} findings, ${report.rollup.length} advisories hit, ${s?.errors} errors`,
);
console.log(
  `  CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores (wall time grows with other work on the machine)`,
);
console.log(`bar (< 30 s): ${seconds < 30 ? "PASS" : "FAIL"}`);

// The same records as one OSV-style all.zip export, streamed entry by entry
const zipDir = path.join(work, "osv-zip");
mkdirSync(zipDir, { recursive: true });
const entries: Record<string, Uint8Array> = {};
for (const file of readdirSync(osvDir, { recursive: true, withFileTypes: true }))
  if (file.isFile()) entries[file.name] = readFileSync(path.join(file.parentPath, file.name));
writeFileSync(path.join(zipDir, "all.zip"), zipSync(entries));
const zipStart = performance.now();
const fromZip = await loadAdvisories(zipDir);
console.log(
  `all.zip (${Object.keys(entries).length} entries): loaded ${fromZip.loaded} in ${((performance.now() - zipStart) / 1000).toFixed(2)} s`,
);

// Through the CLI, as CI would run it
const list = path.join(work, "repos.txt");
writeFileSync(list, repoPaths.join("\n"));
const cliStart = performance.now();
const cli = spawnSync(
  process.execPath,
  [
    path.resolve(import.meta.dirname, "../apps/cli/bin/uplift.js"),
    "upkeep",
    "scan",
    "--repos-from",
    list,
    "--advisories",
    osvDir,
    "--json",
    "--data-dir",
    path.join(work, "data"),
  ],
  { encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, UPLIFT_LOG_LEVEL: "error" } },
);
const cliSeconds = (performance.now() - cliStart) / 1000;
if (cli.status !== 0) console.error(cli.stderr);
console.log(
  `cli: uplift upkeep scan --repos-from (${REPOS} repos) --json: ${cliSeconds.toFixed(2)} s, exit ${cli.status}, ${(cli.stdout.length / 1e6).toFixed(1)} MB of JSON`,
);
if (!values.keep) rmSync(work, { recursive: true, force: true });
