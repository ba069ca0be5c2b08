import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { coreMigrations, openStore, type Store } from "@uplift/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile } from "../import/import-file.js";
import { measureMigrations } from "../migrations.js";
import { readDevelopers, readSurveyAnswers, readTelemetryDays } from "./people-records.js";

const root = mkdtempSync(path.join(tmpdir(), "measure-people-"));
let store: Store;

async function load(kind: "developers" | "survey" | "telemetry", text: string) {
  const file = path.join(root, `${kind}.csv`);
  writeFileSync(file, text);
  await importFile(store, { kind, file, format: "csv" });
}

beforeAll(async () => {
  store = await openStore({ dataDir: path.join(root, "pglite") });
  await store.migrate([...coreMigrations, ...measureMigrations]);
  await load("developers", "login,team,role,seniority\nbob,web,,senior\nann,api,lead,junior\n");
  await load("survey", "survey,respondent,item,value\npulse,ann,flow,4\npulse,bob,flow,2\nexit,ann,flow,5\n");
  await load(
    "telemetry",
    "user,date,shown,accepted,source\nann,2025-03-03,10,4,copilot\nann,2025-03-03,5,1,ide\nbob,2025-03-04,8,8,copilot\nann,2025-03-10,3,0,copilot\n",
  );
});

afterAll(async () => {
  await store.close();
  rmSync(root, { recursive: true, force: true });
});

describe("people records", () => {
  it("reads developers with their extra columns as attributes, by login", async () => {
    const developers = await readDevelopers(store);
    expect(developers.map((d) => [d.login, d.team, d.role, d.attributes.seniority])).toEqual([
      ["ann", "api", "lead", "junior"],
      ["bob", "web", null, "senior"],
    ]);
  });

  it("reads one survey or all of them, with numeric values", async () => {
    expect(await readSurveyAnswers(store, "pulse")).toEqual([
      { survey: "pulse", respondent: "ann", item: "flow", value: 4 },
      { survey: "pulse", respondent: "bob", item: "flow", value: 2 },
    ]);
    expect((await readSurveyAnswers(store)).map((a) => a.survey)).toEqual(["exit", "pulse", "pulse"]);
  });

  it("sums telemetry sources per user and day within [from, to)", async () => {
    const days = await readTelemetryDays(store, "2025-03-03", "2025-03-10");
    expect(days).toEqual([
      { user: "ann", day: Date.UTC(2025, 2, 3), shown: 15, accepted: 5 },
      { user: "bob", day: Date.UTC(2025, 2, 4), shown: 8, accepted: 8 },
    ]);
    expect(await readTelemetryDays(store, "2025-03-05")).toHaveLength(1);
  });
});
