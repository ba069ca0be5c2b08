import { groupValue, type Subject } from "./grouping.js";
import { Dictionary } from "./pr-columns.js";
import { ALL_GROUP, GROUP_SEPARATOR, type GroupBy, type ResolvedOptions } from "./types.js";

/** Items numbered by group: `ids[i]` indexes `names` (sorted as `sortedGroups`), −1 = no group. */
export interface GroupIndex {
  names: readonly string[];
  ids: Int32Array;
}

/** One `--group-by` key's value for each item: `values[i]` indexes `labels`, −1 = no value. */
export interface KeyValues {
  values: Int32Array;
  labels: readonly string[];
}

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
  if (keys.length === 0) return ungrouped(count);
  const numbers = keys.map(() => new Dictionary());
  const values = keys.map(() => new Int32Array(count));
  const subject: Subject = { login: undefined, repo: undefined };
  for (let i = 0; i < count; i++) {
    subjectAt(i, subject);
    const anchor = anchorAt(i);
    for (let k = 0; k < keys.length; k++) {
      const label = groupValue(keys[k] as GroupBy, options, subject, anchor);
      (values[k] as Int32Array)[i] = (numbers[k] as Dictionary).numberOf(label);
    }
  }
  return groupIndexOfValues(
    count,
    keys.map((_, k) => ({ values: values[k] as Int32Array, labels: (numbers[k] as Dictionary).names })),
  );
}

/** The index when no key is given: every item in the one "all" group. */
export function ungrouped(count: number): GroupIndex {
  return { names: count > 0 ? [ALL_GROUP] : [], ids: new Int32Array(count) };
}

/** Composite codes up to this many are looked up in a typed array, larger ones in a map. */
const TABLE_CODES = 1 << 24;

/**
 * Groups items by the values of one or more keys (each item's group: its keys' labels joined by
 * "|"; none when a key has no value). Names are built once per group and numbered in the order
 * `sortedGroups` gives them (the default sort: UTF-16 code units).
 */
export function groupIndexOfValues(count: number, keys: readonly KeyValues[]): GroupIndex {
  if (keys.length === 0) return ungrouped(count);
  let radix = 1;
  for (const key of keys) radix *= Math.max(key.labels.length, 1);
  // no separator inside a label but the last: "a|b" sorts as the tuple (a + "|", b)
  const tupleOrder = keys.every(
    (key, k) => k === keys.length - 1 || key.labels.every((label) => !label.includes(GROUP_SEPARATOR)),
  );
  return radix <= TABLE_CODES && tupleOrder ? byRankTable(count, keys, radix) : byName(count, keys);
}

/**
 * Each key's values ranked as their labels sort (a key but the last as `label + "|"`); a group's
 * code is its ranks in mixed radix, so walking the codes in order walks the names in sort order:
 * no group name is hashed or compared.
 */
function byRankTable(count: number, keys: readonly KeyValues[], radix: number): GroupIndex {
  const ranks = keys.map((key, k) => {
    const suffix = k === keys.length - 1 ? "" : GROUP_SEPARATOR;
    const order = key.labels.map((label, value) => ({ text: label + suffix, value }));
    order.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    const rank = new Int32Array(key.labels.length);
    for (const [at, { value }] of order.entries()) rank[value] = at;
    return rank;
  });
  const codes = new Int32Array(count);
  const used = new Uint8Array(radix);
  for (let i = 0; i < count; i++) {
    let code = 0;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as KeyValues;
      const value = key.values[i] as number;
      if (value < 0) {
        code = -1;
        break;
      }
      code = code * key.labels.length + ((ranks[k] as Int32Array)[value] as number);
    }
    codes[i] = code;
    if (code >= 0) used[code] = 1;
  }
  // number the groups in code order and name them
  const labelsByRank = keys.map((key, k) => {
    const byRank: string[] = new Array(key.labels.length);
    for (const [value, label] of key.labels.entries())
      byRank[(ranks[k] as Int32Array)[value] as number] = label;
    return byRank;
  });
  const idOf = new Int32Array(radix);
  const names: string[] = [];
  for (let code = 0; code < radix; code++) {
    if (used[code] === 0) continue;
    idOf[code] = names.length;
    let rest = code;
    let name = "";
    for (let k = keys.length - 1; k >= 0; k--) {
      const size = (keys[k] as KeyValues).labels.length;
      const label = (labelsByRank[k] as string[])[rest % size] as string;
      name = k === keys.length - 1 ? label : label + GROUP_SEPARATOR + name;
      rest = Math.floor(rest / size);
    }
    names.push(name);
  }
  const ids = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const code = codes[i] as number;
    ids[i] = code < 0 ? -1 : (idOf[code] as number);
  }
  return { names, ids };
}

/** The general case: groups found by their values' codes, then numbered by sorting their names. */
function byName(count: number, keys: readonly KeyValues[]): GroupIndex {
  const composite = new Map<string, number>();
  const ids = new Int32Array(count);
  const firstItem: number[] = [];
  for (let i = 0; i < count; i++) {
    let code = "";
    for (const key of keys) {
      const value = key.values[i] as number;
      if (value < 0) {
        code = "";
        break;
      }
      code += `${value},`;
    }
    if (code === "") {
      ids[i] = -1;
      continue;
    }
    let id = composite.get(code);
    if (id === undefined) {
      id = firstItem.length;
      composite.set(code, id);
      firstItem.push(i);
    }
    ids[i] = id;
  }
  const names = firstItem.map((item) =>
    keys.map((key) => key.labels[key.values[item] as number] as string).join(GROUP_SEPARATOR),
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
