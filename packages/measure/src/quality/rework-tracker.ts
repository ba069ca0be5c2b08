import { LineOrigins } from "./line-origins.js";
import type { PatchCommit, PatchFile } from "./patch-stream.js";

/** DESIGN: rework = lines changed again within 21 days of being merged. */
export const REWORK_WINDOW_DAYS = 21;
const DAY_MS = 86_400_000;

/**
 * Files whose lines are not authored (lock files, generated manifests): neither counted as added
 * nor as reworked. Matched against the file's base name.
 */
export const DEFAULT_EXCLUDED_FILES: readonly string[] = [
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lockb",
  "Cargo.lock",
  "go.sum",
  "poetry.lock",
  "Pipfile.lock",
  "composer.lock",
  "Gemfile.lock",
  "packages.lock.json",
];

/** What one landing (first-parent commit) added and how much of it was changed again in the window. */
export interface LandingRework {
  sha: string;
  authorName: string;
  authorEmail: string;
  landedAtMs: number;
  landedAt: string;
  linesAdded: number;
  linesReworked: number;
  /** Whether the analysed history reaches the end of this landing's window. */
  windowClosed: boolean;
}

export interface ReworkOptions {
  windowDays?: number;
  /** Base names of files left out (default DEFAULT_EXCLUDED_FILES). */
  excludedFiles?: readonly string[];
}

/**
 * Blame-style line tracking over a first-parent history read oldest first: each line remembers
 * the landing that wrote it; when a later landing removes or rewrites it within the window, the
 * writer's `linesReworked` grows. A rewritten line is a removal plus an addition in a patch, so
 * "changed again" covers edits and deletions. Rework by the same landing does not count; lines
 * from before the analysed history (or after a binary edit) have no writer and count nowhere.
 */
export class ReworkTracker {
  readonly #windowMs: number;
  readonly #excluded: ReadonlySet<string>;
  readonly #files = new Map<string, LineOrigins>();
  readonly #landings: LandingRework[] = [];
  #lastMs = Number.NEGATIVE_INFINITY;

  constructor(options: ReworkOptions = {}) {
    this.#windowMs = (options.windowDays ?? REWORK_WINDOW_DAYS) * DAY_MS;
    this.#excluded = new Set(options.excludedFiles ?? DEFAULT_EXCLUDED_FILES);
  }

  get trackedFiles(): number {
    return this.#files.size;
  }

  add(commit: PatchCommit): void {
    const index = this.#landings.length;
    const landedAtMs = Date.parse(commit.committedAt);
    const landing: LandingRework = {
      sha: commit.sha,
      authorName: commit.authorName,
      authorEmail: commit.authorEmail,
      landedAtMs,
      landedAt: new Date(landedAtMs).toISOString(),
      linesAdded: 0,
      linesReworked: 0,
      windowClosed: false,
    };
    this.#landings.push(landing);
    if (landedAtMs > this.#lastMs) this.#lastMs = landedAtMs;
    const landings = this.#landings;
    const windowMs = this.#windowMs;
    const onRemoved = (origin: number, count: number) => {
      if (origin < 0 || origin === index) return;
      const writer = landings[origin] as LandingRework;
      if (landedAtMs - writer.landedAtMs <= windowMs) writer.linesReworked += count;
    };
    for (const file of commit.files) landing.linesAdded += this.#applyFile(file, index, onRemoved);
  }

  /** Every landing read, oldest first, with `windowClosed` set against the last landing's time. */
  finish(): LandingRework[] {
    for (const landing of this.#landings) {
      landing.windowClosed = this.#lastMs - landing.landedAtMs >= this.#windowMs;
    }
    return this.#landings;
  }

  /** Applies one file's patch; returns the lines it added (0 for excluded and binary files). */
  #applyFile(file: PatchFile, index: number, onRemoved: (origin: number, count: number) => void): number {
    const path = file.newPath ?? file.oldPath;
    if (path === null || this.#isExcluded(path)) return 0;
    let origins = file.oldPath === null ? undefined : this.#files.get(file.oldPath);
    if (file.oldPath !== null && file.oldPath !== file.newPath) this.#files.delete(file.oldPath);
    if (file.binary) {
      // a binary edit: what follows has no known writers
      if (file.newPath !== null) this.#files.delete(file.newPath);
      return 0;
    }
    if (file.newPath === null) {
      origins?.clear(onRemoved);
      return 0;
    }
    if (!origins) origins = new LineOrigins();
    this.#files.set(file.newPath, origins);
    let added = 0;
    const hunks = file.hunks;
    // last hunk first: the old line numbers of earlier hunks stay valid
    for (let h = hunks.length - 3; h >= 0; h -= 3) {
      const oldStart = hunks[h] as number;
      const oldCount = hunks[h + 1] as number;
      const newCount = hunks[h + 2] as number;
      // "-a,0": insert after old line a; "-a,b": replace old lines a..a+b-1
      const at = oldCount === 0 ? oldStart : oldStart - 1;
      origins.splice(at, oldCount, newCount, index, onRemoved);
      added += newCount;
    }
    return added;
  }

  #isExcluded(path: string): boolean {
    const unquoted = path.startsWith('"') ? path.slice(1, -1) : path;
    const base = unquoted.slice(unquoted.lastIndexOf("/") + 1);
    return this.#excluded.has(base);
  }
}
