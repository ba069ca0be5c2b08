import { describe, expect, it } from "vitest";
import type { RepoPackage } from "../packages/resolve-module.js";
import type { StoredSymbol } from "../store/code-reader.js";
import { isTestPath } from "../walk/file-filters.js";
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
  it("looks a locally bound name up only through imports, so a namesake elsewhere is not offered", () => {
    const python: OpenFile = {
      repo: "flask",
      path: "examples/flaskr/__init__.py",
      language: "python",
      namespace: "",
      imports: [],
      locals: new Set(["app"]),
    };
    const symbols = [
      stored("flask", "examples/flaskr/factory.py", "app", { language: "python" }),
      stored("flask", "src/flask/app.py", "register_blueprint", {
        language: "python",
        container: "App",
        top_level: false,
        kind: "method",
      }),
    ];
    const near = [
      { name: "app", qualifier: undefined, weight: 0.8 },
      { name: "register_blueprint", qualifier: "app", weight: 0.8 },
    ];
    const ranked = rankDefinitions(near, python, symbols, []);
    expect(ranked.map((c) => c.symbol.name)).toEqual(["register_blueprint"]);
    // without the local binding the namesake `app` would come first (0.48 against 0.384)
    const unbound = rankDefinitions(near, { ...python, locals: new Set() }, symbols, []);
    expect(unbound.map((c) => [c.symbol.name, c.score])).toEqual([
      ["app", 0.8 * 0.6],
      ["register_blueprint", 0.8 * 0.6 * 0.8],
    ]);
  });

  it("halves test code offered to a file that is not a test, and not to a test", () => {
    const symbols = [
      stored("app", "src/__tests__/helpers.ts", "total"),
      stored("app", "src/sum.ts", "total"),
    ];
    const near = [{ name: "total", qualifier: undefined, weight: 1 }];
    const fromSource = rankDefinitions(near, file, symbols, PACKAGES);
    // two namesakes in the repository: each 0.6 / √2
    expect(fromSource.map((c) => [c.symbol.path, c.score])).toEqual([
      ["src/sum.ts", 0.6 / Math.SQRT2],
      ["src/__tests__/helpers.ts", 0.3 / Math.SQRT2],
    ]);
    const fromTest = rankDefinitions(near, { ...file, path: "src/receipt.test.ts" }, symbols, PACKAGES);
    expect(fromTest.map((c) => c.score)).toEqual([0.6 / Math.SQRT2, 0.6 / Math.SQRT2]);
  });
});

describe("isTestPath", () => {
  it.each([
    ["tests/conftest.py", true],
    ["pkg/handler_test.go", true],
    ["src/money.test.ts", true],
    ["src/test_utils.py", true],
    ["src/main/java/FormatTest.java", true],
    ["kotlinpoet/src/jvmTest/kotlin/com/squareup/kotlinpoet/Types.kt", true],
    ["src/__tests__/x.js", true],
    ["src/testing.ts", false],
    ["src/contest.py", false],
    ["src/latest/format.ts", false],
  ])("%s → %s", (path, expected) => {
    expect(isTestPath(path)).toBe(expected);
  });
});
