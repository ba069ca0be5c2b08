import { writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../cli/run-cli.js";
import { ADVISORIES, writeScanOrg, writeTree } from "./scan-fixture.js";

let work: string;
let advisories: string;
let repos: ReturnType<typeof writeScanOrg>;

function uplift(...args: string[]) {
  const result = runCli(["--data-dir", path.join(work, "data"), ...args]);
  return { ...result, json: () => JSON.parse(result.stdout) };
}

const repoArgs = () => Object.values(repos).flatMap((r) => ["--repo", r]);

beforeAll(() => {
  work = tempDir("uplift-upkeep-scan-");
  advisories = writeTree(path.join(work, "osv"), ADVISORIES);
  repos = writeScanOrg(work);
});

describe("uplift upkeep scan", () => {
  it("reports findings per repository with paths, fixed versions and CVSS severities, and the roll-up", () => {
    const result = uplift("upkeep", "scan", ...repoArgs(), "--advisories", advisories, "--json");
    expect(result.status, result.stderr).toBe(0);
    const report = result.json();
    const repo = (name: string) => report.repositories.find((r: { repo: string }) => r.repo === name);

    expect(repo("shop").findings).toEqual([
      expect.objectContaining({
        advisory_id: "GHSA-xvch-5gv4-984h",
        aliases: ["CVE-2021-44906"],
        package: "minimist",
        version: "1.2.5",
        direct: true,
        path: ["minimist"],
        file: "package-lock.json",
        fixed_version: "1.2.6",
        severity: "critical",
        cvss_score: 9.8,
      }),
      expect.objectContaining({
        advisory_id: "GHSA-hrpp-h998-j3pp",
        package: "qs",
        version: "6.7.0",
        direct: false,
        path: ["express", "qs"],
        fixed_version: "6.7.3",
        severity: "high",
        cvss_score: 7.5,
      }),
    ]);
    expect(repo("checkout").findings).toEqual([
      expect.objectContaining({
        package: "minimist",
        path: ["mkdirp", "minimist"],
        direct: false,
        dev: true,
      }),
    ]);
    expect(repo("billing").findings).toEqual([
      expect.objectContaining({
        package: "Django",
        version: "3.2.12",
        fixed_version: "3.2.13",
        severity: "critical",
      }),
    ]);
    expect(repo("platform").findings).toEqual([
      expect.objectContaining({
        advisory_id: "GHSA-jfh8-c2jp-5v3q",
        package: "org.apache.logging.log4j:log4j-core",
        version: "2.14.1",
        fixed_version: "2.15.0",
        severity: "critical",
        cvss_score: 10,
        file: "pom.xml",
      }),
      expect.objectContaining({
        advisory_id: "GHSA-h395-qcrw-5vmq",
        package: "github.com/gin-gonic/gin",
        file: "gateway/go.mod",
        fixed_version: "v1.7.7",
        severity: "high",
      }),
    ]);
    expect(report.rollup[0]).toMatchObject({
      advisory_id: "GHSA-xvch-5gv4-984h",
      repositories: 2,
      repository_names: ["shop", "checkout"],
      fixed_version: "1.2.6",
    });
    expect(report.rollup).toHaveLength(5);
    expect(report.advisories).toMatchObject({ loaded: 5, withdrawn: 1, skipped: [] });
    expect(report.summary).toMatchObject({ repositories: 4, findings: 6, errors: 0 });
  });

  it("renders a table per repository and the roll-up as text", () => {
    const result = uplift(
      "upkeep",
      "scan",
      "--repo",
      repos.shop,
      "--repo",
      repos.checkout,
      "--advisories",
      advisories,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("shop (");
    expect(result.stdout).toMatch(
      /critical 9\.8\s+GHSA-xvch-5gv4-984h\s+minimist\s+1\.2\.5\s+1\.2\.6\s+direct/,
    );
    expect(result.stdout).toMatch(
      /Organisation roll-up\n.*\n\s+GHSA-xvch-5gv4-984h\s+critical\s+minimist \(npm\)\s+2\s+1\.2\.6/,
    );
  });

  it("filters by --severity, and --fail-on exits 1 for CI", () => {
    const critical = uplift(
      "upkeep",
      "scan",
      ...repoArgs(),
      "--advisories",
      advisories,
      "--severity",
      "critical",
      "--json",
    );
    expect(critical.status).toBe(0);
    const severities = critical
      .json()
      .repositories.flatMap((r: { findings: { severity: string }[] }) => r.findings.map((f) => f.severity));
    expect(new Set(severities)).toEqual(new Set(["critical"]));

    expect(
      uplift(
        "upkeep",
        "scan",
        "--repo",
        repos.billing,
        "--advisories",
        advisories,
        "--fail-on",
        "high",
        "--json",
      ).status,
    ).toBe(1);
    const clean = writeTree(path.join(work, "clean"), { "requirements.txt": "Django==3.2.13\n" });
    expect(
      uplift("upkeep", "scan", "--repo", clean, "--advisories", advisories, "--fail-on", "low", "--json")
        .status,
    ).toBe(0);
  });

  it("reads --repos-from, one path per line relative to the file", () => {
    const list = path.join(work, "repos.txt");
    writeFileSync(list, "# the Python services\nbilling\n\nplatform  # JVM + Go\n");
    const result = uplift("upkeep", "scan", "--repos-from", list, "--advisories", advisories, "--json");
    expect(result.status, result.stderr).toBe(0);
    expect(result.json().repositories.map((r: { repo: string }) => r.repo)).toEqual(["billing", "platform"]);
  });

  it("names unparsable manifests and advisory files, counts them and goes on", () => {
    const broken = writeTree(path.join(work, "broken"), {
      "package.json": '{ "dependencies": { "minimist": "1.2.5" ',
      "service/requirements.txt": "Django==3.2.12\nflask==>2\n",
      "api/go.mod": "module x\n\nrequire github.com/gin-gonic/gin v1.7.0\n",
    });
    const osv = writeTree(path.join(work, "osv-broken"), {
      ...ADVISORIES,
      "npm/truncated.json": '{"id": "GHSA-trunc", "affected": [',
      "npm/not-osv.json": JSON.stringify({ affected: [{ package: { ecosystem: "npm", name: "x" } }] }),
    });
    const result = uplift("upkeep", "scan", "--repo", broken, "--advisories", osv, "--json");
    expect(result.status, result.stderr).toBe(0);
    const report = result.json();
    const repo = report.repositories[0];
    expect(repo.errors.map((e: { file: string }) => e.file).sort()).toEqual([
      "package.json",
      "service/requirements.txt",
    ]);
    expect(repo.errors.find((e: { file: string }) => e.file === "service/requirements.txt").message).toMatch(
      /service\/requirements.txt:2/,
    );
    expect(repo.findings.map((f: { package: string }) => f.package)).toEqual(["github.com/gin-gonic/gin"]);
    expect(report.advisories.skipped.map((s: { file: string }) => s.file).sort()).toEqual([
      "npm/not-osv.json",
      "npm/truncated.json",
    ]);
    expect(report.summary.errors).toBe(2);
  });

  it("exits 2 when the advisories directory or a repository is missing", () => {
    const noDir = uplift(
      "upkeep",
      "scan",
      "--repo",
      repos.shop,
      "--advisories",
      path.join(work, "nope"),
      "--json",
    );
    expect(noDir.status).toBe(2);
    expect(noDir.stderr).toContain("nope");
    expect(uplift("upkeep", "scan", "--repo", repos.shop, "--json").status).toBe(2);
    const noRepo = uplift("upkeep", "scan", "--repo", path.join(work, "ghost"), "--advisories", advisories);
    expect(noRepo.status).toBe(2);
    expect(noRepo.stderr).toContain("ghost");
    expect(uplift("upkeep", "scan", "--advisories", advisories).status).toBe(2);
    expect(
      uplift("upkeep", "scan", "--repo", repos.shop, "--advisories", advisories, "--fail-on", "severe")
        .status,
    ).toBe(2);
  });
});
