import { closeSync, openSync, readSync, writeSync } from "node:fs";

/** Where a text was spilled: byte offset and length in the spill file. */
export interface SpillRef {
  offset: number;
  length: number;
}

/**
 * An append-only scratch file holding the redacted texts of accepted files between the two
 * passes (decide what to keep across all inputs, then pack), so memory holds only their
 * fingerprints. It lives in the partial output directory and is deleted before the rename.
 * Reads and writes are synchronous: small, local and many, they cost less than a round trip
 * through the thread pool each.
 */
export class SpillFile {
  readonly #fd: number;
  #size = 0;

  constructor(file: string) {
    this.#fd = openSync(file, "w+");
  }

  append(text: string): SpillRef {
    const bytes = Buffer.from(text, "utf8");
    const offset = this.#size;
    writeSync(this.#fd, bytes, 0, bytes.length, offset);
    this.#size += bytes.length;
    return { offset, length: bytes.length };
  }

  read(ref: SpillRef): string {
    const buffer = Buffer.allocUnsafe(ref.length);
    readSync(this.#fd, buffer, 0, ref.length, ref.offset);
    return buffer.toString("utf8");
  }

  close(): void {
    closeSync(this.#fd);
  }
}
