import type { Store } from "@uplift/core";
import { ExperimentRepository, renderExperimentReport } from "@uplift/experiment";
import type { ExperimentsService } from "@uplift/server";
import { analysisSummary, experimentDetail } from "./server-experiment-detail.js";

/**
 * The server's experiments over @uplift/experiment: each experiment's definition and the analyses
 * stored by `uplift experiment analyze --save`, summarised as the HTML report words them.
 */
export function createExperimentsService(store: Store): ExperimentsService {
  const repository = new ExperimentRepository(store);
  return {
    async list() {
      const experiments = [];
      for (const name of await repository.names()) {
        const experiment = await repository.get(name);
        const analyses = await repository.analyses(name);
        experiments.push({
          name,
          arms: experiment.arms,
          starts_at: new Date(experiment.startsAt).toISOString(),
          created_at: new Date(experiment.createdAt).toISOString(),
          analyses: analyses.map(analysisSummary),
        });
      }
      return { experiments };
    },
    get: (name) => experimentDetail(repository, name),
    async reportHtml(name) {
      const experiment = await repository.get(name);
      const [design, assignments, analyses, feedback] = await Promise.all([
        repository.design(name),
        repository.assignments(name),
        repository.analyses(name),
        repository.feedback(name),
      ]);
      return renderExperimentReport({
        experiment,
        design,
        assignments,
        analyses,
        generatedAt: new Date(),
        ...feedback,
      });
    },
  };
}
