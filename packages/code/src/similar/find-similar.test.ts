import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openStore, type Store } from "@uplift/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodeIndexReader } from "../store/code-reader.js";
import { CODE_BAND_CHUNK_INDEX_MIGRATION, CODE_INDEX_MIGRATION } from "../store/migrations.js";
import { normalisedTokens } from "./code-tokens.js";
import { findSimilarCode } from "./find-similar.js";
import { bandKeys, encodeSignature, minhashSignature, shingleHashes } from "./minhash.js";

const root = mkdtempSync(path.join(tmpdir(), "find-similar-"));
let store: Store;

const original = `export function totalPrice(items: Item[], taxRate: number): number {
  let sum = 0;
  for (const item of items) {
    if (item.quantity <= 0) continue;
    sum += item.price * item.quantity;
  }
  const tax = sum * taxRate;
  return Math.round((sum + tax) * 100) / 100;
}`;
const renamed = original
  .replaceAll("item", "line")
  .replaceAll("sum", "acc")
  .replace("totalPrice", "grandTotal");
const edited = renamed
  .replace("    if (line.quantity <= 0) continue;\n", "")
  .replace("100) / 100", "1000) / 1000");
const unrelated = (
  i: number,
) => `export async function fetchUser${i}(id: string, client: HttpClient): Promise<User> {
  const response = await client.get(\`/users/\${id}\`, { retries: ${i} });
  if (!response.ok) throw new NotFoundError("user " + id);
  return parseUser(await response.json(), { strict: true, version: ${i} });
}`;

beforeAll(async () => {
  store = await openStore({ dataDir: path.join(root, "pg") });
  await store.migrate([CODE_INDEX_MIGRATION, CODE_BAND_CHUNK_INDEX_MIGRATION]);
  await store.query("INSERT INTO code_repos (name, root, listing) VALUES ('shop', '/r/shop', 'git')");
  const chunks: { path: string; code: string }[] = [
    { path: "src/price.ts", code: original },
    { path: "src/renamed.ts", code: renamed },
    { path: "src/edited.ts", code: edited },
    ...Array.from({ length: 30 }, (_, i) => ({ path: `src/user${i}.ts`, code: unrelated(i) })),
  ];
  for (const [i, chunk] of chunks.entries()) {
    await store.query(
      `INSERT INTO code_files (repo, path, language, content_hash, content, parsed, syntax_errors, line_count)
       VALUES ('shop', $1, 'typescript', $2, $3, true, false, $4)`,
      [chunk.path, `h${i}`, chunk.code, chunk.code.split("\n").length],
    );
    const signature = minhashSignature(shingleHashes(normalisedTokens(chunk.code, "typescript")));
    const id = `c${String(i).padStart(3, "0")}`;
    await store.query(
      `INSERT INTO code_chunks (id, repo, path, start_line, end_line, symbol, kind, language, content, minhash)
       VALUES ($1, 'shop', $2, 1, $3, '', 'function', 'typescript', $4, $5)`,
      [id, chunk.path, chunk.code.split("\n").length, chunk.code, encodeSignature(signature)],
    );
    for (const band of bandKeys(signature))
      await store.query("INSERT INTO code_chunk_bands (band, chunk_id) VALUES ($1, $2)", [band, id]);
  }
});

afterAll(async () => {
  await store.close();
  rmSync(root, { recursive: true, force: true });
});

describe("findSimilarCode over the stored LSH index", () => {
  it("finds the renamed and the edited copy with their content, best first, and not the query's own place", async () => {
    const { matches, tooShort } = await findSimilarCode(
      new CodeIndexReader(store),
      {
        code: original,
        language: "typescript",
        self: { repo: "shop", path: "src/price.ts", startLine: 1, endLine: 9 },
      },
      { threshold: 0.5, k: 10 },
    );
    expect(tooShort).toBe(false);
    expect(matches.map((m) => m.chunk.path)).toEqual(["src/renamed.ts", "src/edited.ts"]);
    expect(matches[0]?.jaccard).toBe(1);
    expect(matches[1]?.jaccard).toBeLessThan(1);
    expect(matches[0]?.chunk.content).toBe(renamed);
    expect(matches[1]?.chunk.content).toBe(edited);
  });

  it("keeps only the k best matches", async () => {
    const { matches } = await findSimilarCode(
      new CodeIndexReader(store),
      { code: unrelated(99), language: "typescript" },
      { threshold: 0.5, k: 3 },
    );
    expect(matches).toHaveLength(3);
    expect(
      matches.every((m) => m.chunk.path.startsWith("src/user") && m.chunk.content.includes("fetchUser")),
    ).toBe(true);
  });

  it("counts shared bands over each band's first `limit` chunk ids only", async () => {
    const reader = new CodeIndexReader(store);
    const bands = bandKeys(minhashSignature(shingleHashes(normalisedTokens(unrelated(7), "typescript"))));
    const limit = 4;
    const shared = new Map<string, number>();
    for (const band of bands) {
      const { rows } = await store.query<{ chunk_id: string }>(
        "SELECT chunk_id FROM code_chunk_bands WHERE band = $1 ORDER BY chunk_id",
        [band],
      );
      for (const { chunk_id } of rows.slice(0, limit)) shared.set(chunk_id, (shared.get(chunk_id) ?? 0) + 1);
    }
    const expected = [...shared]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([id, n]) => ({ id, shared: n }));
    const got = await reader.chunkSignaturesSharingBands(bands, limit);
    expect(got.map(({ id, shared }) => ({ id, shared }))).toEqual(expected);
    expect(Math.max(...expected.map((e) => e.shared))).toBeGreaterThan(1);
  });

  it("reads the same LSH candidates, in the same order, with or without their content", async () => {
    const reader = new CodeIndexReader(store);
    const bands = bandKeys(minhashSignature(shingleHashes(normalisedTokens(unrelated(7), "typescript"))));
    for (const limit of [500, 5]) {
      const full = await reader.chunksSharingBands(bands, limit);
      const light = await reader.chunkSignaturesSharingBands(bands, limit);
      expect(full.length).toBeGreaterThan(limit === 5 ? 4 : 20);
      expect(light).toEqual(
        full.map(({ id, repo, path, start_line, end_line, minhash, shared }) => ({
          id,
          repo,
          path,
          start_line,
          end_line,
          minhash,
          shared,
        })),
      );
    }
  });
});
