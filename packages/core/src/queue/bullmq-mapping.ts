import type { JobState as BullJobState, Job, JobsOptions, Queue } from "bullmq";
import { parseJobError } from "./job-error.js";
import { JOB_RETENTION } from "./job-options.js";
import type { Backoff, JobError, JobInfo, JobProgress, JobState } from "./types.js";

/** The one BullMQ queue that holds every job name; workers dispatch on `job.name`. */
export const QUEUE_NAME = "jobs";

export const RETENTION_OPTIONS = {
  removeOnComplete: { count: JOB_RETENTION.completed },
  removeOnFail: { count: JOB_RETENTION.failed },
} satisfies JobsOptions;

export function toBullBackoff(backoff: Backoff): { type: Backoff["type"]; delay: number } {
  return { type: backoff.type, delay: backoff.delayMs };
}

/** BullMQ's finer states folded into ours; undefined for "unknown" (no such job). */
export function toJobState(state: BullJobState | "unknown"): JobState | undefined {
  switch (state) {
    case "active":
    case "completed":
    case "failed":
    case "delayed":
    case "waiting":
      return state;
    case "prioritized":
    case "waiting-children":
      return "waiting";
    default:
      return undefined;
  }
}

export function toJobProgress(progress: unknown): JobProgress {
  if (typeof progress === "number") return progress;
  if (typeof progress === "object" && progress !== null) return progress as Record<string, unknown>;
  return 0;
}

/** A JobInfo from a BullMQ job read after its state (so a finished state has its final fields). */
export function toJobInfo(job: Job, state: JobState): JobInfo {
  const info: JobInfo = {
    id: job.id ?? "",
    name: job.name,
    data: job.data,
    state,
    progress: toJobProgress(job.progress),
    attempts: job.attemptsMade,
    maxAttempts: job.opts.attempts ?? 1,
    enqueuedAt: job.timestamp,
  };
  if (job.finishedOn) info.finishedAt = job.finishedOn;
  if (state === "completed") info.result = job.returnvalue ?? null;
  return info;
}

/**
 * The failure stored by our processor as the job's last log line (BullMQ itself keeps only
 * the message); falls back to the message for failures that never reached a handler.
 */
export async function readJobError(
  queue: Queue,
  id: string,
  failedReason: string | undefined,
): Promise<JobError> {
  const { logs } = await queue.getJobLogs(id);
  for (let i = logs.length - 1; i >= 0; i--) {
    const stored = parseJobError(logs[i] ?? "");
    if (stored) return stored;
  }
  return {
    message: failedReason || "the job failed without a reason",
    code: "UPLIFT_JOB_FAILED",
    kind: "internal",
  };
}
