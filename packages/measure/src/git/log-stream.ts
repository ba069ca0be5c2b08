import { StringDecoder } from "node:string_decoder";
import { UnavailableError } from "@uplift/core";

/**
 * `git log --format` for {@link parseGitLog}: each record starts with RS (0x1e) and has ten
 * NUL-terminated fields; `--numstat` lines ("added<TAB>deleted<TAB>path") follow. A commit
 * message cannot hold NUL, and numstat never starts a line with RS (git quotes control
 * characters in paths), so the next RS after the ten fields starts the next record even when
 * a message contains one.
 */
export const LOG_FORMAT = "%x1e%H%x00%P%x00%aN%x00%aE%x00%aI%x00%cN%x00%cE%x00%cI%x00%s%x00%b%x00";
const FIELD_COUNT = 10;
const RS = "\x1e";

/** One commit as `git log` printed it (names and emails after .mailmap). */
export interface RawCommit {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Strict ISO 8601 with the author's offset, e.g. "2025-03-03T09:00:00+02:00". */
  authorDate: string;
  committerName: string;
  committerEmail: string;
  committerDate: string;
  subject: string;
  body: string;
  /** Lines added/deleted over all files (binary files count 0); merges: against the first parent. */
  additions: number;
  deletions: number;
  /** Files in the numstat (binary included). */
  files: number;
}

/**
 * Parses `git log --format=LOG_FORMAT [--numstat]` output chunk by chunk, yielding each commit
 * as soon as the next one starts. Memory holds one chunk plus at most one commit's text.
 */
export async function* parseGitLog(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<RawCommit> {
  const decoder = new StringDecoder("utf8");
  const parser = new LogParser();
  for await (const chunk of chunks) {
    yield* parser.push(typeof chunk === "string" ? chunk : decoder.write(chunk));
  }
  yield* parser.push(decoder.end());
  yield* parser.end();
}

class LogParser {
  #text = "";
  /** Offset of the first character not consumed yet. */
  #at = 0;
  /** Fields of the record being read, once all ten have arrived. */
  #fields: string[] | undefined;
  /** Where the current record's numstat starts, and how far the search for the next RS got. */
  #statsStart = 0;
  #searched = 0;

  *push(text: string): Generator<RawCommit> {
    if (text) this.#append(text);
    for (;;) {
      if (!this.#fields && !this.#readFields()) return;
      const next = this.#text.indexOf(RS, this.#searched);
      if (next < 0) {
        this.#searched = this.#text.length;
        return;
      }
      yield this.#finish(next);
    }
  }

  *end(): Generator<RawCommit> {
    if (this.#fields) yield this.#finish(this.#text.length);
    const rest = this.#text.slice(this.#at);
    if (rest.trim()) {
      throw new UnavailableError(
        `git log output ended inside a commit record: ${JSON.stringify(rest.slice(0, 80))}`,
      );
    }
  }

  /** Appends a chunk, first dropping what was consumed (offsets move with it). */
  #append(text: string): void {
    const drop = this.#at;
    this.#text = this.#text.slice(drop) + text;
    this.#at = 0;
    this.#statsStart = Math.max(0, this.#statsStart - drop);
    this.#searched = Math.max(0, this.#searched - drop);
  }

  #readFields(): boolean {
    const start = this.#text.indexOf(RS, this.#at);
    if (start < 0) return false;
    const fields: string[] = [];
    let at = start + 1;
    for (let i = 0; i < FIELD_COUNT; i++) {
      const nul = this.#text.indexOf("\0", at);
      if (nul < 0) return false;
      fields.push(this.#text.slice(at, nul));
      at = nul + 1;
    }
    this.#fields = fields;
    this.#statsStart = at;
    this.#searched = at;
    return true;
  }

  #finish(end: number): RawCommit {
    const commit = toCommit(this.#fields as string[], this.#text.slice(this.#statsStart, end));
    this.#at = end;
    this.#fields = undefined;
    return commit;
  }
}

function toCommit(fields: string[], stats: string): RawCommit {
  const [sha, parents, authorName, authorEmail, authorDate, committerName, committerEmail, committerDate] =
    fields as [string, string, string, string, string, string, string, string];
  let additions = 0;
  let deletions = 0;
  let files = 0;
  for (const line of stats.split("\n")) {
    if (!line) continue;
    const tab = line.indexOf("\t");
    const tab2 = line.indexOf("\t", tab + 1);
    if (tab < 0 || tab2 < 0) continue;
    files++;
    // "-" marks a binary file: no line counts.
    additions += Number.parseInt(line.slice(0, tab), 10) || 0;
    deletions += Number.parseInt(line.slice(tab + 1, tab2), 10) || 0;
  }
  return {
    sha,
    parents: parents ? parents.split(" ") : [],
    authorName,
    authorEmail,
    authorDate,
    committerName,
    committerEmail,
    committerDate,
    subject: fields[8] ?? "",
    body: (fields[9] ?? "").trim(),
    additions,
    deletions,
    files,
  };
}
