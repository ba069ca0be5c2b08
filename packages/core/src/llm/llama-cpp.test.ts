import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeTinyGguf } from "@uplift/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { silentLogger } from "../logger.js";
import { LlamaCppProvider } from "./llama-cpp.js";

let dir: string;
let plain: LlamaCppProvider;
let fim: LlamaCppProvider;
const open = (modelPath: string) =>
  new LlamaCppProvider({ modelPath, threads: 1, gpu: false, logger: silentLogger() });

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "uplift-gguf-"));
  writeTinyGguf(path.join(dir, "tiny.gguf"));
  writeTinyGguf(path.join(dir, "tiny-fim.gguf"), { fimTokens: true });
  plain = open(path.join(dir, "tiny.gguf"));
  fim = open(path.join(dir, "tiny-fim.gguf"));
});
afterAll(async () => {
  await plain?.close();
  await fim?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ask = (content: string) => ({
  messages: [{ role: "user" as const, content }],
  maxTokens: 8,
  temperature: 0,
});

describe("LlamaCppProvider on a tiny generated GGUF model", () => {
  it("generates exactly maxTokens tokens, deterministically at temperature 0", async () => {
    const first = await plain.chat(ask("hello the"));
    const second = await plain.chat(ask("hello the"));
    expect(first.finishReason).toBe("length");
    expect(first.usage?.completionTokens).toBe(8);
    expect(first.text.length).toBeGreaterThan(0);
    expect(second.text).toBe(first.text);
    expect(plain).toMatchObject({ kind: "llama-cpp", id: "tiny.gguf" });
  });

  it("starts each chat from an empty context, with the system prompt and history it is given", async () => {
    const alone = await plain.chat(ask("a cat"));
    const withHistory = await plain.chat({
      messages: [
        { role: "system", content: "the" },
        { role: "user", content: "is" },
        { role: "assistant", content: "of" },
        { role: "user", content: "a cat" },
      ],
      maxTokens: 8,
    });
    expect(await plain.chat(ask("a cat"))).toEqual(alone);
    expect(withHistory.usage?.promptTokens).toBeGreaterThan(alone.usage?.promptTokens ?? Infinity);
  });

  it("streams deltas that reassemble to the chat answer", async () => {
    const answer = await plain.chat(ask("in and to"));
    const pieces: string[] = [];
    for await (const piece of plain.chatStream(ask("in and to"))) pieces.push(piece);
    expect(pieces.join("")).toBe(answer.text);
  });

  it("stops generating when the consumer leaves a stream early, and serves the next call", async () => {
    for await (const piece of plain.chatStream({ ...ask("to the"), maxTokens: 200 })) {
      expect(piece.length).toBeGreaterThan(0);
      break;
    }
    expect((await plain.chat(ask("to the"))).usage?.completionTokens).toBe(8);
  });

  it("fills in the middle on a model with FIM tokens, and completes the prompt alone on one without", async () => {
    const request = { prompt: "the cat", suffix: "and a dog", maxTokens: 6 };
    const infill = await fim.complete(request);
    const prefixOnly = await fim.complete({ prompt: "the cat", maxTokens: 6 });
    expect(infill.usage?.completionTokens).toBe(6);
    // The infill prompt holds the suffix and the <PRE>/<SUF>/<MID> tokens as well.
    expect(infill.usage?.promptTokens).toBeGreaterThan((prefixOnly.usage?.promptTokens ?? Infinity) + 3);
    const withoutFim = await plain.complete(request);
    expect(withoutFim).toEqual(await plain.complete({ prompt: "the cat", maxTokens: 6 }));
  });

  it("streams completion pieces that reassemble to the completion, the last one with its finish reason", async () => {
    const request = { prompt: "the cat", suffix: "and a dog", maxTokens: 6 };
    const whole = await fim.complete(request);
    const pieces = [];
    for await (const piece of fim.completeStream(request)) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.map((p) => p.text).join("")).toBe(whole.text);
    expect(pieces.at(-1)).toMatchObject({ finishReason: whole.finishReason, usage: whole.usage });
  });

  it("names the path when the file is missing or not GGUF", () => {
    expect(() => open(path.join(dir, "nope.gguf"))).toThrow(
      `${path.join(dir, "nope.gguf")}: GGUF model file not found`,
    );
    const text = path.join(dir, "model.bin");
    writeFileSync(text, "not a model");
    expect(() => open(text)).toThrow(InputError);
    expect(() => open(text)).toThrow(`${text}: not a GGUF model file`);
  });

  it("names the path when llama.cpp cannot load a damaged GGUF file", async () => {
    const damaged = path.join(dir, "damaged.gguf");
    const bytes = Buffer.alloc(64, 0xff); // GGUF v3 header, then impossible counts
    bytes.write("GGUF", 0, "latin1");
    bytes.writeUInt32LE(3, 4);
    writeFileSync(damaged, bytes);
    const llm = open(damaged);
    const error = await llm.chat(ask("x")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(`${damaged}: llama.cpp cannot load this GGUF model`);
  });
});
