import { ConflictError, InputError, UnavailableError } from "../errors.js";
import type { Logger } from "../logger.js";
import { checkJobName, toJson } from "./job-options.js";
import type { JobHandler, JobProgress, RegisterOptions } from "./types.js";

interface Registered {
  handler: JobHandler<unknown, unknown>;
  schema: { parse(data: unknown): unknown } | undefined;
}

/** One attempt as a driver sees it, before the handler's context is built. */
export interface Attempt {
  id: string;
  name: string;
  data: unknown;
  attempt: number;
  signal: AbortSignal;
  progress(progress: JobProgress): Promise<void>;
}

/** The handlers of one queue, by job name; shared by both drivers so that a job runs the same on each. */
export class HandlerRegistry {
  readonly #handlers = new Map<string, Registered>();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  register<D, R>(name: string, handler: JobHandler<D, R>, options: RegisterOptions<D> = {}): void {
    checkJobName(name);
    if (this.#handlers.has(name))
      throw new ConflictError(`a handler for job "${name}" is already registered`);
    this.#handlers.set(name, { handler: handler as JobHandler<unknown, unknown>, schema: options.schema });
  }

  /** Validates the data, runs the handler and returns its result as JSON (undefined → null). */
  async run(attempt: Attempt): Promise<unknown> {
    const registered = this.#handlers.get(attempt.name);
    if (!registered) {
      throw new UnavailableError(`no handler is registered for job "${attempt.name}" in this process`, {
        hint: "run the job where its package registers it (`uplift worker` registers all jobs)",
      });
    }
    let data = attempt.data;
    if (registered.schema) {
      try {
        data = registered.schema.parse(attempt.data);
      } catch (error) {
        throw new InputError(
          `data of job "${attempt.name}" (${attempt.id}) is invalid: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
    }
    const log = this.#logger.child({ job: attempt.name, job_id: attempt.id, attempt: attempt.attempt });
    const result = await registered.handler({
      id: attempt.id,
      name: attempt.name,
      data,
      attempt: attempt.attempt,
      signal: attempt.signal,
      progress: (progress) =>
        attempt.progress(toJson(progress, `progress of job "${attempt.name}"`) as JobProgress),
      log,
    });
    return toJson(result, `result of job "${attempt.name}"`);
  }
}
