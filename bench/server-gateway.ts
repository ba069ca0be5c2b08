/**
 * Gateway overhead over the upstream model: `npx tsc -b && node bench/server-gateway.ts`.
 * A child process runs a fake OpenAI-compatible model and `uplift serve`'s wiring (PGlite, LanceDB,
 * the org index of six of this repository's packages as six repositories); the parent sends
 * sequential requests to the model directly and through the gateway. Overhead per request comes
 * from the gateway's own telemetry: latency_ms − upstream_ms (the time not spent waiting for the
 * model). Fixed inputs: cursors at fixed lines of fixed files. Prints figures.
 */
import { fork } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { codeMigrations, indexRepositories } from "@uplift/code";
import {
  configSchema,
  coreMigrations,
  openSearchIndex,
  openStore,
  silentLogger,
  TokenRepository,
  UserRepository,
} from "@uplift/core";
import { kbMigrations } from "@uplift/kb";
import { type GatewayTelemetryEvent, startServer } from "@uplift/server";
import { startFakeOpenAI } from "@uplift/test-support";
import { tuneMigrations } from "@uplift/tune";
import { createServerServices } from "../apps/cli/dist/server-services.js";
import { TelemetryWriter, telemetryMigrations } from "../packages/core/dist/telemetry/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const REPOS = [
  "packages/core",
  "packages/code",
  "packages/kb",
  "packages/measure",
  "apps/server",
  "apps/cli",
];
const MODEL = "qwen2.5-coder-1.5b";
const REQUESTS = 200;
/** Cursors: repository, file, line (the cursor goes to the end of that line). */
const CURSORS: [string, string, number][] = [
  ["server", "src/gateway/completions.ts", 60],
  ["server", "src/gateway/chat.ts", 45],
  ["cli", "src/server-code-service.ts", 90],
  ["code", "src/context/assemble-context.ts", 70],
  ["kb", "src/answer/ask.ts", 60],
  ["measure", "src/index.ts", 5],
];

interface Ready {
  gateway: string;
  model: string;
  token: string;
}

if (process.argv[2] === "--serve") await serve();
else await drive();

async function serve(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "uplift-bench-gateway-"));
  const logger = silentLogger();
  const fake = await startFakeOpenAI({ models: [MODEL] });
  const store = await openStore({ dataDir: dir, logger });
  await store.migrate([
    ...coreMigrations,
    ...telemetryMigrations,
    ...kbMigrations,
    ...codeMigrations,
    ...tuneMigrations, // the gateway looks up experiment arm routes (tune_model_routes)
  ]);
  const index = await openSearchIndex({ dataDir: dir, logger });
  const started = performance.now();
  const report = await indexRepositories(
    REPOS.map((r) => path.join(ROOT, r)),
    { store, searchIndex: index, embedder: undefined, logger },
  );
  const files = report.repositories.reduce((n, r) => n + r.files_indexed, 0);
  const chunks = report.repositories.reduce((n, r) => n + r.chunks_written, 0);
  console.log(
    `indexed ${report.repositories.map((r) => r.repo).join(", ")}: ${files} files, ${chunks} chunks in ${Math.round(performance.now() - started)} ms`,
  );
  await new UserRepository(store).upsert("bench", ["eng"]);
  const tokens = new TokenRepository(store);
  const { token } = await tokens.create("bench");
  const writer = new TelemetryWriter(store, logger);
  const events = new Map<string, GatewayTelemetryEvent>();
  const config = configSchema.parse({ llm: { base_url: fake.url, model: MODEL } });
  const services = await createServerServices({
    config,
    logger,
    store: async () => store,
    searchIndex: async () => index,
  });
  const server = await startServer(
    {
      config,
      logger,
      version: "bench",
      authenticate: (t) => tokens.verify(t),
      health: async () => ({}),
      ...services,
      telemetry: {
        record: (event) => {
          events.set(event.id, event);
          writer.record(event);
        },
        writeSuggestionEvent: (event) => writer.writeSuggestionEvent(event),
      },
    },
    { port: 0, host: "127.0.0.1", signals: [] },
  );
  process.send?.({ gateway: server.url, model: fake.url, token } satisfies Ready);
  process.on("message", (message: { ids?: string[]; stop?: boolean }) => {
    if (message.ids) process.send?.({ events: message.ids.map((id) => events.get(id)) });
    if (message.stop)
      void server
        .close()
        .then(() => writer.flush())
        .then(() => fake.close())
        .then(() => process.exit(0));
  });
}

async function drive(): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), ["--serve"]);
  process.once("exit", () => child.kill()); // also when a request fails: no server left behind
  const ready = await new Promise<Ready>((resolve) => child.once("message", (m) => resolve(m as Ready)));
  const auth = { Authorization: `Bearer ${ready.token}`, "Content-Type": "application/json" };
  const cursors = CURSORS.map(([repo, file, line]) => {
    const absolute = path.join(ROOT, REPOS.find((r) => path.basename(r) === repo) ?? "", file);
    const lines = readFileSync(absolute, "utf8").split("\n");
    const prompt = `${lines.slice(0, line).join("\n")}`;
    const suffix = `\n${lines.slice(line).join("\n")}`;
    return { repo, file, absolute, line, column: (lines[line - 1]?.length ?? 0) + 1, prompt, suffix };
  });
  const completion = (c: (typeof cursors)[number], uplift: Record<string, unknown>) => ({
    model: MODEL,
    prompt: c.prompt,
    suffix: c.suffix,
    max_tokens: 16,
    uplift,
  });
  const scenarios: [string, string, (c: (typeof cursors)[number]) => unknown][] = [
    [
      "model directly",
      `${ready.model}/completions`,
      (c) => ({ model: MODEL, prompt: c.prompt, suffix: c.suffix, max_tokens: 16 }),
    ],
    [
      "/v1/completions, no context",
      `${ready.gateway}/v1/completions`,
      (c) => completion(c, { context: false }),
    ],
    [
      "/v1/completions, context from unsaved editor text",
      `${ready.gateway}/v1/completions`,
      // a new line being typed: the text differs from the file on disk and from the index
      (c) => ({ ...completion(c, { file: c.file, repo: c.repo }), prompt: `${c.prompt}\n  ` }),
    ],
    [
      "/v1/completions, context from the file on disk",
      `${ready.gateway}/v1/completions`,
      (c) => completion(c, { file: c.absolute, line: c.line, column: c.column }),
    ],
    [
      "model directly, stream",
      `${ready.model}/completions`,
      (c) => ({ model: MODEL, prompt: c.prompt, suffix: c.suffix, max_tokens: 16, stream: true }),
    ],
    [
      "/v1/completions, stream, no context",
      `${ready.gateway}/v1/completions`,
      (c) => ({ ...completion(c, { context: false }), stream: true }),
    ],
    [
      "/v1/completions, stream, context from the file on disk",
      `${ready.gateway}/v1/completions`,
      (c) => ({ ...completion(c, { file: c.absolute, line: c.line, column: c.column }), stream: true }),
    ],
    [
      "/v1/chat/completions, code search context",
      `${ready.gateway}/v1/chat/completions`,
      (c) => ({
        model: MODEL,
        messages: [{ role: "user", content: `How is ${c.file} used with the code index?` }],
      }),
    ],
  ];
  for (const [name, url, body] of scenarios) {
    for (let i = 0; i < 20; i++)
      await send(url, auth, body(cursors[i % cursors.length] as (typeof cursors)[number]));
    const latencies: number[] = [];
    const ids: string[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = performance.now();
      const answer = await send(url, auth, body(cursors[i % cursors.length] as (typeof cursors)[number]));
      latencies.push(performance.now() - t0);
      ids.push(answer.id);
    }
    let line = `${name}: client p50 ${q(latencies, 0.5)} ms, p95 ${q(latencies, 0.95)} ms`;
    if (url.startsWith(ready.gateway)) {
      child.send({ ids });
      const { events } = await new Promise<{ events: GatewayTelemetryEvent[] }>((resolve) =>
        child.once("message", (m) => resolve(m as { events: GatewayTelemetryEvent[] })),
      );
      const overhead = events.map((e) => e.latency_ms - (e.upstream_ms ?? 0));
      const context = events.map((e) => e.context_ms ?? 0);
      const used = events.filter((e) => e.context_used).length;
      line += `; gateway overhead (latency − upstream) p50 ${q(overhead, 0.5)} ms, p95 ${q(overhead, 0.95)} ms; context p50 ${q(context, 0.5)} ms, p95 ${q(context, 0.95)} ms; context used ${used}/${events.length}`;
    }
    console.log(`${line} (${REQUESTS} sequential)`);
  }
  child.send({ stop: true });
}

async function send(url: string, headers: Record<string, string>, body: unknown): Promise<{ id: string }> {
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  if (!res.headers.get("content-type")?.startsWith("text/event-stream"))
    return (await res.json()) as { id: string };
  // a stream: read to the end; the id is in every chunk
  const first = (await res.text()).split("\n\n")[0] ?? "";
  return JSON.parse(first.slice("data: ".length)) as { id: string };
}

function q(values: number[], quantile: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? Number.NaN).toFixed(2);
}
