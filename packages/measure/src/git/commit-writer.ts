import { insertRows, type Store } from "@uplift/core";
import { commitSchema } from "../records.js";
import type { CommitNode } from "./commit-node.js";

/** The `commits` columns: exactly the fields of `commitSchema`, in its order. */
export const COMMIT_COLUMNS = Object.keys(commitSchema.shape) as (keyof typeof commitSchema.shape)[];

/** Commits per INSERT transaction. */
export const COMMIT_BATCH = 5_000;

/**
 * Writes commits to `commits` in batches, each an upsert on (repo, sha) in its own transaction,
 * so a re-walk rewrites the same rows and an interrupted import keeps what it wrote. One batch
 * is written while the next is read from git.
 */
export class CommitWriter {
  #batch: unknown[][] = [];
  #inFlight: Promise<number> | undefined;
  #written = 0;

  constructor(
    private readonly store: Store,
    private readonly repo: string,
    private readonly batchSize = COMMIT_BATCH,
  ) {}

  /** Queues a commit; waits only when a full batch must wait for the previous one. */
  async add(commit: CommitNode): Promise<void> {
    this.#batch.push(commitRow(this.repo, commit));
    if (this.#batch.length >= this.batchSize) await this.#flush();
  }

  /** Writes what is queued and waits for every batch; returns the rows written. */
  async finish(): Promise<number> {
    await this.#flush();
    await this.#settle();
    return this.#written;
  }

  async #flush(): Promise<void> {
    await this.#settle();
    if (this.#batch.length === 0) return;
    const rows = this.#batch;
    this.#batch = [];
    const writing = this.store.transaction((tx) =>
      insertRows(tx, "commits", COMMIT_COLUMNS, rows, {
        onConflict: { columns: ["repo", "sha"], action: "update" },
      }),
    );
    // Awaited by the next flush or by finish(); until then a failure must not be "unhandled".
    writing.catch(() => {});
    this.#inFlight = writing;
  }

  async #settle(): Promise<void> {
    const inFlight = this.#inFlight;
    this.#inFlight = undefined;
    if (inFlight) this.#written += await inFlight;
  }
}

/** A `commits` row: the author is the resolved login (as in `prs.author`), the email as Git has it. */
export function commitRow(repo: string, commit: CommitNode): unknown[] {
  const values: Record<(typeof COMMIT_COLUMNS)[number], unknown> = {
    repo,
    sha: commit.sha,
    parents: commit.parents,
    author: commit.author.login,
    author_email: commit.author.email,
    authored_at: commit.authoredAt,
    author_tz_offset_min: commit.authorTzOffsetMin,
    committed_at: commit.committedAt,
    subject: commit.subject,
    additions: commit.additions,
    deletions: commit.deletions,
  };
  return COMMIT_COLUMNS.map((column) => values[column]);
}
