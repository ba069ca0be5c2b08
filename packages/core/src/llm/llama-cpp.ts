import { closeSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import type { ChatHistoryItem, Llama, LlamaContextSequence, LlamaModel } from "node-llama-cpp";
import { InputError, UnavailableError } from "../errors.js";
import type { Logger } from "../logger.js";
import { TextChannel } from "./text-channel.js";
import type {
  ChatRequest,
  CompletionDelta,
  CompletionRequest,
  FinishReason,
  Generation,
  LlmProvider,
} from "./types.js";

export interface LlamaCppProviderOptions {
  /** `llm.gguf_path`: a GGUF model file. */
  modelPath: string;
  /** Context window in tokens (default 4096, never more than the model was trained for). */
  contextSize?: number;
  /** CPU threads (default: node-llama-cpp's choice). 1 is fastest for tiny models. */
  threads?: number;
  /** `false` forces the CPU; `auto` (default) uses CUDA, Vulkan or Metal when available. */
  gpu?: false | "auto";
  logger: Logger;
}

interface Loaded {
  llama: Llama;
  model: LlamaModel;
  sequence: LlamaContextSequence;
  module: typeof import("node-llama-cpp");
}

type StopReason =
  | "eogToken"
  | "stopGenerationTrigger"
  | "customStopTrigger"
  | "maxTokens"
  | "abort"
  | "functionCalls";

/**
 * LLM provider running a local GGUF model through node-llama-cpp (llama.cpp). node-llama-cpp is
 * imported only on first use, so installations without a local model never load it. One
 * context sequence serves all calls one at a time; each call starts from an empty context, so
 * answers depend only on the request (with temperature 0 they are deterministic).
 */
export class LlamaCppProvider implements LlmProvider {
  readonly kind = "llama-cpp" as const;
  readonly id: string;
  private loading: Promise<Loaded> | undefined;
  private turn: Promise<unknown> = Promise.resolve();

  /** Checks the file synchronously (exists, starts with `GGUF`); loading waits for the first call. */
  constructor(private readonly options: LlamaCppProviderOptions) {
    checkGgufFile(options.modelPath);
    this.id = path.basename(options.modelPath);
  }

  async chat(request: ChatRequest): Promise<Generation> {
    return this.generateChat(request, undefined);
  }

  async *chatStream(request: ChatRequest): AsyncIterable<string> {
    const channel = new TextChannel();
    const stop = new AbortController();
    const signal = request.signal ? AbortSignal.any([request.signal, stop.signal]) : stop.signal;
    const run = this.generateChat({ ...request, signal }, (text) => channel.push(text)).then(
      () => channel.end(),
      (error: unknown) => channel.fail(error),
    );
    try {
      yield* channel;
    } finally {
      stop.abort(new DOMException("the consumer stopped reading", "AbortError"));
      await run;
    }
  }

  async complete(request: CompletionRequest): Promise<Generation> {
    return this.generateCompletion(request, undefined);
  }

  async *completeStream(request: CompletionRequest): AsyncIterable<CompletionDelta> {
    const channel = new TextChannel();
    const stop = new AbortController();
    const signal = request.signal ? AbortSignal.any([request.signal, stop.signal]) : stop.signal;
    let generation: Generation | undefined;
    const run = this.generateCompletion({ ...request, signal }, (text) => channel.push(text)).then(
      (result) => {
        generation = result;
        channel.end();
      },
      (error: unknown) => channel.fail(error),
    );
    try {
      for await (const text of channel) yield { text };
      if (generation) {
        const { finishReason, usage } = generation;
        yield { text: "", finishReason, ...(usage && { usage }) };
      }
    } finally {
      stop.abort(new DOMException("the consumer stopped reading", "AbortError"));
      await run;
    }
  }

  private generateCompletion(
    request: CompletionRequest,
    onText: ((text: string) => void) | undefined,
  ): Promise<Generation> {
    return this.exclusive(async ({ module, sequence, model }) => {
      const completion = new module.LlamaCompletion({
        contextSequence: sequence,
        autoDisposeSequence: false,
      });
      let tokens = 0;
      const options = {
        ...samplingOptions(request),
        ...(onText && { onTextChunk: onText }),
        onToken: (chunk: readonly unknown[]) => {
          tokens += chunk.length;
        },
      };
      try {
        const fim = request.suffix !== undefined && completion.infillSupported;
        if (request.suffix !== undefined && !fim) {
          this.options.logger.debug(
            { model: this.id },
            "model has no FIM tokens; completing the prompt alone",
          );
        }
        const result = fim
          ? await completion.generateInfillCompletionWithMeta(request.prompt, request.suffix ?? "", options)
          : await completion.generateCompletionWithMeta(request.prompt, options);
        return {
          text: result.response,
          finishReason: finishReasonOf(result.metadata.stopReason),
          usage: usage(sequence.contextTokens.length, tokens),
        };
      } catch (error) {
        throw request.signal?.aborted ? request.signal.reason : this.generationError(error, model);
      } finally {
        completion.dispose({ disposeSequence: false });
      }
    });
  }

  async close(): Promise<void> {
    const loading = this.loading;
    this.loading = undefined;
    if (loading) await (await loading).llama.dispose();
  }

  private generateChat(
    request: ChatRequest,
    onText: ((text: string) => void) | undefined,
  ): Promise<Generation> {
    const last = request.messages.at(-1);
    if (last?.role !== "user") {
      return Promise.reject(new InputError("chat: the last message must come from the user"));
    }
    const history: ChatHistoryItem[] = request.messages
      .slice(0, -1)
      .map((m) =>
        m.role === "assistant" ? { type: "model", response: [m.content] } : { type: m.role, text: m.content },
      );
    return this.exclusive(async ({ module, sequence, model }) => {
      const session = new module.LlamaChatSession({ contextSequence: sequence, autoDisposeSequence: false });
      let tokens = 0;
      try {
        session.setChatHistory(history);
        const result = await session.promptWithMeta(last.content, {
          ...samplingOptions(request),
          ...(onText && { onTextChunk: onText }),
          onToken: (chunk) => {
            tokens += chunk.length;
          },
        });
        return {
          text: result.responseText,
          finishReason: finishReasonOf(result.stopReason),
          usage: usage(sequence.contextTokens.length, tokens),
        };
      } catch (error) {
        throw request.signal?.aborted ? request.signal.reason : this.generationError(error, model);
      } finally {
        session.dispose({ disposeSequence: false });
      }
    });
  }

  /** Runs `work` alone on the (loaded) model, starting from an empty context. */
  private exclusive<T>(work: (loaded: Loaded) => Promise<T>): Promise<T> {
    const run = this.turn.then(async () => {
      const loaded = await this.load();
      await loaded.sequence.clearHistory();
      return work(loaded);
    });
    this.turn = run.catch(() => undefined); // the next call waits for this one, whatever its outcome
    return run;
  }

  private load(): Promise<Loaded> {
    this.loading ??= this.loadModel();
    const loading = this.loading;
    loading.catch(() => {
      if (this.loading === loading) this.loading = undefined; // let a later call try again
    });
    return loading;
  }

  private async loadModel(): Promise<Loaded> {
    const { modelPath, logger } = this.options;
    const started = Date.now();
    let module: typeof import("node-llama-cpp");
    let llama: Llama;
    try {
      module = await import("node-llama-cpp");
      llama = await module.getLlama({
        gpu: this.options.gpu ?? "auto",
        build: "never",
        logLevel: module.LlamaLogLevel.warn,
        logger: (level, message) => logger.debug({ level }, message.trim()),
      });
    } catch (error) {
      throw new UnavailableError(
        `node-llama-cpp cannot start llama.cpp on this machine: ${messageOf(error)}`,
        {
          code: "UPLIFT_LLAMA_UNAVAILABLE",
          cause: error,
          hint: "reinstall node-llama-cpp (it ships prebuilt binaries) or use an OpenAI-compatible endpoint (llm.base_url)",
        },
      );
    }
    try {
      const model = await llama.loadModel({ modelPath });
      const contextSize = Math.min(this.options.contextSize ?? 4096, model.trainContextSize);
      const context = await model.createContext({
        contextSize,
        ...(this.options.threads !== undefined && { threads: this.options.threads }),
      });
      logger.info({ model: modelPath, contextSize, ms: Date.now() - started }, "local GGUF model loaded");
      return { llama, model, sequence: context.getSequence(), module };
    } catch (error) {
      await llama.dispose();
      throw new InputError(`${modelPath}: llama.cpp cannot load this GGUF model: ${messageOf(error)}`, {
        cause: error,
        hint: "check llm.gguf_path points at a complete GGUF file of a supported architecture",
      });
    }
  }

  private generationError(error: unknown, model: LlamaModel): unknown {
    if (model.disposed) {
      return new UnavailableError(`${this.options.modelPath}: the model was closed during generation`, {
        cause: error,
      });
    }
    return error;
  }
}

/** Throws an InputError naming the path unless it is a readable file that starts with `GGUF`. */
export function checkGgufFile(modelPath: string): void {
  let size: number;
  try {
    const stat = statSync(modelPath);
    if (!stat.isFile())
      throw new InputError(`${modelPath}: not a file (llm.gguf_path must name a .gguf model file)`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new InputError(
      missing
        ? `${modelPath}: GGUF model file not found (llm.gguf_path)`
        : `${modelPath}: cannot read the GGUF model file (llm.gguf_path): ${messageOf(error)}`,
      { cause: error },
    );
  }
  const magic = Buffer.alloc(4);
  const fd = openSync(modelPath, "r");
  try {
    readSync(fd, magic, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 4 || magic.toString("latin1") !== "GGUF") {
    throw new InputError(
      `${modelPath}: not a GGUF model file (it does not start with "GGUF"; llm.gguf_path)`,
      {
        hint: "convert the model to GGUF with llama.cpp's convert_hf_to_gguf.py, or download a .gguf build",
      },
    );
  }
}

function samplingOptions(request: {
  maxTokens?: number;
  temperature?: number;
  stop?: string[];
  signal?: AbortSignal;
}) {
  return {
    ...(request.maxTokens !== undefined && { maxTokens: request.maxTokens }),
    temperature: request.temperature ?? 0,
    ...(request.stop?.length && { customStopTriggers: request.stop }),
    ...(request.signal && { signal: request.signal }),
  };
}

function finishReasonOf(reason: StopReason): FinishReason {
  if (reason === "maxTokens") return "length";
  if (reason === "eogToken" || reason === "stopGenerationTrigger" || reason === "customStopTrigger")
    return "stop";
  return "other";
}

function usage(contextTokens: number, completionTokens: number) {
  const promptTokens = Math.max(0, contextTokens - completionTokens);
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
