import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Ecosystem } from "../scan/types.js";
import { toolInstalled } from "./run-command.js";
import type { RepoPlan } from "./types.js";

type Toolchain = Pick<RepoPlan, "lockfile" | "install" | "test">;

/**
 * How a repository's lock file is regenerated, its dependencies installed and its tests run,
 * with the ecosystem's own tools, and why not when a tool is missing. `testCmd` (`--test-cmd`)
 * replaces the detected test command. Nothing here runs anything.
 */
export function detectToolchain(root: string, ecosystem: Ecosystem | null, testCmd?: string): Toolchain {
  const chain = byEcosystem(root, ecosystem);
  if (testCmd)
    chain.test = { command: ["sh", "-c", testCmd], source: "--test-cmd", note: `--test-cmd ${testCmd}` };
  return chain;
}

function byEcosystem(root: string, ecosystem: Ecosystem | null): Toolchain {
  switch (ecosystem) {
    case "npm":
      return npm(root);
    case "PyPI":
      return python(root);
    case "Go":
      return go();
    case "Maven":
      return maven();
    default:
      return {
        lockfile: { tool: "none", status: "no_lockfile", note: "no manifest of a known ecosystem" },
        install: { command: null, note: "nothing to install" },
        test: { command: null, source: "none", note: "no test command detected; pass --test-cmd" },
      };
  }
}

function npm(root: string): Toolchain {
  const hasNpm = toolInstalled("npm");
  const hasLock = existsSync(path.join(root, "package-lock.json"));
  const flags = ["--ignore-scripts", "--no-audit", "--no-fund"];
  const lockfile: Toolchain["lockfile"] = !hasLock
    ? { tool: "npm", status: "no_lockfile", note: "no package-lock.json: npm resolves at install time" }
    : hasNpm
      ? {
          tool: "npm",
          status: "will_regenerate",
          note: `npm install --package-lock-only ${flags.join(" ")}`,
        }
      : { tool: "npm", status: "tool_missing", note: "npm not installed: package-lock.json not regenerated" };
  const install: Toolchain["install"] = !hasNpm
    ? { command: null, note: "npm not installed" }
    : hasLock
      ? { command: ["npm", "ci", ...flags], note: "npm ci --ignore-scripts" }
      : { command: ["npm", "install", ...flags], note: "npm install --ignore-scripts" };
  let testScript: string | undefined;
  try {
    testScript = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts?.test;
  } catch {
    testScript = undefined;
  }
  const realTest = testScript && !/no test specified/.test(testScript);
  const test: Toolchain["test"] = !realTest
    ? { command: null, source: "none", note: "package.json has no test script; pass --test-cmd" }
    : hasNpm
      ? { command: ["npm", "test"], source: "package.json scripts.test", note: `npm test (${testScript})` }
      : { command: null, source: "package.json scripts.test", note: "npm not installed: tests not run" };
  return { lockfile, install, test };
}

function python(root: string): Toolchain {
  const hasPoetryLock = existsSync(path.join(root, "poetry.lock"));
  const lockfile: Toolchain["lockfile"] = hasPoetryLock
    ? toolInstalled("poetry")
      ? { tool: "poetry", status: "will_regenerate", note: "poetry lock --no-update" }
      : { tool: "poetry", status: "tool_missing", note: "poetry not installed: poetry.lock not regenerated" }
    : { tool: "pip", status: "no_lockfile", note: "requirements pin versions themselves; no lock file" };
  const hasTests = hasPythonTests(root);
  const pytest = toolInstalled("pytest");
  const test: Toolchain["test"] = !hasTests
    ? { command: null, source: "none", note: "no test_*.py files; pass --test-cmd" }
    : pytest
      ? {
          command: ["sh", "-c", "PYTHONPATH=.uplift-site python3 -m pytest -q"],
          source: "test_*.py (pytest)",
          note: "python3 -m pytest -q (dependencies from .uplift-site)",
        }
      : { command: null, source: "test_*.py (pytest)", note: "pytest not installed: tests not run" };
  const install: Toolchain["install"] = pytest
    ? {
        command: [
          "sh",
          "-c",
          "python3 -m pip install --quiet --retries 1 --timeout 15 --target .uplift-site -r requirements.txt",
        ],
        note: "pip install into the sandbox (.uplift-site)",
      }
    : { command: null, note: "pytest not installed: dependencies not installed" };
  return { lockfile, install, test };
}

function go(): Toolchain {
  const has = toolInstalled("go");
  return {
    lockfile: has
      ? { tool: "go", status: "will_regenerate", note: "go mod tidy" }
      : { tool: "go", status: "tool_missing", note: "go not installed: go.sum not regenerated" },
    install: has
      ? { command: ["go", "mod", "download"], note: "go mod download" }
      : { command: null, note: "go not installed" },
    test: has
      ? { command: ["go", "test", "./..."], source: "go.mod", note: "go test ./..." }
      : { command: null, source: "go.mod", note: "go not installed: tests not run" },
  };
}

function maven(): Toolchain {
  const has = toolInstalled("mvn");
  return {
    lockfile: { tool: "mvn", status: "no_lockfile", note: "Maven has no lock file" },
    install: { command: null, note: "mvn resolves dependencies during the test run" },
    test: has
      ? { command: ["mvn", "-q", "-B", "test"], source: "pom.xml", note: "mvn -q -B test" }
      : { command: null, source: "pom.xml", note: "mvn not installed: tests not run" },
  };
}

function hasPythonTests(root: string, dir = "", depth = 0): boolean {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (entry.isFile() && /^test_.*\.py$|_test\.py$/.test(entry.name)) return true;
    if (entry.isDirectory() && depth < 2 && !entry.name.startsWith(".") && !entry.name.includes("venv"))
      if (hasPythonTests(root, path.join(dir, entry.name), depth + 1)) return true;
  }
  return false;
}

/** The command that regenerates the lock file after a bump, when it can run. */
export function lockCommand(plan: Pick<RepoPlan, "lockfile">): string[] | null {
  if (plan.lockfile.status !== "will_regenerate") return null;
  if (plan.lockfile.tool === "npm")
    return ["npm", "install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund"];
  if (plan.lockfile.tool === "poetry") return ["poetry", "lock", "--no-update"];
  if (plan.lockfile.tool === "go") return ["go", "mod", "tidy"];
  return null;
}
