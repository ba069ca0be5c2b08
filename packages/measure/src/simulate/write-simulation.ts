import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Simulation } from "./simulate-organisation.js";

/** The files a simulation writes, each importable with `uplift measure import csv --kind KIND`. */
export const SIMULATION_FILES = {
  developers: "developers.csv",
  prs: "prs.csv",
  deployments: "deployments.csv",
  incidents: "incidents.csv",
  telemetry: "telemetry.csv",
} as const;

/**
 * Writes a simulation as CSV files (plus `assignment.csv` — unit, arm, team — and `truth.json`,
 * the parameters it was drawn from) into `dir`. Returns the paths written.
 */
export async function writeSimulation(dir: string, simulation: Simulation): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    [
      SIMULATION_FILES.developers,
      csv(
        ["login", "team", "role", "aliases"],
        simulation.developers.map((d) => [d.login, d.team, d.role, d.aliases.join(";")]),
      ),
    ],
    [
      SIMULATION_FILES.prs,
      csv(
        [
          "id",
          "repo",
          "number",
          "author",
          "title",
          "created_at",
          "merged_at",
          "first_commit_at",
          "first_review_at",
          "additions",
          "deletions",
          "draft",
          "author_is_bot",
          "source",
        ],
        simulation.prs.map((p) => [
          p.id,
          p.repo,
          p.number,
          p.author,
          p.title,
          p.created_at,
          p.merged_at,
          p.first_commit_at,
          p.first_review_at,
          p.additions,
          p.deletions,
          p.draft,
          p.author_is_bot,
          p.source,
        ]),
      ),
    ],
    [
      SIMULATION_FILES.deployments,
      csv(
        ["id", "repo", "environment", "sha", "finished_at", "status", "source"],
        simulation.deployments.map((d) => [
          d.id,
          d.repo,
          d.environment,
          d.sha,
          d.finished_at,
          d.status,
          d.source,
        ]),
      ),
    ],
    [
      SIMULATION_FILES.incidents,
      csv(
        ["id", "service", "started_at", "resolved_at", "deployment_id", "source"],
        simulation.incidents.map((i) => [
          i.id,
          i.service,
          i.started_at,
          i.resolved_at,
          i.deployment_id,
          i.source,
        ]),
      ),
    ],
    [
      SIMULATION_FILES.telemetry,
      csv(
        ["user", "date", "shown", "accepted", "source"],
        simulation.telemetry.map((t) => [t.user, t.date, t.shown, t.accepted, t.source]),
      ),
    ],
    [
      "assignment.csv",
      csv(
        ["unit", "arm", "team"],
        simulation.assignments.map((a) => [a.unit, a.arm, a.team]),
      ),
    ],
    ["truth.json", `${JSON.stringify(simulation.truth, null, 2)}\n`],
  ];
  const written: string[] = [];
  for (const [name, text] of files) {
    const file = path.join(dir, name);
    await writeFile(file, text);
    written.push(file);
  }
  return written;
}

function csv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (value: unknown) => {
    if (value === undefined || value === null) return "";
    const text = String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[header, ...rows].map((row) => row.map(cell).join(",")).join("\n")}\n`;
}
