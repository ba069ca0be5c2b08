/**
 * LLM and embedding client overhead against the local fake OpenAI server (so the figures are
 * Uplift's HTTP/SSE/JSON cost plus the fake's, not a model's), and a tiny generated GGUF model
 * through node-llama-cpp (load time and llama.cpp's per-token floor on this CPU).
 *
 *   npx tsc -b && node bench/llm.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LlamaCppProvider, OpenAiEmbedder, OpenAiLlmProvider, silentLogger } from "@uplift/core";
import { startFakeOpenAI, writeTinyGguf } from "@uplift/test-support";

const logger = silentLogger();
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 50}`).join(" ");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function timed(
  runs: number,
  work: () => Promise<unknown>,
  warmUps = 20,
): Promise<{ p50: number; p95: number; perSecond: number }> {
  for (let i = 0; i < warmUps; i++) await work(); // connections, JIT
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), perSecond: (runs / total) * 1000 };
}

const row = (name: string, r: { p50: number; p95: number; perSecond: number }, unit = "calls/s") =>
  console.log(`| ${name} | ${r.perSecond.toFixed(0)} ${unit} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} |`);

const fake = await startFakeOpenAI({ embeddingDimension: 384 });
try {
  const llm = new OpenAiLlmProvider({ baseUrl: fake.url, model: "fake-model", timeoutMs: 10_000, logger });
  console.log(
    "| operation (sequential, against the local fake) | rate | p50 ms | p95 ms |\n|---|---:|---:|---:|",
  );
  row(
    "chat, 10-word answer",
    await timed(1000, () => llm.chat({ messages: [{ role: "user", content: words(8) }] })),
  );
  row(
    "chatStream, 200-delta answer, consumed fully",
    await timed(200, async () => {
      let n = 0;
      for await (const _ of llm.chatStream({ messages: [{ role: "user", content: words(199) }] })) n++;
      if (n !== 200) throw new Error(`expected 200 deltas, got ${n}`);
    }),
  );
  row(
    "complete (FIM prompt + suffix)",
    await timed(1000, () => llm.complete({ prompt: words(200), suffix: words(50) })),
  );
  const texts = Array.from({ length: 2048 }, (_, i) => `${words(30)} ${i}`);
  for (const batchSize of [1, 16, 64, 256]) {
    const embedder = new OpenAiEmbedder({ baseUrl: fake.url, model: "fake-embedding", batchSize, logger });
    const r = await timed(3, () => embedder.embed(texts), 1);
    console.log(
      `| embed 2,048 texts × 30 words, dim 384, batch ${batchSize} | ${((r.perSecond * texts.length) | 0).toLocaleString("en")} texts/s | ${r.p50.toFixed(0)} | |`,
    );
  }
} finally {
  await fake.close();
}

const dir = mkdtempSync(path.join(tmpdir(), "uplift-bench-gguf-"));
try {
  const file = path.join(dir, "tiny.gguf");
  const bytes = writeTinyGguf(file, { fimTokens: true });
  for (const threads of [1, 2]) {
    const local = new LlamaCppProvider({ modelPath: file, threads, gpu: false, logger });
    const t = performance.now();
    await local.chat({ messages: [{ role: "user", content: "the" }], maxTokens: 1 });
    const loadMs = performance.now() - t;
    const r = await timed(10, () => local.complete({ prompt: "the cat", maxTokens: 200 }), 2);
    console.log(
      `| tiny GGUF (${(bytes / 1024).toFixed(0)} KiB, 1 layer, n_embd 16), threads ${threads}: first call (import + load) ${loadMs.toFixed(0)} ms | ${((r.perSecond * 200) | 0).toLocaleString("en")} tokens/s | ${r.p50.toFixed(1)} per 200 tokens | |`,
    );
    await local.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
