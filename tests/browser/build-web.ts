import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Runs `vite build` in apps/web (what `npm run build -w apps/web` does) into a fresh temp
 * directory and returns it: browser test files run in parallel, and two builds writing
 * apps/web/dist at once would race.
 */
export async function buildWeb(): Promise<string> {
  const viteBin = path.join(
    path.dirname(createRequire(import.meta.url).resolve("vite/package.json")),
    "bin/vite.js",
  );
  const outDir = mkdtempSync(path.join(tmpdir(), "uplift-web-dist-"));
  try {
    await promisify(execFile)(
      process.execPath,
      [viteBin, "build", "--logLevel", "warn", "--outDir", outDir, "--emptyOutDir"],
      { cwd: path.join(repoRoot, "apps/web") },
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`building apps/web failed: ${stderr || String(error)}`, { cause: error });
  }
  if (!existsSync(path.join(outDir, "index.html")))
    throw new Error(`vite build wrote no ${outDir}/index.html`);
  return outDir;
}
