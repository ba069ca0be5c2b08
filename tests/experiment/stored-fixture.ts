import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../cli/run-cli.js";

/** A small deterministic generator (mulberry32) so the fixture is the same on every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const START = "2026-03-02";
const TEAMS = ["web", "api", "data"];
const LEVELS = ["junior", "senior"];

export interface StoredFixture {
  dataDir: string;
  /** The experiment's name. */
  name: string;
  /** True relative change of merge time in the treatment arm after the start. */
  mergeEffect: number;
}

/**
 * A data dir with 60 developers (teams web/api/data, seniority), an experiment designed by the CLI
 * (start 2026-03-02, 14-day ramp-up), and PRs imported through `measure import csv`: 8 weeks
 * before the start and 10 after, log merge hours = log 12 + developer effect (sd 0.5) + noise
 * (sd 0.7), × (1 + mergeEffect) for treatment PRs created after the start — and for seniors
 * × (1 + seniorExtra) on top (heterogeneity). Some PRs are reverted (attribute only).
 */
export function storedFixture(
  dir: string,
  options: { mergeEffect?: number; seniorExtra?: number; developers?: number } = {},
): StoredFixture {
  const mergeEffect = options.mergeEffect ?? -0.2;
  const seniorExtra = options.seniorExtra ?? 0;
  const n = options.developers ?? 60;
  const dataDir = path.join(dir, "data");
  const cli = (...args: string[]) => {
    const result = runCli(["--data-dir", dataDir, ...args]);
    if (result.status !== 0) throw new Error(`uplift ${args.join(" ")}: ${result.stderr}`);
    return result;
  };
  const developers = Array.from({ length: n }, (_, i) => ({
    login: `dev${String(i).padStart(2, "0")}`,
    team: TEAMS[i % 3] as string,
    seniority: LEVELS[Math.floor(i / 3) % 2] as string,
  }));
  const developersCsv = path.join(dir, "developers.csv");
  writeFileSync(
    developersCsv,
    `login,team,seniority\n${developers.map((d) => `${d.login},${d.team},${d.seniority}`).join("\n")}\n`,
  );
  cli("measure", "import", "csv", "--kind", "developers", developersCsv);
  const assignment = path.join(dir, "assignment.csv");
  cli(
    "experiment",
    "design",
    "--units",
    developersCsv,
    "--stratify",
    "team,seniority",
    "--seed",
    "11",
    "--out",
    assignment,
    "--name",
    "pilot",
    "--start",
    START,
    "--ramp-up-days",
    "14",
  );
  const arm = new Map(
    readFileSync(assignment, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",") as [string, string]),
  );
  const random = generator(20260302);
  const start = Date.parse(`${START}T00:00:00Z`);
  const rows = ["id,repo,author,created_at,merged_at,additions,deletions"];
  let id = 0;
  for (const dev of developers) {
    const devEffect = 0.5 * normal(random);
    const prsPerWeek = 1 + Math.floor(random() * 3);
    for (let week = -8; week < 10; week++) {
      for (let k = 0; k < prsPerWeek; k++) {
        const created = start + week * 7 * DAY + Math.floor(random() * 5 * DAY) + 9 * HOUR;
        let log = Math.log(12) + devEffect + 0.7 * normal(random);
        if (week >= 0 && arm.get(dev.login) === "treatment") {
          log += Math.log1p(mergeEffect);
          if (dev.seniority === "senior") log += Math.log1p(seniorExtra);
        }
        const merged = created + Math.round(Math.exp(log) * HOUR);
        const additions = Math.round(Math.exp(4 + normal(random)));
        rows.push(
          `pr${id++},repo-${dev.team},${dev.login},${new Date(created).toISOString()},${new Date(merged).toISOString()},${additions},${Math.round(additions / 3)}`,
        );
      }
    }
  }
  const prs = path.join(dir, "prs.csv");
  writeFileSync(prs, `${rows.join("\n")}\n`);
  cli("measure", "import", "csv", "--kind", "prs", prs);

  // a survey after the ramp-up: "productive" higher in the treatment arm, "quality" alike
  const answers = ["respondent,item,value,submitted_at"];
  for (const dev of developers) {
    const treated = arm.get(dev.login) === "treatment";
    const productive = Math.min(5, Math.max(1, Math.round(3 + (treated ? 1 : 0) + normal(random))));
    const quality = Math.min(5, Math.max(1, Math.round(3 + normal(random))));
    answers.push(`${dev.login},productive,${productive},2026-05-01T10:00:00Z`);
    answers.push(`${dev.login},quality,${quality},2026-05-01T10:00:00Z`);
  }
  const survey = path.join(dir, "survey.csv");
  writeFileSync(survey, `${answers.join("\n")}\n`);
  cli("measure", "import", "csv", "--kind", "survey", survey);

  // assistant telemetry for the treatment arm only (control has no assistant), weekdays from the start
  const days = ["user,date,shown,accepted"];
  for (const dev of developers) {
    if (arm.get(dev.login) !== "treatment") continue;
    for (let d = 0; d < 70; d++) {
      const day = new Date(start + d * DAY);
      if (day.getUTCDay() === 0 || day.getUTCDay() === 6 || random() < 0.2) continue;
      const shown = 20 + Math.floor(random() * 40);
      let accepted = 0;
      for (let k = 0; k < shown; k++) if (random() < 0.3) accepted++;
      days.push(`${dev.login},${day.toISOString().slice(0, 10)},${shown},${accepted}`);
    }
  }
  const telemetry = path.join(dir, "telemetry.csv");
  writeFileSync(telemetry, `${days.join("\n")}\n`);
  cli("measure", "import", "csv", "--kind", "telemetry", telemetry);
  return { dataDir, name: "pilot", mergeEffect };
}
