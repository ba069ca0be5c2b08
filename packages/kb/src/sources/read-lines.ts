import { createReadStream } from "node:fs";
import { InputError } from "@uplift/core";

const decoder = new TextDecoder("utf-8", { fatal: true });

/** One line of a text file, 1-based, without its line break. */
export interface NumberedLine {
  line: number;
  text: string;
}

/**
 * Streams the lines of a UTF-8 file (LF or CRLF), decoding each strictly: a byte sequence that
 * is not UTF-8 throws InputError naming the file and line.
 */
export async function* readLines(file: string): AsyncGenerator<NumberedLine> {
  let pending: Buffer = Buffer.alloc(0);
  let line = 0;
  const decode = (bytes: Buffer): string => {
    line++;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    try {
      const text = decoder.decode(bytes.subarray(0, end));
      return line === 1 && text.startsWith("\uFEFF") ? text.slice(1) : text;
    } catch (error) {
      throw new InputError(`${file}:${line}: not valid UTF-8`, {
        cause: error,
        hint: "convert the file to UTF-8 (e.g. iconv -t UTF-8)",
      });
    }
  };
  for await (const chunk of createReadStream(file)) {
    let buffer = pending.length ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
    let newline = buffer.indexOf(0x0a);
    while (newline >= 0) {
      yield { line: line + 1, text: decode(buffer.subarray(0, newline)) };
      buffer = buffer.subarray(newline + 1);
      newline = buffer.indexOf(0x0a);
    }
    pending = Buffer.from(buffer);
  }
  if (pending.length > 0) yield { line: line + 1, text: decode(pending) };
}
