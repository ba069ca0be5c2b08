import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenOnLoopback } from "../listen-loopback.js";

/** One request the fake received. */
export interface RecordedRerankRequest {
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export interface FakeReranker {
  /** Origin, e.g. `http://127.0.0.1:40123`: TEI's base URL; Cohere-style clients use `${url}/v1`. */
  url: string;
  requests: RecordedRerankRequest[];
  /** The next `count` rerank requests answer `status` with an error body. */
  failNext(status: number, count?: number): void;
  close(): Promise<void>;
}

export interface FakeRerankerOptions {
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  apiKey?: string;
  /**
   * Relevance of `text` to `query` (default: the share of the query's words found in the
   * text, so a passage holding every query word ranks first).
   */
  score?: (query: string, text: string) => number;
}

/**
 * A local rerank server speaking both deployed shapes: Hugging Face TEI
 * (`POST /rerank {query, texts}` → `[{index, score}]`) and Cohere/Jina
 * (`POST /v1/rerank {model, query, documents, top_n}` → `{results: [{index, relevance_score}]}`).
 * Scores are deterministic (word overlap unless `score` is given), best first.
 */
export async function startFakeReranker(options: FakeRerankerOptions = {}): Promise<FakeReranker> {
  const requests: RecordedRerankRequest[] = [];
  const failures: number[] = [];
  const score = options.score ?? wordOverlap;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return send(res, 400, { error: "body is not JSON" });
    }
    requests.push({ path, authorization: req.headers.authorization, body });
    if (req.method !== "POST" || (path !== "/rerank" && path !== "/v1/rerank"))
      return send(res, 404, { error: `no route ${req.method} ${path}` });
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`)
      return send(res, 401, { error: "invalid api key" });
    const failure = failures.shift();
    if (failure !== undefined) return send(res, failure, { error: `scripted failure ${failure}` });
    const input = body as {
      query?: unknown;
      texts?: unknown;
      documents?: unknown;
      top_n?: unknown;
      model?: unknown;
    };
    const texts = path === "/rerank" ? input.texts : input.documents;
    if (typeof input.query !== "string" || !Array.isArray(texts) || texts.some((t) => typeof t !== "string"))
      return send(res, 422, {
        error: `expected {query, ${path === "/rerank" ? "texts" : "documents"}: string[]}`,
      });
    if (path === "/v1/rerank" && typeof input.model !== "string")
      return send(res, 400, { error: "model is required" });
    const ranked = (texts as string[])
      .map((text, index) => ({ index, score: score(input.query as string, text) }))
      .sort((a, b) => b.score - a.score || a.index - b.index);
    if (path === "/rerank") return send(res, 200, ranked);
    const topN = typeof input.top_n === "number" ? input.top_n : ranked.length;
    return send(res, 200, {
      model: input.model,
      results: ranked.slice(0, topN).map((r) => ({ index: r.index, relevance_score: r.score })),
    });
  }

  const { origin, close } = await listenOnLoopback(server);
  return {
    url: origin,
    requests,
    failNext(status, count = 1) {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    close,
  };
}

function wordOverlap(query: string, text: string): number {
  const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const queryWords = words(query);
  if (queryWords.size === 0) return 0;
  const textWords = words(text);
  let shared = 0;
  for (const word of queryWords) if (textWords.has(word)) shared++;
  return shared / queryWords.size;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
