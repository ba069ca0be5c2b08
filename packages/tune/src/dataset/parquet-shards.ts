import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { ShardInfo } from "./shard-writer.js";

/**
 * `--parquet`: each JSONL shard is also written as Parquet (hyparquet-writer, pure JS, snappy),
 * one column per field: numbers as INT32, strings as UTF-8 STRING, arrays (a sequence's
 * `files`) as JSON text. A shard is read back whole, so memory is bounded by `--shard-size`.
 */
export async function writeParquetShards(dir: string, shards: readonly ShardInfo[]): Promise<ShardInfo[]> {
  const { parquetWriteFile } = await import("hyparquet-writer");
  const written: ShardInfo[] = [];
  for (const shard of shards) {
    const rows = readFileSync(path.join(dir, shard.file), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const first = rows[0];
    if (!first) continue;
    const columnData = Object.keys(first).map((name) => {
      const numeric = typeof first[name] === "number";
      const data = rows.map((row) => {
        const value = row[name];
        if (numeric) return typeof value === "number" ? value : null;
        return value === undefined || value === null
          ? null
          : typeof value === "string"
            ? value
            : JSON.stringify(value);
      });
      return { name, data, type: numeric ? ("INT32" as const) : ("STRING" as const) };
    });
    const file = shard.file.replace(/\.jsonl$/, ".parquet");
    const absolute = path.join(dir, file);
    parquetWriteFile({ filename: absolute, columnData, createdBy: "uplift tune dataset" });
    const bytes = readFileSync(absolute);
    written.push({
      file,
      records: rows.length,
      bytes: statSync(absolute).size,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
  }
  return written;
}
