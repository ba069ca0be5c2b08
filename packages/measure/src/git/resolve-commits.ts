import { runGit } from "./git-command.js";

/**
 * Resolves commit names (full or abbreviated SHAs, tags) to full commit SHAs with one
 * `git cat-file --batch-check`; names the clone does not have (or that are ambiguous, or
 * not commits) map to undefined.
 */
export async function resolveCommits(
  repoPath: string,
  names: readonly string[],
): Promise<Map<string, string | undefined>> {
  const unique = [...new Set(names)];
  const resolved = new Map<string, string | undefined>();
  // A name with whitespace or a newline would break the line protocol; no commit is named so.
  const usable = unique.filter((name) => /^[^\s]+$/.test(name));
  for (const name of unique) resolved.set(name, undefined);
  if (usable.length === 0) return resolved;
  const { stdout } = await runGit(repoPath, ["cat-file", "--batch-check=%(objectname) %(objecttype)"], {
    input: `${usable.map((name) => `${name}^{commit}`).join("\n")}\n`,
  });
  const lines = stdout.split("\n");
  usable.forEach((name, i) => {
    const [sha, type] = (lines[i] ?? "").split(" ");
    if (type === "commit" && sha && /^[0-9a-f]{40,64}$/.test(sha)) resolved.set(name, sha);
  });
  return resolved;
}
