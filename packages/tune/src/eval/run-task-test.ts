import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TaskTest } from "../tasks/eval-task.js";

/** Default time a task's test may run. */
export const DEFAULT_TEST_TIMEOUT_MS = 30_000;

export interface TestOutcome {
  passed: boolean;
  /** Exit status, or null when killed (timeout) or not started. */
  exit_code: number | null;
  timed_out: boolean;
  /** The last lines of stdout + stderr, for a person reading the results. */
  output: string;
}

/**
 * Runs a task's test on a completed source: writes `test.files` and the source (`test.path`)
 * into a fresh temporary directory, runs `test.command` there without a shell, kills it after
 * `timeoutMs`. Exit status 0 is a pass. The directory is removed afterwards.
 */
export async function runTaskTest(
  test: TaskTest,
  source: string,
  timeoutMs = DEFAULT_TEST_TIMEOUT_MS,
): Promise<TestOutcome> {
  const dir = await mkdtemp(path.join(tmpdir(), "uplift-task-"));
  try {
    for (const [relative, text] of Object.entries({ ...test.files, [test.path]: source })) {
      const target = path.resolve(dir, relative);
      if (!target.startsWith(dir + path.sep))
        throw new Error(`test file ${relative} is outside the test directory`);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, text);
    }
    return await runCommand(test.command, dir, timeoutMs);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function runCommand(command: readonly string[], cwd: string, timeoutMs: number): Promise<TestOutcome> {
  return new Promise((resolve) => {
    const [program, ...args] = command as [string, ...string[]];
    const child = spawn(program, args, { cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // the whole process group: a test runner's own children must not outlive the timeout
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          child.kill("SIGKILL");
        }
      }
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({
        passed: false,
        exit_code: null,
        timed_out: false,
        output: `could not start ${program}: ${error.message}`,
      });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const tail = output.split("\n").slice(-20).join("\n");
      resolve({
        passed: !timedOut && code === 0,
        exit_code: timedOut ? null : code,
        timed_out: timedOut,
        output: tail,
      });
    });
  });
}
