/**
 * Revert evidence in messages and PR bodies. `git revert` writes "This reverts commit <sha>."
 * (for a merge: "This reverts commit <sha>, reversing changes made to <sha>."); GitHub's "Revert"
 * button opens a PR titled `Revert "<title>"` whose body starts "Reverts owner/repo#N".
 */
const GIT_REVERT = /This reverts commit ([0-9a-f]{7,64})\b/gi;
const GITHUB_REVERT = /^\s*Reverts ([\w.-]+\/[\w.-]+)#(\d+)\b/m;

/** The commits a commit message says it reverts (lower-case, in order, without repeats). */
export function revertedCommits(message: string): string[] {
  const found: string[] = [];
  for (const match of message.matchAll(GIT_REVERT)) {
    const sha = (match[1] as string).toLowerCase();
    if (!found.includes(sha)) found.push(sha);
  }
  return found;
}

/** The PR id (`github:owner/repo#N`) a GitHub revert PR's body names, if any. */
export function revertedGitHubPr(body: string | null | undefined): string | undefined {
  if (!body) return undefined;
  const match = GITHUB_REVERT.exec(body);
  return match ? `github:${match[1]}#${match[2]}` : undefined;
}
