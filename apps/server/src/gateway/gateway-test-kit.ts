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
