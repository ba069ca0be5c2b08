/**
 * HTTP server throughput and latency: `npx tsc -b && node bench/server.ts`.
 * The server runs in a child process (so client and server do not share one event loop); the
 * parent drives it with keep-alive fetch at a fixed concurrency. Fixed inputs, printed figures.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { configSchema, silentLogger } from "@uplift/core";
import { createApp, startServer } from "@uplift/server";

const TOKEN = "upl_bench_token";
const REQUESTS = 20_000;
const CONCURRENCY = 32;

const deps = {
  config: configSchema.parse({}),
  logger: silentLogger(),
  version: "bench",
  authenticate: async (token: string) => (token === TOKEN ? { login: "bench", groups: ["eng"] } : undefined),
  health: async () => ({ store: { ok: true, detail: "pglite" } }),
  queueDepth: async () => ({ waiting: 0, active: 0 }),
};

if (process.argv[2] === "--serve") {
  const server = await startServer(deps, { port: 0, host: "127.0.0.1" });
  process.send?.({ url: server.url });
  process.on("message", () => void server.close().then(() => process.exit(0)));
} else {
  await inProcess();
  const child = fork(fileURLToPath(import.meta.url), ["--serve"]);
  const url = await new Promise<string>((resolve) =>
    child.once("message", (m) => resolve((m as { url: string }).url)),
  );
  const auth = { Authorization: `Bearer ${TOKEN}` };
  await load(`${url}/healthz`, {}, 5_000); // warm-up (JIT)
  await load(`${url}/api/me`, auth, 5_000);
  for (const [name, path, headers] of [
    ["GET /healthz", "/healthz", {}],
    ["GET /api/me", "/api/me", auth],
    ["GET /api/health", "/api/health", auth],
    ["GET /api/me (401)", "/api/me", {}],
  ] as const) {
    report(name, await load(`${url}${path}`, headers, REQUESTS));
  }
  report("GET /metrics", await load(`${url}/metrics`, auth, 1_000, 4));
  child.send("stop");
}

async function inProcess(): Promise<void> {
  const app = createApp(deps);
  const init = { headers: { Authorization: `Bearer ${TOKEN}` } };
  for (let i = 0; i < 2_000; i++) await app.request("/api/me", init);
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) await app.request("/api/me", init);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `in-process app.request GET /api/me: ${Math.round(REQUESTS / seconds)} req/s (${REQUESTS} sequential)`,
  );
}

async function load(url: string, headers: Record<string, string>, total: number, concurrency = CONCURRENCY) {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      next++;
      const t0 = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      latenciesMs.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latenciesMs.sort((a, b) => a - b);
  const at = (q: number) =>
    latenciesMs[Math.min(latenciesMs.length - 1, Math.floor(q * latenciesMs.length))] ?? NaN;
  return { rps: total / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), total, concurrency };
}

function report(name: string, r: Awaited<ReturnType<typeof load>>): void {
  console.log(
    `${name}: ${Math.round(r.rps)} req/s, p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms (${r.total} requests, concurrency ${r.concurrency})`,
  );
}
