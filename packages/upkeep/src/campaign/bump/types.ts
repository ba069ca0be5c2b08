import type { BumpTarget, ManifestEdit } from "../types.js";

/** A manifest rewritten for one target: its new text and the edit shown in the plan. */
export interface ManifestRewrite {
  file: string;
  text: string;
  edit: ManifestEdit;
}

/**
 * One ecosystem's manifest editor: finds the files that declare `target.package` under `root`
 * (given their texts) and rewrites the version, keeping the file's formatting.
 */
export interface ManifestBumper {
  /** Manifest names it edits, e.g. `package.json`, `requirements*.txt`. */
  matches(fileName: string): boolean;
  rewrite(file: string, text: string, target: BumpTarget): ManifestRewrite | undefined;
}

/** The first differing line of two texts, for the plan's before/after. */
export function changedLine(before: string, after: string): { before: string; after: string } {
  const a = before.split("\n");
  const b = after.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i += 1)
    if (a[i] !== b[i]) return { before: (a[i] ?? "").trim(), after: (b[i] ?? "").trim() };
  return { before: "", after: "" };
}
