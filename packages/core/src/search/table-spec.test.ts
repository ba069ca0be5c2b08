import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, InputError } from "../errors.js";
import { resolveSearchUri } from "./index.js";
import { resolveTableSpec } from "./table-spec.js";

describe("resolveTableSpec", () => {
  it("fills defaults and picks a scalar index kind by column type", () => {
    const spec = resolveTableSpec({
      name: "kb_chunks",
      columns: {
        doc_id: { type: "string", index: true },
        repo: { type: "string", index: "bitmap" },
        acl_groups: { type: "string[]", index: true },
        public: { type: "boolean", index: true },
        updated: "number",
      },
      vector: { dimension: 3 },
    });
    expect(spec.columns.map((c) => [c.name, c.type, c.index])).toEqual([
      ["doc_id", "string", "btree"],
      ["repo", "string", "bitmap"],
      ["acl_groups", "string[]", "labelList"],
      ["public", "boolean", "bitmap"],
      ["updated", "number", undefined],
    ]);
    expect(spec.vector).toEqual({ dimension: 3, distance: "cosine", index: "none" });
    expect(spec.filterColumns.get("title")).toBe("string");
  });

  it("rejects bad names, reserved columns, unknown types and bad dimensions", () => {
    const cases: [Parameters<typeof resolveTableSpec>[0], RegExp][] = [
      [{ name: "../etc" }, /name must be/],
      [{ name: "t", columns: { text: "string" } }, /column "text" is built in/],
      [{ name: "t", columns: { "a-b": "string" } }, /column "a-b" must be letters/],
      [{ name: "t", columns: { a: "date" as never } }, /has type "date"/],
      [{ name: "t", columns: { a: { type: "string[]", index: "bitmap" } } }, /label-list/],
      [{ name: "t", vector: { dimension: 0 } }, /vector.dimension/],
      [{ name: "t", vector: { dimension: 3, distance: "hamming" as never } }, /vector.distance/],
    ];
    for (const [spec, message] of cases) expect(() => resolveTableSpec(spec)).toThrow(message);
    expect(() => resolveTableSpec({ name: "" })).toThrow(InputError);
  });
});

describe("resolveSearchUri", () => {
  it("puts an empty uri under the data dir", () => {
    expect(resolveSearchUri(undefined, "/data/.uplift")).toEqual({ uri: "/data/.uplift/lance", local: true });
    expect(resolveSearchUri("  ", "/data/.uplift")).toEqual({ uri: "/data/.uplift/lance", local: true });
  });

  it("resolves a local path and passes object-storage URIs through unchanged", () => {
    expect(resolveSearchUri("idx", "/d")).toEqual({ uri: path.resolve("idx"), local: true });
    expect(resolveSearchUri("s3://bucket/team/index", "/d")).toEqual({
      uri: "s3://bucket/team/index",
      local: false,
    });
    expect(resolveSearchUri("gs://b/p", "/d").local).toBe(false);
    expect(resolveSearchUri("az://c/p", "/d").local).toBe(false);
  });

  it("rejects a scheme LanceDB cannot store to, naming the config key", () => {
    expect(() => resolveSearchUri("http://example.com/x", "/d")).toThrow(ConfigError);
    expect(() => resolveSearchUri("http://example.com/x", "/d")).toThrow(
      /search.uri: unsupported scheme "http:\/\/"/,
    );
  });
});
