import { spawn, spawnSync } from "node:child_process";
import type { CommandOutcome } from "./types.js";

const OUTPUT_TAIL_CHARS = 8000;

export interface RunOptions {
  cwd: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal | undefined;
}

/**
 * Runs a command (no shell unless the argv is `["sh", "-c", …]`) and keeps the tail of its
 * combined output; a non-zero exit, a signal or a timeout is a failed outcome, never a throw.
 */
export function runCommand(argv: readonly string[], options: RunOptions): Promise<CommandOutcome> {
  const [file, ...args] = argv;
  const started = Date.now();
  const command = argv.join(" ");
  if (!file)
    return Promise.resolve({ command, exitCode: null, ok: false, output: "empty command", durationMs: 0 });
  return new Promise((resolve) => {
    let output = "";
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: {
        ...sandboxEnvironment(process.env),
        CI: "1",
        npm_config_update_notifier: "false",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
      ...(options.signal && { signal: options.signal }),
    });
    const append = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.length > OUTPUT_TAIL_CHARS * 2) output = output.slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout.on("data", append);
    child.stderr.on("data", append);
    const timer = setTimeout(() => {
      output += `\n[uplift: killed after ${options.timeoutMs} ms]`;
      child.kill("SIGKILL");
    }, options.timeoutMs ?? 600_000);
    const finish = (exitCode: number | null, extra = "") => {
      clearTimeout(timer);
      const text = (output + extra).slice(-OUTPUT_TAIL_CHARS);
      resolve({ command, exitCode, ok: exitCode === 0, output: text, durationMs: Date.now() - started });
    };
    child.on("error", (error) => finish(null, `\n${error.message}`));
    child.on("close", (code) => finish(code));
  });
}

/**
 * The environment a repository's own scripts get: Uplift's settings and the credentials of the
 * forges, model endpoints and clouds are left out (a repository's tests must not read the token
 * that opens pull requests). Package-manager settings (e.g. `NPM_TOKEN` for a private registry)
 * stay, since installing needs them.
 */
export function sandboxEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const hidden =
    /^(UPLIFT_|GITHUB_|GITLAB_|GH_|GL_|OPENAI_|ANTHROPIC_|AWS_|GOOGLE_|AZURE_|HF_)|SECRET|PASSWORD/i;
  return Object.fromEntries(Object.entries(env).filter(([key]) => !hidden.test(key)));
}

/** Synchronous git for short plumbing calls; throws with git's message on failure. */
export function git(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: process.env.GIT_AUTHOR_NAME ?? "uplift",
      GIT_AUTHOR_EMAIL: process.env.GIT_AUTHOR_EMAIL ?? "uplift@localhost",
      GIT_COMMITTER_NAME: process.env.GIT_COMMITTER_NAME ?? "uplift",
      GIT_COMMITTER_EMAIL: process.env.GIT_COMMITTER_EMAIL ?? "uplift@localhost",
      ...env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(
      `git ${args.join(" ")} failed in ${cwd}: ${(result.stderr || result.stdout || "").trim()}`,
    );
  return result.stdout;
}

/** True when `tool` is on PATH (e.g. `npm`, `pytest`, `go`, `mvn`). */
export function toolInstalled(tool: string): boolean {
  const result = spawnSync("sh", ["-c", `command -v ${JSON.stringify(tool)}`], { encoding: "utf8" });
  return result.status === 0 && result.stdout.trim() !== "";
}
