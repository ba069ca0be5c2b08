import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Ecosystem } from "../../scan/types.js";
import type { BumpTarget, ManifestEdit } from "../types.js";
import { goBumper } from "./go-bump.js";
import { mavenBumper } from "./maven-bump.js";
import { npmBumper } from "./npm-bump.js";
import { pythonBumper } from "./python-bump.js";
import type { ManifestBumper } from "./types.js";

/** One manifest editor per ecosystem. */
export const BUMPERS: Record<Ecosystem, ManifestBumper> = {
  npm: npmBumper,
  PyPI: pythonBumper,
  Go: goBumper,
  Maven: mavenBumper,
};

const SKIP_DIRS = new Set(["node_modules", ".git", ".venv", "venv", "vendor", "target", "dist", "build"]);

/**
 * The manifest rewrites that move every target to its version, computed from the files under
 * `root` (the target's own file first when the scan named it). Nothing is written.
 */
export async function computeBumps(root: string, targets: readonly BumpTarget[]): Promise<BumpSet> {
  const manifests = await findManifests(root);
  const texts = new Map<string, string>();
  const edits: ManifestEdit[] = [];
  for (const target of targets) {
    const bumper = BUMPERS[target.ecosystem];
    const files = manifests.filter((f) => bumper.matches(path.basename(f)));
    if (target.file) files.sort((a, b) => Number(b === target.file) - Number(a === target.file));
    for (const file of files) {
      const text = texts.get(file) ?? (await readFile(path.join(root, file), "utf8"));
      const rewrite = bumper.rewrite(file, text, target);
      if (!rewrite) continue;
      texts.set(file, rewrite.text);
      edits.push(rewrite.edit);
      break;
    }
  }
  const changed = new Set(edits.map((e) => e.file));
  return { edits, files: [...texts].filter(([f]) => changed.has(f)).map(([file, text]) => ({ file, text })) };
}

/** The edits of a set of targets and the manifests' new texts. */
export interface BumpSet {
  edits: ManifestEdit[];
  files: { file: string; text: string }[];
}

/** Writes the new manifests under `root` (the sandbox). */
export async function writeBumps(root: string, bumps: BumpSet): Promise<void> {
  for (const f of bumps.files) await writeFile(path.join(root, f.file), f.text);
}

async function findManifests(root: string, dir = "", depth = 0): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (depth < 3 && !SKIP_DIRS.has(entry.name) && !entry.name.startsWith("."))
        out.push(...(await findManifests(root, rel, depth + 1)));
    } else if (Object.values(BUMPERS).some((b) => b.matches(entry.name))) out.push(rel);
  }
  return out.sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b));
}
