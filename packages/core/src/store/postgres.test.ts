import { randomBytes } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeError, UnavailableError } from "../errors.js";
import { openStore } from "./index.js";
import { openPostgresStore } from "./postgres.js";
import { describeStoreContract } from "./store-contract.js";
import type { Store } from "./types.js";

/** The machine's PostgreSQL; this suite fails (never skips) when it is not there. */
const SERVER_URL = process.env.UPLIFT_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
/** A schema of our own so that parallel runs (and other suites) never see each other's tables. */
const schema = `uplift_test_${randomBytes(6).toString("hex")}`;
const schemaUrl = `${SERVER_URL}${SERVER_URL.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

let admin: Store | undefined;

beforeAll(async () => {
  try {
    admin = await openPostgresStore({ url: SERVER_URL });
  } catch (error) {
    throw new Error(`the PostgreSQL store suite needs a server at ${SERVER_URL}: ${describeError(error)}`, {
      cause: error,
    });
  }
  await admin.query(`CREATE SCHEMA ${schema}`);
});
afterAll(async () => {
  await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin?.close();
});

describeStoreContract("postgres", async () => {
  const store = await openStore({ url: schemaUrl, dataDir: "/nonexistent/unused-by-postgres" });
  const { rows } = await store.query("SELECT current_schema() AS s");
  if (rows[0]?.s !== schema) throw new Error(`search_path did not select ${schema}: ${JSON.stringify(rows)}`);
  return store;
});

describe("PostgreSQL connection failures", () => {
  let silent: Server;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // Accepts connections and never answers: a server that hangs.
    silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it("gives UnavailableError naming host:port and the config key when the server refuses", async () => {
    const opening = openStore({ url: "postgres://postgres:secret@127.0.0.1:1/test", dataDir: "/unused" });
    await expect(opening).rejects.toBeInstanceOf(UnavailableError);
    const error = await opening.catch((e: unknown) => e);
    expect(describeError(error)).toMatch(
      /^PostgreSQL at 127\.0\.0\.1:1 is not available: .+database\.url \(or UPLIFT_DATABASE_URL\)/,
    );
    expect(describeError(error)).not.toContain("secret");
  });

  it("gives up on a server that never answers after the connect timeout", async () => {
    const { port } = silent.address() as { port: number };
    const opening = openPostgresStore({
      url: `postgres://postgres@127.0.0.1:${port}/test`,
      connectTimeoutMs: 200,
    });
    await expect(opening).rejects.toBeInstanceOf(UnavailableError);
    await expect(opening).rejects.toThrow(`PostgreSQL at 127.0.0.1:${port} is not available`);
  });

  it("keeps statement errors as they are, with their SQLSTATE, rather than calling the server unavailable", async () => {
    const error = await admin?.query("SELECT * FROM no_such_table_anywhere").catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(UnavailableError);
    expect(error).toMatchObject({ code: "42P01" });
  });
});
