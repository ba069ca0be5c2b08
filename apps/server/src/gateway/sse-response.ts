import type { Logger } from "@uplift/core";
import { gatewayErrorResponse } from "./gateway-errors.js";

export interface SseOptions {
  /** Called once when the stream ends: drained, failed (`error`), or cancelled by the client. */
  onEnd(outcome: { error?: unknown; cancelled?: boolean }): void;
  logger: Logger;
}

const encoder = new TextEncoder();

/**
 * A `text/event-stream` response of OpenAI chunks: `data: {json}` per chunk, then `data: [DONE]`.
 * Chunks are pulled only as fast as the client reads. A failure mid-stream (the headers are
 * gone) becomes a final `data: {"error": …}` event, as OpenAI sends it, without `[DONE]`.
 */
export function sseResponse(chunks: AsyncIterable<unknown>, options: SseOptions): Response {
  const iterator = chunks[Symbol.asyncIterator]();
  let ended = false;
  const end = (outcome: { error?: unknown; cancelled?: boolean }) => {
    if (ended) return;
    ended = true;
    options.onEnd(outcome);
  };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) {
          controller.enqueue(encoder.encode("data: [DONE]\n\n"));
          controller.close();
          end({});
          return;
        }
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(next.value)}\n\n`));
      } catch (error) {
        if (ended) return; // cancelled meanwhile: the client is gone
        options.logger.warn({ err: error }, "gateway stream failed after its first chunk");
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(gatewayErrorResponse(error).body)}\n\n`));
        controller.close();
        end({ error });
      }
    },
    async cancel() {
      end({ cancelled: true });
      // ends the generators behind the chunks, which stops the upstream model's stream
      await iterator.return?.();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache",
      // nginx and similar proxies would otherwise buffer the stream
      "X-Accel-Buffering": "no",
    },
  });
}

/**
 * The items of `iterator` from its already-read `first` result on. Returning early (the client
 * went away) returns `iterator` too, which stops the upstream model's stream.
 */
export async function* continueFrom<T>(
  first: IteratorResult<T>,
  iterator: AsyncIterator<T>,
): AsyncGenerator<T> {
  let done = first.done ?? false;
  try {
    if (done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    done = true;
  } finally {
    if (!done) await iterator.return?.();
  }
}
