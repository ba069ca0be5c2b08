import { describe, expect, it } from "vitest";
import { mavenCoordinates, packageNamesOf, pythonTopLevelPackages } from "./manifests.js";
import { moduleTargets, pathMatchesTarget, type RepoPackage } from "./resolve-module.js";

describe("package manifests", () => {
  it("reads npm, Go, Python and .csproj names with the manifest's directory", () => {
    expect(packageNamesOf("packages/money/package.json", '{"name":"@acme/money"}')).toEqual([
      { name: "@acme/money", ecosystem: "npm", dir: "packages/money" },
    ]);
    expect(packageNamesOf("go.mod", "module github.com/acme/money\n\ngo 1.22\n")).toEqual([
      { name: "github.com/acme/money", ecosystem: "go", dir: "" },
    ]);
    expect(
      packageNamesOf("pyproject.toml", '[build-system]\nrequires = ["x"]\n[project]\nname = "acme-money"\n'),
    ).toEqual([{ name: "acme_money", ecosystem: "python", dir: "" }]);
    expect(packageNamesOf("setup.cfg", "[metadata]\nname = billing\n")[0]?.name).toBe("billing");
    expect(packageNamesOf("src/Acme.Money.csproj", "<Project></Project>")[0]).toEqual({
      name: "Acme.Money",
      ecosystem: "nuget",
      dir: "src",
    });
    expect(packageNamesOf("package.json", "{ not json")).toEqual([]);
  });

  it("takes the project's Maven coordinates, not its parent's or a dependency's", () => {
    const pom = `<project><parent><groupId>com.acme</groupId><artifactId>parent</artifactId></parent>
      <artifactId>money</artifactId>
      <dependencies><dependency><groupId>junit</groupId><artifactId>junit</artifactId></dependency></dependencies></project>`;
    expect(mavenCoordinates(pom)).toBe("com.acme:money");
  });

  it("finds Python top-level packages from __init__.py files", () => {
    expect(
      pythonTopLevelPackages([
        "src/acme/__init__.py",
        "src/acme/money/__init__.py",
        "tools/__init__.py",
        "setup.py",
      ]),
    ).toEqual([
      { name: "acme", ecosystem: "python", dir: "src/acme" },
      { name: "tools", ecosystem: "python", dir: "tools" },
    ]);
  });
});

describe("moduleTargets", () => {
  const packages: RepoPackage[] = [
    { repo: "lib", name: "@acme/money", ecosystem: "npm", dir: "" },
    { repo: "mono", name: "@acme/ui", ecosystem: "npm", dir: "packages/ui" },
    { repo: "gomoney", name: "github.com/acme/money", ecosystem: "go", dir: "" },
    { repo: "pymoney", name: "acme", ecosystem: "python", dir: "src/acme" },
  ];

  it("resolves package imports to the repository that defines them", () => {
    expect(moduleTargets("@acme/money", "src/a.ts", "typescript", packages)).toEqual([
      { repo: "lib", pathPrefix: "", directoryOnly: false },
    ]);
    expect(moduleTargets("@acme/ui/button", "src/a.ts", "tsx", packages)).toEqual([
      { repo: "mono", pathPrefix: "packages/ui", directoryOnly: false },
    ]);
    expect(moduleTargets("github.com/acme/money/format", "main.go", "go", packages)).toEqual([
      { repo: "gomoney", pathPrefix: "format", directoryOnly: true },
    ]);
    expect(moduleTargets("acme.money.format", "app.py", "python", packages)).toEqual([
      { repo: "pymoney", pathPrefix: "src/acme/money/format", directoryOnly: false },
    ]);
    expect(moduleTargets("lodash", "src/a.ts", "typescript", packages)).toEqual([]);
  });

  it("resolves relative imports within the importing repository", () => {
    expect(moduleTargets("../lib/format.js", "src/app/receipt.ts", "typescript", packages)).toEqual([
      { repo: undefined, pathPrefix: "src/lib/format", directoryOnly: false },
    ]);
    expect(moduleTargets("..util", "pkg/sub/a.py", "python", packages)).toEqual([
      { repo: undefined, pathPrefix: "pkg/util", directoryOnly: false },
    ]);
  });

  it("matches files under a target by prefix, or directly in a Go package directory", () => {
    const ts = { repo: "lib", pathPrefix: "src/lib/format", directoryOnly: false };
    expect(pathMatchesTarget("src/lib/format.ts", ts)).toBe(true);
    expect(pathMatchesTarget("src/lib/format/index.ts", ts)).toBe(true);
    expect(pathMatchesTarget("src/lib/formatter.ts", ts)).toBe(false);
    const go = { repo: "gomoney", pathPrefix: "format", directoryOnly: true };
    expect(pathMatchesTarget("format/amount.go", go)).toBe(true);
    expect(pathMatchesTarget("format/sub/x.go", go)).toBe(false);
  });
});
