import { spawn } from "node:child_process";
import type { Readable } from "node:stream";
import { InputError, UnavailableError } from "@uplift/core";

/** Options every git invocation gets: no pager, no prompts, stable output whatever the user's config. */
const BASE_ARGS = ["--no-pager", "-c", "core.quotePath=true", "-c", "log.showSignature=false"];
const ENV = { GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat", LC_ALL: "C" };

export interface GitOptions {
  /** Extra `-c key=value` settings, e.g. `mailmap.file=…`. */
  config?: readonly string[];
  /** Text written to git's stdin (e.g. object names for `cat-file --batch-check`). */
  input?: string;
}

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** A running git whose stdout is read as a stream; `done` settles when it exits. */
export interface GitStream {
  stdout: Readable;
  done: Promise<void>;
  kill(): void;
}

function argv(repoPath: string, args: readonly string[], options: GitOptions): string[] {
  const config = (options.config ?? []).flatMap((setting) => ["-c", setting]);
  return ["-C", repoPath, ...BASE_ARGS, ...config, ...args];
}

function spawnGit(repoPath: string, args: readonly string[], options: GitOptions) {
  const child = spawn("git", argv(repoPath, args, options), {
    env: { ...process.env, ...ENV },
    stdio: ["pipe", "pipe", "pipe"],
  });
  // git may exit before reading its stdin (a bad argument); its exit code reports that, not EPIPE.
  child.stdin.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") child.emit("error", error);
  });
  child.stdin.end(options.input ?? "");
  return child;
}

function spawnFailure(error: NodeJS.ErrnoException, repoPath: string): Error {
  if (error.code === "ENOENT") {
    return new UnavailableError("the git binary was not found on PATH (spawn git ENOENT)", {
      cause: error,
      hint: "install Git 2.31 or later",
    });
  }
  return new UnavailableError(`could not run git in ${repoPath}: ${error.message}`, { cause: error });
}

/** The error for a git that exited with `code`, naming the command and git's own message. */
export function gitFailure(repoPath: string, args: readonly string[], code: number, stderr: string): Error {
  const message = stderr.trim().split("\n").slice(-3).join(" / ");
  if (/not a git repository/i.test(stderr)) {
    return new InputError(`--path ${repoPath}: not a Git repository (${message})`, {
      hint: "point --path at a clone (a working tree or a bare repository)",
    });
  }
  return new UnavailableError(`git ${args.join(" ")} failed in ${repoPath} (exit ${code}): ${message}`);
}

/**
 * Runs git to completion and returns its output; small outputs only (everything is buffered).
 * Exit codes listed in `allowed` resolve (e.g. 1 for `merge-base --is-ancestor`), others reject.
 */
export function runGit(
  repoPath: string,
  args: readonly string[],
  options: GitOptions & { allowed?: readonly number[] } = {},
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(repoPath, args, options);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => reject(spawnFailure(error, repoPath)));
    child.on("close", (code) => {
      const result = {
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        code: code ?? -1,
      };
      if (result.code === 0 || options.allowed?.includes(result.code)) resolve(result);
      else reject(gitFailure(repoPath, args, result.code, result.stderr));
    });
  });
}

/**
 * Starts git with its stdout as a stream (read it with `for await`; reading slowly makes git
 * wait, so memory stays bounded). `done` rejects if git exits non-zero; read stdout to the
 * end before awaiting it.
 */
export function streamGit(repoPath: string, args: readonly string[], options: GitOptions = {}): GitStream {
  const child = spawnGit(repoPath, args, options);
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    if (stderr.length < 64_000) stderr += chunk;
  });
  const done = new Promise<void>((resolve, reject) => {
    child.on("error", (error) => reject(spawnFailure(error, repoPath)));
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else if (signal) reject(new UnavailableError(`git ${args[0]} in ${repoPath} was stopped (${signal})`));
      else reject(gitFailure(repoPath, args, code ?? -1, stderr));
    });
  });
  // The caller awaits `done` after reading; until then a rejection must not count as unhandled.
  done.catch(() => {});
  return { stdout: child.stdout, done, kill: () => child.kill() };
}
