import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { ConfigError } from "../errors.js";
import { type Config, configSchema } from "./schema.js";

export { type Config, type ConfigInput, configSchema } from "./schema.js";

export interface LoadConfigOptions {
  /** Explicit config file (`--config FILE`); it must exist. */
  file?: string;
  /** Directory searched for `uplift.yaml` when no file is given. */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Values from command-line flags; they win over the environment and the file. */
  overrides?: Partial<Record<string, unknown>>;
}

const SECTIONS = Object.keys(configSchema.shape) as (keyof Config)[];

/**
 * Loads `uplift.yaml` (or `--config FILE`), applies `UPLIFT_*` environment variables
 * (`server.port` ← `UPLIFT_SERVER_PORT`), then flag overrides, and validates the result.
 * Throws a ConfigError naming the source, the key, the line and the problem.
 */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = options.file ? path.resolve(cwd, options.file) : path.join(cwd, "uplift.yaml");
  if (options.file && !existsSync(file)) throw new ConfigError(`${options.file}: config file not found`);

  let fromFile: Record<string, unknown> = {};
  let lineOf: (keyPath: (string | number)[]) => number | undefined = () => undefined;
  if (existsSync(file)) {
    const text = readFileSync(file, "utf8");
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
    const first = doc.errors[0];
    if (first) {
      const line = first.linePos?.[0]?.line;
      throw new ConfigError(
        `${file}${line ? `:${line}` : ""}: not valid YAML: ${first.message.split("\n")[0]}`,
      );
    }
    const value: unknown = doc.toJS() ?? {};
    if (typeof value !== "object" || Array.isArray(value)) {
      throw new ConfigError(
        `${file}: expected a mapping of sections (server:, database:, …) at the top level`,
      );
    }
    fromFile = value as Record<string, unknown>;
    lineOf = (keyPath) => {
      const node = doc.getIn(keyPath, true);
      const range = isScalar(node) || isMap(node) ? node.range : undefined;
      return range ? lines.linePos(range[0]).line : undefined;
    };
  }

  const merged = structuredClone(fromFile);
  const origin = new Map<string, string>();
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith("UPLIFT_") || raw === undefined) continue;
    const keyPath = envKeyPath(name);
    if (!keyPath) continue;
    setIn(merged, keyPath, raw);
    origin.set(keyPath.join("."), name);
  }
  for (const [key, value] of Object.entries(options.overrides ?? {})) {
    if (value === undefined) continue;
    setIn(merged, key.split("."), value);
    origin.set(key, `flag for ${key}`);
  }

  const parsed = configSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  throw new ConfigError(formatIssues(parsed.error.issues, file, origin, lineOf));
}

/** `UPLIFT_SERVER_PORT` → ["server", "port"]; `UPLIFT_DATA_DIR` → ["data_dir"]; unknown → undefined. */
function envKeyPath(name: string): string[] | undefined {
  const rest = name.slice("UPLIFT_".length).toLowerCase();
  if ((SECTIONS as string[]).includes(rest)) return [rest];
  for (const section of SECTIONS) {
    if (rest.startsWith(`${section}_`)) return [section, rest.slice(section.length + 1)];
  }
  return undefined;
}

function setIn(target: Record<string, unknown>, keyPath: string[], value: unknown): void {
  let node = target;
  for (const key of keyPath.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== "object" || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keyPath[keyPath.length - 1] as string] = value;
}

function formatIssues(
  issues: z.core.$ZodIssue[],
  file: string,
  origin: Map<string, string>,
  lineOf: (keyPath: (string | number)[]) => number | undefined,
): string {
  return issues
    .map((issue) => {
      const keys =
        issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
      return keys
        .map((keyPath) => {
          const key = keyPath.join(".");
          const env = origin.get(key);
          const where =
            env ??
            `${file}${lineOf(keyPath as (string | number)[]) ? `:${lineOf(keyPath as (string | number)[])}` : ""}`;
          const problem = issue.code === "unrecognized_keys" ? "unknown key" : issue.message;
          return `${where}: ${key}: ${problem}`;
        })
        .join("\n");
    })
    .join("\n");
}
