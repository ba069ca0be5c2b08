import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SseParser } from "./sse.js";

function parseAll(pieces: string[]) {
  const parser = new SseParser();
  return pieces.flatMap((p) => parser.push(p));
}

describe("SseParser", () => {
  it("joins multi-line data, skips comments and keeps event names and ids", () => {
    const events = parseAll([": keep-alive\n\nevent: delta\nid: 7\ndata: a\ndata:b\n\ndata: [DONE]\n\n"]);
    expect(events).toEqual([
      { event: "delta", data: "a\nb", id: "7" },
      { event: "message", data: "[DONE]", id: "7" },
    ]);
  });

  it("accepts CRLF, CR and LF line ends, even when a CRLF is split across chunks", () => {
    expect(parseAll(["data: x\r", "\n\r", "\ndata: y\r\r"])).toEqual([
      { event: "message", data: "x" },
      { event: "message", data: "y" },
    ]);
  });

  it("does not dispatch an event until its blank line arrives", () => {
    const parser = new SseParser();
    expect(parser.push('data: {"a":1}\n\ndata: {"b"')).toEqual([{ event: "message", data: '{"a":1}' }]);
    expect(parser.push(":2}\n")).toEqual([]);
    expect(parser.push("\n")).toEqual([{ event: "message", data: '{"b":2}' }]);
  });

  it("gives the same events however the stream is cut into chunks", () => {
    const line = fc.oneof(
      fc.string({ unit: "grapheme-ascii" }).map((s) => `data: ${s.replace(/[\r\n]/g, "")}`),
      fc.constant(": keep-alive"),
      fc.constant("event: x"),
      fc.constant(""),
    );
    const stream = fc
      .tuple(fc.array(line, { maxLength: 20 }), fc.constantFrom("\n", "\r\n", "\r"))
      .map(([lines, eol]) => `${lines.join(eol)}${eol}${eol}`);
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 10 }), (text, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...points].map((start, i) => text.slice(start, points[i] ?? text.length));
        expect(parseAll(pieces)).toEqual(parseAll([text]));
      }),
    );
  });
});
