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
  /** The file's path (pass 2's workers open it to read). */
  readonly file: string;
  readonly #fd: number;
  #size = 0;

  constructor(file: string) {
    this.file = file;
    this.#fd = openSync(file, "w+");
  }

  append(text: string): SpillRef {
    return this.appendBytes(Buffer.from(text, "utf8"));
  }

  /** Appends text already encoded as UTF-8. */
  appendBytes(bytes: Uint8Array): SpillRef {
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
