import path from "node:path";
import { InputError } from "@uplift/core";
import type { DocSource, SourceConfig } from "../types.js";
import { parseLsTree, readBlobs, runGit } from "./git-cli.js";
import { fileWebUrl, parseRemote } from "./git-web-url.js";
import { MAX_DOCUMENT_BYTES } from "./limits.js";
import { formatOfPath, joinUrl, markupDocument } from "./markdown.js";

/** Blobs read per `git cat-file --batch` call. */
const BLOB_BATCH = 256;

/**
 * The Markdown/AsciiDoc/reStructuredText files of a Git repository at HEAD (the working tree's
 * uncommitted changes are ignored). `--path` may name a folder inside the repository: only that
 * folder is read. URLs: `--url-base` + path from the repository root, else the GitHub/GitLab
 * blob URL derived from the `origin` remote on the current branch.
 */
export const gitSource: DocSource = {
  type: "git",
  description: "Markdown/AsciiDoc/reStructuredText files of a Git repository at HEAD, with their web URLs",
  async check(config) {
    await runGit(config.path, ["rev-parse", "--verify", "HEAD^{commit}"]).catch((error: unknown) => {
      throw new InputError(`--path ${config.path}: not a Git repository with a commit at HEAD`, {
        cause: error,
      });
    });
  },
  async *scan(config, context) {
    const prefix = (await runGit(config.path, ["rev-parse", "--show-prefix"])).toString("utf8").trim();
    const urlOf = await webUrlBuilder(config);
    const files = parseLsTree(await runGit(config.path, ["ls-tree", "-r", "-l", "-z", "HEAD"]))
      .filter((entry) => formatOfPath(entry.path))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (let i = 0; i < files.length; i += BLOB_BATCH) {
      const batch = files.slice(i, i + BLOB_BATCH);
      const readable = batch.filter((entry) => {
        if (entry.size <= MAX_DOCUMENT_BYTES) return true;
        context.skip({
          where: path.join(config.path, entry.path),
          id: entry.path,
          reason: `larger than ${MAX_DOCUMENT_BYTES} bytes`,
        });
        return false;
      });
      const blobs = await readBlobs(config.path, [...new Set(readable.map((entry) => entry.object))]);
      for (const entry of readable) {
        const bytes = blobs.get(entry.object);
        if (!bytes) continue;
        const format = formatOfPath(entry.path);
        if (!format) continue;
        const doc = markupDocument(
          bytes,
          entry.path,
          format,
          { source: config.name, url: urlOf(`${prefix}${entry.path}`) },
          `${path.join(config.path, entry.path)} (HEAD)`,
          context,
        );
        if (doc) yield doc;
      }
    }
  },
};

async function webUrlBuilder(config: SourceConfig): Promise<(repoPath: string) => string | undefined> {
  if (config.urlBase) {
    const base = config.urlBase;
    return (repoPath) => joinUrl(base, repoPath);
  }
  const remotes = (await runGit(config.path, ["remote"])).toString("utf8").split("\n").filter(Boolean);
  const name = remotes.includes("origin") ? "origin" : remotes[0];
  if (!name) return () => undefined;
  const remote = parseRemote((await runGit(config.path, ["remote", "get-url", name])).toString("utf8"));
  if (!remote) return () => undefined;
  const branch = await runGit(config.path, ["symbolic-ref", "-q", "--short", "HEAD"]).then(
    (out) => out.toString("utf8").trim(),
    () => undefined, // detached HEAD: link to the commit instead
  );
  const ref = branch || (await runGit(config.path, ["rev-parse", "HEAD"])).toString("utf8").trim();
  return (repoPath) => fileWebUrl(remote, ref, repoPath);
}
