import { OpenAiEmbedder, OpenAiLlmProvider, silentLogger } from "@uplift/core";
import { TEST_TOKEN } from "../test-deps.js";

/** A provider for the fake OpenAI server that fails fast (no retries). */
/** (Test helper; takes the fake OpenAI server of @uplift/test-support, typed by what is used so that the build needs no test package.) */
export function fakeLlm(fake: { url: string }, model = "fake-model", timeoutMs = 5_000) {
  return new OpenAiLlmProvider({
    baseUrl: fake.url,
    model,
    timeoutMs,
    logger: silentLogger(),
    retry: { maxRetries: 0 },
  });
}

export function fakeEmbedder(fake: { url: string }) {
  return new OpenAiEmbedder({
    baseUrl: fake.url,
    model: "fake-embedding",
    logger: silentLogger(),
    retry: { maxRetries: 0 },
  });
}

/** A JSON POST with the test token. */
export function postJson(body: unknown, headers: Record<string, string> = {}) {
  return {
    method: "POST",
    headers: { Authorization: `Bearer ${TEST_TOKEN}`, "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  };
}

/** The JSON payloads of an SSE body, `[DONE]` as the string "[DONE]". */
export async function sseEvents(res: Response): Promise<unknown[]> {
  const text = await res.text();
  return text
    .split("\n\n")
    .filter((block) => block.startsWith("data: "))
    .map((block) => block.slice("data: ".length))
    .map((data) => (data === "[DONE]" ? data : JSON.parse(data)));
}

/** The body a fake server received last on `path`. */
export function lastBody(
  fake: { requests: { path: string; body: unknown }[] },
  path: string,
): Record<string, unknown> {
  const request = fake.requests.findLast((r) => r.path === path);
  if (!request) throw new Error(`the fake received no request on ${path}`);
  return request.body as Record<string, unknown>;
}

/**
 * Reads an SSE body event by event as it arrives: `next()` resolves with the next JSON
 * payload ("[DONE]" as the string), undefined at the end, or "timeout" when nothing complete
 * came within `timeoutMs` (a stream held back would otherwise hang the test).
 */
export function sseReader(res: Response, timeoutMs = 5_000) {
  const reader = (res.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  const read = async (): Promise<unknown> => {
    for (;;) {
      const end = buffered.indexOf("\n\n");
      if (end >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (!block.startsWith("data: ")) continue;
        const data = block.slice("data: ".length);
        return data === "[DONE]" ? data : JSON.parse(data);
      }
      const next = await reader.read();
      if (next.done) return undefined;
      buffered += next.value;
    }
  };
  return {
    next(): Promise<unknown> {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve("timeout"), timeoutMs);
      });
      return Promise.race([read(), timeout]).finally(() => clearTimeout(timer));
    },
    /** Every remaining payload. */
    async rest(): Promise<unknown[]> {
      const events: unknown[] = [];
      for (let event = await this.next(); event !== undefined; event = await this.next()) {
        events.push(event);
        if (event === "timeout") break;
      }
      return events;
    },
  };
}
