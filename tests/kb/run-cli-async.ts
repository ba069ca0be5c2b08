import { spawn } from "node:child_process";
import path from "node:path";
import { type CliResult, ROOT } from "../cli/run-cli.js";

const BIN = path.join(ROOT, "apps/cli/bin/uplift.js");

/**
 * Runs the built `uplift` binary without blocking the event loop, so that a fake HTTP server
 * in the test process (startFakeOpenAI) can answer it.
 */
export function runCliAsync(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, UPLIFT_LOG_LEVEL: "warn", ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (data: Buffer) => {
      stdout += data.toString("utf8");
    });
    child.stderr.on("data", (data: Buffer) => {
      stderr += data.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
