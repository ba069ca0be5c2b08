import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { InputError } from "@uplift/core";
import { describe, expect, it } from "vitest";
import { scanRepositories } from "./scan-repositories.js";

function tree(root: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const advisory = (
  id: string,
  ecosystem: string,
  name: string,
  events: Record<string, string>[],
  extra = {},
) =>
  JSON.stringify({
    id,
    affected: [{ package: { ecosystem, name }, ranges: [{ type: "ECOSYSTEM", events }] }],
    ...extra,
  });

const work = mkdtempSync(path.join(tmpdir(), "upkeep-scan-unit-"));
const osv = tree(path.join(work, "osv"), {
  "a.json": advisory("NPM-1", "npm", "lodash", [{ introduced: "0" }, { fixed: "4.17.21" }]),
  "b.json": advisory("NPM-2", "npm", "lodash", [{ introduced: "4.0.0" }, { fixed: "4.17.12" }]),
  "c.json": advisory("PY-1", "PyPI", "PyYAML", [{ introduced: "0" }, { fixed: "5.4" }], {
    database_specific: { severity: "MODERATE" },
  }),
  "d.json": advisory("MVN-1", "Maven", "org.yaml:snakeyaml", [{ introduced: "0" }, { fixed: "2.0" }]),
});

describe("scanRepositories", () => {
  it("uses the workspace's root lock for every package.json under it, reporting each advisory once per install", async () => {
    const repo = tree(path.join(work, "mono"), {
      "package.json": JSON.stringify({ name: "mono", workspaces: ["packages/*"] }),
      "packages/web/package.json": JSON.stringify({ name: "web", dependencies: { lodash: "^4.17.0" } }),
      "package-lock.json": JSON.stringify({
        lockfileVersion: 3,
        packages: {
          "": { name: "mono", workspaces: ["packages/*"] },
          "node_modules/web": { resolved: "packages/web", link: true },
          "packages/web": { name: "web", dependencies: { lodash: "^4.17.0" } },
          "node_modules/lodash": { version: "4.17.11" },
        },
      }),
    });
    const report = await scanRepositories({ repos: [repo], advisoriesDir: osv });
    const [scan] = report.repositories;
    expect(scan?.dependencies).toBe(1);
    expect(scan?.findings.map((f) => [f.advisory_id, f.version, f.direct, f.fixed_version])).toEqual([
      ["NPM-1", "4.17.11", true, "4.17.21"],
      ["NPM-2", "4.17.11", true, "4.17.12"],
    ]);
    expect(report.rollup.map((r) => r.advisory_id)).toEqual(["NPM-1", "NPM-2"]);
  });

  it("scans a Gradle build through its lock file, the build script saying what is direct", async () => {
    const repo = tree(path.join(work, "gradle-app"), {
      "build.gradle.kts": 'dependencies {\n  implementation("org.yaml:snakeyaml:1.30")\n}\n',
      "gradle.lockfile": "org.yaml:snakeyaml:1.33=compileClasspath,runtimeClasspath\n",
      "lib/build.gradle": "dependencies {\n  implementation 'org.yaml:snakeyaml:1.26'\n}\n",
    });
    const report = await scanRepositories({ repos: [repo], advisoriesDir: osv });
    const [scan] = report.repositories;
    // the root's resolved 1.33 (direct: declared next to the lock), and lib's own declaration
    expect(scan?.findings.map((f) => [f.file, f.version, f.direct, f.fixed_version])).toEqual([
      ["gradle.lockfile", "1.33", true, "2.0"],
      ["lib/build.gradle", "1.26", true, "2.0"],
    ]);
  });

  it("reports a broken manifest next to a good lock and still scans the lock", async () => {
    const repo = tree(path.join(work, "py"), {
      "pyproject.toml": "[tool.poetry\n",
      "poetry.lock": '[[package]]\nname = "PyYAML"\nversion = "5.3.1"\n',
      "java/pom.xml":
        "<project><dependencies><dependency><groupId>org.yaml</groupId><artifactId>snakeyaml</artifactId><version>1.33</version></dependency></dependencies></project>",
    });
    const report = await scanRepositories({ repos: [repo], advisoriesDir: osv });
    const [scan] = report.repositories;
    expect(scan?.errors).toEqual([
      { file: "pyproject.toml", message: expect.stringMatching(/^pyproject.toml: not valid TOML/) },
    ]);
    // most severe first; the pom has no CVSS and no database severity
    expect(scan?.findings.map((f) => [f.package, f.severity, f.file])).toEqual([
      ["PyYAML", "medium", "poetry.lock"],
      ["org.yaml:snakeyaml", "unknown", "java/pom.xml"],
    ]);
    expect(report.summary?.errors).toBe(1);
  });

  it("filters by minimum severity before the roll-up", async () => {
    const repo = tree(path.join(work, "filtered"), { "requirements.txt": "pyyaml==5.3.1\n" });
    const all = await scanRepositories({ repos: [repo], advisoriesDir: osv });
    expect(all.rollup).toHaveLength(1);
    const high = await scanRepositories({ repos: [repo], advisoriesDir: osv, minSeverity: "high" });
    expect(high.repositories[0]?.findings).toEqual([]);
    expect(high.rollup).toEqual([]);
  });

  it("refuses missing repositories and an empty list", async () => {
    await expect(scanRepositories({ repos: [], advisoriesDir: osv })).rejects.toBeInstanceOf(InputError);
    await expect(scanRepositories({ repos: [path.join(work, "ghost")], advisoriesDir: osv })).rejects.toThrow(
      /ghost/,
    );
  });
});
