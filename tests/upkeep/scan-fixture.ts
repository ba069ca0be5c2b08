import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Writes `files` under `root` (creating folders) and returns root. */
export function writeTree(root: string, files: Record<string, string>): string {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

const osv = (record: Record<string, unknown>) =>
  `${JSON.stringify({ schema_version: "1.6.0", modified: "2024-01-01T00:00:00Z", ...record }, null, 2)}\n`;

/**
 * OSV records written from the public advisories' facts (ids, affected ranges, fixed versions,
 * CVSS vectors as published), for the real packages the fixture repositories pin.
 */
export const ADVISORIES: Record<string, string> = {
  // minimist prototype pollution, CVE-2021-44906
  "npm/GHSA-xvch-5gv4-984h.json": osv({
    id: "GHSA-xvch-5gv4-984h",
    aliases: ["CVE-2021-44906"],
    summary: "Prototype Pollution in minimist",
    severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }],
    affected: [
      {
        package: { ecosystem: "npm", name: "minimist" },
        ranges: [{ type: "SEMVER", events: [{ introduced: "0" }, { fixed: "0.2.4" }] }],
      },
      {
        package: { ecosystem: "npm", name: "minimist" },
        ranges: [{ type: "SEMVER", events: [{ introduced: "1.0.0" }, { fixed: "1.2.6" }] }],
      },
    ],
    database_specific: { severity: "CRITICAL" },
  }),
  // qs prototype pollution, CVE-2022-24999 (several fixed lines)
  "npm/GHSA-hrpp-h998-j3pp.json": osv({
    id: "GHSA-hrpp-h998-j3pp",
    aliases: ["CVE-2022-24999"],
    summary: "qs vulnerable to Prototype Pollution",
    severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H" }],
    affected: [
      {
        package: { ecosystem: "npm", name: "qs" },
        ranges: [
          {
            type: "SEMVER",
            events: [
              { introduced: "6.7.0" },
              { fixed: "6.7.3" },
              { introduced: "6.8.0" },
              { fixed: "6.8.3" },
            ],
          },
        ],
      },
    ],
  }),
  // Django SQL injection in QuerySet.annotate(), CVE-2022-28346
  "pypi/GHSA-2gwj-7jmv-h26r.json": osv({
    id: "GHSA-2gwj-7jmv-h26r",
    aliases: ["CVE-2022-28346"],
    summary: "SQL Injection in Django",
    severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }],
    affected: [
      {
        package: { ecosystem: "PyPI", name: "django" },
        ranges: [
          {
            type: "ECOSYSTEM",
            events: [
              { introduced: "2.2" },
              { fixed: "2.2.28" },
              { introduced: "3.2" },
              { fixed: "3.2.13" },
              { introduced: "4.0" },
              { fixed: "4.0.4" },
            ],
          },
        ],
      },
    ],
  }),
  // Log4Shell, CVE-2021-44228
  "maven/GHSA-jfh8-c2jp-5v3q.json": osv({
    id: "GHSA-jfh8-c2jp-5v3q",
    aliases: ["CVE-2021-44228"],
    summary: "Remote code injection in Log4j",
    severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H" }],
    affected: [
      {
        package: { ecosystem: "Maven", name: "org.apache.logging.log4j:log4j-core" },
        ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "2.0-beta9" }, { fixed: "2.15.0" }] }],
      },
    ],
  }),
  // gin: the "X-Forwarded-For" client IP spoofing, CVE-2020-28483 (severity as GitHub rates it)
  "go/GHSA-h395-qcrw-5vmq.json": osv({
    id: "GHSA-h395-qcrw-5vmq",
    aliases: ["CVE-2020-28483"],
    summary: "Inconsistent Interpretation of HTTP Requests in github.com/gin-gonic/gin",
    affected: [
      {
        package: { ecosystem: "Go", name: "github.com/gin-gonic/gin" },
        ranges: [{ type: "SEMVER", events: [{ introduced: "0" }, { fixed: "1.7.7" }] }],
      },
    ],
    database_specific: { severity: "HIGH" },
  }),
  // a withdrawn record must never match
  "npm/GHSA-withdrawn.json": osv({
    id: "GHSA-0000-withdrawn",
    withdrawn: "2024-02-01T00:00:00Z",
    affected: [
      {
        package: { ecosystem: "npm", name: "minimist" },
        ranges: [{ type: "SEMVER", events: [{ introduced: "0" }] }],
      },
    ],
  }),
};

const packageLock = (root: Record<string, unknown>, packages: Record<string, unknown>) =>
  JSON.stringify(
    {
      name: "app",
      version: "1.0.0",
      lockfileVersion: 3,
      requires: true,
      packages: { "": root, ...packages },
    },
    null,
    2,
  );

/** Four repositories (two npm, Python, Maven + Go) pinning real vulnerable versions. */
export function writeScanOrg(work: string): Record<"shop" | "checkout" | "billing" | "platform", string> {
  const shop = writeTree(path.join(work, "shop"), {
    "package.json": JSON.stringify({ name: "shop", dependencies: { minimist: "1.2.5", express: "4.17.1" } }),
    "package-lock.json": packageLock(
      { name: "shop", dependencies: { minimist: "1.2.5", express: "4.17.1" } },
      {
        "node_modules/minimist": { version: "1.2.5" },
        "node_modules/express": { version: "4.17.1", dependencies: { qs: "6.7.0" } },
        "node_modules/qs": { version: "6.7.0" },
      },
    ),
  });
  const checkout = writeTree(path.join(work, "checkout"), {
    "package.json": JSON.stringify({ name: "checkout", devDependencies: { mkdirp: "^0.5.5" } }),
    "package-lock.json": packageLock(
      { name: "checkout", devDependencies: { mkdirp: "^0.5.5" } },
      {
        "node_modules/mkdirp": { version: "0.5.5", dev: true, dependencies: { minimist: "^1.2.5" } },
        "node_modules/minimist": { version: "1.2.5", dev: true },
      },
    ),
  });
  const billing = writeTree(path.join(work, "billing"), {
    "requirements.txt": "# app\nDjango==3.2.12 --hash=sha256:0a2a9a3b1c5f\nrequests>=2.31.0\n",
  });
  const platform = writeTree(path.join(work, "platform"), {
    "pom.xml": `<project>
  <groupId>com.example</groupId>
  <artifactId>platform</artifactId>
  <version>1.0.0</version>
  <properties><log4j2.version>2.14.1</log4j2.version></properties>
  <dependencies>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-core</artifactId>
      <version>\${log4j2.version}</version>
    </dependency>
  </dependencies>
</project>
`,
    "gateway/go.mod": "module example.com/gateway\n\ngo 1.21\n\nrequire github.com/gin-gonic/gin v1.7.0\n",
  });
  return { shop, checkout, billing, platform };
}
