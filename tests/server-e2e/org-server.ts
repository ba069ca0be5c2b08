import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { codeMigrations, indexRepositories } from "@uplift/code";
import {
  type Config,
  type ConfigInput,
  configSchema,
  coreMigrations,
  openSearchIndex,
  openStore,
  type SearchIndex,
  type Store,
  silentLogger,
  TokenRepository,
  UserRepository,
} from "@uplift/core";
import { experimentMigrations } from "@uplift/experiment";
import { addSource, kbMigrations, syncKnowledgeBase } from "@uplift/kb";
import { type RunningServer, type ServerDeps, startServer } from "@uplift/server";
import { tuneMigrations } from "@uplift/tune";
import { createServerServices } from "../../apps/cli/src/server-services.js";
import { TelemetryWriter, telemetryMigrations } from "../../packages/core/src/telemetry/index.js";
import { writeFixtureOrg } from "../code/fixture-org.js";

/** An indexed organisation (lib defines `@acme/money`, app uses it), a knowledge base, two users with tokens. */
export interface Org {
  dir: string;
  repos: Record<string, string>;
  store: Store;
  index: SearchIndex;
  telemetry: TelemetryWriter;
  /** ada is in `finance`, bob in no group. */
  tokens: { ada: string; bob: string };
  close(): Promise<void>;
}

/**
 * Builds the org the way `uplift code index` and `uplift kb sync` would, in a PGlite data dir and
 * a LanceDB dataset under a temp dir: the code fixture's `lib` and `app` repositories, and two
 * knowledge-base sources, `handbook` (public) and `finance` (ACL: finance).
 */
export async function buildOrg(): Promise<Org> {
  const dir = mkdtempSync(path.join(tmpdir(), "uplift-server-e2e-"));
  const logger = silentLogger();
  const repos = writeFixtureOrg(path.join(dir, "org"));
  const store = await openStore({ dataDir: path.join(dir, "data"), logger });
  await store.migrate([
    ...coreMigrations,
    ...telemetryMigrations,
    ...kbMigrations,
    ...codeMigrations,
    // the gateway reads model routes (tune) of experiment arms (experiment) on every call
    ...experimentMigrations,
    ...tuneMigrations,
  ]);
  const index = await openSearchIndex({ dataDir: path.join(dir, "data"), logger });
  await indexRepositories([repos.lib as string, repos.app as string], {
    store,
    searchIndex: index,
    embedder: undefined,
    logger,
  });

  const handbook = path.join(dir, "handbook.jsonl");
  writeFileSync(
    handbook,
    `${JSON.stringify({ id: "deploy", title: "Deploying the shop", text: "Deploy the shop with the release pipeline after the review is approved." })}\n`,
  );
  const finance = path.join(dir, "finance.jsonl");
  writeFileSync(
    finance,
    `${JSON.stringify({ id: "expenses", title: "Expense approval", text: "Expense approval above 5000 euros needs the finance director's signature." })}\n`,
  );
  await addSource(store, { name: "handbook", type: "jsonl", path: handbook });
  await addSource(store, { name: "finance", type: "jsonl", path: finance, acl: ["finance"] });
  const sync = await syncKnowledgeBase({ store, index, logger });
  if (sync.failures.length > 0) throw new Error(`kb sync failed: ${String(sync.failures[0]?.error)}`);

  const users = new UserRepository(store);
  await users.upsert("ada", ["finance"]);
  await users.upsert("bob", []);
  const tokenRepository = new TokenRepository(store);
  const tokens = {
    ada: (await tokenRepository.create("ada")).token,
    bob: (await tokenRepository.create("bob")).token,
  };
  const telemetry = new TelemetryWriter(store, logger);
  return {
    dir,
    repos,
    store,
    index,
    telemetry,
    tokens,
    async close() {
      await telemetry.flush();
      await index.close();
      await store.close();
    },
  };
}

/**
 * Serves the org over a real port, wired as `uplift serve` wires it (createServerServices from
 * the CLI's composition root) with `config` (e.g. `llm` pointing at a fake endpoint) and, with
 * `extra.webRoot`, the built dashboard.
 */
export async function serveOrg(
  org: Org,
  config: ConfigInput = {},
  extra: Pick<ServerDeps, "webRoot"> = {},
): Promise<RunningServer & { config: Config }> {
  const parsed = configSchema.parse(config);
  const logger = silentLogger();
  const services = await createServerServices({
    config: parsed,
    logger,
    store: async () => org.store,
    searchIndex: async () => org.index,
  });
  const tokens = new TokenRepository(org.store);
  const server = await startServer(
    {
      config: parsed,
      logger,
      version: "e2e",
      authenticate: (token) => tokens.verify(token),
      health: async () => ({ store: { ok: true, detail: org.store.driver } }),
      ...services,
      telemetry: org.telemetry,
      ...extra,
    },
    { port: 0, host: "127.0.0.1", signals: [] },
  );
  return {
    ...server,
    config: parsed,
    close: async () => {
      await server.close();
      await services.close();
    },
  };
}
