import { type ErrorKind, UpliftError } from "../errors.js";
import type { JobError, JobInfo } from "./types.js";

const KINDS: readonly ErrorKind[] = [
  "input",
  "not_found",
  "conflict",
  "unauthorized",
  "unavailable",
  "internal",
];

/** The stored form of a handler's error. */
export function toJobError(error: unknown): JobError {
  if (error instanceof UpliftError) return { message: error.message, code: error.code, kind: error.kind };
  const message = error instanceof Error ? error.message : String(error);
  return { message, code: "UPLIFT_JOB_FAILED", kind: "internal" };
}

/** Bad input will not get better: an UpliftError of kind "input" is never retried. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof UpliftError && error.kind === "input");
}

/** Reads a JobError back from its JSON form; undefined when the text is not one. */
export function parseJobError(text: string): JobError | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined; // a log line written by someone else, not ours
  }
  if (typeof value !== "object" || value === null) return undefined;
  const { message, code, kind } = value as Record<string, unknown>;
  if (typeof message !== "string" || typeof code !== "string") return undefined;
  if (!KINDS.includes(kind as ErrorKind)) return undefined;
  return { message, code, kind: kind as ErrorKind };
}

/**
 * A job that failed for good, as an error for callers that waited for it (the CLI maps it to
 * an exit code like the original: bad input → 2).
 */
export class JobFailedError extends UpliftError {
  readonly jobId: string;

  constructor(job: Pick<JobInfo, "id" | "name" | "attempts"> & { error: JobError }) {
    super(
      job.error.code,
      job.error.kind,
      `job "${job.name}" (${job.id}) failed after ${job.attempts} attempt(s): ${job.error.message}`,
    );
    this.jobId = job.id;
  }
}
