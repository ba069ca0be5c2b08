import type { PrFact } from "./facts.js";
import { explainFlowRecords, FLOW_METRIC_NAMES } from "./flow-explain.js";
import { groupOf, inWindow } from "./grouping.js";
import { linkIncidents } from "./incident-links.js";
import { leadTimesForDeployment } from "./lead-time.js";
import { prColumns, prFactAt } from "./pr-columns.js";
import {
  prAnchor,
  prCodingTimeHours,
  prCycleTimeHours,
  prExclusion,
  prMergeTimeHours,
  prPickupTimeHours,
  prReviewTimeHours,
} from "./pr-flow.js";
import { isProductionSuccess } from "./production.js";
import { explainQualityRecords, isQualityMetric } from "./quality-explain.js";
import { measureSpan } from "./span.js";
import { incidentsFromDeploys } from "./time-to-restore.js";
import type { MetricInputs, ResolvedOptions } from "./types.js";

/** One record behind a metric value: its id, group, the value it contributed or why it was excluded. */
export interface ExplainRecord {
  record: string;
  group: string | null;
  at: string;
  value: number | null;
  excluded: string | null;
  [detail: string]: unknown;
}

const PR_SPANS: Record<string, (pr: PrFact) => number | string> = {
  pr_merge_time: prMergeTimeHours,
  pr_cycle_time: prCycleTimeHours,
  pr_coding_time: prCodingTimeHours,
  pr_pickup_time: prPickupTimeHours,
  pr_review_time: prReviewTimeHours,
  pr_size: (pr) => (Number.isNaN(pr.size) ? "missing_size" : pr.size),
  prs_per_developer_week: () => 1,
};

const iso = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms).toISOString());

/**
 * The records behind a metric in the window (the per-PR drill-down): what each contributed, in
 * which group, or why it was excluded. Pure; same rules as the metric itself.
 */
export function explainRecords(
  name: string,
  inputs: MetricInputs,
  options: ResolvedOptions,
): ExplainRecord[] {
  const out: ExplainRecord[] = [];
  const push = (
    record: string,
    group: string | undefined,
    at: number,
    result: number | string,
    detail: object,
  ) =>
    out.push({
      record,
      group: group ?? null,
      at: iso(at) as string,
      value: typeof result === "number" ? result : null,
      excluded: typeof result === "string" ? result : null,
      ...detail,
    });
  if ((FLOW_METRIC_NAMES as readonly string[]).includes(name))
    return explainFlowRecords(name, inputs, options);
  if (isQualityMetric(name)) return explainQualityRecords(name, inputs, options);
  const prSpan = PR_SPANS[name];
  if (prSpan) {
    const prs = prColumns(inputs.prs);
    for (let i = 0; i < prs.length; i++) {
      const pr = prFactAt(prs, i);
      const anchor = prAnchor(pr);
      if (!inWindow(options, anchor)) continue;
      if (name !== "pr_merge_time" && Number.isNaN(pr.merged)) continue;
      const excluded = Number.isNaN(pr.merged) ? "not_merged" : prExclusion(pr, options);
      push(
        pr.id,
        groupOf(options, { login: pr.author, repo: pr.repo }, anchor),
        anchor,
        excluded ?? prSpan(pr),
        {
          repo: pr.repo,
          author: pr.author,
          created_at: iso(pr.created),
          merged_at: iso(pr.merged),
          first_commit_at: iso(pr.firstCommit),
          first_review_at: iso(pr.firstReview),
          size: Number.isNaN(pr.size) ? null : pr.size,
        },
      );
    }
  } else if (name === "time_to_restore") {
    for (const incident of inputs.incidents) {
      const anchor = Number.isNaN(incident.resolved) ? incident.started : incident.resolved;
      if (!inWindow(options, anchor)) continue;
      push(
        incident.id,
        groupOf(options, { repo: incident.service }, anchor),
        anchor,
        measureSpan(incident.started, incident.resolved),
        {
          service: incident.service,
          started_at: iso(incident.started),
          resolved_at: iso(incident.resolved),
        },
      );
    }
  } else if (name === "time_to_restore_from_deploy") {
    for (const { incident, deployment, rule, anchor } of incidentsFromDeploys(inputs, options).linked)
      push(
        incident.id,
        groupOf(options, { repo: incident.service }, anchor),
        anchor,
        measureSpan(deployment.finished, incident.resolved),
        {
          service: incident.service,
          deployment: deployment.id,
          link_rule: rule,
          deployed_at: iso(deployment.finished),
          resolved_at: iso(incident.resolved),
        },
      );
  } else if (name === "deployment_frequency" || name === "change_failure_rate") {
    const production = inputs.deployments.filter((d) => isProductionSuccess(d, options));
    const { links } = linkIncidents(
      inputs.incidents,
      inputs.deployments,
      production,
      options.incidentWindowHours,
    );
    const incidentsOf = new Map<string, string[]>();
    for (const link of links)
      incidentsOf.set(link.deploymentId, [
        ...(incidentsOf.get(link.deploymentId) ?? []),
        `${link.incidentId} (${link.rule})`,
      ]);
    for (const deployment of production) {
      if (!inWindow(options, deployment.finished)) continue;
      const incidents = incidentsOf.get(deployment.id) ?? [];
      const value = name === "change_failure_rate" ? (incidents.length > 0 ? 1 : 0) : 1;
      push(
        deployment.id,
        groupOf(options, { repo: deployment.repo }, deployment.finished),
        deployment.finished,
        value,
        {
          repo: deployment.repo,
          service: deployment.service,
          environment: deployment.environment,
          sha: deployment.sha,
          incidents: incidents.join(" "),
        },
      );
    }
  } else if (name === "lead_time_for_change") {
    for (const deployment of inputs.deployments) {
      if (!isProductionSuccess(deployment, options) || !inWindow(options, deployment.finished)) continue;
      const commits = inputs.deploymentCommits?.get(deployment.id) ?? [];
      leadTimesForDeployment(deployment, commits).forEach((result, i) => {
        const commit = commits[i];
        if (!commit) return;
        push(
          `${deployment.id}:${commit.sha}`,
          groupOf(options, { login: commit.author, repo: deployment.repo }, deployment.finished),
          deployment.finished,
          result,
          {
            deployment: deployment.id,
            sha: commit.sha,
            author: commit.author,
            authored_at: iso(commit.authored),
          },
        );
      });
    }
  } else {
    for (const day of inputs.telemetry) {
      if (!inWindow(options, day.day)) continue;
      push(
        `${day.user}@${iso(day.day)?.slice(0, 10)}`,
        groupOf(options, { login: day.user }, day.day),
        day.day,
        day.shown > 0 ? day.accepted / day.shown : "nothing_shown",
        {
          user: day.user,
          shown: day.shown,
          accepted: day.accepted,
        },
      );
    }
  }
  return out;
}
