import { spawn } from "node:child_process";
import { UnavailableError } from "@uplift/core";

/** Runs `git -C dir …args` and returns stdout; stdin is written when given. Throws UnavailableError with git's message. */
export function runGit(dir: string, args: readonly string[], stdin?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["-C", dir, ...args], {
      stdio: [stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on("data", (data: Buffer) => out.push(data));
    child.stderr?.on("data", (data: Buffer) => err.push(data));
    child.on("error", (error) =>
      reject(
        new UnavailableError(`git ${args[0]} in ${dir}: cannot run git: ${error.message}`, { cause: error }),
      ),
    );
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else
        reject(
          new UnavailableError(
            `git ${args.join(" ")} in ${dir} failed (exit ${code}): ${Buffer.concat(err).toString("utf8").trim()}`,
          ),
        );
    });
    if (stdin !== undefined && child.stdin) {
      // git closes its input early when it fails; the exit code reports that, not EPIPE
      child.stdin.on("error", (error) => err.push(Buffer.from(`stdin: ${error.message}`)));
      child.stdin.end(stdin);
    }
  });
}

/** A file of the tree at HEAD, from `git ls-tree -r -l -z`. */
export interface TreeEntry {
  object: string;
  size: number;
  /** Relative to the directory ls-tree ran in. */
  path: string;
}

/** Parses `git ls-tree -r -l -z` output: `<mode> <type> <object> <size>\t<path>\0`; only regular files. */
export function parseLsTree(output: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of output.toString("utf8").split("\0")) {
    const tab = record.indexOf("\t");
    if (tab < 0) continue;
    const [mode, type, object, size] = record.slice(0, tab).trim().split(/\s+/);
    // submodules are commits, symlinks are blobs of mode 120000: neither is a document
    if (type !== "blob" || mode === "120000" || !object) continue;
    entries.push({ object, size: Number(size), path: record.slice(tab + 1) });
  }
  return entries;
}

/** Reads blobs with one `git cat-file --batch`: their contents by object id, in request order. */
export async function readBlobs(dir: string, objects: readonly string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  if (objects.length === 0) return blobs;
  const output = await runGit(dir, ["cat-file", "--batch"], `${objects.join("\n")}\n`);
  let at = 0;
  while (at < output.length) {
    const eol = output.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = output.subarray(at, eol).toString("utf8").split(" ");
    const [object, type, size] = header;
    if (!object || type === "missing" || size === undefined)
      throw new UnavailableError(`git cat-file in ${dir}: object ${object} is missing`);
    const length = Number(size);
    blobs.set(object, output.subarray(eol + 1, eol + 1 + length));
    at = eol + 1 + length + 1; // content, then a newline
  }
  return blobs;
}
