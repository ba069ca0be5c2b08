import { describe, expect, it } from "vitest";
import type { RepoPackage } from "../packages/resolve-module.js";
import type { StoredSymbol } from "../store/code-reader.js";
import { lookupNames, type OpenFile, rankDefinitions } from "./resolve-definitions.js";

function stored(repo: string, path: string, name: string, extra: Partial<StoredSymbol> = {}): StoredSymbol {
  return {
    repo,
    path,
    name,
    kind: "function",
    container: "",
    start_line: 1,
    end_line: 3,
    doc_start_line: 1,
    signature: name,
    doc: "",
    top_level: true,
    language: "typescript",
    namespace: "",
    ...extra,
  };
}

const PACKAGES: RepoPackage[] = [{ repo: "lib", name: "@acme/money", ecosystem: "npm", dir: "" }];

describe("rankDefinitions", () => {
  const file: OpenFile = {
    repo: "app",
    path: "src/receipt.ts",
    language: "typescript",
    namespace: "",
    imports: [{ module: "@acme/money", names: [{ imported: "formatAmount", local: "fa" }], line: 1 }],
  };

  it("prefers the definition the import resolves to over namesakes elsewhere", () => {
    const symbols = [
      stored("lib", "src/format.ts", "formatAmount"),
      stored("other", "src/x.ts", "formatAmount"),
    ];
    const near = [{ name: "fa", qualifier: undefined, weight: 1 }];
    expect(lookupNames(near, file.imports)).toEqual(["fa", "formatAmount"]);
    const ranked = rankDefinitions(near, file, symbols, PACKAGES);
    expect(ranked.map((c) => [c.symbol.repo, c.score, c.via])).toEqual([
      ["lib", 1, "import @acme/money"],
      ["other", 0.15, "name"], // 0.3 shared between the two namesakes
    ]);
  });

  it("ranks same-repository definitions above name-only matches and skips the open file's own", () => {
    const near = [{ name: "total", qualifier: undefined, weight: 0.5 }];
    const symbols = [
      stored("app", "src/receipt.ts", "total"),
      stored("app", "src/total.ts", "total"),
      stored("far", "a.ts", "total"),
    ];
    const ranked = rankDefinitions(near, file, symbols, PACKAGES);
    expect(ranked.map((c) => [c.symbol.repo, c.symbol.path])).toEqual([
      ["app", "src/total.ts"],
      ["far", "a.ts"],
    ]);
    expect(ranked[0]?.score).toBeCloseTo(0.3);
  });

  it("resolves a Java class-qualified call through the imported class's package", () => {
    const java: OpenFile = {
      repo: "shop",
      path: "Receipt.java",
      language: "java",
      namespace: "com.acme.shop",
      imports: [{ module: "com.acme.money", names: [{ imported: "Format", local: "Format" }], line: 3 }],
    };
    const symbols = [
      stored("javamoney", "Format.java", "formatAmount", {
        language: "java",
        namespace: "com.acme.money",
        container: "Format",
        top_level: false,
        kind: "method",
      }),
      stored("other", "Other.java", "formatAmount", {
        language: "java",
        namespace: "com.other",
        container: "Other",
        top_level: false,
        kind: "method",
      }),
    ];
    const ranked = rankDefinitions(
      [{ name: "formatAmount", qualifier: "Format", weight: 1 }],
      java,
      symbols,
      [],
    );
    expect(ranked[0]).toMatchObject({ score: 1, via: "import com.acme.money" });
    expect(ranked[0]?.symbol.repo).toBe("javamoney");
  });
});
