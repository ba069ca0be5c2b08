import { ExperimentRepository, renderExperimentReport, stageFile } from "@uplift/experiment";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { experimentName } from "./experiment-flags.js";

/** `uplift experiment report NAME --out report.html` (DESIGN: CLI contract). */
export async function reportCommand(
  global: GlobalOptions,
  flags: { out: string },
  [nameArg]: string[],
): Promise<void> {
  const name = experimentName(nameArg ?? "");
  await withContext(global, async (ctx) => {
    const repository = new ExperimentRepository(await ctx.store());
    const experiment = await repository.get(name);
    const [design, assignments, analyses, feedback] = await Promise.all([
      repository.design(name),
      repository.assignments(name),
      repository.analyses(name),
      repository.feedback(name),
    ]);
    const html = renderExperimentReport({
      experiment,
      design,
      assignments,
      analyses,
      generatedAt: new Date(),
      ...feedback,
    });
    stageFile(flags.out, html).commit();
    const result = {
      name,
      out: flags.out,
      metrics: analyses.map((a) => a.metric),
      bytes: Buffer.byteLength(html),
    };
    ctx.print(
      result,
      (r) =>
        `report of experiment ${r.name} written to ${r.out} (${r.metrics.length ? `metrics: ${r.metrics.join(", ")}` : "no analyses saved yet"})`,
    );
  });
}
