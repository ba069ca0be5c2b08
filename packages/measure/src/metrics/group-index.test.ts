import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PrFact } from "./facts.js";
import { groupIndex, groupIndexOfValues } from "./group-index.js";
import { groupOf } from "./grouping.js";
import { prColumns } from "./pr-columns.js";
import { prAnchor, prGroupIndex } from "./pr-groups.js";
import { GROUP_KEYS, type GroupBy, resolveOptions } from "./types.js";

// prefixes of each other, the separator inside a name, non-ASCII, the empty name
const LOGINS = ["dev1", "dev10", "dev1|x", "Dev1", "", "é", "zoë", "a|"];
const REPOS = ["web", "web|2", "api", "API", "w"];
const TEAMS: Record<string, string> = { dev1: "core", dev10: "core|b", é: "ui" };
const ARMS: Record<string, string> = { dev1: "treatment", "dev1|x": "control", zoë: "control" };
const DAY = 86_400_000;

const prArb = fc.record({
  author: fc.constantFrom(...LOGINS),
  repo: fc.constantFrom(...REPOS),
  created: fc.oneof(
    fc.integer({ min: 19_700, max: 20_500 }).map((day) => day * DAY + 1234.5),
    fc.constant(0),
    fc.constant(Number.NaN),
  ),
  mergedAfter: fc.oneof(fc.constant(Number.NaN), fc.integer({ min: 0, max: 40 * DAY })),
});

/** What the index must give: each item's `groupOf` name, numbered in the sorted order of the names. */
function expected(names: (string | undefined)[]) {
  const sorted = [...new Set(names.filter((name) => name !== undefined))].sort();
  return { names: sorted, ids: names.map((name) => (name === undefined ? -1 : sorted.indexOf(name))) };
}

describe("group index", () => {
  it("numbers PR groups as groupOf names them, in sorted order, for any keys", () => {
    fc.assert(
      fc.property(
        fc.array(prArb, { maxLength: 60 }),
        fc.uniqueArray(fc.constantFrom(...GROUP_KEYS), { maxLength: 3 }),
        (records, keys: GroupBy[]) => {
          const prs: PrFact[] = records.map((r, i) => ({
            id: `pr${i}`,
            repo: r.repo,
            author: r.author,
            created: r.created,
            merged: r.created + r.mergedAfter,
            firstCommit: Number.NaN,
            firstReview: Number.NaN,
            size: 1,
            draft: false,
            bot: false,
          }));
          const options = resolveOptions({
            groupBy: keys,
            teamOf: (login) => TEAMS[login],
            armOf: (login) => ARMS[login],
          });
          const want = expected(
            prs.map((pr) => groupOf(options, { login: pr.author, repo: pr.repo }, prAnchor(pr))),
          );
          const fromColumns = prGroupIndex(prColumns(prs), options);
          expect({ names: fromColumns.names, ids: [...fromColumns.ids] }).toEqual(want);
          const generic = groupIndex(
            options,
            prs.length,
            (i, subject) => {
              subject.login = prs[i]?.author;
              subject.repo = prs[i]?.repo;
            },
            (i) => prAnchor(prs[i] as PrFact),
          );
          expect({ names: generic.names, ids: [...generic.ids] }).toEqual(want);
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });

  it("drops an item without a value of one key and keeps the others' groups", () => {
    const index = groupIndexOfValues(4, [
      { values: Int32Array.from([0, 1, -1, 0]), labels: ["b", "a"] },
      { values: Int32Array.from([0, 0, 0, -1]), labels: ["W1"] },
    ]);
    expect(index.names).toEqual(["a|W1", "b|W1"]);
    expect([...index.ids]).toEqual([1, 0, -1, -1]);
  });

  it("gives every PR the one group when no key is given, and an empty report no group", () => {
    const options = resolveOptions({});
    expect(groupIndexOfValues(2, []).names).toEqual(["all"]);
    expect(prGroupIndex([], options).names).toEqual([]);
  });
});
