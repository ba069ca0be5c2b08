import { spawn } from "node:child_process";
import path from "node:path";
import { type CliResult, ROOT } from "../cli/run-cli.js";

/**
 * Runs the built `uplift` binary without blocking the event loop, so that a fake server in this
 * process (GitHub, GitLab) can answer it (`runCli` uses spawnSync, which would deadlock).
 */
export function runCliAsync(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "apps/cli/bin/uplift.js"), ...args], {
      cwd: options.cwd,
      env: { ...process.env, UPLIFT_LOG_LEVEL: "warn", ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
