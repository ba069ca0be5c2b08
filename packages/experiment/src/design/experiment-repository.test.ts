import { randomBytes } from "node:crypto";
import { coreMigrations, InputError, NotFoundError, openStore, type Store } from "@uplift/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsvTable } from "../csv/csv-table.js";
import { experimentMigrations } from "../migrations.js";
import { designExperiment } from "./design-experiment.js";
import { ExperimentRepository } from "./experiment-repository.js";
import { parseStratify } from "./strata.js";

/** The machine's PostgreSQL, in a schema of our own (the same SQL runs on PGlite; the CLI tests use PGlite). */
const SERVER_URL = process.env.UPLIFT_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `uplift_experiment_${randomBytes(6).toString("hex")}`;
let admin: Store;
let store: Store;

beforeAll(async () => {
  admin = await openStore({ url: SERVER_URL, dataDir: "/nonexistent" });
  await admin.query(`CREATE SCHEMA ${schema}`);
  store = await openStore({
    url: `${SERVER_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    dataDir: "/nonexistent",
  });
  await store.migrate([...coreMigrations, ...experimentMigrations]);
});
afterAll(async () => {
  await store?.close();
  await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin?.close();
});

const table = parseCsvTable(
  `login,team,pre\n${Array.from({ length: 12 }, (_, i) => `d${i},${i % 2 ? "web" : "api"},${i * 1.5}`).join("\n")}\n`,
  "developers.csv",
);
const design = designExperiment(table, {
  name: "pilot",
  arms: ["control", "treatment"],
  unitColumn: "login",
  stratify: parseStratify("team,pre:q2"),
  seed: 3,
  rerandomize: 1,
  rampUpDays: 10,
  startsAt: new Date("2026-03-02T00:00:00Z"),
});

describe("ExperimentRepository", () => {
  it("stores the experiment and its assignment, and reads them back", async () => {
    const repository = new ExperimentRepository(store);
    await repository.create(design, new Date("2026-03-01T12:00:00Z"));
    const stored = await repository.get("pilot");
    expect(stored).toMatchObject({
      name: "pilot",
      arms: ["control", "treatment"],
      seed: 3,
      unitColumn: "login",
      rampUpDays: 10,
      startsAt: new Date("2026-03-02T00:00:00Z"),
    });
    expect(stored.stratify).toEqual(design.stratify);
    const assignments = await repository.assignments("pilot");
    expect(assignments.map(({ unit, arm, stratum }) => ({ unit, arm, stratum }))).toEqual(
      [...design.assignments].sort((a, b) => (a.unit < b.unit ? -1 : 1)),
    );
    expect(assignments.every((a) => a.batch === 0 && a.leftAt === null)).toBe(true);
    const byArm = await store.query<{ arm: string; n: number }>(
      "SELECT arm, count(*)::int AS n FROM experiment_assignments WHERE experiment = 'pilot' GROUP BY arm ORDER BY arm",
    );
    expect(byArm.rows).toEqual([
      { arm: "control", n: 6 },
      { arm: "treatment", n: 6 },
    ]);
  });

  it("refuses a second experiment of the same name without writing anything", async () => {
    const repository = new ExperimentRepository(store);
    await expect(repository.create({ ...design, seed: 99 }, new Date())).rejects.toThrow(InputError);
    expect((await repository.get("pilot")).seed).toBe(3);
  });

  it("adds late joiners as a new batch and marks leavers once, keeping their arm", async () => {
    const repository = new ExperimentRepository(store);
    const leaver = design.assignments[0]?.unit as string;
    await repository.addLate(
      "pilot",
      1,
      [{ unit: "n1", arm: "treatment", stratum: "team=web|pre=q1" }],
      [leaver],
      new Date("2026-03-10T00:00:00Z"),
    );
    await repository.addLate("pilot", 2, [], [leaver], new Date("2026-03-20T00:00:00Z"));
    const assignments = await repository.assignments("pilot");
    expect(assignments).toHaveLength(13);
    expect(assignments.find((a) => a.unit === "n1")?.batch).toBe(1);
    const left = assignments.find((a) => a.unit === leaver);
    expect(left?.leftAt).toEqual(new Date("2026-03-10T00:00:00Z"));
    expect(left?.arm).toBe(design.assignments[0]?.arm);
  });

  it("saves one analysis per metric, replacing it when re-analysed, and returns the design summary", async () => {
    const repository = new ExperimentRepository(store);
    const record = (estimate: number) =>
      ({
        metric: "pr_merge_time",
        role: "outcome",
        report: { effect: { estimate } },
        unitMeans: { treatment: [1, 2], control: [3] },
        weekly: [{ week: "2026-03-02", arm: "treatment", rows: 4, value: 12.5 }],
      }) as unknown as Parameters<ExperimentRepository["saveAnalysis"]>[1];
    await repository.saveAnalysis("pilot", record(-0.1));
    await repository.saveAnalysis("pilot", record(-0.2));
    const saved = await repository.analyses("pilot");
    expect(saved).toHaveLength(1);
    expect(saved[0]?.report.effect.estimate).toBe(-0.2);
    expect(saved[0]?.weekly[0]).toEqual({ week: "2026-03-02", arm: "treatment", rows: 4, value: 12.5 });
    expect((await repository.design("pilot")).counts).toEqual(design.counts);
    await expect(repository.saveAnalysis("nope", record(0))).rejects.toThrow(NotFoundError);
  });

  it("names the experiments there are when asked for an unknown one", async () => {
    await expect(new ExperimentRepository(store).get("nope")).rejects.toThrow(NotFoundError);
    await expect(new ExperimentRepository(store).get("nope")).rejects.toThrow(
      'no experiment named "nope" (experiments: pilot)',
    );
  });

  it("lists experiment names newest first", async () => {
    const repository = new ExperimentRepository(store);
    await repository.create({ ...design, name: "later" }, new Date("2026-04-01T00:00:00Z"));
    const names = await repository.names();
    expect(names[0]).toBe("later");
    expect(names).toContain("pilot");
  });
});
