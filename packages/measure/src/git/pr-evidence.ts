/**
 * How a pull/merge request landed on the branch, as far as its commit message tells:
 * - `github-merge`: "Merge pull request #N from owner/branch" (title in the body);
 * - `gitlab-merge`: a merge whose message has "See merge request group/proj!N";
 * - `bitbucket-merge`: "Merged in branch (pull request #N)"; `azure-merge`: "Merged PR N: title";
 * - `branch-merge`: "Merge branch 'topic'" / "Merge remote-tracking branch 'origin/topic'" (no number);
 * - `github-squash`: a single-parent commit "Title (#N)"; `gitlab-squash`: a single-parent commit
 *   with "See merge request …!N";
 * - `rebase`: found from the commit graph, not the message (see detect-pull-requests.ts).
 */
export type PrKind =
  | "github-merge"
  | "gitlab-merge"
  | "bitbucket-merge"
  | "azure-merge"
  | "branch-merge"
  | "github-squash"
  | "gitlab-squash"
  | "rebase";

export const PR_KINDS: readonly PrKind[] = [
  "github-merge",
  "gitlab-merge",
  "bitbucket-merge",
  "azure-merge",
  "branch-merge",
  "github-squash",
  "gitlab-squash",
  "rebase",
];

export interface PrEvidence {
  kind: PrKind;
  number?: number;
  title: string;
  /** The merged branch as the message names it ("owner/branch" for GitHub). */
  sourceBranch?: string;
  /** The branch the message says it was merged into, when it names one ("… into 'main'"). */
  targetBranch?: string;
  /** GitLab's "group/proj!N" reference. */
  reference?: string;
  /** Commits listed in a GitHub squash message ("* subject" lines), when it lists them. */
  listedCommits?: number;
}

const GITHUB_MERGE = /^Merged? pull request #(\d+) from (\S+)/;
const GITLAB_REFERENCE = /^See merge request (\S*?)!(\d+)\s*$/m;
const BITBUCKET_MERGE = /^Merged in (\S+) \(pull request #(\d+)\)/;
const AZURE_MERGE = /^Merged PR (\d+): ?(.*)$/;
const BRANCH_MERGE =
  /^Merge (?:remote-tracking |remote )?branch '([^']+)'(?: of (\S+))?(?: into '?([^'\s]+)'?)?/;
const SQUASH_NUMBER = /^(.*?)\s*\(#(\d+)\)$/;

/** Release lines ("5.x", "4.1.x", "v2.0", "release/3.1"): merging one is integration, not a PR. */
const RELEASE_LINE = /^(?:release[-/])?v?\d+(?:\.(?:\d+|x))*$/i;

/**
 * Evidence of a PR in a merge commit's message on the imported branch, or undefined when the
 * merge is not a PR: merged tags ("Merge tag 'v1.2'"), syncs of the branch with itself
 * ("Merge branch 'main' of github.com:org/repo", "Merge remote-tracking branch 'origin/main'"),
 * merges of release lines ("Merge branch '5.x'"), and branch merges made into another branch
 * ("Merge branch 'a' into b", later fast-forwarded onto this one).
 */
export function mergeEvidence(subject: string, body: string, branch: string): PrEvidence | undefined {
  const github = GITHUB_MERGE.exec(subject);
  if (github) {
    return {
      kind: "github-merge",
      number: Number(github[1]),
      sourceBranch: github[2],
      title: firstLine(body),
    };
  }
  const gitlab = GITLAB_REFERENCE.exec(body);
  if (gitlab) {
    const names = BRANCH_MERGE.exec(subject);
    return {
      kind: "gitlab-merge",
      number: Number(gitlab[2]),
      reference: `${gitlab[1]}!${gitlab[2]}`,
      title: firstLine(body.replace(GITLAB_REFERENCE, "")) || subject,
      ...(names?.[1] ? { sourceBranch: names[1] } : {}),
      ...(names?.[3] ? { targetBranch: names[3] } : {}),
    };
  }
  const bitbucket = BITBUCKET_MERGE.exec(subject);
  if (bitbucket) {
    return {
      kind: "bitbucket-merge",
      number: Number(bitbucket[2]),
      sourceBranch: bitbucket[1],
      title: firstLine(body) || subject,
    };
  }
  const azure = AZURE_MERGE.exec(subject);
  if (azure) return { kind: "azure-merge", number: Number(azure[1]), title: azure[2] || subject };
  const merge = BRANCH_MERGE.exec(subject);
  if (merge?.[1]) {
    const source = merge[1].replace(/^(?:refs\/)?(?:remotes\/)?(?:origin|upstream)\//, "");
    const target = merge[3];
    if (source === branch || RELEASE_LINE.test(source) || (target && target !== branch)) return undefined;
    return { kind: "branch-merge", sourceBranch: merge[1], title: subject };
  }
  return undefined;
}

/** Evidence of a squash-merged PR in a single-parent commit's message, or undefined. */
export function squashEvidence(subject: string, body: string): PrEvidence | undefined {
  const github = SQUASH_NUMBER.exec(subject);
  if (github) {
    const listed = body.split("\n").filter((line) => line.startsWith("* ")).length;
    return {
      kind: "github-squash",
      number: Number(github[2]),
      title: github[1] || subject,
      ...(listed > 0 ? { listedCommits: listed } : {}),
    };
  }
  const gitlab = GITLAB_REFERENCE.exec(body);
  if (gitlab) {
    return {
      kind: "gitlab-squash",
      number: Number(gitlab[2]),
      reference: `${gitlab[1]}!${gitlab[2]}`,
      title: subject,
    };
  }
  return undefined;
}

function firstLine(text: string): string {
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (trimmed) return trimmed;
  }
  return "";
}
