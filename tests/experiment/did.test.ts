import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../cli/run-cli.js";

const dir = tempDir("uplift-exp-did-");

/**
 * A staggered rollout: 60 developers, 12 weeks; 20 get the tool in week 5, 20 in week 9, 20 never.
 * log(hours) = developer effect + week shock + noise, and from the treated week on −0.1 in the
 * first week growing by −0.05 a week (an effect that grows: the case where TWFE is biased).
 */
function writePanel(file: string): { trueAtt: number } {
  let state = 7;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const noise = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const weekShock = Array.from({ length: 13 }, () => 0.2 * noise());
  const rows = ["developer,week,tool_from,merge_hours"];
  let sum = 0;
  let cells = 0;
  for (let d = 0; d < 60; d++) {
    const from = d < 20 ? 5 : d < 40 ? 9 : null;
    const devEffect = Math.log(12) + 0.5 * noise();
    for (let week = 1; week <= 12; week++) {
      const effect = from !== null && week >= from ? -0.1 - 0.05 * (week - from) : 0;
      if (effect !== 0) {
        sum += effect;
        cells++;
      }
      const hours = Math.exp(devEffect + (weekShock[week] as number) + effect + 0.1 * noise());
      rows.push(`dev${d},${week},${from ?? ""},${hours.toFixed(4)}`);
    }
  }
  writeFileSync(file, `${rows.join("\n")}\n`);
  return { trueAtt: Math.expm1(sum / cells) };
}

const panel = path.join(dir, "panel.csv");
const { trueAtt } = writePanel(panel);
const did = (...extra: string[]) =>
  runCli([
    "experiment",
    "did",
    "--data",
    panel,
    "--unit",
    "developer",
    "--time",
    "week",
    "--treated-from",
    "tool_from",
    "--outcome",
    "merge_hours",
    "--log-outcome",
    "--bootstrap",
    "300",
    ...extra,
  ]);

describe("uplift experiment did", () => {
  it("estimates the staggered rollout's effect with group-time ATTs, labelled observational", () => {
    const result = did("--json");
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.label).toBe("observational");
    expect(out.design).toMatchObject({ units: 60, never_treated: 20, control_group: "never_treated" });
    expect(out.design.cohorts).toEqual([
      { first_treated: "5", units: 20 },
      { first_treated: "9", units: 20 },
    ]);
    expect(out.att.scale).toBe("relative");
    expect(out.att.ci[0]).toBeLessThan(trueAtt);
    expect(out.att.ci[1]).toBeGreaterThan(trueAtt);
    // the growing effect: event time 3 is stronger than event time 0
    const at = (e: number) =>
      out.event_study.find((x: { event_time: number }) => x.event_time === e).estimate;
    expect(at(3)).toBeLessThan(at(0));
    // placebo periods before treatment are near zero
    for (const e of out.event_study.filter((x: { event_time: number }) => x.event_time < 0)) {
      expect(Math.abs(e.estimate)).toBeLessThan(0.15);
    }
    expect(out.twfe.note).toMatch(/biased/);
    // with a growing effect TWFE is pulled towards zero (already-treated units serve as controls)
    expect(out.twfe.estimate).toBeGreaterThan(out.att.estimate);
    expect(out.pre_trends.cells).toBe(10);
    expect(out.warnings.join(" ")).toMatch(/observational: treatment was not randomized/);
  });

  it("uses not-yet-treated controls on request, and says OBSERVATIONAL in the text output", () => {
    const json = did("--control-group", "not-yet-treated", "--json");
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).design.control_group).toBe("not_yet_treated");
    const text = did();
    expect(text.stdout).toMatch(/^OBSERVATIONAL \(not randomized\)/);
    expect(text.stdout).not.toMatch(/NaN/);
  });

  it("exits 2 for an unknown column, a treated-from that changes within a unit, and no treated unit", () => {
    const unknown = runCli([
      "experiment",
      "did",
      "--data",
      panel,
      "--unit",
      "dev",
      "--time",
      "week",
      "--treated-from",
      "tool_from",
      "--outcome",
      "merge_hours",
    ]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/dev/);
    const changing = path.join(dir, "changing.csv");
    writeFileSync(changing, "developer,week,tool_from,merge_hours\na,1,2,3\na,2,3,4\nb,1,,3\nb,2,,5\n");
    const bad = runCli([
      "experiment",
      "did",
      "--data",
      changing,
      "--unit",
      "developer",
      "--time",
      "week",
      "--treated-from",
      "tool_from",
      "--outcome",
      "merge_hours",
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unit "a" has tool_from "2" on line 2 but "3" on line 3/);
    const none = path.join(dir, "none.csv");
    writeFileSync(none, "developer,week,tool_from,merge_hours\na,1,,3\na,2,,4\nb,1,,3\nb,2,,5\n");
    const untreated = runCli([
      "experiment",
      "did",
      "--data",
      none,
      "--unit",
      "developer",
      "--time",
      "week",
      "--treated-from",
      "tool_from",
      "--outcome",
      "merge_hours",
    ]);
    expect(untreated.status).toBe(2);
    expect(untreated.stderr).toMatch(/no unit .* is treated/);
  });
});
