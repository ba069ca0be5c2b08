import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "@uplift/core";
import type { GeneratedFile } from "./generated-file.js";

/**
 * Writes a recipe's files into `outDir` as a whole: into a temporary sibling directory first,
 * renamed over `outDir` at the end, so a reader never sees half a recipe. An existing
 * non-empty `outDir` is replaced only with `force`. Returns the absolute paths written.
 */
export async function writeRecipeFiles(
  outDir: string,
  files: readonly GeneratedFile[],
  options: { force?: boolean } = {},
): Promise<string[]> {
  const target = path.resolve(outDir);
  const existing = await readdir(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    if (error.code === "ENOTDIR") throw new InputError(`--out ${outDir}: exists and is not a directory`);
    throw error;
  });
  if (existing && existing.length > 0 && !options.force)
    throw new InputError(`--out ${outDir}: directory is not empty (give --force to replace it)`);

  await mkdir(path.dirname(target), { recursive: true });
  const staging = `${target}.partial-${process.pid}-${Date.now()}`;
  try {
    for (const file of files) {
      const full = path.join(staging, file.path);
      if (!full.startsWith(`${staging}${path.sep}`))
        throw new Error(`recipe file outside the output: ${file.path}`);
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, file.content, { mode: file.path.endsWith(".py") ? 0o755 : 0o644 });
    }
    if (existing) {
      const old = `${target}.old-${process.pid}-${Date.now()}`;
      await rename(target, old);
      await rename(staging, target);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(staging, target);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return files.map((f) => path.join(target, f.path));
}
