/**
 * `npm run bench -- NAME [ARGS…]`: builds the workspace (`tsc -b`) and runs `bench/NAME.ts` on the
 * project's Node; without NAME, lists the benchmarks with the first line of their header.
 * Benchmarks print their figures; docs/benchmarks.md records them with the command used.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const [name, ...args] = process.argv.slice(2);

if (!name) {
  for (const file of readdirSync(here)
    .filter((f) => f.endsWith(".ts"))
    .sort()) {
    const header = /\/\*\*\s*\n\s*\*\s*(.+)/.exec(readFileSync(path.join(here, file), "utf8"));
    console.log(`${file.replace(/\.ts$/, "").padEnd(24)} ${header?.[1] ?? ""}`);
  }
  console.log("\nrun one: npm run bench -- NAME [ARGS…]");
  process.exit(0);
}

const script = path.join(here, `${name.replace(/\.ts$/, "")}.ts`);
if (!existsSync(script)) {
  console.error(`uplift bench: no benchmark ${name} (bench/${name}.ts); run \`npm run bench\` for the list`);
  process.exit(2);
}
const build = spawnSync("npx", ["tsc", "-b"], { stdio: "inherit", cwd: path.dirname(here) });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(process.execPath, [script, ...args], { stdio: "inherit" });
process.exit(run.status ?? 1);
