import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** "Name <email>" of a fixture author or committer. */
export type Person = string;

export interface CommitSpec {
  message: string;
  author: Person;
  /** ISO 8601 with the author's offset, e.g. "2025-03-02T10:00:00-05:00". */
  date: string;
  committer?: Person;
  committerDate?: string;
  /** Files to write (path → content) before committing; default: one file named after the message. */
  files?: Record<string, string>;
}

function split(person: Person): { name: string; email: string } {
  const match = /^(.*?)\s*<(.*)>$/.exec(person);
  if (!match) throw new Error(`fixture person "${person}" is not "Name <email>"`);
  return { name: match[1] ?? "", email: match[2] ?? "" };
}

/** A Git repository built by a test with fixed identities and times (no global config read). */
export class FixtureRepo {
  #counter = 0;

  private constructor(readonly dir: string) {}

  static create(branch = "main"): FixtureRepo {
    const dir = mkdtempSync(path.join(tmpdir(), "uplift-git-fixture-"));
    const repo = new FixtureRepo(dir);
    repo.git(["init", "-q", "-b", branch]);
    return repo;
  }

  /** Runs git in the repo; returns trimmed stdout; throws with stderr on failure. */
  git(args: string[], env: Record<string, string> = {}): string {
    const result = spawnSync("git", args, {
      cwd: this.dir,
      encoding: "utf8",
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: "/dev/null",
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_AUTHOR_NAME: "Fixture",
        GIT_AUTHOR_EMAIL: "fixture@example.invalid",
        GIT_COMMITTER_NAME: "Fixture",
        GIT_COMMITTER_EMAIL: "fixture@example.invalid",
        ...env,
      },
    });
    if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
    return result.stdout.trim();
  }

  /** Commits the given files with fixed author/committer and times; returns the new SHA. */
  commit(spec: CommitSpec): string {
    const files = spec.files ?? { [`file-${++this.#counter}.txt`]: `${spec.message}\n` };
    for (const [file, content] of Object.entries(files)) {
      const full = path.join(this.dir, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
    this.git(["add", "-A"]);
    this.git(["commit", "-q", "--allow-empty", "-m", spec.message], identityEnv(spec));
    return this.head();
  }

  /** `git merge --no-ff BRANCH` with the given message, merger and time; returns the merge SHA. */
  merge(branch: string, spec: Omit<CommitSpec, "files">): string {
    this.git(["merge", "-q", "--no-ff", "-m", spec.message, branch], identityEnv(spec));
    return this.head();
  }

  checkout(branch: string, options: { create?: boolean; from?: string } = {}): void {
    this.git(
      options.create
        ? ["checkout", "-q", "-b", branch, ...(options.from ? [options.from] : [])]
        : ["checkout", "-q", branch],
    );
  }

  head(): string {
    return this.git(["rev-parse", "HEAD"]);
  }
}

function identityEnv(spec: Omit<CommitSpec, "files">): Record<string, string> {
  const author = split(spec.author);
  const committer = split(spec.committer ?? spec.author);
  return {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_AUTHOR_DATE: spec.date,
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email,
    GIT_COMMITTER_DATE: spec.committerDate ?? spec.date,
  };
}
