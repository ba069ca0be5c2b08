import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineOrigins, UNKNOWN_ORIGIN } from "./line-origins.js";

/** The same edits on a plain array of origins: the reference the run-length structure must match. */
function reference(lines: number[], at: number, remove: number, insert: number, origin: number): number[] {
  while (lines.length < at + remove) lines.push(UNKNOWN_ORIGIN);
  const removed = lines.splice(at, remove, ...Array.from({ length: insert }, () => origin));
  return removed;
}

function expand(origins: LineOrigins): number[] {
  return origins.runs().flatMap(([length, origin]) => Array.from({ length }, () => origin));
}

describe("LineOrigins", () => {
  it("splits a run when a hunk rewrites lines inside it and reports the removed writers", () => {
    const origins = new LineOrigins();
    origins.splice(0, 0, 10, 0);
    const removed: [number, number][] = [];
    origins.splice(2, 3, 1, 1, (origin, count) => removed.push([origin, count]));
    expect(origins.runs()).toEqual([
      [2, 0],
      [1, 1],
      [5, 0],
    ]);
    expect(removed).toEqual([[0, 3]]);
    expect(origins.lineCount).toBe(8);
  });

  it("takes lines beyond the known end as unknown (history started mid-file)", () => {
    const origins = new LineOrigins();
    const removed: [number, number][] = [];
    origins.splice(4, 2, 1, 7, (origin, count) => removed.push([origin, count]));
    expect(removed).toEqual([[UNKNOWN_ORIGIN, 2]]);
    expect(expand(origins)).toEqual([-1, -1, -1, -1, 7]);
  });

  it("matches a plain per-line array under any sequence of splices", () => {
    const edit = fc.record({
      at: fc.nat(40),
      remove: fc.nat(8),
      insert: fc.nat(8),
      origin: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 40 }), (edits) => {
        const origins = new LineOrigins();
        const plain: number[] = [];
        for (const { at, remove, insert, origin } of edits) {
          const position = Math.min(at, plain.length);
          const expected = reference(plain, position, remove, insert, origin);
          const removed: number[] = [];
          origins.splice(position, remove, insert, origin, (o, count) => {
            for (let i = 0; i < count; i++) removed.push(o);
          });
          expect(removed).toEqual(expected);
          expect(expand(origins)).toEqual(plain);
          expect(origins.lineCount).toBe(plain.length);
        }
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
