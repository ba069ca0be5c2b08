import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { coreMigrations, InputError, openStore, type Store } from "@uplift/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureMigrations } from "../migrations.js";
import { resolveAliasChains } from "../store/identities.js";
import { identityFileRows } from "./export-identities.js";
import { formatIdentityCsv } from "./identity-csv.js";
import { parseIdentityTable } from "./import-identities.js";

const root = mkdtempSync(path.join(tmpdir(), "measure-identities-"));
let store: Store;

beforeAll(async () => {
  store = await openStore({ dataDir: path.join(root, "pglite") });
  await store.migrate([...coreMigrations, ...measureMigrations]);
  await store.query(`INSERT INTO developers (login, team) VALUES ('ann', 'a')`);
  await store.query(`INSERT INTO identities (alias, login, source) VALUES ('ann', 'ann', 'developers:d.csv'),
    ('ann@corp.example', 'ann', 'file')`);
  await store.query(`INSERT INTO prs (id, repo, author, created_at) VALUES
    ('1', 'web', 'ANN@corp.example', now()), ('2', 'web', 'Zed', now())`);
  await store.query(
    `INSERT INTO survey_answers (survey, respondent, item, value) VALUES ('s', 'r-17', 'q1', 4)`,
  );
  await store.query(`INSERT INTO commits (repo, sha, author, author_email, authored_at, committed_at) VALUES
    ('web', 'a1', 'ann', 'ann@home.example', now(), now()),
    ('web', 'b2', 'yan@corp.example', 'Yan@Corp.example', now(), now())`);
});

afterAll(async () => {
  await store?.close();
  rmSync(root, { recursive: true, force: true });
});

describe("identity mapping file", () => {
  it("lists names of PRs, surveys and unresolved commit authors' emails with an empty login, first", async () => {
    const { rows, mapped } = await identityFileRows(store);
    expect(mapped).toBe(2);
    expect(formatIdentityCsv(rows)).toBe(
      "alias,login,source\nr-17,,\nyan@corp.example,,\nzed,,\nann,ann,developers:d.csv\nann@corp.example,ann,file\n",
    );
  });

  it("quotes cells that need it", () => {
    expect(formatIdentityCsv([{ alias: 'a,"b"', login: "x", source: "" }])).toBe(
      'alias,login,source\n"a,""b""",x,\n',
    );
  });

  it("keeps one mapping per alias, defaults the source and counts rows without login", () => {
    const table = {
      file: "m.csv",
      format: "csv" as const,
      header: ["alias", "login"],
      unit: "line" as const,
      rows: [
        { line: 2, cells: { alias: " Ann@X ", login: "ann" } },
        { line: 3, cells: { alias: "ann@x", login: "ann" } },
        { line: 4, cells: { alias: "bob@x", login: "" } },
      ],
    };
    expect(parseIdentityTable(table)).toEqual({
      mappings: [{ alias: "ann@x", login: "ann", source: "file" }],
      skipped: 1,
    });
    table.rows.push({ line: 5, cells: { alias: "ANN@x", login: "anna" } });
    expect(() => parseIdentityTable(table)).toThrow(InputError);
    expect(() => parseIdentityTable(table)).toThrow(
      /m\.csv line 5, column login: .*"anna" here and to "ann" on line 2/,
    );
  });
});

describe("alias chains", () => {
  it("follows an email → GitHub login → canonical login chain, and stops at a cycle", () => {
    const resolved = resolveAliasChains(
      new Map([
        ["ada@corp.example", "ada-lovelace"],
        ["ada-lovelace", "ada"],
        ["ada", "ada"],
        ["x", "y"],
        ["y", "x"],
      ]),
    );
    expect(resolved.get("ada@corp.example")).toBe("ada");
    expect(resolved.get("ada-lovelace")).toBe("ada");
    expect(resolved.get("ada")).toBe("ada");
    expect(resolved.get("x")).toBe("y");
    expect(resolved.get("y")).toBe("x");
  });
});
