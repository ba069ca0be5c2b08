import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CodeSymbol } from "../parse/types.js";
import { chunkFile } from "./chunker.js";

function symbol(
  name: string,
  startLine: number,
  endLine: number,
  extra: Partial<CodeSymbol> = {},
): CodeSymbol {
  return {
    name,
    kind: "function",
    container: undefined,
    startLine,
    endLine,
    signature: name,
    doc: "",
    docStartLine: startLine,
    topLevel: true,
    ...extra,
  };
}

describe("chunkFile", () => {
  it("cuts at definition boundaries and keeps the code between them as remainder chunks", () => {
    const source = [
      "import x from 'x';",
      "",
      "/** doc */",
      "function a() {",
      "}",
      "const k = 1;",
      "function b() {",
      "}",
    ].join("\n");
    const chunks = chunkFile(source, [symbol("a", 4, 5, { docStartLine: 3 }), symbol("b", 7, 8)]);
    expect(chunks.map((c) => [c.startLine, c.endLine, c.symbol, c.kind])).toEqual([
      [1, 1, "", "block"],
      [3, 5, "a", "function"],
      [6, 6, "", "block"],
      [7, 8, "b", "function"],
    ]);
    expect(chunks[1]?.text).toBe("/** doc */\nfunction a() {\n}");
  });

  it("splits a big class into its header, one chunk per method and the code between them", () => {
    const lines = [
      "class Big {",
      "  field = 1;",
      ...Array.from({ length: 60 }, (_, i) => `  m${i}() {}`),
      "  tail = 2;",
      "}",
    ];
    const members = Array.from({ length: 60 }, (_, i) =>
      symbol(`m${i}`, i + 3, i + 3, { kind: "method", container: "Big", topLevel: false }),
    );
    const chunks = chunkFile(lines.join("\n"), [symbol("Big", 1, 64, { kind: "class" }), ...members], 40);
    expect(chunks[0]).toMatchObject({ startLine: 1, endLine: 2, symbol: "Big", kind: "class" });
    expect(chunks[1]).toMatchObject({ startLine: 3, endLine: 3, symbol: "Big.m0", kind: "method" });
    expect(chunks[chunks.length - 1]).toMatchObject({ startLine: 63, endLine: 64, symbol: "Big" });
    expect(chunks).toHaveLength(62);
  });

  it("cuts a file without symbols into windows", () => {
    const source = Array.from({ length: 25 }, (_, i) => `line ${i}`).join("\n");
    const chunks = chunkFile(source, [], 10);
    expect(chunks.map((c) => [c.startLine, c.endLine, c.kind])).toEqual([
      [1, 10, "text"],
      [11, 20, "text"],
      [21, 25, "text"],
    ]);
  });

  it("covers every non-blank line exactly once, within the size limit", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(""), fc.constant("code();")), { minLength: 1, maxLength: 120 }),
        fc.array(fc.tuple(fc.nat(119), fc.nat(30)), { maxLength: 6 }),
        (lines, spans) => {
          const symbols = spans
            .map(([start, length], i) =>
              symbol(`s${i}`, start + 1, Math.min(lines.length, start + 1 + length)),
            )
            .filter((s) => s.startLine <= lines.length);
          const chunks = chunkFile(lines.join("\n"), symbols, 20);
          const covered = new Map<number, number>();
          for (const chunk of chunks) {
            expect(chunk.endLine - chunk.startLine).toBeLessThan(20);
            for (let l = chunk.startLine; l <= chunk.endLine; l++) covered.set(l, (covered.get(l) ?? 0) + 1);
          }
          lines.forEach((line, i) => {
            if (line) expect(covered.get(i + 1), `line ${i + 1}`).toBe(1);
          });
        },
      ),
    );
  });
});
