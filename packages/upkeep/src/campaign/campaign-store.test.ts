import { randomBytes } from "node:crypto";
import { ConflictError, NotFoundError, openStore, type Store } from "@uplift/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upkeepMigrations } from "../migrations.js";
import { CampaignStore } from "./campaign-store.js";

/** The machine's PostgreSQL, in a schema of our own (the CLI tests run the same SQL on PGlite). */
const SERVER_URL = process.env.UPLIFT_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `uplift_upkeep_${randomBytes(6).toString("hex")}`;
let admin: Store;
let store: Store;

beforeAll(async () => {
  admin = await openStore({ url: SERVER_URL, dataDir: "/nonexistent" });
  await admin.query(`CREATE SCHEMA ${schema}`);
  store = await openStore({
    url: `${SERVER_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    dataDir: "/nonexistent",
  });
  await store.migrate(upkeepMigrations);
});
afterAll(async () => {
  await store?.close();
  await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin?.close();
});

const target = {
  ecosystem: "npm" as const,
  package: "minimist",
  from: "1.2.5",
  to: "1.2.6",
  direct: true,
  advisories: [{ id: "GHSA-xvch-5gv4-984h", aliases: ["CVE-2021-44906"], severity: "critical" as const }],
};

describe("CampaignStore on PostgreSQL", () => {
  it("creates campaigns with short ids and refuses a name twice", async () => {
    const campaigns = new CampaignStore(store);
    const first = await campaigns.create("one", "vulnerability", { advisories: "/osv" }, [
      { repo: "web", path: "/r/web", targets: [target] },
      { repo: "api", path: "/r/api", targets: [target] },
    ]);
    const second = await campaigns.create("two", "upgrade", { package: "minimist", to: "1.2.6" }, [
      { repo: "web", path: "/r/web", targets: [target] },
    ]);
    expect([first.id, second.id]).toEqual(["c1", "c2"]);
    await expect(campaigns.create("one", "upgrade", {}, [])).rejects.toBeInstanceOf(ConflictError);
    await expect(campaigns.get("nope")).rejects.toBeInstanceOf(NotFoundError);
    expect((await campaigns.list()).map((c) => c.name)).toEqual(["two", "one"]);
    expect((await campaigns.repos(first.id)).map((r) => [r.repo, r.state])).toEqual([
      ["api", "created"],
      ["web", "created"],
    ]);
  });

  it("merges checkpoints, keeps unset columns and records every step as an event", async () => {
    const campaigns = new CampaignStore(store);
    const { id } = await campaigns.get("one");
    await campaigns.update(
      id,
      "web",
      { state: "patched", started: true, checkpoint: { bumped: true } },
      "bumped",
    );
    await campaigns.update(id, "web", { checkpoint: { attempts: 1 }, modelLines: 2 }, "model_attempt");
    await campaigns.update(
      id,
      "web",
      { state: "pr_open", prUrl: "https://x/pull/1", prNumber: 1, finished: true, totalLines: 4 },
      "delivered",
    );
    const row = await campaigns.repo(id, "web");
    expect(row).toMatchObject({
      state: "pr_open",
      checkpoint: { bumped: true, attempts: 1 },
      modelLines: 2,
      totalLines: 4,
      prUrl: "https://x/pull/1",
      prNumber: 1,
    });
    expect(row.startedAt).toBeInstanceOf(Date);
    expect(row.finishedAt).toBeInstanceOf(Date);
    expect((await campaigns.events(id, "web")).map((e) => e.step)).toEqual([
      "created",
      "bumped",
      "model_attempt",
      "delivered",
    ]);
  });

  it("keeps every model attempt; a replayed attempt number replaces its row", async () => {
    const campaigns = new CampaignStore(store);
    const { id } = await campaigns.get("one");
    const attempt = {
      attempt: 1,
      model: "m",
      prompt: "p",
      reasoning: "r",
      patch: "--- a/x\n",
      applied: true,
      testsPassed: false,
      output: "fail",
    };
    await campaigns.saveAttempt(id, "api", attempt);
    await campaigns.saveAttempt(id, "api", { ...attempt, attempt: 2, testsPassed: true, output: "ok" });
    await campaigns.saveAttempt(id, "api", { ...attempt, output: "fail again" });
    expect((await campaigns.attempts(id, "api")).map((a) => [a.attempt, a.testsPassed, a.output])).toEqual([
      [1, false, "fail again"],
      [2, true, "ok"],
    ]);
  });
});
