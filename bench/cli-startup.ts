/**
 * Cold start of `uplift --help` (bar: under 300 ms). Runs the built binary as a user does,
 * N times, and prints the median and p95 wall time. Run after `npm run build`:
 *   node bench/cli-startup.ts [runs]
 */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../apps/cli/bin/uplift.js", import.meta.url));
const runs = Number(process.argv[2] ?? 30);

function time(args: string[]): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
    samples.push(performance.now() - start);
    if (result.status !== 0)
      throw new Error(`uplift ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  }
  return samples.sort((a, b) => a - b);
}

const at = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const node = (() => {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ["-e", "0"]);
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
})();
for (const [label, samples] of [
  ["node -e 0 (floor)", node],
  ["uplift --help", time(["--help"])],
  ["uplift token --help", time(["token", "--help"])],
] as const) {
  console.log(
    `${label.padEnd(22)} median ${at(samples, 0.5).toFixed(0)} ms  p95 ${at(samples, 0.95).toFixed(0)} ms  (${runs} runs)`,
  );
}
