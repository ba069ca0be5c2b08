import type { Dependency } from "../types.js";
import {
  dirOf,
  joinRelative,
  type ManifestParser,
  ManifestSyntaxError,
  type RepoFiles,
} from "./manifest-parser.js";
import { parsePep508 } from "./pep508.js";

const SKIPPED_OPTIONS =
  /^(-i|--index-url|--extra-index-url|-f|--find-links|--no-index|--pre|--trusted-host|--prefer-binary|--only-binary|--no-binary|--require-hashes|--use-feature|-Z|--always-unzip)\b/;

/**
 * requirements*.txt, as pip reads it: comments, `\` continuations, `-r`/`--requirement`
 * includes (relative to the including file, attributed to the included file), `--hash`
 * options, environment markers, extras. Constraints (`-c`), editables (`-e`), URLs and local
 * paths name no version and are left out.
 */
export const requirementsTxtParser: ManifestParser = {
  id: "requirements.txt",
  ecosystem: "PyPI",
  role: "manifest",
  matches: (name) => /^requirements.*\.txt$/i.test(name),
  parse({ file, text, repo }) {
    const out: Dependency[] = [];
    readRequirements(file, text, repo, out, new Set([file]));
    return out;
  },
};

function readRequirements(file: string, text: string, repo: RepoFiles, out: Dependency[], seen: Set<string>) {
  for (const { line, number } of logicalLines(text)) {
    const where = `${file}:${number}`;
    const include = /^(-r|--requirement)(?:\s+|=)(\S+)$/.exec(line);
    if (include?.[2]) {
      const target = joinRelative(dirOf(file), include[2]);
      if (target === undefined)
        throw new ManifestSyntaxError(`${where}: -r ${include[2]} points outside the repository`);
      if (seen.has(target)) continue;
      const included = repo.read(target);
      if (included === undefined) throw new ManifestSyntaxError(`${where}: -r ${include[2]}: no such file`);
      seen.add(target);
      readRequirements(target, included, repo, out, seen);
      continue;
    }
    if (/^(-c|--constraint|-e|--editable)\b/.test(line) || SKIPPED_OPTIONS.test(line)) continue;
    if (line.startsWith("-"))
      throw new ManifestSyntaxError(`${where}: unknown option "${line.split(/\s/)[0]}"`);
    if (/^(\.|\/|[a-z+]+:\/\/)/i.test(line) || /\.(whl|tar\.gz|zip)$/.test(line)) continue;
    const requirement = line.replace(/\s--hash[=\s]\S+/g, "").trim();
    let parsed: ReturnType<typeof parsePep508>;
    try {
      parsed = parsePep508(requirement);
    } catch (error) {
      throw new ManifestSyntaxError(`${where}: ${(error as Error).message}`);
    }
    if (parsed.url) continue;
    out.push({
      ecosystem: "PyPI",
      name: parsed.name,
      version: parsed.version ?? "",
      requirement: parsed.specifier,
      direct: true,
      file,
      path: [parsed.name],
      dev: /dev|test/i.test(file.slice(file.lastIndexOf("/") + 1)),
    });
  }
}

/** Joins `\` continuations and drops comments and blank lines; keeps each line's first number. */
function logicalLines(text: string): { line: string; number: number }[] {
  const out: { line: string; number: number }[] = [];
  let pending = "";
  let start = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    if (pending === "") start = i + 1;
    const withoutComment = raw.replace(/(^|\s)#.*$/, "");
    if (withoutComment.endsWith("\\")) {
      pending += `${withoutComment.slice(0, -1)} `;
      return;
    }
    const line = (pending + withoutComment).trim();
    pending = "";
    if (line !== "") out.push({ line, number: start });
  });
  if (pending.trim() !== "") out.push({ line: pending.trim(), number: start });
  return out;
}
