import { z } from "zod";
import { InputError } from "../errors.js";
import type { Backoff, EnqueueOptions, ScheduleOptions } from "./types.js";

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF: Backoff = { type: "exponential", delayMs: 1000 };

/** Finished jobs kept for `get()` and idempotency; older ones are removed (both drivers). */
export const JOB_RETENTION = { completed: 1000, failed: 5000 } as const;

/** Ids a caller may choose: BullMQ rejects integers (they collide with generated ids) and ":" (its key separator). */
const customId = z
  .string()
  .min(1)
  .max(200)
  .refine((id) => String(Number.parseInt(id, 10)) !== id, "must not be an integer (generated ids are)")
  .refine((id) => !id.includes(":"), 'must not contain ":"');

const backoffSchema = z.strictObject({
  type: z.enum(["exponential", "fixed"]),
  delayMs: z.number().int().min(0),
});

const attempts = z.number().int().min(1).max(1000);

const enqueueSchema = z.strictObject({
  idempotencyKey: customId.optional(),
  attempts: attempts.optional(),
  backoff: backoffSchema.optional(),
  delayMs: z.number().int().min(0).optional(),
});

const scheduleSchema = z.strictObject({
  key: customId,
  everyMs: z.number().int().min(1),
  attempts: attempts.optional(),
  backoff: backoffSchema.optional(),
});

const jobName = z.string().min(1).max(200);

export interface ResolvedEnqueueOptions {
  idempotencyKey: string | undefined;
  attempts: number;
  backoff: Backoff;
  delayMs: number;
}

export interface ResolvedScheduleOptions {
  key: string;
  everyMs: number;
  attempts: number;
  backoff: Backoff;
}

/** Validates enqueue options and fills defaults; InputError naming the job and the field otherwise. */
export function resolveEnqueueOptions(name: string, options: EnqueueOptions = {}): ResolvedEnqueueOptions {
  checkJobName(name);
  const parsed = parseOrThrow(enqueueSchema, options, `enqueue options of job "${name}"`);
  return {
    idempotencyKey: parsed.idempotencyKey,
    attempts: parsed.attempts ?? DEFAULT_ATTEMPTS,
    backoff: parsed.backoff ?? DEFAULT_BACKOFF,
    delayMs: parsed.delayMs ?? 0,
  };
}

export function resolveScheduleOptions(name: string, options: ScheduleOptions): ResolvedScheduleOptions {
  checkJobName(name);
  const parsed = parseOrThrow(scheduleSchema, options, `schedule options of job "${name}"`);
  return {
    key: parsed.key,
    everyMs: parsed.everyMs,
    attempts: parsed.attempts ?? DEFAULT_ATTEMPTS,
    backoff: parsed.backoff ?? DEFAULT_BACKOFF,
  };
}

export function checkJobName(name: string): void {
  parseOrThrow(jobName, name, "job name");
}

/** Delay before the next attempt after `failedAttempts` failures (the formula BullMQ uses). */
export function backoffDelayMs(backoff: Backoff, failedAttempts: number): number {
  if (backoff.type === "fixed") return backoff.delayMs;
  return Math.round(2 ** Math.max(0, failedAttempts - 1) * backoff.delayMs);
}

/**
 * A JSON copy of job data or results, as Redis would store it; InputError when it cannot
 * be represented (a BigInt, a cycle). `undefined` becomes null.
 */
export function toJson(value: unknown, what: string): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new InputError(`${what} is not JSON-serialisable: ${(error as Error).message}`, { cause: error });
  }
  return text === undefined ? null : JSON.parse(text);
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
  );
  throw new InputError(`invalid ${what}: ${problems.join("; ")}`);
}
