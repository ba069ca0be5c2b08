import type { Store } from "@uplift/core";
import {
  type AnalysisRecord,
  ExperimentRepository,
  effectSentence,
  renderExperimentReport,
} from "@uplift/experiment";
import type { ExperimentAnalysisResponse, ExperimentsService } from "@uplift/server";
import { experimentDetail } from "./server-experiment-detail.js";

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

function analysisSummary(record: AnalysisRecord): ExperimentAnalysisResponse {
  const { effect, n, checks } = record.report;
  return {
    metric: record.metric,
    role: record.role,
    summary: effectSentence(record.report, record.metric),
    effect: {
      estimate: effect.estimate,
      ci: effect.ci,
      p_value: effect.p_value,
      scale: effect.scale,
      conf_level: effect.conf_level,
      method: effect.method,
    },
    units: { treatment: n.treatment.units, control: n.control.units },
    srm_flag: checks.srm_flag,
    warnings: checks.warnings,
  };
}
