import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** apps/web/dist, the directory the server serves the dashboard from. */
export const WEB_DIST = path.join(repoRoot, "apps/web/dist");

/** Runs `vite build` in apps/web (what `npm run build -w apps/web` does) and returns the dist directory. */
export async function buildWeb(): Promise<string> {
  const viteBin = path.join(
    path.dirname(createRequire(import.meta.url).resolve("vite/package.json")),
    "bin/vite.js",
  );
  try {
    await promisify(execFile)(process.execPath, [viteBin, "build", "--logLevel", "warn"], {
      cwd: path.join(repoRoot, "apps/web"),
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`building apps/web failed: ${stderr || String(error)}`, { cause: error });
  }
  if (!existsSync(path.join(WEB_DIST, "index.html")))
    throw new Error(`vite build wrote no ${WEB_DIST}/index.html`);
  return WEB_DIST;
}
