import { describe, expect, it } from "vitest";
import { dependencyOrder, ImportResolver, importSpecifiers } from "./import-order.js";

describe("repository-level file order", () => {
  it("reads JS/TS, Python, Go and Java imports", () => {
    expect(
      importSpecifiers(
        `import { a } from "./a.js";\nimport "./side";\nexport * from "../b";\nconst c = require("./c");\nconst d = await import("./d");\n`,
        "typescript",
      ),
    ).toEqual(["./a.js", "./side", "../b", "./c", "./d"]);
    expect(importSpecifiers("from .models import User\nimport os, billing.tax\n", "python")).toEqual([
      ".models",
      "os",
      "billing.tax",
    ]);
    expect(importSpecifiers('import (\n  "fmt"\n  "acme.com/shop/money"\n)\n', "go")).toEqual([
      "fmt",
      "acme.com/shop/money",
    ]);
    expect(importSpecifiers("import com.acme.money.Amount;\n", "java")).toEqual(["com.acme.money.Amount"]);
  });

  it("resolves specifiers to repository files", () => {
    const resolver = new ImportResolver([
      "src/a.ts",
      "src/lib/index.ts",
      "billing/tax.py",
      "billing/models.py",
      "money/money.go",
      "src/main/java/com/acme/money/Amount.java",
    ]);
    expect(resolver.resolve("src/main.ts", "./a.js", "typescript")).toEqual(["src/a.ts"]);
    expect(resolver.resolve("src/main.ts", "./lib", "typescript")).toEqual(["src/lib/index.ts"]);
    expect(resolver.resolve("src/main.ts", "react", "typescript")).toEqual([]);
    expect(resolver.resolve("billing/tax.py", ".models", "python")).toEqual(["billing/models.py"]);
    expect(resolver.resolve("app.py", "billing.tax", "python")).toEqual(["billing/tax.py"]);
    expect(resolver.resolve("main.go", "acme.com/shop/money", "go")).toEqual(["money/money.go"]);
    expect(resolver.resolve("App.java", "com.acme.money.Amount", "java")).toEqual([
      "src/main/java/com/acme/money/Amount.java",
    ]);
  });

  it("puts dependencies first and breaks cycles deterministically", () => {
    const imports: Record<string, string[]> = {
      "app.ts": ["routes.ts", "db.ts"],
      "routes.ts": ["db.ts", "util.ts"],
      "db.ts": ["util.ts"],
      "util.ts": [],
      "a.ts": ["b.ts"],
      "b.ts": ["a.ts"],
    };
    const order = dependencyOrder(Object.keys(imports), (f) => imports[f] ?? []);
    expect(order).toEqual(["b.ts", "a.ts", "util.ts", "db.ts", "routes.ts", "app.ts"]);
    expect(dependencyOrder([...Object.keys(imports)].reverse(), (f) => imports[f] ?? [])).toEqual(order);
  });
});
