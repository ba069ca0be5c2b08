import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GroupedValues } from "./duration-rows.js";
import { IndexedValues } from "./indexed-values.js";

const base = { name: "m", unit: "hours", definition: "d" };
const names = ["a", "b", "c|x", "c|y", "d"];

describe("IndexedValues", () => {
  it("gives the rows of GroupedValues for any values, exclusions and groups", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: -1, max: names.length - 1 }),
            fc.oneof(
              fc.double({ min: 0, max: 1e4, noNaN: true }),
              fc.constantFrom("not_merged", "missing_end"),
            ),
          ),
          { maxLength: 120 },
        ),
        (entries) => {
          const indexed = new IndexedValues(names, entries.length);
          const plain = new GroupedValues();
          for (const [group, value] of entries) {
            const name = group < 0 ? undefined : names[group];
            if (typeof value === "number") {
              indexed.add(group, value);
              plain.add(name, value);
            } else {
              indexed.exclude(group, value);
              plain.exclude(name, value);
            }
          }
          expect(indexed.rows(base, 1 / 60, true)).toEqual(plain.rows(base, 1 / 60, true));
        },
      ),
      { seed: 7 },
    );
  });

  it('gives an ungrouped report its empty "all" row when nothing was added', () => {
    const plain = new GroupedValues().rows(base, 1, false);
    expect(new IndexedValues(["all"], 0).rows(base, 1, false)).toEqual(plain);
    expect(new IndexedValues([], 0).rows(base, 1, false)).toEqual(plain);
  });

  it("summarises a group of more values than the insertion sort handles", () => {
    const values = new IndexedValues(["g"], 100);
    for (let i = 100; i > 0; i--) values.add(0, i);
    const [row] = values.rows(base, 1, true);
    expect(row).toMatchObject({ group: "g", n: 100, median: 50.5, mean: 50.5 });
    expect(row?.p90).toBeCloseTo(90.1, 12);
  });
});
