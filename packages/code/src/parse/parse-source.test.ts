import { describe, expect, it } from "vitest";
import { parseSource } from "./parse-source.js";
import { TreeSitterLoader } from "./tree-sitter-loader.js";
import type { ParsedFile } from "./types.js";

const loader = new TreeSitterLoader();

function summary(parsed: ParsedFile | undefined) {
  return parsed?.symbols.map(
    (s) => `${s.kind} ${s.container ? `${s.container}.` : ""}${s.name} ${s.startLine}-${s.endLine}`,
  );
}

describe("parseSource", () => {
  it("TypeScript: functions, arrow constants, classes, members, interfaces, docs, imports", async () => {
    const source = [
      'import def, { formatAmount as fa, type Money } from "@acme/money";',
      'import * as util from "./util";',
      'const lodash = require("lodash");',
      "/** Adds two numbers. */",
      "export const add = (a: number, b: number): number => a + b;",
      "export interface Shape { area(): number }",
      "export class Circle implements Shape {",
      "  /** The area. */",
      "  area(): number { return fa(util.pi()); }",
      "}",
      "function local() { function inner() {} }",
    ].join("\n");
    const parsed = await parseSource(loader, "typescript", source);
    expect(summary(parsed)).toEqual([
      "function add 5-5",
      "interface Shape 6-6",
      "method Shape.area 6-6",
      "class Circle 7-10",
      "method Circle.area 9-9",
      "function local 11-11",
    ]);
    const add = parsed?.symbols[0];
    expect(add).toMatchObject({
      signature: "export const add = (a: number, b: number): number =>",
      doc: "Adds two numbers.",
      docStartLine: 4,
    });
    expect(parsed?.symbols[4]?.doc).toBe("The area.");
    expect(parsed?.imports).toEqual([
      {
        module: "@acme/money",
        line: 1,
        names: [
          { imported: "default", local: "def" },
          { imported: "formatAmount", local: "fa" },
          { imported: "Money", local: "Money" },
        ],
      },
      { module: "./util", line: 2, names: [{ imported: "*", local: "util" }] },
      { module: "lodash", line: 3, names: [{ imported: "*", local: "lodash" }] },
    ]);
    expect(parsed?.importLines).toEqual([1, 3]);
    expect(parsed?.references).toEqual(expect.arrayContaining(["fa", "util", "pi", "Circle", "Shape"]));
    expect(parsed?.clean).toBe(true);
  });

  it("Python: decorated functions, classes, methods, docstrings, relative and aliased imports", async () => {
    const source = [
      "import os.path as osp",
      "from acme.money.format import format_amount, parse as p",
      "from . import sibling",
      "",
      "@cached",
      "def total(items):",
      '    """Sum of prices."""',
      "    return sum(format_amount(i) for i in items)",
      "",
      "class Cart:",
      "    def add(self, item):",
      "        pass",
    ].join("\n");
    const parsed = await parseSource(loader, "python", source);
    expect(summary(parsed)).toEqual(["function total 5-8", "class Cart 10-12", "method Cart.add 11-12"]);
    expect(parsed?.symbols[0]).toMatchObject({ signature: "def total(items):", doc: "Sum of prices." });
    expect(
      parsed?.imports.map((i) => [i.module, i.names.map((n) => `${n.imported}:${n.local}`).join(",")]),
    ).toEqual([
      ["os.path", "*:osp"],
      ["acme.money.format", "format_amount:format_amount,parse:p"],
      [".", "sibling:sibling"],
    ]);
    expect(parsed?.importLines).toEqual([1, 3]);
  });

  it("keeps an import inside a function for resolution but not in the module's imports section", async () => {
    const source = [
      "import os",
      "",
      "def create_app():",
      "    from . import db",
      "    return db.init(os)",
    ].join("\n");
    const parsed = await parseSource(loader, "python", source);
    expect(parsed?.imports.map((i) => i.module)).toEqual(["os", "."]);
    expect(parsed?.importLines).toEqual([1, 1]);
  });

  it("Java: package, classes, constructors, methods, Javadoc, static and wildcard imports", async () => {
    const source = [
      "package com.acme.shop;",
      "import com.acme.money.Format;",
      "import static com.acme.money.Format.formatAmount;",
      "import java.util.*;",
      "/** A receipt. */",
      "public class Receipt {",
      "  public Receipt() {}",
      "  public String print(int cents) { return Format.formatAmount(cents); }",
      "}",
    ].join("\n");
    const parsed = await parseSource(loader, "java", source);
    expect(parsed?.namespace).toBe("com.acme.shop");
    expect(summary(parsed)).toEqual([
      "class Receipt 6-9",
      "method Receipt.Receipt 7-7",
      "method Receipt.print 8-8",
    ]);
    expect(parsed?.symbols[0]).toMatchObject({ doc: "A receipt.", signature: "public class Receipt" });
    expect(parsed?.imports.map((i) => [i.module, i.names[0]?.imported])).toEqual([
      ["com.acme.money", "Format"],
      ["com.acme.money.Format", "formatAmount"],
      ["java.util", "*"],
    ]);
  });

  it("Go: package, functions, methods with receivers, structs, interfaces, aliased imports", async () => {
    const source = [
      "package shop",
      "",
      "import (",
      '\t"fmt"',
      '\tmoney "github.com/acme/money/format"',
      ")",
      "",
      "// Receipt holds a total.",
      "type Receipt struct {",
      "\tTotal int",
      "}",
      "",
      "// Print formats the total.",
      "func (r *Receipt) Print() string {",
      "\treturn fmt.Sprint(money.FormatAmount(r.Total))",
      "}",
    ].join("\n");
    const parsed = await parseSource(loader, "go", source);
    expect(parsed?.namespace).toBe("shop");
    expect(summary(parsed)).toEqual(["struct Receipt 9-11", "method Receipt.Print 14-16"]);
    expect(parsed?.symbols.map((s) => [s.signature, s.doc])).toEqual([
      ["type Receipt struct", "Receipt holds a total."],
      ["func (r *Receipt) Print() string", "Print formats the total."],
    ]);
    expect(parsed?.imports.map((i) => [i.module, i.names[0]?.local])).toEqual([
      ["fmt", "fmt"],
      ["github.com/acme/money/format", "money"],
    ]);
  });

  it("C#: namespace, classes, interfaces, structs, methods, XML docs, usings with aliases", async () => {
    const source = [
      "using System;",
      "using M = Acme.Money.Format;",
      "namespace Acme.Shop",
      "{",
      "    /// <summary>A receipt.</summary>",
      "    public class Receipt",
      "    {",
      "        public string Print(int x) { return M.FormatAmount(x); }",
      "    }",
      "    public interface IPrintable { string Print(int x); }",
      "    public struct Point { public int X; }",
      "}",
    ].join("\n");
    const parsed = await parseSource(loader, "csharp", source);
    expect(parsed?.namespace).toBe("Acme.Shop");
    expect(summary(parsed)).toEqual([
      "class Receipt 6-9",
      "method Receipt.Print 8-8",
      "interface IPrintable 10-10",
      "method IPrintable.Print 10-10",
      "struct Point 11-11",
    ]);
    expect(parsed?.symbols[0]?.doc).toBe("A receipt.");
    expect(parsed?.imports).toEqual([
      { module: "System", names: [{ imported: "*", local: "*" }], line: 1 },
      { module: "Acme.Money.Format", names: [{ imported: "*", local: "M" }], line: 2 },
    ]);
  });

  it("Kotlin: package, top-level and member functions, classes, interfaces, objects, enums, KDoc, imports", async () => {
    const source = [
      "package com.acme.shop",
      "",
      "import com.acme.money.formatAmount",
      "import com.acme.util.*",
      "import kotlinx.coroutines.launch as go",
      "",
      "/** A receipt. */",
      "@Serializable",
      "data class Receipt(val cents: Long) : Printable {",
      "    override fun print(): String = formatAmount(cents)",
      "",
      "    companion object {",
      "        fun empty() = Receipt(0)",
      "    }",
      "}",
      "",
      "interface Printable {",
      "    fun print(): String",
      "}",
      "",
      "object Registry {",
      "    fun register(r: Receipt) {}",
      "}",
      "",
      "enum class Color { RED, GREEN }",
      "",
      "typealias Cents = Long",
      "",
      "suspend fun <T> List<T>.second(): T = this[1]",
    ].join("\n");
    const parsed = await parseSource(loader, "kotlin", source);
    expect(parsed?.clean).toBe(true);
    expect(parsed?.namespace).toBe("com.acme.shop");
    expect(summary(parsed)).toEqual([
      "class Receipt 8-15",
      "method Receipt.print 10-10",
      "method Receipt.empty 13-13",
      "interface Printable 17-19",
      "method Printable.print 18-18",
      "class Registry 21-23",
      "method Registry.register 22-22",
      "enum Color 25-25",
      "type Cents 27-27",
      "function second 29-29",
    ]);
    expect(parsed?.symbols[0]).toMatchObject({
      doc: "A receipt.",
      docStartLine: 7,
      signature: "@Serializable data class Receipt(val cents: Long) : Printable",
    });
    expect(parsed?.symbols[1]?.signature).toBe("override fun print(): String");
    expect(parsed?.imports).toEqual([
      { module: "com.acme.money", names: [{ imported: "formatAmount", local: "formatAmount" }], line: 3 },
      { module: "com.acme.util", names: [{ imported: "*", local: "*" }], line: 4 },
      { module: "kotlinx.coroutines", names: [{ imported: "launch", local: "go" }], line: 5 },
    ]);
    expect(parsed?.importLines).toEqual([3, 5]);
  });

  it("keeps what it can from a file with syntax errors, and has no grammar for Scala", async () => {
    const parsed = await parseSource(
      loader,
      "typescript",
      'import { f } from "m";\nexport function ok() { return 1; }\nexport function broken( {\n',
    );
    expect(parsed?.clean).toBe(false);
    expect(parsed?.symbols.map((s) => s.name)).toContain("ok");
    expect(parsed?.imports[0]?.module).toBe("m");
    expect(await parseSource(loader, "scala", "object Main")).toBeUndefined();
  });
});

describe("parseSource on arbitrary text", () => {
  it("never throws and reports lines inside the file", async () => {
    const { default: fc } = await import("fast-check");
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.constantFrom(
            "function f(a) {",
            "}",
            "class A {",
            "m() { return 1 }",
            "import x from 'y';",
            "(",
            '"',
            "/**",
            "*/",
            "def g():",
            "  ",
          ),
          {
            maxLength: 40,
          },
        ),
        fc.constantFrom(
          "typescript",
          "python",
          "java",
          "go",
          "csharp",
          "kotlin",
        ) as import("fast-check").Arbitrary<"typescript">,
        async (pieces, language) => {
          const source = pieces.join("\n");
          const parsed = await parseSource(loader, language, source);
          const lines = source.split("\n").length;
          for (const s of parsed?.symbols ?? []) {
            expect(s.startLine).toBeGreaterThanOrEqual(1);
            expect(s.endLine).toBeLessThanOrEqual(lines);
            expect(s.docStartLine).toBeLessThanOrEqual(s.startLine);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
