import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coreMigrations } from "../auth/migrations.js";
import { hashToken, TokenRepository } from "../auth/token-repository.js";
import { UserRepository } from "../auth/user-repository.js";
import { ConflictError, InputError, NotFoundError } from "../errors.js";
import type { Store } from "./types.js";

/**
 * The behaviour every Store driver must have, run against each real engine (PGlite in a temp
 * dir, the local PostgreSQL). `makeStore` is called once; tests use their own table names.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    const run = randomBytes(4).toString("hex");
    let counter = 0;
    const unique = (base: string) => `${base}_${run}_${++counter}`;

    beforeAll(async () => {
      store = await makeStore();
    });
    afterAll(async () => {
      await store?.close();
    });

    it("runs a query with $n parameters and parses values alike on every driver", async () => {
      const { rows, rowCount } = await store.query(
        `SELECT $1::int + 1 AS n, $2::text AS t, $3::text[] AS arr, 42::bigint AS small,
                9007199254740993::bigint AS big, ARRAY[1, 2]::bigint[] AS bigs, '2024-03-01'::date AS d,
                '2024-03-01T10:00:00Z'::timestamptz AS ts, 1.50::numeric AS num, $4::jsonb AS j,
                true AS b, 0.5::float8 AS f, NULL::text AS nothing`,
        [41, "it's", ["a", "b,c"], JSON.stringify({ k: [1] })],
      );
      expect(rowCount).toBe(1);
      expect(rows).toEqual([
        {
          n: 42,
          t: "it's",
          arr: ["a", "b,c"],
          small: 42,
          big: 9007199254740993n,
          bigs: [1, 2],
          d: new Date("2024-03-01T00:00:00Z"),
          ts: new Date("2024-03-01T10:00:00Z"),
          num: "1.50",
          j: { k: [1] },
          b: true,
          f: 0.5,
          nothing: null,
        },
      ]);
    });

    it("reports a failed statement with its SQLSTATE code", async () => {
      const table = unique("sqlstate");
      await store.query(`CREATE TABLE ${table} (id int PRIMARY KEY)`);
      await store.query(`INSERT INTO ${table} VALUES (1)`);
      await expect(store.query(`INSERT INTO ${table} VALUES (1)`)).rejects.toMatchObject({ code: "23505" });
    });

    it("commits a transaction and returns its function's value", async () => {
      const table = unique("commit");
      const value = await store.transaction(async (tx) => {
        await tx.query(`CREATE TABLE ${table} (id int)`);
        await tx.query(`INSERT INTO ${table} VALUES ($1), ($2)`, [1, 2]);
        return "done";
      });
      expect(value).toBe("done");
      expect((await store.query(`SELECT id FROM ${table} ORDER BY id`)).rows).toEqual([{ id: 1 }, { id: 2 }]);
    });

    it("rolls a transaction back when its function throws, and rethrows the error", async () => {
      const table = unique("rollback");
      await store.query(`CREATE TABLE ${table} (id int)`);
      const failure = new Error("boom");
      await expect(
        store.transaction(async (tx) => {
          await tx.query(`INSERT INTO ${table} VALUES (1)`);
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect((await store.query(`SELECT count(*)::int AS n FROM ${table}`)).rows).toEqual([{ n: 0 }]);
    });

    it("inserts 10,000 rows in batches and counts the rows written", async () => {
      const table = unique("bulk");
      await store.query(`CREATE TABLE ${table} (id int PRIMARY KEY, name text, score float8)`);
      const rows = Array.from({ length: 10_000 }, (_, i) => [i, `name ${i}`, i / 2]);
      expect(await store.insertMany(table, ["id", "name", "score"], rows, { batchSize: 3_000 })).toBe(10_000);
      const { rows: stats } = await store.query(`SELECT count(*)::int AS n, sum(score) AS s FROM ${table}`);
      expect(stats).toEqual([{ n: 10_000, s: 24_997_500 }]);
    });

    it("skips conflicting rows with ON CONFLICT DO NOTHING and updates them with DO UPDATE", async () => {
      const table = unique("upsert");
      await store.query(`CREATE TABLE ${table} (id int PRIMARY KEY, name text)`);
      const first = Array.from({ length: 10_000 }, (_, i) => [i, "old"]);
      await store.insertMany(table, ["id", "name"], first);
      const overlapping = Array.from({ length: 10_000 }, (_, i) => [i + 5_000, "new"]);
      const onConflict = { columns: ["id"], action: "nothing" } as const;
      expect(await store.insertMany(table, ["id", "name"], overlapping, { onConflict })).toBe(5_000);
      expect(await countBy(store, table)).toEqual([
        { name: "new", n: 5_000 },
        { name: "old", n: 10_000 },
      ]);
      const update = { columns: ["id"], action: "update" } as const;
      expect(await store.insertMany(table, ["id", "name"], overlapping, { onConflict: update })).toBe(10_000);
      expect(await countBy(store, table)).toEqual([
        { name: "new", n: 10_000 },
        { name: "old", n: 5_000 },
      ]);
    });

    it("writes no batch at all when a later batch fails", async () => {
      const table = unique("atomic");
      await store.query(`CREATE TABLE ${table} (id int PRIMARY KEY)`);
      const rows = [...Array.from({ length: 2_500 }, (_, i) => [i]), [0]];
      await expect(store.insertMany(table, ["id"], rows, { batchSize: 1_000 })).rejects.toMatchObject({
        code: "23505",
      });
      expect((await store.query(`SELECT count(*)::int AS n FROM ${table}`)).rows).toEqual([{ n: 0 }]);
    });

    it("keeps every VALUES insert under 65,535 parameters however large the batch asked for", async () => {
      const table = unique("wide");
      const ints = Array.from({ length: 39 }, (_, i) => `c${i}`);
      await store.query(`CREATE TABLE ${table} (${ints.map((c) => `${c} int`).join(", ")}, tags text[])`);
      // The array column keeps this table on the VALUES path: 2,000 rows × 40 columns = 80,000 parameters.
      const rows = Array.from({ length: 2_000 }, (_, r) => [...ints.map((_, c) => r * c), [`${r}`]]);
      expect(await store.insertMany(table, [...ints, "tags"], rows, { batchSize: 100_000 })).toBe(2_000);
      const { rows: sums } = await store.query(
        `SELECT sum(c38)::int AS s, sum(tags[1]::int)::int AS t FROM ${table}`,
      );
      expect(sums).toEqual([{ s: 38 * 1_999_000, t: 1_999_000 }]);
    });

    it("round-trips awkward values on both insert paths", async () => {
      const texts = ["NULL", "", 'a"b', "a\\b", "{x}", " a,b ", "ü€😀", "line\nbreak", "'q'", null];
      const docs = [{ q: 'say "hi"\\', list: [1, [2]] }, [1, "two", null], '"json text"', 3.5, true, null];
      // A text[] column sends the table down the VALUES path; scalar columns only go as unnest arrays.
      for (const [path, noteType, note] of [
        ["unnest", "text", "x"],
        ["values", "text[]", ["x", "NULL", null]],
      ] as const) {
        const table = unique(`awkward_${path}`);
        await store.query(
          `CREATE TABLE ${table} (id int PRIMARY KEY, t text, at timestamptz, ok boolean, doc jsonb, note ${noteType})`,
        );
        const rows = Array.from({ length: 200 }, (_, i) => [
          i,
          texts[i % texts.length],
          i % 3 === 0 ? null : new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
          i % 2 === 0,
          docs[i % docs.length],
          note,
        ]);
        expect(await store.insertMany(table, ["id", "t", "at", "ok", "doc", "note"], rows)).toBe(200);
        const { rows: back } = await store.query(`SELECT id, t, at, ok, doc, note FROM ${table} ORDER BY id`);
        const expected = rows.map((row) =>
          row.map((value) => (value === '"json text"' ? "json text" : value)),
        );
        expect(back.map((row) => Object.values(row))).toEqual(expected);
      }
    });

    it("fails on a value too long for varchar(n) instead of truncating it", async () => {
      const table = unique("short");
      await store.query(`CREATE TABLE ${table} (id int, code varchar(3), flag char(1))`);
      const rows = Array.from({ length: 150 }, (_, i) => [i, i === 149 ? "toolong" : "abc", "y"]);
      await expect(store.insertMany(table, ["id", "code", "flag"], rows)).rejects.toMatchObject({
        code: "22001",
      });
      expect((await store.query(`SELECT count(*)::int AS n FROM ${table}`)).rows).toEqual([{ n: 0 }]);
    });

    it("applies pending migrations once, in id order", async () => {
      const table = unique("migrated");
      const migrations = [
        { id: `test/${table}/0002_index`, sql: `CREATE INDEX ${table}_name ON ${table} (name);` },
        {
          id: `test/${table}/0001_table`,
          sql: `CREATE TABLE ${table} (id int); ALTER TABLE ${table} ADD COLUMN name text;`,
        },
      ];
      expect(await store.migrate(migrations)).toEqual([
        `test/${table}/0001_table`,
        `test/${table}/0002_index`,
      ]);
      expect(await store.migrate(migrations)).toEqual([]);
      const { rows } = await store.query<{ id: string }>(
        "SELECT id FROM uplift_migrations WHERE id LIKE $1 ORDER BY id",
        [`test/${table}/%`],
      );
      expect(rows.map((row) => row.id)).toEqual([`test/${table}/0001_table`, `test/${table}/0002_index`]);
    });

    it("refuses a migration whose SQL changed after it was applied, applying nothing", async () => {
      const table = unique("drift");
      await store.migrate([{ id: `test/${table}/0001`, sql: `CREATE TABLE ${table} (id int);` }]);
      const changed = [
        { id: `test/${table}/0001`, sql: `CREATE TABLE ${table} (id bigint);` },
        { id: `test/${table}/0002`, sql: `CREATE TABLE ${table}_more (id int);` },
      ];
      const refusal = store.migrate(changed);
      await expect(refusal).rejects.toBeInstanceOf(ConflictError);
      await expect(refusal).rejects.toThrow(
        `migration "test/${table}/0001" was changed after it was applied`,
      );
      expect((await store.query("SELECT to_regclass($1) AS t", [`${table}_more`])).rows).toEqual([
        { t: null },
      ]);
    });

    it("rolls a failing migration back together with its bookkeeping row", async () => {
      const table = unique("broken");
      const id = `test/${table}/0001`;
      await expect(
        store.migrate([
          { id, sql: `CREATE TABLE ${table} (id int); INSERT INTO ${table} VALUES ('not a number');` },
        ]),
      ).rejects.toMatchObject({ code: "22P02" });
      expect((await store.query("SELECT to_regclass($1) AS t", [table])).rows).toEqual([{ t: null }]);
      expect(await store.migrate([{ id, sql: `CREATE TABLE ${table} (id int);` }])).toEqual([id]);
    });

    it("applies each migration exactly once under concurrent migrate calls", async () => {
      const table = unique("concurrent");
      const migrations = [1, 2, 3].map((n) => ({
        id: `test/${table}/000${n}`,
        sql: `CREATE TABLE ${table}_${n} (id int); INSERT INTO ${table}_${n} VALUES (${n});`,
      }));
      const results = await Promise.all([
        store.migrate(migrations),
        store.migrate(migrations),
        store.migrate(migrations),
      ]);
      expect(results.flat().sort()).toEqual(migrations.map((m) => m.id));
      const { rows } = await store.query(`SELECT count(*)::int AS n FROM ${table}_1`);
      expect(rows).toEqual([{ n: 1 }]);
    });

    describe("auth repositories", () => {
      beforeAll(async () => {
        await store.migrate(coreMigrations);
      });

      it("adds users with groups, replaces groups on upsert and lists users by login", async () => {
        const users = new UserRepository(store);
        const [a, b] = [unique("zed"), unique("amy")];
        expect(await users.upsert(a, ["web", "sre", "web"])).toMatchObject({
          login: a,
          groups: ["web", "sre"],
        });
        await users.upsert(b);
        const updated = await users.upsert(a, ["platform"]);
        expect(updated.groups).toEqual(["platform"]);
        expect(updated.createdAt).toBeInstanceOf(Date);
        expect(await users.get(a)).toEqual(updated);
        expect(await users.get(unique("nobody"))).toBeUndefined();
        const listed = (await users.list()).filter((user) => user.login === a || user.login === b);
        expect(listed.map((user) => [user.login, user.groups])).toEqual([
          [b, []],
          [a, ["platform"]],
        ]);
      });

      it("creates a token shown once and stored only as its sha256, which verifies to its user", async () => {
        const login = unique("tok");
        await new UserRepository(store).upsert(login, ["sre"]);
        const tokens = new TokenRepository(store);
        const created = await tokens.create(login, "laptop");
        expect(created.token).toMatch(/^upl_[A-Za-z0-9_-]{43}$/);
        expect(created).toMatchObject({ login, name: "laptop", lastUsedAt: null });
        const { rows } = await store.query("SELECT * FROM api_tokens WHERE id = $1", [created.id]);
        expect(rows[0]?.token_hash).toBe(hashToken(created.token));
        expect(JSON.stringify(rows)).not.toContain(created.token.slice(4));
        expect(await tokens.verify(created.token)).toMatchObject({ login, groups: ["sre"] });
        const [listed] = await tokens.list(login);
        expect(listed).toMatchObject({ id: created.id, name: "laptop" });
        expect(listed?.lastUsedAt).toBeInstanceOf(Date);
        expect(listed).not.toHaveProperty("token");
      });

      it("rejects unknown, malformed and revoked tokens", async () => {
        const login = unique("revoke");
        await new UserRepository(store).upsert(login);
        const tokens = new TokenRepository(store);
        const created = await tokens.create(login);
        expect(await tokens.verify(`upl_${"A".repeat(43)}`)).toBeUndefined();
        expect(await tokens.verify("not a token")).toBeUndefined();
        await tokens.revoke(created.id);
        expect(await tokens.verify(created.token)).toBeUndefined();
        await expect(tokens.revoke(created.id)).rejects.toBeInstanceOf(NotFoundError);
      });

      it("refuses logins and groups with spaces or commas, writing nothing", async () => {
        const users = new UserRepository(store);
        await expect(users.upsert("ann smith")).rejects.toBeInstanceOf(InputError);
        const login = unique("ok");
        await expect(users.upsert(login, ["web,sre"])).rejects.toThrow('group "web,sre" is not valid');
        expect(await users.get(login)).toBeUndefined();
      });

      it("refuses a token for a user that does not exist", async () => {
        const login = unique("ghost");
        await expect(new TokenRepository(store).create(login)).rejects.toThrow(
          `user "${login}" does not exist`,
        );
      });
    });
  });
}

async function countBy(store: Store, table: string) {
  return (await store.query(`SELECT name, count(*)::int AS n FROM ${table} GROUP BY name ORDER BY name`))
    .rows;
}
