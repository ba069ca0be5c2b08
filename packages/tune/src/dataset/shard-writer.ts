import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import path from "node:path";

/** What one shard file holds, for the manifest. */
export interface ShardInfo {
  file: string;
  records: number;
  bytes: number;
  sha256: string;
}

/**
 * Writes records as JSON Lines into numbered shards (`<prefix>-00000.jsonl`, …) of at most
 * `shardSize` records each, hashing every shard as it is written. Backpressure is honoured,
 * so memory stays bounded whatever the dataset's size.
 */
export class ShardWriter {
  readonly #dir: string;
  readonly #prefix: string;
  readonly #shardSize: number;
  readonly #shards: ShardInfo[] = [];
  #stream: WriteStream | undefined;
  #hash = createHash("sha256");
  #current: ShardInfo | undefined;

  constructor(dir: string, prefix: string, shardSize: number) {
    this.#dir = dir;
    this.#prefix = prefix;
    this.#shardSize = shardSize;
  }

  async write(record: object): Promise<void> {
    if (!this.#current || this.#current.records >= this.#shardSize) await this.#rotate();
    const line = Buffer.from(`${JSON.stringify(record)}\n`, "utf8"); // encoded once: counted, hashed, written
    const current = this.#current as ShardInfo;
    current.records++;
    current.bytes += line.length;
    this.#hash.update(line);
    if (!(this.#stream as WriteStream).write(line)) await once(this.#stream as WriteStream, "drain");
  }

  /** Closes the last shard; returns every shard written. */
  async close(): Promise<ShardInfo[]> {
    await this.#finish();
    return this.#shards;
  }

  async #rotate(): Promise<void> {
    await this.#finish();
    const file = `${this.#prefix}-${String(this.#shards.length).padStart(5, "0")}.jsonl`;
    this.#current = { file, records: 0, bytes: 0, sha256: "" };
    this.#hash = createHash("sha256");
    this.#stream = createWriteStream(path.join(this.#dir, file));
    this.#shards.push(this.#current);
  }

  async #finish(): Promise<void> {
    if (!this.#stream || !this.#current) return;
    const stream = this.#stream;
    this.#current.sha256 = this.#hash.digest("hex");
    this.#stream = undefined;
    this.#current = undefined;
    await new Promise<void>((resolve, reject) =>
      stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}
