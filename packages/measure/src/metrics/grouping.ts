import { isoWeek } from "./iso-week.js";
import { ALL_GROUP, GROUP_SEPARATOR, type GroupBy, type ResolvedOptions } from "./types.js";

export const NO_TEAM = "(no team)";
/** The group of units outside the experiment under `--group-by arm` (shown, not dropped). */
export const NO_ARM = "(no arm)";

/** What a value is about: the person behind it (canonical login) and the repository or service. */
export interface Subject {
  login?: string | undefined;
  repo?: string | undefined;
}

/**
 * The group a value belongs to under `--group-by`, or undefined when it has none: a unit outside
 * the experiment under `arm` (counted as `no_arm`). `anchorMs` is the value's end event (its week).
 */
export function groupOf(options: ResolvedOptions, subject: Subject, anchorMs: number): string | undefined {
  const keys = options.groupBy;
  if (keys.length === 0) return ALL_GROUP;
  if (keys.length === 1) return groupValue(keys[0] as GroupBy, options, subject, anchorMs);
  const values: string[] = [];
  for (const key of keys) {
    const value = groupValue(key, options, subject, anchorMs);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values.join(GROUP_SEPARATOR);
}

/** The value of one `--group-by` key for a subject, or undefined when it has none. */
export function groupValue(
  key: GroupBy,
  options: ResolvedOptions,
  subject: Subject,
  anchorMs: number,
): string | undefined {
  switch (key) {
    case "author":
      return subject.login;
    case "team":
      return subject.login === undefined ? undefined : (options.teamOf(subject.login) ?? NO_TEAM);
    case "repo":
      return subject.repo;
    case "week":
      return isoWeek(anchorMs);
    case "arm":
      return subject.login === undefined ? undefined : (options.armOf(subject.login) ?? NO_ARM);
  }
}

/** Whether an anchor time lies in the window [fromMs, toMs). */
export function inWindow(options: ResolvedOptions, anchorMs: number): boolean {
  return anchorMs >= options.fromMs && anchorMs < options.toMs;
}

/** Counts by reason, e.g. `{ not_merged: 3, negative_span: 1 }`. */
export type Exclusions = Record<string, number>;

export function countExclusion(exclusions: Exclusions, reason: string): void {
  exclusions[reason] = (exclusions[reason] ?? 0) + 1;
}

/** Groups in a stable order (UTF-16 code units, so "all" and names sort alike on every machine). */
export function sortedGroups<T>(groups: ReadonlyMap<string, T>): [string, T][] {
  // the default sort on plain strings is several times faster than a comparator (300k author-weeks)
  return [...groups.keys()].sort().map((key) => [key, groups.get(key) as T]);
}
