import { describe, expect, it } from "vitest";
import { parseMemoryFile } from "./memory-repo-files.js";

describe("Gradle", () => {
  it("reads literal coordinates from build.gradle.kts and build.gradle, not variables, catalogs or comments", () => {
    const kts = [
      'plugins { kotlin("jvm") version "2.0.0" }',
      "dependencies {",
      '    implementation("com.squareup.okhttp3:okhttp:4.9.0")',
      '    api(platform("org.springframework.boot:spring-boot-dependencies:3.1.0"))',
      '    testImplementation("junit:junit:4.12")',
      '    implementation("com.google.guava:guava:$guavaVersion")',
      '    implementation("org.slf4j:slf4j-api:1.+")',
      "    implementation(libs.jackson.databind)",
      '    // implementation("org.apache.logging.log4j:log4j-core:2.14.1")',
      "}",
    ].join("\n");
    const deps = parseMemoryFile({ "app/build.gradle.kts": kts }, "app/build.gradle.kts");
    expect(deps.map((d) => [d.name, d.version, d.dev])).toEqual([
      ["com.squareup.okhttp3:okhttp", "4.9.0", false],
      ["org.springframework.boot:spring-boot-dependencies", "3.1.0", false],
      ["junit:junit", "4.12", true],
    ]);
    const groovy = "dependencies {\n  compile 'commons-collections:commons-collections:3.2.1'\n}\n";
    expect(parseMemoryFile({ "build.gradle": groovy }, "build.gradle")).toMatchObject([
      {
        name: "commons-collections:commons-collections",
        version: "3.2.1",
        direct: true,
        file: "build.gradle",
      },
    ]);
  });

  it("reads a version catalog: plain strings, module with version or version.ref, group and name", () => {
    const toml = [
      "[versions]",
      'jackson = "2.9.10"',
      'log4j = { strictly = "2.14.1" }',
      "[libraries]",
      'okhttp = "com.squareup.okhttp3:okhttp:4.9.0"',
      'jackson-databind = { module = "com.fasterxml.jackson.core:jackson-databind", version.ref = "jackson" }',
      'log4j-core = { group = "org.apache.logging.log4j", name = "log4j-core", version.ref = "log4j" }',
      'guava = { module = "com.google.guava:guava", version = "32.0.0-jre" }',
      'bom-managed = { module = "org.springframework:spring-core" }',
    ].join("\n");
    const deps = parseMemoryFile({ "gradle/libs.versions.toml": toml }, "gradle/libs.versions.toml");
    expect(deps.map((d) => [d.name, d.version])).toEqual([
      ["com.squareup.okhttp3:okhttp", "4.9.0"],
      ["com.fasterxml.jackson.core:jackson-databind", "2.9.10"],
      ["org.apache.logging.log4j:log4j-core", "2.14.1"],
      ["com.google.guava:guava", "32.0.0-jre"],
    ]);
  });

  it("reads a dependency lock file: the resolved graph, test-only modules as dev", () => {
    const lock = [
      "# This is a Gradle generated file for dependency locking.",
      "com.fasterxml.jackson.core:jackson-databind:2.9.10.7=compileClasspath,runtimeClasspath",
      "junit:junit:4.12=testCompileClasspath,testRuntimeClasspath",
      "empty=annotationProcessor",
    ].join("\n");
    expect(parseMemoryFile({ "gradle.lockfile": lock }, "gradle.lockfile")).toMatchObject([
      { name: "com.fasterxml.jackson.core:jackson-databind", version: "2.9.10.7", direct: false, dev: false },
      { name: "junit:junit", version: "4.12", dev: true },
    ]);
  });

  it("names the file and line of a lock entry it cannot read", () => {
    expect(() => parseMemoryFile({ "gradle.lockfile": "not a coordinate\n" }, "gradle.lockfile")).toThrow(
      'gradle.lockfile:1: expected "group:artifact:version=configurations"',
    );
  });
});
