import { groupValue, type Subject } from "./grouping.js";
import { ALL_GROUP, GROUP_SEPARATOR, type GroupBy, type ResolvedOptions } from "./types.js";

/** Items numbered by group: `ids[i]` indexes `names` (sorted as `sortedGroups`), −1 = no group. */
export interface GroupIndex {
  names: readonly string[];
  ids: Int32Array;
}

/** Packs two value numbers exactly while each is below 2^26 (67M distinct values). */
const PAIR_RADIX = 2 ** 26;

/**
 * The group of each of `count` items (item i: `subjectAt(i, subject)` fills the subject, `anchorAt(i)`
 * its anchor time), as `groupOf` names them. Groups are numbered through each key's distinct
 * values, so a composite group's name ("ann|2025-W10") is built once per group, not once per item,
 * and metrics tally into typed arrays indexed by group.
 */
export function groupIndex(
  options: ResolvedOptions,
  count: number,
  subjectAt: (i: number, subject: Subject) => void,
  anchorAt: (i: number) => number,
): GroupIndex {
  const keys = options.groupBy;
  const ids = new Int32Array(count);
  if (keys.length === 0) return { names: count > 0 ? [ALL_GROUP] : [], ids };
  // per key: its distinct values, numbered in order of appearance
  const values = keys.map(() => new Map<string, number>());
  const labels = keys.map((): string[] => []);
  // a group's code: one key's value number, a pair packed exactly (< 2^52), or for more keys a string
  const composite = new Map<number | string, number>();
  const parts: number[][] = [];
  const subject: Subject = { login: undefined, repo: undefined };
  for (let i = 0; i < count; i++) {
    subjectAt(i, subject);
    const anchor = anchorAt(i);
    let code: number | string = 0;
    let part: number[] | undefined = keys.length > 1 ? [] : undefined;
    for (let k = 0; k < keys.length; k++) {
      const value = groupValue(keys[k] as GroupBy, options, subject, anchor);
      if (value === undefined) {
        part = undefined;
        code = -1;
        break;
      }
      const seen = values[k] as Map<string, number>;
      let number = seen.get(value);
      if (number === undefined) {
        number = seen.size;
        seen.set(value, number);
        (labels[k] as string[]).push(value);
      }
      if (k === 0) code = number;
      else if (keys.length === 2) code = (code as number) * PAIR_RADIX + number;
      else code = `${code},${number}`;
      part?.push(number);
    }
    if (code === -1) {
      ids[i] = -1;
      continue;
    }
    let id = composite.get(code);
    if (id === undefined) {
      id = composite.size;
      composite.set(code, id);
      parts.push(part ?? [code as number]);
    }
    ids[i] = id;
  }
  const names = parts.map((p) =>
    p.map((number, k) => (labels[k] as string[])[number] as string).join(GROUP_SEPARATOR),
  );
  // renumber by name, in the order sortedGroups gives (the default sort: UTF-16 code units)
  const sorted = [...names].sort();
  const position = new Map<string, number>();
  for (const [at, name] of sorted.entries()) position.set(name, at);
  const rank = new Int32Array(names.length);
  for (const [id, name] of names.entries()) rank[id] = position.get(name) as number;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id >= 0) ids[i] = rank[id] as number;
  }
  return { names: sorted, ids };
}
