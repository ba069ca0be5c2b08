import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { InputError } from "@uplift/core";
import type { RepositoryLicence } from "./licence.js";

const run = promisify(execFile);

/** One `--repo` or `--docs` input and what was read from it. */
export interface SourceInput {
  kind: "code" | "docs";
  root: string;
  name: string;
  head: string | undefined;
  licence: RepositoryLicence | undefined;
  included: boolean;
  listed: number;
  accepted: number;
  kept: number;
  bytesRead: number;
}

/** Validates `--repo` and `--docs` inputs (exit 2 naming the bad one) and names them uniquely. */
export async function describeInputs(
  repos: readonly string[],
  docs: readonly string[],
): Promise<SourceInput[]> {
  const inputs = [
    ...(await Promise.all(repos.map((r) => describeRepository(r)))),
    ...(await Promise.all(docs.map((d) => describeDocsFolder(d)))),
  ];
  uniqueNames(inputs);
  return inputs;
}

export /** Repositories per licence (SPDX expression or `unknown`) and how many of them were left out. */
function licenceCounts(
  inputs: readonly SourceInput[],
): Record<string, { repositories: number; excluded: number }> {
  const counts: Record<string, { repositories: number; excluded: number }> = {};
  for (const input of inputs) {
    if (input.kind !== "code") continue;
    const spdx = input.licence?.spdx ?? "unknown";
    const entry = counts[spdx] ?? { repositories: 0, excluded: 0 };
    entry.repositories++;
    if (!input.included) entry.excluded++;
    counts[spdx] = entry;
  }
  return counts;
}

async function describeRepository(root: string): Promise<SourceInput> {
  const absolute = path.resolve(root);
  await requireDirectory("--repo", root);
  let head: string | undefined;
  try {
    const top = (await run("git", ["rev-parse", "--show-toplevel"], { cwd: absolute })).stdout.trim();
    if (!top) throw new Error("no work tree");
    head = await run("git", ["rev-parse", "--verify", "-q", "HEAD"], { cwd: absolute }).then(
      (r) => r.stdout.trim() || undefined,
      () => undefined, // a repository without commits yet: its files are still read
    );
  } catch (error) {
    throw new InputError(`--repo ${root}: not a Git repository`, {
      cause: error,
      hint: "give the root of a Git work tree (git init; git add -A), or use --docs for a plain folder",
    });
  }
  return blankInput("code", absolute, head);
}

async function describeDocsFolder(root: string): Promise<SourceInput> {
  await requireDirectory("--docs", root);
  return blankInput("docs", path.resolve(root), undefined);
}

async function requireDirectory(flag: string, root: string): Promise<void> {
  const info = await stat(root).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(
      `${flag} ${root}: ${error.code === "ENOENT" ? "no such directory" : error.message}`,
      { cause: error },
    );
  });
  if (!info.isDirectory()) throw new InputError(`${flag} ${root}: not a directory`);
}

function blankInput(kind: SourceInput["kind"], root: string, head: string | undefined): SourceInput {
  return {
    kind,
    root,
    name: path.basename(root),
    head,
    licence: undefined,
    included: true,
    listed: 0,
    accepted: 0,
    kept: 0,
    bytesRead: 0,
  };
}

/** Two inputs with the same folder name get `name`, `name-2`, … so records stay attributable. */
function uniqueNames(inputs: SourceInput[]): void {
  const seen = new Map<string, number>();
  for (const input of inputs) {
    const n = (seen.get(input.name) ?? 0) + 1;
    seen.set(input.name, n);
    if (n > 1) input.name = `${input.name}-${n}`;
  }
}
