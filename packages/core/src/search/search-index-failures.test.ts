import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CorruptDataError, UnavailableError } from "../errors.js";
import { openSearchIndex } from "./index.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "uplift-search-bad-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function writeTable(dataDir: string, name: string): Promise<string> {
  const index = await openSearchIndex({ dataDir });
  const table = await index.openTable({ name });
  await table.upsert([{ id: "a", text: "some text" }]);
  await index.close();
  return path.join(dataDir, "lance", `${name}.lance`);
}

describe("damaged index directories", () => {
  it("reports a table whose version manifest is garbage as corrupt, naming the table and how to rebuild", async () => {
    const dataDir = path.join(dir, "manifest");
    const tableDir = await writeTable(dataDir, "kb_chunks");
    for (const file of readdirSync(path.join(tableDir, "_versions"))) {
      writeFileSync(path.join(tableDir, "_versions", file), "not a manifest");
    }
    const index = await openSearchIndex({ dataDir });
    const opening = index.openTable({ name: "kb_chunks" });
    await expect(opening).rejects.toThrow(CorruptDataError);
    await expect(opening).rejects.toThrow(/table "kb_chunks" cannot be opened/);
    await expect(opening).rejects.toMatchObject({ hint: expect.stringContaining(tableDir) });
    await index.close();
  });

  it("reports damaged data files as corrupt when they are read", async () => {
    const dataDir = path.join(dir, "data");
    const tableDir = await writeTable(dataDir, "code_chunks");
    for (const file of readdirSync(path.join(tableDir, "data")))
      writeFileSync(path.join(tableDir, "data", file), "xx");
    const index = await openSearchIndex({ dataDir });
    const table = await index.openTable({ name: "code_chunks" });
    const searching = table.search({ mode: "bm25", text: "text", k: 1 });
    await expect(searching).rejects.toThrow(CorruptDataError);
    await expect(searching).rejects.toThrow(/on table "code_chunks" failed: the stored data looks damaged/);
    await index.close();
  });

  it("recreates a table whose directory holds no versions yet (an interrupted create)", async () => {
    const dataDir = path.join(dir, "empty");
    mkdirSync(path.join(dataDir, "lance", "docs.lance"), { recursive: true });
    const index = await openSearchIndex({ dataDir });
    const table = await index.openTable({ name: "docs" });
    await table.upsert([{ id: "a", text: "x" }]);
    expect(await table.count()).toBe(1);
    await index.close();
  });
});

describe("unusable locations", () => {
  it("reports a data dir that cannot be created as unavailable, with what to check", async () => {
    const file = path.join(dir, "a-file");
    writeFileSync(file, "");
    const opening = openSearchIndex({ dataDir: path.join(file, "sub") });
    await expect(opening).rejects.toThrow(UnavailableError);
    await expect(opening).rejects.toMatchObject({
      hint: expect.stringContaining("--data-dir or search.uri"),
    });
  });
});

describe("object storage", () => {
  it("passes an s3:// URI and storage options to LanceDB, which lists the prefix on the configured endpoint", async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      response.writeHead(200, { "content-type": "application/xml" });
      response.end(
        '<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
          "<Name>bucket</Name><Prefix>team/index/</Prefix><KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys>" +
          "<IsTruncated>false</IsTruncated></ListBucketResult>",
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const index = await openSearchIndex({
        uri: "s3://bucket/team/index",
        dataDir: dir,
        storageOptions: {
          endpoint: `http://127.0.0.1:${port}`,
          allow_http: "true",
          region: "us-east-1",
          aws_access_key_id: "test",
          aws_secret_access_key: "test",
        },
      });
      expect(index.uri).toBe("s3://bucket/team/index");
      expect(await index.tableNames()).toEqual([]);
      expect(requests.some((r) => r.startsWith("GET /bucket?") && r.includes("prefix=team%2Findex%2F"))).toBe(
        true,
      );
      await index.close();
    } finally {
      server.close();
    }
  });
});
