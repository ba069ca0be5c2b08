import type { GitIdentity, IdentityTable } from "./identity.js";
import type { RawCommit } from "./log-stream.js";
import { mergeEvidence, type PrEvidence, squashEvidence } from "./pr-evidence.js";

/**
 * What PR detection keeps of each commit of a walk: the graph, times and identities, not the
 * message body (only the PR evidence read from it). A few hundred bytes per commit.
 */
export interface CommitNode {
  sha: string;
  parents: string[];
  author: GitIdentity;
  committer: GitIdentity;
  /** Strict ISO 8601 with the author's own offset, as Git stores it. */
  authoredAt: string;
  authoredMs: number;
  authorTzOffsetMin: number;
  committedAt: string;
  committedMs: number;
  subject: string;
  additions: number;
  deletions: number;
  files: number;
  evidence: PrEvidence | undefined;
  /** Why this commit cannot be stored (an invalid time); it still links the graph. */
  problem?: string;
}

/** The UTC offset in minutes of an ISO 8601 time ("+05:30" → 330, "Z" → 0), or undefined. */
export function utcOffsetMinutes(iso: string): number | undefined {
  if (iso.endsWith("Z")) return 0;
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/**
 * Turns a parsed commit into a node. A commit whose author or committer time is not a valid
 * instant (some very old repositories) gets a `problem` and NaN times: it is not stored and
 * takes part in no time span, but it still connects its parents and children.
 */
export function toCommitNode(raw: RawCommit, identities: IdentityTable, branch: string): CommitNode {
  const authoredMs = Date.parse(raw.authorDate);
  const committedMs = Date.parse(raw.committerDate);
  const offset = utcOffsetMinutes(raw.authorDate);
  const problem =
    Number.isNaN(authoredMs) || offset === undefined
      ? `author time "${raw.authorDate}" is not a valid instant`
      : Number.isNaN(committedMs)
        ? `committer time "${raw.committerDate}" is not a valid instant`
        : undefined;
  return {
    sha: raw.sha,
    parents: raw.parents,
    author: identities.get(raw.authorName, raw.authorEmail),
    committer: identities.get(raw.committerName, raw.committerEmail),
    authoredAt: raw.authorDate,
    authoredMs,
    authorTzOffsetMin: offset ?? 0,
    committedAt: raw.committerDate,
    committedMs,
    subject: raw.subject,
    additions: raw.additions,
    deletions: raw.deletions,
    files: raw.files,
    evidence:
      raw.parents.length > 1
        ? mergeEvidence(raw.subject, raw.body, branch)
        : squashEvidence(raw.subject, raw.body),
    ...(problem ? { problem } : {}),
  };
}
