import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { CodeIndexReader } from "@uplift/code";
import { InputError, type Queryable } from "@uplift/core";

/** An open file as the server found it: its text, and where it is on disk and in the org index. */
export interface OpenFile {
  text: string;
  /** Real path on the server's disk, when the file was read from there. */
  absolute: string | undefined;
  /** Its repository and repository-relative path in the index, when it is in an indexed repository. */
  located: { repo: string; path: string } | undefined;
}

/**
 * Finds the file a request names: on the server's disk (absolute, or relative to the working
 * directory) when it lies in an indexed repository — the server reads no other file of its
 * disk — else in the org index as `repo/path` (or `path` with `repo`). Throws InputError
 * naming the field when it is neither.
 */
export async function openFile(db: Queryable, file: string, repo: string | undefined): Promise<OpenFile> {
  const reader = new CodeIndexReader(db);
  let outside: string | undefined;
  if (repo === undefined || path.isAbsolute(file)) {
    const absolute = path.resolve(file);
    if (await isFile(absolute)) {
      const real = await realpath(absolute);
      const found = await reader.locate(real);
      if (found) {
        const text = (await readFile(real, "utf8")).replace(/\r\n/g, "\n");
        return { text, absolute: real, located: { repo: found.repo, path: found.path } };
      }
      outside = real;
    }
  }
  const located = await locateIndexed(db, file, repo);
  if (located) {
    const [text] = await reader.fileLines([{ ...located, start: 1, end: 2_147_483_647 }]);
    if (text !== undefined) return { text, absolute: undefined, located };
  }
  if (outside)
    throw new InputError(
      `file ${file}: ${outside} is in no indexed repository, and the server reads only files of indexed repositories`,
      { hint: "index its repository with `uplift code index --path …`, or send the text with the request" },
    );
  throw new InputError(
    `file ${repo ? `${repo}/` : ""}${file}: no such file on the server, nor an indexed file of that name`,
    { hint: "give `repo/path` of an indexed file, as `code search` shows it, or a path on the server" },
  );
}

/**
 * Where a file named by an editor sits in the index: `path` in `repo`; `repo/path`; an absolute
 * path under an indexed root; or a relative path that exactly one repository has.
 */
export async function locateIndexed(
  db: Queryable,
  file: string,
  repo: string | undefined,
): Promise<{ repo: string; path: string } | undefined> {
  const normalised = file.replace(/\\/g, "/").replace(/^\.\//, "");
  if (path.isAbsolute(file)) {
    const found = await new CodeIndexReader(db).locate(file);
    return found && { repo: found.repo, path: found.path };
  }
  if (repo !== undefined) return { repo, path: normalised };
  const slash = normalised.indexOf("/");
  const { rows } = await db.query<{ repo: string; path: string }>(
    `SELECT repo, path FROM code_files WHERE (repo = $1 AND path = $2) OR path = $3 LIMIT 3`,
    [normalised.slice(0, Math.max(slash, 0)), normalised.slice(slash + 1), normalised],
  );
  const prefixed = rows.find((row) => `${row.repo}/${row.path}` === normalised);
  if (prefixed) return prefixed;
  return rows.length === 1 ? rows[0] : undefined;
}

async function isFile(absolute: string): Promise<boolean> {
  try {
    return (await stat(absolute)).isFile();
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === "ENOENT" ||
      (error as NodeJS.ErrnoException).code === "ENOTDIR"
    )
      return false;
    throw error;
  }
}
