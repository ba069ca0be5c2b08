import type { Deployment, Developer, Incident, PullRequest, TelemetryDay } from "../records.js";
import { createDraws } from "./random.js";

/** Knobs of the simulated organisation; every default is the demo's. */
export interface SimulationOptions {
  seed?: number;
  developers?: number;
  teams?: number;
  repos?: number;
  /** Weeks simulated; the assistant rolls out to the treatment arm after `preWeeks`. */
  weeks?: number;
  preWeeks?: number;
  /** Monday 00:00 UTC of the first week. */
  start?: string;
  /** True relative change of PR merge time in the treatment arm after roll-out (−0.17 = −17 %). */
  mergeTimeEffect?: number;
}

/**
 * The ground truth the simulator draws from: the parameters, not the sample's values, so that a
 * test (or a demo viewer) can check that the metrics recover them within sampling error.
 */
export interface SimulationTruth {
  seed: number;
  start: string;
  rollout: string;
  weeks: number;
  /** Merge time of a PR: lognormal, median `merge_time_median_hours` × developer effect × arm effect. */
  merge_time_median_hours: number;
  merge_time_log_sd: number;
  developer_log_sd: number;
  /** exp(β) − 1 for treatment PRs created after roll-out (the reference rollout reported −17 %). */
  merge_time_effect: number;
  prs_per_developer_week: number;
  unmerged_share: number;
  draft_share: number;
  /** Successful production deployments that cause an incident. */
  change_failure_rate: number;
  deploy_probability_per_weekday: number;
  time_to_restore_median_hours: number;
  /** accepted / shown of every suggestion (binomial per user-day). */
  acceptance_rate: number;
  suggestions_shown_per_active_day: number;
  /** Bot PRs per repository-week (authored by renovate[bot]; excluded by the metrics). */
  bot_prs_per_repo_week: number;
}

export interface Simulation {
  truth: SimulationTruth;
  developers: Developer[];
  assignments: { unit: string; arm: "control" | "treatment"; team: string }[];
  prs: PullRequest[];
  deployments: Deployment[];
  incidents: Incident[];
  telemetry: TelemetryDay[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Simulates an organisation's delivery data with known parameters: developers in teams, assigned
 * to control/treatment (alternating within each team), PRs with lognormal phases, deployments,
 * incidents caused by a known share of them, and assistant telemetry for the treatment arm after
 * roll-out. Deterministic for a seed. All names are synthetic (dev001, svc-a): nothing is real.
 */
export function simulateOrganisation(options: SimulationOptions = {}): Simulation {
  const seed = options.seed ?? 20261126;
  const draws = createDraws(seed);
  const weeks = options.weeks ?? 12;
  const preWeeks = options.preWeeks ?? 4;
  const startMs = Date.parse(options.start ?? "2025-01-06T00:00:00Z");
  const rolloutMs = startMs + preWeeks * 7 * DAY;
  const truth: SimulationTruth = {
    seed,
    start: new Date(startMs).toISOString(),
    rollout: new Date(rolloutMs).toISOString(),
    weeks,
    merge_time_median_hours: 20,
    merge_time_log_sd: 0.8,
    developer_log_sd: 0.4,
    merge_time_effect: options.mergeTimeEffect ?? -0.17,
    prs_per_developer_week: 3,
    unmerged_share: 0.08,
    draft_share: 0.02,
    change_failure_rate: 0.1,
    deploy_probability_per_weekday: 0.8,
    time_to_restore_median_hours: 2,
    acceptance_rate: 0.3,
    suggestions_shown_per_active_day: 80,
    bot_prs_per_repo_week: 1,
  };
  const teams = Array.from({ length: options.teams ?? 6 }, (_, i) => `team-${String.fromCharCode(97 + i)}`);
  const repos = Array.from({ length: options.repos ?? 4 }, (_, i) => `svc-${String.fromCharCode(97 + i)}`);
  const developers: Developer[] = [];
  const assignments: Simulation["assignments"] = [];
  const devEffect = new Map<string, number>();
  const perTeam = new Map<string, number>();
  for (let i = 0; i < (options.developers ?? 60); i++) {
    const login = `dev${String(i + 1).padStart(3, "0")}`;
    const team = teams[i % teams.length] as string;
    const index = perTeam.get(team) ?? 0;
    perTeam.set(team, index + 1);
    developers.push({
      login,
      team,
      role: "engineer",
      aliases: [`${login}@example.com`],
      attributes: {},
    });
    assignments.push({ unit: login, arm: index % 2 === 0 ? "control" : "treatment", team });
    devEffect.set(login, draws.normal(0, truth.developer_log_sd));
  }
  const arms = new Map(assignments.map((a) => [a.unit, a.arm]));
  const iso = (ms: number) => new Date(Math.round(ms / 1000) * 1000).toISOString();
  const prs: PullRequest[] = [];
  const workingTime = (week: number) =>
    startMs + week * 7 * DAY + draws.uniform() * 5 * DAY + (8 + draws.uniform() * 9) * HOUR;
  for (const developer of developers) {
    for (let week = 0; week < weeks; week++) {
      for (let k = draws.poisson(truth.prs_per_developer_week); k > 0; k--) {
        const created = workingTime(week);
        const treated = arms.get(developer.login) === "treatment" && created >= rolloutMs;
        const logMedian =
          Math.log(truth.merge_time_median_hours) +
          (devEffect.get(developer.login) ?? 0) +
          (treated ? Math.log(1 + truth.merge_time_effect) : 0);
        const mergeHours = draws.lognormal(logMedian, truth.merge_time_log_sd);
        const merged = !draws.bernoulli(truth.unmerged_share);
        const firstCommit = created - draws.lognormal(Math.log(6), 1) * HOUR;
        const pickup = mergeHours * (0.1 + 0.5 * draws.uniform());
        const reviewed = draws.bernoulli(0.95);
        const repo = pick(repos, `${developer.login}:${week}:${k}`);
        prs.push({
          id: `${repo}#${prs.length + 1}`,
          source: "simulation",
          repo,
          number: prs.length + 1,
          // a third of the PRs carry the developer's email alias: identity resolution must merge them
          author: prs.length % 3 === 0 ? `${developer.login}@example.com` : developer.login,
          title: `change ${prs.length + 1}`,
          created_at: iso(created),
          merged_at: merged ? iso(created + mergeHours * HOUR) : undefined,
          first_commit_at: iso(firstCommit),
          first_review_at: reviewed ? iso(created + pickup * HOUR) : undefined,
          additions: Math.round(draws.lognormal(Math.log(80), 1)),
          deletions: Math.round(draws.lognormal(Math.log(20), 1)),
          draft: draws.bernoulli(truth.draft_share),
          author_is_bot: false,
          attributes: { arm: arms.get(developer.login), treated },
        });
      }
    }
  }
  for (const repo of repos) {
    for (let week = 0; week < weeks; week++) {
      const created = workingTime(week);
      prs.push({
        id: `${repo}#bot-${week}`,
        source: "simulation",
        repo,
        author: "renovate[bot]",
        title: "chore(deps): bump",
        created_at: iso(created),
        merged_at: iso(created + 0.5 * HOUR),
        additions: 4,
        deletions: 4,
        draft: false,
        author_is_bot: true,
        attributes: {},
      });
    }
  }
  const deployments: Deployment[] = [];
  const incidents: Incident[] = [];
  for (const repo of repos) {
    for (let day = 0; day < weeks * 7; day++) {
      if (day % 7 >= 5 || !draws.bernoulli(truth.deploy_probability_per_weekday)) continue;
      const finished = startMs + day * DAY + (10 + draws.uniform() * 7) * HOUR;
      const id = `${repo}-deploy-${day}`;
      deployments.push({
        id,
        source: "simulation",
        repo,
        environment: "production",
        sha: `${repo}-${day}`.padEnd(12, "0"),
        finished_at: iso(finished),
        status: "success",
        attributes: {},
      });
      if (!draws.bernoulli(truth.change_failure_rate)) continue;
      const started = finished + (0.5 + draws.uniform() * 3) * HOUR;
      const explicit = draws.bernoulli(0.5);
      incidents.push({
        id: `inc-${incidents.length + 1}`,
        source: "simulation",
        service: repo,
        started_at: iso(started),
        resolved_at: iso(started + draws.lognormal(Math.log(truth.time_to_restore_median_hours), 0.7) * HOUR),
        deployment_id: explicit ? id : undefined,
        attributes: {},
      });
    }
  }
  const telemetry: TelemetryDay[] = [];
  for (const { unit, arm } of assignments) {
    if (arm !== "treatment") continue;
    for (let day = preWeeks * 7; day < weeks * 7; day++) {
      if (day % 7 >= 5) continue;
      const shown = draws.poisson(truth.suggestions_shown_per_active_day / 10) * 10;
      let accepted = 0;
      for (let s = 0; s < shown; s++) if (draws.bernoulli(truth.acceptance_rate)) accepted++;
      telemetry.push({
        user: unit,
        date: iso(startMs + day * DAY).slice(0, 10),
        source: "simulation",
        shown,
        accepted,
        attributes: {},
      });
    }
  }
  return { truth, developers, assignments, prs, deployments, incidents, telemetry };
}

/** A stable choice from a list by a key (a developer works mostly in one repository). */
function pick<T>(items: readonly T[], key: string): T {
  let hash = 0;
  for (const char of key) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return items[Math.abs(hash) % items.length] as T;
}
