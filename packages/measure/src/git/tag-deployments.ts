import { InputError, type Store } from "@uplift/core";
import type { Deployment } from "../records.js";
import { upsertRecords } from "../store/record-writer.js";
import { runGit } from "./git-command.js";

/** Release tags by default: `1.2`, `v1.2.3` (not pre-releases such as `v2.0.0-rc.1`). */
export const DEFAULT_RELEASE_TAG = /^v?\d+(\.\d+){1,2}$/;

export interface TagDeploymentsOptions {
  repoPath: string;
  /** `deployments.repo`, as the import named the repository. */
  repo: string;
  /** The imported branch tip: only tags it contains (released from this branch) count. */
  tip: string;
  /** Tag names that are releases. */
  pattern?: RegExp | undefined;
  /** Environment written on the deployments (default "production"). */
  environment?: string | undefined;
}

export interface TagDeploymentsResult {
  /** Tags on the branch matching the pattern, written (inserted or updated) as deployments. */
  tags: number;
  /** Tags on the branch whose name did not match. */
  skipped: number;
}

/**
 * When a repository has no deployment records, its release tags are the best evidence of what
 * reached users: each tag the branch contains whose name matches `pattern` becomes a successful
 * deployment (`source` "git-tag", id `git-tag:REPO@TAG`) at the tag's date (the tagger date of an
 * annotated tag, the commit date of a lightweight one), of the commit it points at. Re-running
 * upserts the same ids; deployment linking then gives DORA lead time and frequency from Git alone.
 */
export async function importTagDeployments(
  store: Store,
  options: TagDeploymentsOptions,
): Promise<TagDeploymentsResult> {
  const pattern = options.pattern ?? DEFAULT_RELEASE_TAG;
  const { stdout } = await runGit(options.repoPath, [
    "for-each-ref",
    `--merged=${options.tip}`,
    "--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)%00%(creatordate:iso-strict)",
    "refs/tags",
  ]);
  const records: Deployment[] = [];
  let skipped = 0;
  for (const line of stdout.split("\n")) {
    if (!line) continue;
    const [name = "", object = "", peeled = "", date = ""] = line.split("\0");
    if (!pattern.test(name)) {
      skipped++;
      continue;
    }
    records.push({
      id: `git-tag:${options.repo}@${name}`,
      source: "git-tag",
      repo: options.repo,
      environment: options.environment ?? "production",
      sha: peeled || object,
      finished_at: new Date(date).toISOString(),
      status: "success",
      attributes: { tag: name },
    });
  }
  if (records.length > 0) await store.transaction((tx) => upsertRecords(tx, "deployments", records));
  return { tags: records.length, skipped };
}

/** `--deployments-from-tags [REGEX]`: true → the default release pattern; a string → that regex. */
export function tagPattern(value: string | true | undefined): RegExp | undefined {
  if (value === undefined) return undefined;
  if (value === true) return DEFAULT_RELEASE_TAG;
  try {
    return new RegExp(value);
  } catch (error) {
    throw new InputError(
      `--deployments-from-tags ${value}: not a regular expression (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
}
