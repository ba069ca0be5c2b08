import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { InputError } from "@uplift/core";
import { z } from "zod";
import type { Stage } from "./recipe-request.js";

/** Column names of one kind of record, as found in the shard (`text`; `prompt`/`completion`; …). */
export interface RecordColumns {
  text?: string;
  prompt?: string;
  completion?: string;
  chosen?: string;
  rejected?: string;
}

/** A JSONL shard of a `tune dataset` output, classified by the columns of its first record. */
export interface DatasetShard {
  /** Path relative to the dataset directory, `/`-separated. */
  path: string;
  stage: Stage;
  columns: RecordColumns;
  /** From the manifest, when it lists tokens per shard. */
  tokens: number | null;
}

/** What the recipe knows of the dataset it trains on. */
export interface DatasetInput {
  /** The local dataset directory, or null without `--dataset` (configs then use default columns). */
  dir: string | null;
  shards: DatasetShard[];
  /** Training tokens for the requested stage (one epoch), or null when unknown. */
  tokens: number | null;
  tokensSource: "flag" | "manifest" | "manifest-total" | "records" | null;
  /** How `tune dataset` built it (manifest `settings`), when a manifest says so. */
  settings: DatasetSettingsSeen | null;
  warnings: string[];
}

/** The dataset settings a recipe must agree with: packing length and FIM sentinels. */
export interface DatasetSettingsSeen {
  seqLen?: number;
  tokenizer?: string;
  fimFormat?: string;
  fimRate?: number;
}

/** The columns every framework config expects when no dataset was given to inspect. */
export const DEFAULT_COLUMNS: Readonly<Record<Stage, RecordColumns>> = {
  cpt: { text: "text" },
  sft: { prompt: "prompt", completion: "completion" },
  dpo: { prompt: "prompt", chosen: "chosen", rejected: "rejected" },
};

const count = z.number().finite().nonnegative();
const fileEntry = z.looseObject({
  path: z.string().optional(),
  file: z.string().optional(),
  name: z.string().optional(),
  tokens: count.optional(),
});
/** `tokens` as a total, or per kind of record as `tune dataset` writes it. */
const tokensField = z.union([
  count,
  z.looseObject({
    total: count.optional(),
    pretrain: count.optional(),
    instruct: count.optional(),
    preference: count.optional(),
  }),
]);
const fileList = z.array(fileEntry);
/** The parts of manifest.json a recipe reads; everything else is ignored (owned by `tune dataset`). */
const manifestSchema = z.looseObject({
  settings: z
    .looseObject({
      seq_len: count.optional(),
      tokenizer: z.string().optional(),
      fim_format: z.string().optional(),
      fim_rate: count.optional(),
    })
    .optional(),
  tokens: tokensField.optional(),
  outputs: z
    .union([fileList, z.looseObject({ shards: fileList.optional(), tokens: count.optional() })])
    .optional(),
  output: z.looseObject({ tokens: tokensField.optional(), files: fileList.optional() }).optional(),
  files: fileList.optional(),
  shards: fileList.optional(),
});

/** The manifest's name for each stage's records (`tokens.pretrain`, …). */
const MANIFEST_KIND: Readonly<Record<Stage, "pretrain" | "instruct" | "preference">> = {
  cpt: "pretrain",
  sft: "instruct",
  dpo: "preference",
};

/**
 * Reads a `tune dataset` output directory: its `manifest.json` (token counts) and its JSONL
 * shards, each classified by the columns of its first record — `prompt`+`chosen`+`rejected` → DPO,
 * `prompt`+`completion` (or `instruction`+`output`/`response`) → SFT, `text` → CPT.
 * Token counts come from `tokensFlag`, else the manifest, else the records' own `tokens` fields.
 */
export async function readDatasetInput(
  dir: string | undefined,
  stage: Stage,
  tokensFlag: number | undefined,
): Promise<DatasetInput> {
  if (!dir) {
    return {
      dir: null,
      shards: [],
      tokens: tokensFlag ?? null,
      tokensSource: tokensFlag === undefined ? null : "flag",
      settings: null,
      warnings:
        tokensFlag === undefined ? ["no --dataset and no --tokens: hours and cost are not estimated"] : [],
    };
  }
  const root = path.resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new InputError(`--dataset ${dir}: not a directory`);
  const warnings: string[] = [];
  const manifest = await readManifest(root);
  const settings: DatasetSettingsSeen | null = manifest?.settings
    ? {
        seqLen: manifest.settings.seq_len,
        tokenizer: manifest.settings.tokenizer,
        fimFormat: manifest.settings.fim_format,
        fimRate: manifest.settings.fim_rate,
      }
    : null;
  const perFile = manifestTokensPerFile(manifest);
  const shards: DatasetShard[] = [];
  for (const rel of await listJsonl(root)) {
    const columns = await firstRecordColumns(path.join(root, rel));
    if (!columns) {
      warnings.push(`${rel}: first record has none of text, prompt/completion, chosen/rejected; not used`);
      continue;
    }
    shards.push({
      path: rel,
      ...columns,
      tokens: perFile.get(rel) ?? perFile.get(path.basename(rel)) ?? null,
    });
  }
  const mine = shards.filter((s) => s.stage === stage);
  if (mine.length === 0) {
    const found = summarise(shards);
    throw new InputError(
      `--dataset ${dir}: no ${stage} records (${found || "no JSONL shards"}); ` +
        `--stage ${stage} needs ${describeColumns(stage)}`,
    );
  }
  const distinct = new Set(mine.map((s) => JSON.stringify(s.columns)));
  if (distinct.size > 1)
    throw new InputError(
      `--dataset ${dir}: ${stage} shards have different columns: ${[...distinct].join(" vs ")}`,
    );

  if (tokensFlag !== undefined)
    return { dir: root, shards, tokens: tokensFlag, tokensSource: "flag", settings, warnings };
  if (mine.every((s) => s.tokens !== null)) {
    const tokens = mine.reduce((n, s) => n + (s.tokens ?? 0), 0);
    return { dir: root, shards, tokens, tokensSource: "manifest", settings, warnings };
  }
  const tokensField = manifest?.tokens;
  const byKind = typeof tokensField === "object" ? tokensField[MANIFEST_KIND[stage]] : undefined;
  if (byKind !== undefined)
    return { dir: root, shards, tokens: byKind, tokensSource: "manifest", settings, warnings };
  const total = manifest ? manifestTotal(manifest) : null;
  if (total !== null) {
    if (mine.length !== shards.length)
      warnings.push(
        `manifest.json gives only a total of ${total} tokens over every kind of record; ` +
          `the estimate uses it for the ${stage} shards (give --tokens N for a closer one)`,
      );
    return { dir: root, shards, tokens: total, tokensSource: "manifest-total", settings, warnings };
  }
  const counted = await sumRecordTokens(mine.map((s) => path.join(root, s.path)));
  if (counted === null) warnings.push("no token counts in manifest.json or records: give --tokens N");
  return {
    dir: root,
    shards,
    tokens: counted,
    tokensSource: counted === null ? null : "records",
    settings,
    warnings,
  };
}

type Manifest = z.infer<typeof manifestSchema>;

async function readManifest(root: string): Promise<Manifest | null> {
  const file = path.join(root, "manifest.json");
  const text = await readFile(file, "utf8").catch(() => null);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${file}: field ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return parsed.data;
}

function manifestTokensPerFile(manifest: Manifest | null): Map<string, number> {
  const map = new Map<string, number>();
  if (!manifest) return map;
  const outputs = Array.isArray(manifest.outputs) ? manifest.outputs : manifest.outputs?.shards;
  for (const list of [outputs, manifest.files, manifest.shards, manifest.output?.files]) {
    for (const entry of list ?? []) {
      const name = entry.path ?? entry.file ?? entry.name;
      if (name !== undefined && entry.tokens !== undefined)
        map.set(name.split(path.sep).join("/"), entry.tokens);
    }
  }
  return map;
}

function manifestTotal(manifest: Manifest): number | null {
  const outputs = Array.isArray(manifest.outputs) ? undefined : manifest.outputs?.tokens;
  for (const field of [manifest.tokens, manifest.output?.tokens, outputs]) {
    if (typeof field === "number") return field;
    if (field && typeof field.total === "number") return field.total;
  }
  return null;
}

async function listJsonl(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".jsonl"))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

async function firstRecordColumns(file: string): Promise<{ stage: Stage; columns: RecordColumns } | null> {
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === "") continue;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        throw new InputError(`${file}:${lineNo}: not a JSON record`);
      }
      if (typeof record !== "object" || record === null || Array.isArray(record))
        throw new InputError(`${file}:${lineNo}: expected a JSON object per line`);
      return classify(Object.keys(record));
    }
    return null;
  } finally {
    lines.close();
  }
}

function classify(keys: string[]): { stage: Stage; columns: RecordColumns } | null {
  const has = (k: string) => keys.includes(k);
  if (has("prompt") && has("chosen") && has("rejected"))
    return { stage: "dpo", columns: { prompt: "prompt", chosen: "chosen", rejected: "rejected" } };
  if (has("prompt") && has("completion"))
    return { stage: "sft", columns: { prompt: "prompt", completion: "completion" } };
  if (has("instruction")) {
    const completion = ["output", "response", "completion"].find(has);
    if (completion) return { stage: "sft", columns: { prompt: "instruction", completion } };
  }
  if (has("text")) return { stage: "cpt", columns: { text: "text" } };
  return null;
}

async function sumRecordTokens(files: string[]): Promise<number | null> {
  let total = 0;
  for (const file of files) {
    const lines = createInterface({
      input: createReadStream(file, { encoding: "utf8" }),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      if (line.trim() === "") continue;
      const tokens = (JSON.parse(line) as { tokens?: unknown }).tokens;
      if (typeof tokens !== "number") return null;
      total += tokens;
    }
  }
  return total;
}

function summarise(shards: DatasetShard[]): string {
  const counts = new Map<Stage, number>();
  for (const s of shards) counts.set(s.stage, (counts.get(s.stage) ?? 0) + 1);
  return [...counts].map(([stage, n]) => `${n} ${stage} shard${n === 1 ? "" : "s"}`).join(", ");
}

function describeColumns(stage: Stage): string {
  return stage === "cpt"
    ? "records with a `text` field"
    : stage === "sft"
      ? "records with `prompt` and `completion` (or `instruction` and `output`)"
      : "records with `prompt`, `chosen` and `rejected`";
}
