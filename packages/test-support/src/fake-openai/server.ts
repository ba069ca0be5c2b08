import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenOnLoopback } from "../listen-loopback.js";
import {
  type Answer,
  chatCompletion,
  embeddings,
  errorAnswer,
  invalidRequest,
  type JsonAnswer,
  listModels,
  modelNotFound,
  textCompletion,
} from "./handlers.js";
import type { FakeOpenAI, FakeOpenAIOptions, RecordedRequest, ScriptedResponse } from "./types.js";

/**
 * Starts a local HTTP server on 127.0.0.1 (a free port) that speaks the OpenAI protocol:
 * `GET /v1/models`, `POST /v1/chat/completions` and `POST /v1/completions` (JSON or SSE
 * streaming with `stream: true`), `POST /v1/embeddings`. Default answers are deterministic:
 * chat echoes the last user message (`echo: …`), completion echoes the prompt, fill-in-the-middle
 * names the gap, embeddings are hashed bags of words. `script()` queues failures, delays,
 * broken streams or fixed texts.
 *
 * @example
 * const fake = await startFakeOpenAI({ apiKey: "sk-test" });
 * fake.script({ status: 429, retryAfter: 1 });
 * // … point llm.base_url at fake.url, call, then inspect fake.requests
 * await fake.close();
 */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const models = options.models ?? ["fake-model", "fake-embedding"];
  const dimension = options.embeddingDimension ?? 16;
  const requests: RecordedRequest[] = [];
  const queue: ScriptedResponse[] = [];
  const timers = new Set<NodeJS.Timeout>();

  /** Resolves true after `ms`, or false as soon as the client has gone. */
  const wait = (ms: number, res: ServerResponse) =>
    new Promise<boolean>((resolve) => {
      if (res.destroyed) return resolve(false);
      const onClose = () => {
        clearTimeout(timer);
        timers.delete(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        timers.delete(timer);
        res.off("close", onClose);
        resolve(!res.destroyed);
      }, ms);
      timers.add(timer);
      res.once("close", onClose);
    });

  const takeScript = (path: string): ScriptedResponse | undefined => {
    const at = queue.findIndex((s) => s.path === undefined || s.path === path);
    return at < 0 ? undefined : queue.splice(at, 1)[0];
  };

  const answerFor = (
    method: string,
    path: string,
    body: unknown,
    script: ScriptedResponse | undefined,
  ): Answer => {
    if (script?.status !== undefined && (script.status < 200 || script.status >= 300)) {
      return errorAnswer(script.status, script.message);
    }
    if (method === "GET" && path === "/v1/models") return listModels(models);
    if (method === "GET" && path.startsWith("/v1/models/")) {
      const id = decodeURIComponent(path.slice("/v1/models/".length));
      return models.includes(id)
        ? { kind: "json", status: 200, body: { id, object: "model", created: 0, owned_by: "fake" } }
        : modelNotFound(id);
    }
    const handler = { "/v1/chat/completions": chatCompletion, "/v1/completions": textCompletion }[path];
    if (method !== "POST" || (!handler && path !== "/v1/embeddings")) {
      return errorAnswer(404, `Unknown request URL: ${method} ${path}`, "unknown_url");
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return invalidRequest("We could not parse the JSON body of your request.");
    }
    const fields = body as Record<string, unknown>;
    if (typeof fields.model !== "string")
      return invalidRequest("you must provide a model parameter", "model");
    if (!models.includes(fields.model)) return modelNotFound(fields.model);
    return handler ? handler(fields, script) : embeddings(fields, script, dimension);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
    );
    const method = req.method ?? "GET";
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined; // answered with a 400 below: the server under test must see its own bad JSON
    }
    requests.push({ method, path, headers, body });

    if (options.apiKey !== undefined && headers.authorization !== `Bearer ${options.apiKey}`) {
      return send(res, errorAnswer(401, "Incorrect API key provided"), undefined);
    }
    const script = method === "POST" ? takeScript(path) : undefined;
    if (script?.delayMs && !(await wait(script.delayMs, res))) return;
    if (raw && body === undefined)
      return send(res, invalidRequest("We could not parse the JSON body of your request."), script);
    const answer = answerFor(method, path, body, script);
    if (answer.kind === "json") return send(res, answer, script);
    await stream(res, answer.chunks, script ?? {}, wait);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, errorAnswer(500, `fake server failed: ${String(error)}`), undefined);
      else res.destroy();
    });
  });
  const listening = await listenOnLoopback(server);

  return {
    url: `${listening.origin}/v1`,
    requests,
    script: (...responses) => {
      queue.push(...responses);
    },
    pendingScripts: () => queue.length,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await listening.close();
    },
  };
}

/** Resolves true once `promise` settles, or false as soon as the client has gone. */
function until(promise: Promise<unknown>, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve(false);
    const onClose = () => resolve(false);
    res.once("close", onClose);
    const settle = () => {
      res.off("close", onClose);
      resolve(!res.destroyed);
    };
    promise.then(settle, settle);
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

function responseHeaders(script: ScriptedResponse | undefined): Record<string, string> {
  const headers: Record<string, string> = { ...script?.headers };
  if (script?.retryAfter !== undefined) headers["retry-after"] = String(script.retryAfter);
  return headers;
}

function send(res: ServerResponse, answer: JsonAnswer, script: ScriptedResponse | undefined): void {
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, { ...responseHeaders(script), "content-type": "application/json" });
  res.end(text);
}

async function stream(
  res: ServerResponse,
  chunks: unknown[],
  script: ScriptedResponse,
  wait: (ms: number, res: ServerResponse) => Promise<boolean>,
): Promise<void> {
  res.writeHead(200, {
    ...responseHeaders(script),
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  const write = async (text: string) => {
    const bytes = Buffer.from(text, "utf8");
    const size = script.splitBytes ?? bytes.length;
    for (let i = 0; i < bytes.length; i += size) {
      // Wait until the piece is flushed, so that a later break cannot discard it.
      await new Promise<void>((resolve) => res.write(bytes.subarray(i, i + size), () => resolve()));
      if (script.splitBytes && !(await wait(1, res))) return false;
    }
    return !res.destroyed;
  };
  for (const [i, chunk] of chunks.entries()) {
    if (
      i === chunks.length - 1 &&
      script.holdLastChunkUntil &&
      !(await until(script.holdLastChunkUntil, res))
    )
      return;
    if (script.breakAfterChunks !== undefined && i >= script.breakAfterChunks) {
      if (script.breakMode === "end") res.end();
      else res.destroy();
      return;
    }
    if (script.comments && !(await write(": keep-alive\n\n"))) return;
    if (!(await write(`data: ${JSON.stringify(chunk)}\n\n`))) return;
    if (script.chunkDelayMs && !(await wait(script.chunkDelayMs, res))) return;
  }
  if (await write("data: [DONE]\n\n")) res.end();
}
