import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "@uplift/core";

export const MANIFEST_FILE = "manifest.json";

/**
 * The dataset is written into a temporary sibling directory (`.<name>.partial-<random>`) and
 * renamed to `--out` only when complete, so a crashed or interrupted run never leaves a
 * directory that looks like a finished dataset. An existing `--out` is replaced only when it
 * is empty or a previous dataset (it has a manifest.json); anything else is refused.
 */
export async function createPartialDir(out: string): Promise<string> {
  const target = path.resolve(out);
  await checkReplaceable(target);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = path.join(
    path.dirname(target),
    `.${path.basename(target)}.partial-${randomBytes(4).toString("hex")}`,
  );
  await mkdir(partial);
  return partial;
}

/** Moves the finished dataset into place (replacing a previous one). */
export async function commitPartialDir(partial: string, out: string): Promise<void> {
  const target = path.resolve(out);
  await checkReplaceable(target);
  const existing = await stat(target).catch(() => undefined);
  if (!existing) {
    await rename(partial, target);
    return;
  }
  const old = `${partial}-old`;
  await rename(target, old);
  await rename(partial, target);
  await rm(old, { recursive: true, force: true });
}

/** Removes a partial directory after a failure. */
export async function discardPartialDir(partial: string): Promise<void> {
  await rm(partial, { recursive: true, force: true });
}

async function checkReplaceable(target: string): Promise<void> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return;
  if (!info.isDirectory()) throw new InputError(`--out ${target}: exists and is not a directory`);
  const entries = await readdir(target);
  if (entries.length > 0 && !entries.includes(MANIFEST_FILE))
    throw new InputError(
      `--out ${target}: not empty and not a dataset (no ${MANIFEST_FILE}); refusing to replace it`,
      {
        hint: "give a new or empty directory",
      },
    );
}
