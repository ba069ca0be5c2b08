import { describe, expect, it } from "vitest";
import type { BumpTarget } from "../types.js";
import { goBumper } from "./go-bump.js";
import { mavenBumper } from "./maven-bump.js";
import { npmBumper } from "./npm-bump.js";
import { pythonBumper } from "./python-bump.js";

const target = (ecosystem: BumpTarget["ecosystem"], pkg: string, to: string, direct = true): BumpTarget => ({
  ecosystem,
  package: pkg,
  from: null,
  to,
  direct,
  advisories: [],
});

describe("manifest bumpers", () => {
  it("keeps the range operator and the formatting of package.json", () => {
    const text = '{\n  "dependencies": {\n    "marked": "^3.0.8",\n    "minimist": "1.2.5"\n  }\n}\n';
    const out = npmBumper.rewrite("package.json", text, target("npm", "marked", "4.0.10"));
    expect(out?.text).toBe(
      '{\n  "dependencies": {\n    "marked": "^4.0.10",\n    "minimist": "1.2.5"\n  }\n}\n',
    );
    expect(out?.edit).toMatchObject({ from: "^3.0.8", to: "^4.0.10", after: '"marked": "^4.0.10",' });
  });

  it("pins a transitive npm dependency through overrides", () => {
    const out = npmBumper.rewrite(
      "package.json",
      '{\n  "name": "a"\n}\n',
      target("npm", "minimist", "1.2.6", false),
    );
    expect(JSON.parse(out?.text ?? "")).toEqual({ name: "a", overrides: { minimist: "1.2.6" } });
  });

  it("leaves a package.json alone when the version is already the target", () => {
    expect(
      npmBumper.rewrite("package.json", '{"dependencies":{"a":"1.0.0"}}', target("npm", "a", "1.0.0")),
    ).toBeUndefined();
  });

  it("rewrites requirements with PEP 503 names, extras and markers", () => {
    const text = "flask==2.0.0\nRequests[socks] == 2.25.0 ; python_version >= '3.8'  # http\n";
    const out = pythonBumper.rewrite("requirements.txt", text, target("PyPI", "requests", "2.31.0"));
    expect(out?.text).toBe("flask==2.0.0\nRequests[socks] == 2.31.0 ; python_version >= '3.8'  # http\n");
    expect(out?.edit.from).toBe("2.25.0");
  });

  it("rewrites PEP 621 and Poetry pyproject entries", () => {
    const pep621 = '[project]\ndependencies = [\n  "requests>=2.25.0",\n]\n';
    expect(
      pythonBumper.rewrite("pyproject.toml", pep621, target("PyPI", "requests", "2.31.0"))?.text,
    ).toContain('"requests>=2.31.0",');
    const poetry = '[tool.poetry.dependencies]\nrequests = "^2.25.0"\n';
    expect(pythonBumper.rewrite("pyproject.toml", poetry, target("PyPI", "requests", "2.31.0"))?.text).toBe(
      '[tool.poetry.dependencies]\nrequests = "^2.31.0"\n',
    );
  });

  it("rewrites go.mod require lines and blocks, keeping // indirect", () => {
    const block =
      "module m\n\nrequire (\n\tgolang.org/x/text v0.3.5 // indirect\n\tgithub.com/a/b v1.0.0\n)\n";
    expect(goBumper.rewrite("go.mod", block, target("Go", "golang.org/x/text", "0.3.8"))?.text).toContain(
      "\tgolang.org/x/text v0.3.8 // indirect\n",
    );
    const added = goBumper.rewrite(
      "go.mod",
      "module m\n",
      target("Go", "golang.org/x/text", "v0.3.8", false),
    );
    expect(added?.text).toBe("module m\n\nrequire golang.org/x/text v0.3.8 // indirect\n");
  });

  it("rewrites a pom.xml version, or the property it refers to", () => {
    const literal =
      "<project><dependencies><dependency><groupId>org.yaml</groupId><artifactId>snakeyaml</artifactId>" +
      "<version>1.33</version></dependency></dependencies></project>";
    expect(
      mavenBumper.rewrite("pom.xml", literal, target("Maven", "org.yaml:snakeyaml", "2.0"))?.text,
    ).toContain("<version>2.0</version>");
    const property =
      "<project><properties><snakeyaml.version>1.33</snakeyaml.version></properties><dependencies><dependency>" +
      "<groupId>org.yaml</groupId><artifactId>snakeyaml</artifactId><version>$" +
      "{snakeyaml.version}</version>" +
      "</dependency></dependencies></project>";
    const out = mavenBumper.rewrite("pom.xml", property, target("Maven", "org.yaml:snakeyaml", "2.0"));
    expect(out?.text).toContain("<snakeyaml.version>2.0</snakeyaml.version>");
    expect(out?.text).toContain(`<version>${"$"}{snakeyaml.version}</version>`);
    expect(out?.edit).toMatchObject({ from: "1.33", to: "2.0" });
  });
});
