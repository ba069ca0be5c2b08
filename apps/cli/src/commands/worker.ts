import { InputError, runWorker } from "@uplift/core";
import { withContext } from "../context.js";
import { registerJobs } from "../jobs.js";
import type { GlobalOptions } from "../options.js";

export async function workerCommand(global: GlobalOptions, options: { concurrency: string }) {
  const concurrency = Number(options.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InputError(`--concurrency: "${options.concurrency}" must be a whole number ≥ 1`);
  }
  await withContext(
    global,
    async (ctx) => {
      const queue = await ctx.queue();
      registerJobs(ctx, queue);
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      ctx.logger.info(
        { queue: ctx.config.queue.redis_url ? "bullmq" : "in-process", concurrency },
        ctx.config.queue.redis_url
          ? "worker started; stop with Ctrl-C (in-flight jobs finish first)"
          : "worker started on the in-process queue: it runs jobs scheduled in this process only; set queue.redis_url to share a queue between processes",
      );
      await runWorker(queue, { concurrency, signal: controller.signal });
    },
    { service: true },
  );
}
