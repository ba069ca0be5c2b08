import { describe, expect, it } from "vitest";
import { parseMemoryFile } from "./memory-repo-files.js";

const byName = (deps: { name: string }[]) => Object.fromEntries(deps.map((d) => [d.name, d]));

const PARENT = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>platform-parent</artifactId>
  <version>2.3.0</version>
  <packaging>pom</packaging>
  <modules><module>service</module></modules>
  <properties>
    <jackson.version>2.9.10</jackson.version>
    <log4j.version>2.14.1</log4j.version>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.apache.logging.log4j</groupId>
        <artifactId>log4j-core</artifactId>
        <version>\${log4j.version}</version>
      </dependency>
      <dependency>
        <groupId>junit</groupId>
        <artifactId>junit</artifactId>
        <version>4.12</version>
        <scope>test</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
</project>
`;

const SERVICE = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>com.example</groupId>
    <artifactId>platform-parent</artifactId>
    <version>2.3.0</version>
  </parent>
  <artifactId>service</artifactId>
  <properties>
    <spring.version>5.3.17</spring.version>
    <jackson.databind.version>\${jackson.version}.7</jackson.databind.version>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.springframework</groupId>
      <artifactId>spring-webmvc</artifactId>
      <version>\${spring.version}</version>
    </dependency>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
      <version>\${jackson.databind.version}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-core</artifactId>
    </dependency>
    <dependency>
      <groupId>junit</groupId>
      <artifactId>junit</artifactId>
    </dependency>
    <dependency>
      <groupId>\${project.groupId}</groupId>
      <artifactId>shared</artifactId>
      <version>\${project.version}</version>
    </dependency>
  </dependencies>
</project>
`;

describe("pom.xml", () => {
  it("resolves properties (own, the parent's, project.*) and dependencyManagement versions", () => {
    const deps = byName(
      parseMemoryFile({ "pom.xml": PARENT, "service/pom.xml": SERVICE }, "service/pom.xml"),
    );
    expect(deps["org.springframework:spring-webmvc"]).toMatchObject({
      version: "5.3.17",
      direct: true,
      dev: false,
    });
    expect(deps["com.fasterxml.jackson.core:jackson-databind"]).toMatchObject({ version: "2.9.10.7" });
    expect(deps["org.apache.logging.log4j:log4j-core"]).toMatchObject({
      version: "2.14.1",
      requirement: ["$", "{log4j.version}"].join(""), // the property reference as written
    });
    expect(deps["junit:junit"]).toMatchObject({ version: "4.12", dev: true });
    expect(deps["com.example:shared"]).toMatchObject({ version: "2.3.0" });
  });

  it("finds the parent by coordinates when it is not at ../pom.xml", () => {
    const service = SERVICE.replace(
      "<version>2.3.0</version>\n  </parent>",
      "<version>2.3.0</version>\n    <relativePath>../parent</relativePath>\n  </parent>",
    );
    const deps = byName(
      parseMemoryFile({ "build/parent-pom/pom.xml": PARENT, "service/pom.xml": service }, "service/pom.xml"),
    );
    expect(deps["org.apache.logging.log4j:log4j-core"]).toMatchObject({ version: "2.14.1" });
  });

  it("names the line of broken XML", () => {
    expect(() => parseMemoryFile({ "pom.xml": "<project>\n<dependencies>\n</project>" }, "pom.xml")).toThrow(
      /^pom.xml:\d+: not valid XML/,
    );
  });
});

describe("go.mod and go.sum", () => {
  const GO_MOD = `module example.com/billing

go 1.21

toolchain go1.21.5

require (
	github.com/gin-gonic/gin v1.7.0
	golang.org/x/crypto v0.0.0-20210220033124-5f55cee0dc0d
	golang.org/x/net v0.7.0 // indirect
	github.com/old/lib v1.0.0
	example.com/local v0.0.0
)

require github.com/docker/docker v20.10.7+incompatible

replace github.com/old/lib => github.com/new/lib v1.2.0

replace example.com/local => ../local

exclude golang.org/x/text v0.3.0
`;

  it("reads requires, // indirect, +incompatible and replace directives", () => {
    const deps = byName(parseMemoryFile({ "go.mod": GO_MOD }, "go.mod"));
    expect(deps["github.com/gin-gonic/gin"]).toMatchObject({ version: "v1.7.0", direct: true });
    expect(deps["golang.org/x/crypto"]).toMatchObject({ version: "v0.0.0-20210220033124-5f55cee0dc0d" });
    expect(deps["golang.org/x/net"]).toMatchObject({ direct: false });
    expect(deps["github.com/docker/docker"]).toMatchObject({ version: "v20.10.7+incompatible" });
    expect(deps["github.com/new/lib"]).toMatchObject({
      version: "v1.2.0",
      path: ["github.com/old/lib", "github.com/new/lib"],
    });
    expect(deps["github.com/old/lib"]).toBeUndefined();
    expect(deps["example.com/local"]).toBeUndefined();
  });

  it("names the line of a bad directive", () => {
    expect(() => parseMemoryFile({ "go.mod": "module x\n\nrequire github.com/a/b\n" }, "go.mod")).toThrow(
      /^go.mod:3: usage: require/,
    );
    expect(() => parseMemoryFile({ "go.mod": "module x\nrequire (\n" }, "go.mod")).toThrow(/never closed/);
  });

  it("go.sum adds modules only for a pre-1.17 go.mod, at the highest version with code", () => {
    const sum = `github.com/gin-gonic/gin v1.7.0 h1:jGB9xAJQ12AIGNB4HguylppmDK1Am9ppF7XnGXXJuoU=
github.com/gin-gonic/gin v1.7.0/go.mod h1:jD2toBW3GZUr5UMcdrwQA10I7RuaFOl/SGeDjXkfUtY=
github.com/ugorji/go/codec v1.1.7 h1:2SvQaVZ1ouYrrKKwoSk2pzd4A9evlKJb9oTL+OaLUSs=
github.com/ugorji/go/codec v1.2.6 h1:7kbGefxLoDBuYXOms4yD7223OpNMMPNPZxXk5TvFcyQ=
github.com/only/gomod v1.0.0/go.mod h1:abc=
`;
    const old = GO_MOD.replace("go 1.21", "go 1.16");
    const deps = parseMemoryFile({ "go.mod": old, "go.sum": sum }, "go.sum");
    expect(deps).toEqual([
      expect.objectContaining({ name: "github.com/ugorji/go/codec", version: "v1.2.6", direct: false }),
    ]);
    expect(parseMemoryFile({ "go.mod": GO_MOD, "go.sum": sum }, "go.sum")).toEqual([]);
    expect(() => parseMemoryFile({ "go.sum": "garbage line\n" }, "go.sum")).toThrow(/^go.sum:1: expected/);
  });
});
