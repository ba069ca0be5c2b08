import { describe, expect, it } from "vitest";
import {
  cursorOffset,
  enclosingCallee,
  identifiersNearCursor,
  lineAt,
  lineStarts,
  locallyBoundNames,
} from "./cursor.js";

const SOURCE =
  'import { formatAmount } from "@acme/money";\n\nexport function receipt(total: number) {\n  return "Total: " + formatAmount(';

describe("cursor", () => {
  it("maps 1-based line and column to an offset, column = length + 1 at the end of a line", () => {
    expect(cursorOffset(SOURCE, { line: 1, column: 1 }, "f.ts")).toBe(0);
    expect(cursorOffset(SOURCE, { line: 4, column: 35 }, "f.ts")).toBe(SOURCE.length);
    expect(SOURCE.slice(cursorOffset(SOURCE, { line: 3, column: 8 }, "f.ts"))).toMatch(/^function receipt/);
  });

  it("rejects a cursor outside the file, naming the file, line and column", () => {
    expect(() => cursorOffset(SOURCE, { line: 5, column: 1 }, "f.ts")).toThrow(/--line 5: f\.ts has 4 line/);
    expect(() => cursorOffset(SOURCE, { line: 4, column: 36 }, "f.ts")).toThrow(
      /--column 36: line 4 of f\.ts has 34 character/,
    );
    expect(() => cursorOffset(SOURCE, { line: 0, column: 1 }, "f.ts")).toThrow(/--line 0/);
  });

  it("finds the callee of the call the cursor is in, with its qualifier", () => {
    expect(enclosingCallee(SOURCE, SOURCE.length)).toEqual({ name: "formatAmount", qualifier: undefined });
    const go = "func f() {\n\treturn money.FormatAmount(r.Total, ";
    expect(enclosingCallee(go, go.length)).toEqual({ name: "FormatAmount", qualifier: "money" });
    const closed = "x = f(a) + g(b)";
    expect(enclosingCallee(closed, closed.length)).toBeUndefined();
  });

  it("weights the callee first and other identifiers by distance, skipping keywords", () => {
    const near = identifiersNearCursor(SOURCE, SOURCE.length);
    expect(near[0]).toEqual({ name: "formatAmount", qualifier: undefined, weight: 1 });
    expect(near.map((n) => n.name)).toEqual(
      expect.arrayContaining(["receipt", "total", "Total", "acme", "money"]),
    );
    expect(near.map((n) => n.name)).not.toContain("return");
    const receipt = near.find((n) => n.name === "receipt");
    const acme = near.find((n) => n.name === "acme");
    expect(receipt?.weight).toBeGreaterThan(acme?.weight ?? 1);
  });

  it("locates lines by binary search", () => {
    const starts = lineStarts("a\nbb\n\nccc");
    expect(starts).toEqual([0, 2, 5, 6]);
    expect([0, 1, 2, 4, 5, 6, 9].map((o) => lineAt(starts, o))).toEqual([1, 1, 2, 2, 3, 4, 4]);
  });
  it("finds names the file binds itself in Python, JS/TS and Go, not attributes or comparisons", () => {
    const text = [
      "app = Flask(__name__)",
      "    db: Database = connect()",
      "const client = makeClient();",
      "let { a } = b;",
      "result, err := fetch()",
      "for item in items:",
      "self.cache = {}",
      "if ready == True:",
    ].join("\n");
    expect([...locallyBoundNames(text)].sort()).toEqual(["app", "client", "db", "item", "result"]);
  });
});
