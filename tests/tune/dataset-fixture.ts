import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DatasetSettings } from "@uplift/tune";

/** Fixture secrets are assembled at run time so that no literal key sits in the repository. */
export const AWS_KEY_ID = ["AKIA", "Z3MSJV4W", "WNQ7YBRT"].join("");
export const GITHUB_TOKEN = ["ghp_", "wWPw5k4aXcaT4fNP0Uc", "nZwJUVFk6LO0pINUx"].join("");

const fn = (name: string, body: string[]) =>
  `export function ${name}(input: number): number {\n${body.map((l) => `  ${l}`).join("\n")}\n  return input;\n}\n`;

/** A ~1.5 KB module of distinct code (its words depend on `seed`), for dedup tests. */
export function moduleText(seed: string, imports: string[] = []): string {
  const lines = imports.map((i) => `import { ${i.replace(/\W/g, "")} } from "./${i}.js";`);
  for (let i = 0; i < 12; i++)
    lines.push(
      fn(`${seed}Step${i}`, [
        `const ${seed}Value${i} = input * ${i + 3} + ${seed.length};`,
        `if (${seed}Value${i} > ${i * 7}) input -= ${seed}Value${i} % ${i + 2};`,
      ]),
    );
  return `${lines.join("\n")}\n`;
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

export function gitCommitAll(root: string, message: string): void {
  if (
    !execFileSync("git", ["rev-parse", "--is-inside-work-tree"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).includes("true")
  )
    throw new Error("not a repo");
  execFileSync("git", ["add", "-A"], { cwd: root });
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", message], {
    cwd: root,
  });
}

export function gitRepo(
  root: string,
  files: Record<string, string | Buffer>,
  message = "Initial import of the service",
): string {
  mkdirSync(root, { recursive: true });
  execFileSync("git", ["init", "-q"], { cwd: root });
  writeFiles(root, files);
  gitCommitAll(root, message);
  return root;
}

/** Settings with every default of the CLI, for `buildDataset`. */
export function settings(
  overrides: Partial<DatasetSettings> & Pick<DatasetSettings, "out">,
): DatasetSettings {
  return {
    repos: [],
    docs: [],
    history: false,
    historyLimit: 500,
    licences: ["MIT", "Apache-2.0", "BSD-3-Clause", "ISC"],
    unknownLicence: "include",
    decontaminate: [],
    tokenizer: "codellama",
    seqLen: 4096,
    fimRate: 0,
    fimSpmRate: 0.5,
    fimFormat: "codellama",
    shardSize: 1000,
    nearDupThreshold: 0.7,
    seed: 42,
    parquet: false,
    ...overrides,
  };
}
